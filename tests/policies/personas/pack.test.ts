import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import YAML from "yaml";
import { pack } from "../../../policies/personas/policies";
import { runPacks } from "../../../tools/policyRunner/runPolicies";
import { toPolicyResources } from "../../../tools/policyRunner/policyResources";
import { planOf } from "../../helpers/plans";

const PACK_DIR = path.resolve(__dirname, "../../../policies/personas");

describe("the analytics-personas policy pack", () => {
    it("is named analytics-personas and holds mandatory stack policies with unique names and descriptions", () => {
        expect(pack.name).to.equal("analytics-personas");
        const names = pack.policies.map((p) => p.name);
        expect(new Set(names).size).to.equal(names.length);
        expect(names).to.include.members(["persona-data-lake-admin", "persona-workflow", "persona-project-leader", "persona-analyst", "persona-role-tagged", "data-location-grant-registered"]);
        for (const policy of pack.policies) {
            expect(policy.enforcementLevel, policy.name).to.equal("mandatory");
            expect(policy.description, policy.name).to.have.length.greaterThan(30);
            expect(policy, policy.name).to.have.property("validateStack");
        }
    });

    it("is a Node project of its own for the Pulumi CLI, with the SDK versions of the program", () => {
        const yaml = YAML.parse(fs.readFileSync(path.join(PACK_DIR, "PulumiPolicy.yaml"), "utf8")) as { runtime: string | { name: string }; description: string };
        expect(typeof yaml.runtime === "string" ? yaml.runtime : yaml.runtime.name).to.equal("nodejs");
        expect(yaml.description).to.be.a("string").and.have.length.greaterThan(20);
        const packageJson = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")) as { name: string; version: string; dependencies: Record<string, string> };
        expect(packageJson.name).to.equal(pack.name);
        expect(packageJson.version).to.match(/^\d+\.\d+\.\d+$/);
        // Exactly what its bundle requires, at the root's ranges: tests/build/policyPacks.test.ts.
        expect(packageJson.dependencies).to.include.keys("@pulumi/policy", "@pulumi/pulumi");
        const index = fs.readFileSync(path.join(PACK_DIR, "index.ts"), "utf8");
        expect(index).to.include("new PolicyPack(pack.name, { policies: pack.policies })");
    });

    for (const stack of ["dev", "prod"] as const) {
        it(`finds no violation in the ${stack} plan`, async () => {
            const violations = await runPacks([pack], toPolicyResources((await planOf(stack)).resources));
            expect(violations).to.deep.equal([]);
        });
    }
});
