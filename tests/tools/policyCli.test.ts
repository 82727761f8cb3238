import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ExportedResource, Plan } from "../../tools/engine/stackExport";
import { toStackExport } from "../../tools/engine/stackExport";
import { checkResources } from "../../tools/policyRunner/checkResources";
import { planOf } from "../helpers/plans";
import { edit, named } from "../helpers/resources";

type Edit = (resources: ExportedResource[]) => { expectUrn: string };

function addStatement(resource: ExportedResource, key: string, statement: object): void {
    const document = JSON.parse(String(resource.outputs[key])) as { Statement: object[] };
    document.Statement.push(statement);
    edit(resource, (props) => (props[key] = JSON.stringify(document)));
}

/** The edits of issue 3's "done when": each must make `policy` exit 1 naming policy and resource. */
const EDITS: Record<string, Edit> = {
    "the analyst role given glue:CreateDatabase": (resources) => {
        const role = named(resources, "analyst-sales-analysts-role");
        const policy = resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.outputs.role === role.outputs.name)!;
        addStatement(policy, "policy", { Sid: "Sneaky", Effect: "Allow", Action: ["glue:CreateDatabase"], Resource: "*" });
        return { expectUrn: role.urn };
    },
    "a bucket's encryption removed": (resources) => {
        const lake = named(resources, "lake");
        const index = resources.findIndex((r) => r.urn.endsWith("::lake-encryption"));
        resources.splice(index, 1);
        return { expectUrn: lake.urn };
    },
    "an IAM user made a Lake Formation admin": (resources) => {
        const settings = named(resources, "lake-formation-settings");
        const userArn = "arn:aws:iam::123456789012:user/alice";
        resources.push({
            urn: "urn:pulumi:prod::analytics-platform::aws:iam/user:User::alice",
            custom: true,
            type: "aws:iam/user:User",
            id: "alice",
            inputs: { name: "alice" },
            outputs: { name: "alice", arn: userArn },
            parent: resources[0].urn,
            dependencies: [],
            protect: false,
        });
        const admins = [...(settings.outputs.admins as string[]), userArn];
        edit(settings, (props) => (props.admins = admins));
        return { expectUrn: settings.urn };
    },
    "the workflow role made assumable by an account principal": (resources) => {
        const role = named(resources, "workflow-role");
        addStatement(role, "assumeRolePolicy", { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::123456789012:root" } });
        return { expectUrn: role.urn };
    },
    "a grant of DATA_LOCATION_ACCESS on the lake to the analyst": (resources) => {
        const role = named(resources, "analyst-sales-analysts-role");
        resources.push({
            urn: "urn:pulumi:prod::analytics-platform::analytics:index:AthenaAnalystRole$aws:lakeformation/permissions:Permissions::analyst-lake-location",
            custom: true,
            type: "aws:lakeformation/permissions:Permissions",
            id: "1234567890",
            inputs: {},
            outputs: { principal: role.outputs.arn, permissions: ["DATA_LOCATION_ACCESS"], dataLocation: { arn: named(resources, "lake").outputs.arn } },
            parent: named(resources, "analyst-sales-analysts").urn,
            dependencies: [],
            protect: false,
        });
        return { expectUrn: role.urn };
    },
};

describe("policy on the prod stack", () => {
    let prod: Plan;
    before(async () => {
        prod = await planOf("prod");
    });
    const copy = () => JSON.parse(JSON.stringify(prod.resources)) as ExportedResource[];

    it("finds no mandatory violation and every persona capability as the model expects", async () => {
        const result = await checkResources(prod.resources);
        expect(result.violations.filter((v) => v.enforcementLevel === "mandatory")).to.deep.equal([]);
        expect(result.personas.length).to.be.greaterThan(0);
        expect(result.personas.filter((row) => !row.holds && !row.pending)).to.deep.equal([]);
        expect(new Set(result.personas.map((row) => row.persona))).to.have.keys("data-lake-admin", "workflow", "project-leader", "analyst", "data-engineer", "e2e-build", "qa-reader", "rum-guest", "sagemaker-execution", "ml-engineer", "sagemaker-caller", "anomaly-ingestion", "anomaly-alert");
    });

    for (const [edit, apply] of Object.entries(EDITS)) {
        it(`reports a mandatory violation naming the resource when ${edit}`, async () => {
            const resources = copy();
            const { expectUrn } = apply(resources);
            const result = await checkResources(resources);
            const hits = result.violations.filter((v) => v.enforcementLevel === "mandatory" && v.urn === expectUrn);
            expect(hits, JSON.stringify(result.violations, null, 1)).to.have.length.greaterThan(0);
            expect(hits[0].policy).to.match(/^[a-z0-9-]+$/);
        });
    }
});

describe("policy CLI", () => {
    interface Run { status: number | null; stdout: string; stderr: string }
    let dir: string;
    let runs: Record<"clean" | "edited" | "broken" | "misordered", Run>;
    let prodResourceCount: number;

    /** The CLI as a user runs it, in a subprocess. */
    const policy = (...args: string[]) =>
        new Promise<Run>((resolve) => {
            execFile(process.execPath, ["-r", "./tools/register.js", "tools/policy.ts", ...args], (error, stdout, stderr) =>
                resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }));
        });

    before(async function () {
        this.timeout(60000);
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-cli-"));
        const prod = await planOf("prod");
        prodResourceCount = prod.resources.length;
        fs.writeFileSync(path.join(dir, "prod.json"), JSON.stringify(toStackExport(prod)));
        const edited = JSON.parse(JSON.stringify(prod.resources)) as ExportedResource[];
        EDITS["a bucket's encryption removed"](edited);
        fs.writeFileSync(path.join(dir, "edited.json"), JSON.stringify(toStackExport({ ...prod, resources: edited })));
        fs.writeFileSync(path.join(dir, "broken.json"), "{ not json");
        // The tables created by the deployer through the default provider, as the program once had them.
        const misordered = JSON.parse(JSON.stringify(prod.resources)) as ExportedResource[];
        const defaultProvider = misordered.find((r) => r.type === "pulumi:providers:aws" && /::default(_\d+)*$/.test(r.urn))!;
        for (const table of misordered.filter((r) => r.type === "aws:glue/catalogTable:CatalogTable")) table.provider = `${defaultProvider.urn}::${defaultProvider.id}`;
        fs.writeFileSync(path.join(dir, "misordered.json"), JSON.stringify(toStackExport({ ...prod, resources: misordered })));
        // Subprocesses start slowly (TypeScript, the AWS SDK): run them side by side.
        const [clean, editedRun, broken, misorderedRun] = await Promise.all([
            policy("--file", path.join(dir, "prod.json"), "--json"),
            policy("--file", path.join(dir, "edited.json")),
            policy("--file", path.join(dir, "broken.json")),
            policy("--file", path.join(dir, "misordered.json")),
        ]);
        runs = { clean, edited: editedRun, broken, misordered: misorderedRun };
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("exits 0 on the prod export and prints the report as JSON", () => {
        expect(runs.clean.status, runs.clean.stderr).to.equal(0);
        const report = JSON.parse(runs.clean.stdout) as { policies: number; resources: number; violations: unknown[]; personas: unknown[]; deployOrder: { passed: boolean; checked: number } };
        expect(report.deployOrder).to.deep.include({ passed: true, findings: [] });
        expect(report.deployOrder.checked).to.be.greaterThan(10);
        expect(report.resources).to.equal(prodResourceCount);
        expect(report.policies).to.be.greaterThan(20);
        expect(report.personas).to.have.length.greaterThan(0);
    });

    it("exits 1 naming the policy and the bucket when a bucket's encryption is removed", () => {
        expect(runs.edited.status, runs.edited.stderr).to.equal(1);
        expect(runs.edited.stdout).to.match(/mandatory +analytics-baseline\/[a-z0-9-]+\n +urn:pulumi:prod::analytics-platform::analytics:index:DataLake\$aws:s3\/bucket:Bucket::lake\n/);
    });

    it("exits 2 with a clear message for a malformed export", () => {
        expect(runs.broken.status).to.equal(2);
        expect(runs.broken.stderr).to.match(/broken\.json: not JSON/);
        expect(runs.broken.stderr).not.to.match(/\n\s+at /);
    });

    it("exits 1 naming each misordered resource, its identity and what it lacks, when the deployment order is broken", () => {
        expect(runs.misordered.status, runs.misordered.stderr).to.equal(1);
        expect(runs.misordered.stdout).to.match(/^Deployment-order check: FAILED \(4 problems in \d+ gated resources\)$/m);
        expect(runs.misordered.stdout).to.match(/aws:glue\/catalogTable:CatalogTable table-sales\n.*::table-sales\n +created by the deploying identity.*\n +missing: Lake Formation permission for a catalog entry in arn:aws:s3:::analytics-platform-prod-lake-\w+\/sales\//);
    });
});
