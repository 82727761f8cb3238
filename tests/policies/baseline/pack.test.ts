import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { pack } from "../../../policies/baseline/policies";

const PACK_DIR = path.join(__dirname, "../../../policies/baseline");
const RULES_DIR = path.join(PACK_DIR, "rules");

/** Every policy constant a rule module exports (objects with a name and an enforcement level). */
function exportedPolicies(): { module: string; name: string }[] {
    return fs.readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts")).flatMap((file) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exports = require(path.join(RULES_DIR, file)) as Record<string, unknown>;
        return Object.values(exports)
            .filter((v): v is { name: string; enforcementLevel: string } => typeof v === "object" && v !== null && "enforcementLevel" in v && "name" in v)
            .map((policy) => ({ module: file, name: policy.name }));
    });
}

describe("the baseline pack", () => {
    it("holds every policy the rule modules export, once, under a unique kebab-case name", () => {
        const names = pack.policies.map((p) => p.name);
        expect(new Set(names).size).to.equal(names.length);
        expect(names.every((n) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(n)), names.join(", ")).to.equal(true);
        expect(names).to.have.members(exportedPolicies().map((p) => p.name));
        expect(pack.name).to.equal("analytics-baseline");
    });

    it("gives every policy a description and a level; advisory ones are the documented exceptions", () => {
        for (const policy of pack.policies) {
            expect(policy.description, policy.name).to.have.length.greaterThan(20);
            expect(["mandatory", "advisory"], policy.name).to.include(policy.enforcementLevel);
        }
        const advisory = pack.policies.filter((p) => p.enforcementLevel === "advisory").map((p) => p.name);
        expect(advisory).to.have.members([
            "cloudwatch-log-group-kms",
            "sagemaker-model-network-isolated",
            "lambda-log-retention",
            "lambda-async-failure-destination",
            "sns-topic-tls-only",
            "rum-app-monitor-log-retention",
            "lambda-reserved-concurrency",
        ]);
        // The reason for each is a comment beside its enforcementLevel.
        const sources = fs.readdirSync(RULES_DIR).map((f) => fs.readFileSync(path.join(RULES_DIR, f), "utf8")).join("\n");
        expect(sources.match(/\/\/ Advisory: /g) ?? []).to.have.length(advisory.length);
    });

    it("types every config setting and defaults every threshold (the only optional one is the log retention maximum)", () => {
        const withoutDefault: string[] = [];
        for (const policy of pack.policies) {
            for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
                expect((schema as { type?: unknown }).type, `${policy.name}.${key}`).to.be.a("string");
                if ((schema as { default?: unknown }).default === undefined) withoutDefault.push(`${policy.name}.${key}`);
            }
        }
        expect(withoutDefault).to.deep.equal(["cloudwatch-log-group-retention.maxRetentionDays"]);
    });

    it("is a Node policy pack folder the Pulumi CLI can run, resolving its dependencies from the repository", () => {
        expect(fs.readFileSync(path.join(PACK_DIR, "PulumiPolicy.yaml"), "utf8")).to.match(/^runtime:(?: nodejs|\n +name: nodejs)$/m);
        const manifest = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")) as { name: string; version: string; dependencies: Record<string, string> };
        expect(manifest.name).to.equal(pack.name);
        expect(manifest.version).to.match(/^\d+\.\d+\.\d+$/);
        // Exactly what its bundle requires, at the root's ranges: tests/build/policyPacks.test.ts.
        expect(manifest.dependencies).to.include.keys("@pulumi/aws", "@pulumi/policy", "@pulumi/pulumi");
        for (const dependency of Object.keys(manifest.dependencies)) {
            expect(() => require.resolve(dependency, { paths: [PACK_DIR] }), dependency).not.to.throw();
        }
        expect(fs.readFileSync(path.join(PACK_DIR, "index.ts"), "utf8")).to.contain("new PolicyPack(pack.name, { policies: pack.policies })");
    });
});
