import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { pack } from "../../../policies/baseline/policies";
import { PolicyConfigFile, runPacks } from "../../../tools/policyRunner/runPolicies";
import { asPolicyResources, exportOf, named } from "./crafted";

const PACK_DIR = path.join(__dirname, "../../../policies/baseline");

function configFile(stack: "dev" | "prod"): PolicyConfigFile {
    return JSON.parse(fs.readFileSync(path.join(PACK_DIR, `policy-config.${stack}.json`), "utf8")) as PolicyConfigFile;
}

function mandatory(violations: { enforcementLevel: string; policy: string; urn?: string; message: string }[]): string[] {
    return violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy} ${v.urn}: ${v.message}`);
}

describe("the baseline pack on the planned stacks", () => {
    for (const stack of ["dev", "prod"] as const) {
        it(`finds no mandatory violation in ${stack}, with the default config and with policy-config.${stack}.json`, async () => {
            const resources = asPolicyResources(...(await exportOf(stack)));
            expect(mandatory(await runPacks([pack], resources))).to.deep.equal([]);
            expect(mandatory(await runPacks([pack], resources, configFile(stack)))).to.deep.equal([]);
        });

        it(`has a policy-config.${stack}.json that names only policies and settings of the pack`, () => {
            const byName = new Map(pack.policies.map((p) => [p.name, p]));
            for (const [name, entry] of Object.entries(configFile(stack))) {
                const policy = byName.get(name);
                expect(policy, `policy ${name}`).to.not.equal(undefined);
                if (typeof entry === "string") continue;
                const settings = Object.keys(entry).filter((key) => key !== "enforcementLevel");
                expect(Object.keys(policy?.configSchema?.properties ?? {}), `settings of ${name}`).to.include.members(settings);
            }
        });
    }

    describe("thresholds and levels are policy config", () => {
        it("fails dev once the minimum log retention is raised above its 14 days", async () => {
            const exported = await exportOf("dev");
            const violations = await runPacks([pack], asPolicyResources(...exported), { "cloudwatch-log-group-retention": { minRetentionDays: 30 } });
            // One cause (environment.logRetentionDays), one violation naming every log group that takes it.
            expect(violations.map((v) => [v.policy, v.enforcementLevel])).to.deep.equal([["cloudwatch-log-group-retention", "mandatory"]]);
            expect([named(exported, "crawler-logs").urn, named(exported, "e2e-logs").urn, named(exported, "sagemaker-churn-xgb-logs").urn]).to.include(violations[0].urn);
            expect(violations[0].message).to.contain("set retentionInDays to at least 30 days").and.to.contain(`${exported.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && r.inputs.retentionInDays === 14).length} log groups`);
        });

        it("reports the same finding as advisory when the config sets the policy's level, and nothing when it disables it", async () => {
            const resources = asPolicyResources(...(await exportOf("dev")));
            const advisory = await runPacks([pack], resources, { "cloudwatch-log-group-retention": { enforcementLevel: "advisory", minRetentionDays: 30 } });
            expect(advisory.map((v) => [v.policy, v.enforcementLevel])).to.deep.equal([["cloudwatch-log-group-retention", "advisory"]]);
            expect(await runPacks([pack], resources, { "cloudwatch-log-group-retention": { enforcementLevel: "disabled", minRetentionDays: 30 } })).to.deep.equal([]);
        });
    });
});
