import { expect } from "chai";
import { cloudwatchLogGroupKms, cloudwatchLogGroupRetention } from "../../../policies/baseline/rules/cloudwatchLogs";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, named } from "./crafted";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

describe("baseline CloudWatch Logs rules", () => {
    describe("cloudwatch-log-group-retention", () => {
        it("passes the dev (14 days) and prod (365 days) crawler log groups", async () => {
            expectNoViolations(await check(cloudwatchLogGroupRetention, asPolicyResources(...(await exportOf("dev")))));
            expectNoViolations(await check(cloudwatchLogGroupRetention, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a log group kept forever", async () => {
            const resources = await exportOf("prod");
            const group = named(resources, "crawler-logs");
            edit(group, (p) => {
                delete p.retentionInDays;
            });
            expectOneViolation(await check(cloudwatchLogGroupRetention, asPolicyResources(...resources)), {
                policy: "cloudwatch-log-group-retention", urn: group.urn, change: "keeps its logs forever: set retentionInDays (at least 1 day)",
            });
        });

        it("fails a retention CloudWatch refuses, and one below the configured minimum", async () => {
            const odd = crafted(LOG_GROUP, "odd", { retentionInDays: 10 });
            expectOneViolation(await check(cloudwatchLogGroupRetention, asPolicyResources(odd)), {
                policy: "cloudwatch-log-group-retention", urn: odd.urn, change: "use one of 1, 3, 5, 7, 14",
            });
            const short = crafted(LOG_GROUP, "short", { retentionInDays: 7 });
            expectOneViolation(await check(cloudwatchLogGroupRetention, asPolicyResources(short), { "cloudwatch-log-group-retention": { minRetentionDays: 30 } }), {
                policy: "cloudwatch-log-group-retention", urn: short.urn, change: "set retentionInDays to at least 30 days",
            });
        });
    });

    describe("cloudwatch-log-group-retention, one violation per cause", () => {
        it("reports one out-of-range value once, naming the stack-config key and the policy config", async () => {
            const a = crafted(LOG_GROUP, "a", { retentionInDays: 7 });
            const b = crafted(LOG_GROUP, "b", { retentionInDays: 7 });
            const violations = await check(cloudwatchLogGroupRetention, asPolicyResources(a, b), { "cloudwatch-log-group-retention": { minRetentionDays: 30 } });
            const violation = expectOneViolation(violations, { policy: "cloudwatch-log-group-retention", urn: a.urn, change: /2 log groups .* keeps its logs for 7 days/ });
            expect(violation.message).to.match(/analytics-platform:environment\.logRetentionDays in Pulumi\.\w+\.yaml/);
            expect(violation.message).to.match(/policies\/baseline\/policy-config\.\w+\.json/);
        });

        it("still reports each log group kept forever: that is the resource's own mistake", async () => {
            const a = crafted(LOG_GROUP, "a", {});
            const b = crafted(LOG_GROUP, "b", {});
            expect(await check(cloudwatchLogGroupRetention, asPolicyResources(a, b))).to.have.length(2);
        });
    });

    describe("cloudwatch-log-group-kms (advisory)", () => {
        it("passes the crawler log group (lake key)", async () => {
            expectNoViolations(await check(cloudwatchLogGroupKms, asPolicyResources(...(await exportOf("prod")))));
        });

        it("reports a log group without a KMS key, as advisory", async () => {
            const group = crafted(LOG_GROUP, "plain", { retentionInDays: 7 });
            const violation = expectOneViolation(await check(cloudwatchLogGroupKms, asPolicyResources(group)), {
                policy: "cloudwatch-log-group-kms", urn: group.urn, change: "set kmsKeyId to a KMS key",
            });
            if (violation.enforcementLevel !== "advisory") throw new Error(`expected advisory, got ${violation.enforcementLevel}`);
        });
    });
});
