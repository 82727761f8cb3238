import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createToyProject } from "./fixtures/toyProject";

const PLAN = path.resolve(__dirname, "../../tools/plan.ts");
// The loader every npm script uses (see tools/register.js).
const REGISTER = path.resolve(__dirname, "../../tools/register.js");

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

function plan(cwd: string, ...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, ["-r", REGISTER, PLAN, ...args], { cwd, encoding: "utf8" }, (err, stdout, stderr) => {
            const code = err ? ((err as { code?: unknown }).code as number | null) : 0;
            resolve({ code: typeof code === "number" ? code : null, stdout, stderr });
        });
    });
}

describe("plan CLI", function () {
    this.timeout(30000);
    let dir: string;
    let ok: Run;
    let invalid: Run;
    let missing: Run;
    let hanging: Run;
    let twice: Run;

    // A spawned plan takes about a second: keep to three, and run them side by side.
    before(async () => {
        dir = createToyProject();
        [ok, invalid, missing] = await Promise.all([
            plan(dir, "--stack", "dev", "--out", "out/dev.json"),
            plan(dir, "--stack", "bad"),
            plan(dir, "--stack", "staging"),
        ]);
        [hanging, twice] = await Promise.all([plan(dir, "--stack", "hang"), plan(dir, "--stack", "twice")]);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("exits 0 with a summary, and writes the stack export with --out", () => {
        const { code, stdout, stderr } = ok;
        expect(stderr).to.equal("");
        expect(code).to.equal(0);
        expect(stdout).to.contain("Plan of toy/dev");
        expect(stdout).to.match(/toy:index:Shelf\s+shelf\s+1 child/);
        expect(stdout).to.match(/^ {2}label: +hello$/m);
        expect(stdout).to.match(/^Deployment-order check: passed \(0 gated resources/m);
        const file = path.join(dir, "out", "dev.json");
        expect(stdout).to.contain(`to ${file}`);
        const exported = JSON.parse(fs.readFileSync(file, "utf8"));
        expect(exported.version).to.equal(3);
        expect(exported.deployment.resources.map((r: { type: string }) => r.type)).to.deep.equal([
            "pulumi:pulumi:Stack",
            "toy:index:Shelf",
            // Registered by the engine before its first user, as in a real export.
            "pulumi:providers:aws",
            "aws:iam/role:Role",
            "aws:s3/bucket:Bucket",
        ]);
    });

    it("exits 2 with one line per problem, and no stack trace, when the config is invalid", () => {
        const { code, stdout, stderr } = invalid;
        expect(code).to.equal(2);
        expect(stdout).to.equal("");
        expect(stderr.trimEnd().split("\n")).to.deep.equal([
            "Pulumi.bad.yaml: toy:label: expected a string, found a number (42)",
            'Pulumi.bad.yaml: toy:size: expected one of small, large, found "huge"',
        ]);
    });

    it("exits 2 naming the file when the stack file is missing", () => {
        const { code, stderr } = missing;
        expect(code).to.equal(2);
        expect(stderr).to.contain("Pulumi.staging.yaml").and.contain("stacks here: bad, dev, hang, twice");
        expect(stderr).to.not.match(/\n\s+at /);
    });

    it("exits 1 with a clear message, not 0 with nothing printed, when the program never settles", () => {
        expect(hanging.code).to.equal(1);
        expect(hanging.stdout).to.equal("");
        expect(hanging.stderr).to.match(/^error: the program never finished: .*promises .* still pending/);
    });

    it("exits 1 with Pulumi's own message when two resources have one URN", () => {
        expect(twice.code).to.equal(1);
        expect(twice.stderr.trimEnd()).to.equal("error: Duplicate resource URN 'urn:pulumi:twice::toy::toy:index:Shelf::shelf'; try giving it a unique name");
    });
});
