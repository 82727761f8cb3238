import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resourcesWellFormed } from "../../policies/personas/rules/resourcesWellFormed";
import type { ExportedResource } from "../../tools/engine/stackExport";
import { toStackExport } from "../../tools/engine/stackExport";
import { ExportShapeError, readStackExport } from "../../tools/policyRunner/loadExport";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { runPolicy } from "../../tools/policyRunner/runPolicies";
import { planOf } from "../helpers/plans";
import { named } from "../helpers/resources";

type Resources = ExportedResource[];
const analystGrant = (rs: Resources) => named(rs, "analyst-sales-analysts-sales");
const firstOf = (rs: Resources, type: string) => rs.find((r) => r.type === type)!;

/**
 * Fields of the wrong shape in an export: each must be bad input (exit 2), one line naming the
 * resource (URN, or index without one), the field, what was expected and what was found.
 */
const MALFORMED: { name: string; edit: (rs: Resources) => string; line: RegExp }[] = [
    {
        name: "dependencies as an object",
        edit: (rs) => ((rs[3] as unknown as Record<string, unknown>).dependencies = { a: rs[0].urn }, rs[3].urn),
        line: /: dependencies: expected a list of strings, found an object$/,
    },
    {
        name: "inputs as a string",
        edit: (rs) => ((rs[3] as unknown as Record<string, unknown>).inputs = "lake", rs[3].urn),
        line: /: inputs: expected an object, found a string "lake"$/,
    },
    {
        name: "a policy document that is a number",
        edit: (rs) => {
            const policy = firstOf(rs, "aws:iam/rolePolicy:RolePolicy");
            policy.outputs.policy = 42;
            return policy.urn;
        },
        line: /: outputs\.policy: expected a policy document \(JSON text or an object\), found a number \(42\)$/,
    },
    {
        name: "a trust policy that is a list",
        edit: (rs) => {
            const role = firstOf(rs, "aws:iam/role:Role");
            role.outputs.assumeRolePolicy = [{ Effect: "Allow" }];
            return role.urn;
        },
        line: /: outputs\.assumeRolePolicy: expected a policy document \(JSON text or an object\), found a list \(an object inside\)$/,
    },
    {
        name: "excludedColumnNames as a string",
        edit: (rs) => {
            const grant = analystGrant(rs);
            (grant.outputs.tableWithColumns as Record<string, unknown>).excludedColumnNames = "item_price";
            return grant.urn;
        },
        line: /: outputs\.tableWithColumns\.excludedColumnNames: expected a list of strings, found a string "item_price"$/,
    },
    {
        name: "tags as a list",
        edit: (rs) => {
            const role = firstOf(rs, "aws:iam/role:Role");
            role.inputs.tags = [{ key: "persona", value: "analyst" }];
            return role.urn;
        },
        line: /: inputs\.tags: expected a map of tag names to strings, found a list \(an object inside\)$/,
    },
    {
        name: "a grant's permissions as a string",
        edit: (rs) => ((analystGrant(rs).outputs.permissions = "SELECT"), analystGrant(rs).urn),
        line: /: outputs\.permissions: expected a list of strings, found a string "SELECT"$/,
    },
    {
        name: "an inline policy entry's document as a number",
        edit: (rs) => {
            const role = firstOf(rs, "aws:iam/role:Role");
            role.outputs.inlinePolicies = [{ name: "x", policy: 7 }];
            return role.urn;
        },
        line: /: outputs\.inlinePolicies\[0\]\.policy: expected a policy document .*, found a number \(7\)$/,
    },
    {
        name: "a resource without urn",
        edit: (rs) => (delete (rs[4] as Partial<ExportedResource>).urn, "deployment.resources[4]"),
        line: /^[^ ]+: deployment\.resources\[4\]: "urn": expected a string, found nothing$/,
    },
    {
        name: "a resource without type",
        edit: (rs) => (delete (rs[5] as Partial<ExportedResource>).type, rs[5].urn),
        line: /: "type": expected a string, found nothing$/,
    },
];

describe("a malformed stack export", () => {
    let dir: string;
    let pristine: Resources;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "malformed-export-"));
        pristine = (await planOf("prod")).resources;
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, resources: Resources) => {
        const file = path.join(dir, `${name.replace(/\W+/g, "-")}.json`);
        fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { resources } }));
        return file;
    };

    it("a well-formed export, and the plan's own resources, read as they are", () => {
        expect(readStackExport(write("clean", pristine))).to.have.length(pristine.length);
    });

    for (const { name, edit, line } of MALFORMED) {
        it(`is bad input, naming resource and field: ${name}`, () => {
            const resources = structuredClone(pristine);
            const resource = edit(resources);
            const file = write(name, resources);
            let error: unknown;
            try {
                readStackExport(file);
            } catch (e) {
                error = e;
            }
            expect(error).to.be.instanceOf(ExportShapeError);
            const problems = (error as ExportShapeError).problems;
            const naming = problems.filter((p) => p.startsWith(`${file}: `) && p.includes(resource) && line.test(p));
            expect(naming, problems.join("\n")).to.have.length.greaterThan(0);
        });
    }

    it("secrets, in any field, are not malformed (they are unknown to the checks)", () => {
        const resources = structuredClone(pristine);
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "AAAA" };
        analystGrant(resources).outputs.tableWithColumns = secret as never;
        firstOf(resources, "aws:iam/role:Role").outputs.tags = secret as never;
        expect(readStackExport(write("secrets", resources))).to.have.length(pristine.length);
    });

    it("the persona pack's resources-well-formed rule reports the same problems under preview", async () => {
        const resources = structuredClone(pristine);
        const grant = analystGrant(resources);
        (grant.outputs.tableWithColumns as Record<string, unknown>).excludedColumnNames = "item_price";
        const violations = await runPolicy(resourcesWellFormed, toPolicyResources(resources));
        expect(violations.map((v) => [v.urn, v.message])).to.deep.equal([
            [grant.urn, 'Permissions "analyst-sales-analysts-sales": tableWithColumns.excludedColumnNames: expected a list of strings, found a string "item_price"'],
        ]);
        expect(await runPolicy(resourcesWellFormed, toPolicyResources(pristine))).to.deep.equal([]);
    });

    it("`npm run policy -- --file` exits 2 with the lines alone: no stack trace, never the violation code 1", async function () {
        this.timeout(30000);
        const resources = structuredClone(pristine);
        (resources[3] as unknown as Record<string, unknown>).dependencies = { a: 1 };
        const file = path.join(dir, "cli.json");
        fs.writeFileSync(file, JSON.stringify(toStackExport({ project: "analytics-platform", stack: "prod", resources, outputs: {} })));
        const run = await new Promise<{ status: number | null; stderr: string }>((resolve) =>
            execFile(process.execPath, ["-r", "./tools/register.js", "tools/policy.ts", "--file", file], (error, _stdout, stderr) =>
                resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stderr })));
        expect(run.status).to.equal(2);
        expect(run.stderr.trim().split("\n")).to.deep.equal([`${file}: resource ${resources[3].urn}: dependencies: expected a list of strings, found an object`]);
    });
});
