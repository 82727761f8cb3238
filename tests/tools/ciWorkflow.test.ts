import { expect } from "chai";
import * as fs from "node:fs";
import { parse } from "yaml";

interface Step { uses?: string; run?: string; with?: Record<string, string> }
interface Job { needs?: string; steps: Step[]; strategy?: { matrix: { stack: string[] } } }

/** The example GitHub Actions workflow of the README: what it must do, checked on the file itself. */
describe("docs/ci/github-actions.yml", () => {
    const workflow = parse(fs.readFileSync("docs/ci/github-actions.yml", "utf8")) as {
        on: { pull_request?: unknown; push?: { branches: string[] } };
        permissions: Record<string, string>;
        jobs: Record<string, Job>;
    };
    const jobs = Object.values(workflow.jobs);
    const pulumiJob = jobs.find((j) => j.steps.some((s) => s.uses?.startsWith("pulumi/actions@")))!;
    const pulumiStep = pulumiJob.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!;

    it("previews on pull requests and runs up on main", () => {
        expect(workflow.on).to.have.property("pull_request");
        expect(workflow.on.push?.branches).to.deep.equal(["main"]);
        expect(pulumiStep.with!.command).to.match(/refs\/heads\/main' && 'up' \|\| 'preview'/);
    });

    it("gets AWS credentials through OIDC, with a role to assume and no stored keys", () => {
        expect(workflow.permissions["id-token"]).to.equal("write");
        const aws = pulumiJob.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
        expect(aws?.with?.["role-to-assume"]).to.be.a("string");
        expect(JSON.stringify(workflow)).not.to.match(/aws-access-key-id|AWS_SECRET_ACCESS_KEY/i);
    });

    it("runs both policy packs with each stack's policy configs, which exist", () => {
        expect(pulumiStep.with!.policyPacks.trim().split("\n")).to.deep.equal(["policies/personas", "policies/baseline"]);
        const configs = pulumiStep.with!.policyPackConfigs.trim().split("\n");
        for (const stack of pulumiJob.strategy!.matrix.stack) {
            const files = configs.map((c) => c.replace("${{ matrix.stack }}", stack));
            expect(files).to.deep.equal([`policies/personas/policy-config.${stack}.json`, `policies/baseline/policy-config.${stack}.json`]);
            for (const file of files) expect(fs.existsSync(file), file).to.equal(true);
            expect(fs.existsSync(`Pulumi.${stack}.yaml`)).to.equal(true);
        }
    });

    it("runs the offline npm run policy step first, and the preview only after it", () => {
        const offline = Object.entries(workflow.jobs).find(([, j]) => j.steps.some((s) => s.run?.includes("npm run --silent policy")));
        expect(offline, "a job running npm run policy").to.not.equal(undefined);
        expect(pulumiJob.needs).to.equal(offline![0]);
        expect(offline![1].steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))).to.equal(true);
    });
});
