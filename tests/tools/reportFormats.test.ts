import { expect } from "chai";
import type { PersonaMatrixRow } from "../../policies/access";
import type { ExportedResource } from "../../tools/engine/stackExport";
import { checkResources, CheckResult } from "../../tools/policyRunner/checkResources";
import { lineOfKey, toJunit, toSarif } from "../../tools/policyRunner/ciFormats";
import { formatCompactMatrix, REPORT_WIDTH } from "../../tools/policyRunner/compactMatrix";
import { formatMatrix } from "../../tools/policyRunner/report";
import { runTool } from "../helpers/cli";
import { planOf } from "../helpers/plans";
import { edit, named } from "../helpers/resources";

function row(over: Partial<PersonaMatrixRow>): PersonaMatrixRow {
    return {
        persona: "analyst", role: "analytics-platform-dev-analyst-a", roleUrn: "urn:a", capability: "pass roles", kind: "passRole" as PersonaMatrixRow["kind"],
        expected: "mustNot" as PersonaMatrixRow["expected"], allowed: false, holds: true, why: "IAM does not allow iam:PassRole", resolved: true, remedy: "remove iam:PassRole", ...over,
    };
}

describe("the compact persona matrix", () => {
    const rows = [
        row({ capability: "SELECT the tables it is granted: sales_dev.sales", kind: "select" as PersonaMatrixRow["kind"], expected: "must" as PersonaMatrixRow["expected"], allowed: true }),
        row({ capability: "SELECT the tables it is granted: sales_dev.items", kind: "select" as PersonaMatrixRow["kind"], expected: "must" as PersonaMatrixRow["expected"], allowed: true }),
        row({ capability: "pass roles", allowed: true, holds: false, why: `IAM allows iam:PassRole on ${"arn:aws:iam::123456789012:role/x ".repeat(6)}`, remedy: "remove the statement PassAnything" }),
        row({ capability: "create a Glue database", resolved: false, holds: false, why: "the role's ARN is unknown until it is created", remedy: "run again after up" }),
        row({ persona: "workflow", roleUrn: "urn:w", capability: "pass roles" }),
    ];
    const text = formatCompactMatrix(rows);
    const lines = text.trimEnd().split("\n");

    it("prints one line per capability and a column per persona, a capability on several targets in one cell", () => {
        expect(lines[1]).to.match(/^ {2}1 2 \(1 analyst, 2 workflow; · the model says nothing of it\)$/);
        expect(text).to.contain("  ✔ · must     SELECT the tables it is granted\n");
        expect(text).to.contain("  ✘ ✔ must not pass roles\n");
        expect(text).to.contain("  ? · must not create a Glue database\n");
        expect(lines.filter((l) => /^ {2}[✔✘?·] [✔✘?·] must/.test(l))).to.have.length(3);
    });

    it("gives reasons and fixes only for ✘ and undecided (?) cells, wrapped within the width", () => {
        expect(text).to.contain("  ✘ analyst must not pass roles");
        expect(text).to.contain("  ? analyst must not create a Glue database");
        expect(text).to.contain("why: the role's ARN is unknown until it is created");
        expect(text).to.contain("fix: remove the statement PassAnything");
        expect(text).not.to.contain("IAM does not allow iam:PassRole");
        for (const line of lines) expect([...line].length, line).to.be.at.most(REPORT_WIDTH);
        expect(lines[0]).to.match(/3 ✔ as the model expects, 1 ✘ not, 1 \? undecided/);
    });

    it("--explain prints every reason", () => {
        expect(formatMatrix(rows)).to.contain("IAM does not allow iam:PassRole");
    });
});

describe("npm start (plan --policy of the dev stack)", function () {
    this.timeout(60_000);
    let stdout = "";
    before(async () => {
        const run = await runTool("tools/plan.ts", ["--stack", "dev", "--policy"]);
        expect(run.code, run.stderr).to.equal(0);
        stdout = run.stdout;
    });

    it("fits in about 80 lines of at most 120 characters", () => {
        const lines = stdout.trimEnd().split("\n");
        // Each component adds its resource types, persona rows and summary section.
        expect(lines.length).to.be.at.most(100);
        for (const line of lines) expect([...line].length, line).to.be.at.most(REPORT_WIDTH);
    });

    it("still names the plan, its components and the policy result", () => {
        expect(stdout).to.match(/^Plan of analytics-platform\/dev/);
        expect(stdout).to.contain("analytics:index:DataLake");
        expect(stdout).to.match(/Persona matrix \(\d+ cells, \d+ roles\)/);
        expect(stdout).to.match(/\d+ policies on \d+ resources: 0 violations/);
    });
});

/** The prod stack with one mandatory violation: the analyst role may create Glue databases. */
async function prodWithViolation(): Promise<CheckResult> {
    const resources = structuredClone((await planOf("prod")).resources) as ExportedResource[];
    const role = named(resources, "analyst-sales-analysts-role");
    const policy = resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.outputs.role === role.outputs.name)!;
    const document = JSON.parse(String(policy.outputs.policy)) as { Statement: object[] };
    document.Statement.push({ Sid: "Sneaky", Effect: "Allow", Action: "glue:CreateDatabase", Resource: "*" });
    edit(policy, (p) => (p.policy = JSON.stringify(document)));
    const workgroup = named(resources, "lake-workgroup");
    edit(workgroup, (p) => ((p.configuration as Record<string, unknown>).bytesScannedCutoffPerQuery = 99_999_999_999_999));
    return checkResources(resources);
}

describe("CI report formats", () => {
    let result: CheckResult;
    before(async () => {
        result = await prodWithViolation();
    });

    it("SARIF: has the 2.1.0 log's required fields, a rule per policy and a located result per violation", () => {
        const log = toSarif(result) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(log.version).to.equal("2.1.0");
        expect(log.$schema).to.match(/sarif-2\.1\.0/);
        expect(log.runs).to.be.an("array").with.length(1);
        const [run] = log.runs;
        expect(run.tool.driver.name).to.be.a("string").and.not.equal("");
        const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
        expect(ids).to.have.length(result.policies);
        expect(new Set(ids).size).to.equal(ids.length);
        expect(run.results).to.have.length(result.violations.length).and.to.have.length.greaterThan(1);
        for (const r of run.results) {
            expect(r.message.text).to.be.a("string").and.not.equal("");
            expect(["none", "note", "warning", "error"]).to.include(r.level);
            expect(ids[r.ruleIndex]).to.equal(r.ruleId);
            const location = r.locations[0];
            expect(location.physicalLocation.artifactLocation.uri).to.equal("Pulumi.prod.yaml");
            expect(location.physicalLocation.region.startLine).to.be.a("number").and.at.least(1);
        }
        const cutoff = run.results.find((r: { ruleId: string }) => r.ruleId.endsWith("/athena-workgroup-bytes-scanned-cutoff"));
        expect(cutoff.level).to.equal("error");
        expect(cutoff.locations[0].physicalLocation.region.startLine, "the line of the key to change").to.be.greaterThan(1);
    });

    it("SARIF: lands a message naming a stack-config key on that key's line", () => {
        const lines = ["config:", "  analytics-platform:environment:", "    tags: {}", "  analytics-platform:dataLake:", "    databaseName: x", "    bytesScannedCutoffPerQuery: 1"];
        expect(lineOfKey(lines, "set analytics-platform:dataLake.bytesScannedCutoffPerQuery in Pulumi.prod.yaml")).to.equal(6);
        expect(lineOfKey(lines, "no key named here")).to.equal(1);
    });

    it("JUnit: a suite per pack, a case per policy, a failure per violated mandatory policy", () => {
        const xml = toJunit(result);
        expect(xml).to.match(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites/);
        const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)];
        expect(suites.map((s) => s[1])).to.deep.equal(result.packs.map((p) => p.name));
        expect(suites.reduce((n, s) => n + Number(s[2]), 0)).to.equal(result.policies);
        expect((xml.match(/<testcase /g) ?? []).length).to.equal(result.policies);
        const failed = new Set(result.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.pack}/${v.policy}`));
        expect(suites.reduce((n, s) => n + Number(s[3]), 0)).to.equal(failed.size);
        expect((xml.match(/<failure /g) ?? []).length).to.equal(failed.size);
        expect(xml).not.to.match(/<failure[^>]*>[^<]*<(?!\/failure)/, "messages are escaped");
    });
});
