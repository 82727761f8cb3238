import { expect } from "chai";
import {
    athenaWorkgroupBytesScannedCutoff,
    athenaWorkgroupCloudwatchMetrics,
    athenaWorkgroupEnforcesConfiguration,
    athenaWorkgroupResultsEncrypted,
} from "../../../policies/baseline/rules/athena";
import { ExportedResource } from "../../../tools/engine/stackExport";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, named } from "./crafted";

/** The prod stack with the lake workgroup's configuration edited. */
async function prodWithLakeWorkgroup(change: (configuration: Record<string, unknown>) => void): Promise<{ resources: ExportedResource[]; urn: string }> {
    const resources = await exportOf("prod");
    const workgroup = named(resources, "lake-workgroup");
    edit(workgroup, (p) => change(p.configuration as Record<string, unknown>));
    return { resources, urn: workgroup.urn };
}

describe("baseline Athena rules", () => {
    describe("athena-workgroup-enforces-configuration", () => {
        it("passes the prod workgroups", async () => {
            expectNoViolations(await check(athenaWorkgroupEnforcesConfiguration, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a workgroup that lets clients override it", async () => {
            const { resources, urn } = await prodWithLakeWorkgroup((c) => {
                c.enforceWorkgroupConfiguration = false;
            });
            expectOneViolation(await check(athenaWorkgroupEnforcesConfiguration, asPolicyResources(...resources)), {
                policy: "athena-workgroup-enforces-configuration", urn, change: "set configuration.enforceWorkgroupConfiguration: true",
            });
        });
    });

    describe("athena-workgroup-results-encrypted", () => {
        it("passes the prod workgroups (SSE_KMS with the lake key)", async () => {
            expectNoViolations(await check(athenaWorkgroupResultsEncrypted, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails SSE_S3 unless the config allows it, and a KMS option without a key", async () => {
            const { resources, urn } = await prodWithLakeWorkgroup((c) => {
                (c.resultConfiguration as { encryptionConfiguration: unknown }).encryptionConfiguration = { encryptionOption: "SSE_S3" };
            });
            expectOneViolation(await check(athenaWorkgroupResultsEncrypted, asPolicyResources(...resources)), {
                policy: "athena-workgroup-results-encrypted", urn, change: "set configuration.resultConfiguration.encryptionConfiguration.encryptionOption to one of SSE_KMS, CSE_KMS",
            });
            const config = { "athena-workgroup-results-encrypted": { allowedEncryptionOptions: ["SSE_S3", "SSE_KMS"] } };
            expectNoViolations(await check(athenaWorkgroupResultsEncrypted, asPolicyResources(...resources), config));
            const keyless = crafted("aws:athena/workgroup:Workgroup", "keyless", { configuration: { resultConfiguration: { encryptionConfiguration: { encryptionOption: "CSE_KMS" } } } });
            expectOneViolation(await check(athenaWorkgroupResultsEncrypted, asPolicyResources(keyless)), {
                policy: "athena-workgroup-results-encrypted", urn: keyless.urn, change: "set configuration.resultConfiguration.encryptionConfiguration.kmsKeyArn",
            });
        });
    });

    describe("athena-workgroup-bytes-scanned-cutoff", () => {
        it("passes the prod workgroups (10 GiB)", async () => {
            expectNoViolations(await check(athenaWorkgroupBytesScannedCutoff, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a workgroup without a cutoff", async () => {
            const { resources, urn } = await prodWithLakeWorkgroup((c) => {
                delete c.bytesScannedCutoffPerQuery;
            });
            expectOneViolation(await check(athenaWorkgroupBytesScannedCutoff, asPolicyResources(...resources)), {
                policy: "athena-workgroup-bytes-scanned-cutoff", urn, change: "set configuration.bytesScannedCutoffPerQuery",
            });
        });

        it("reports one stack-config value over the maximum once, naming the key and the policy-config file, not once per workgroup", async () => {
            const resources = await exportOf("prod");
            const workgroups = resources.filter((r) => r.type === "aws:athena/workgroup:Workgroup");
            expect(workgroups.length, "the prod stack has the lake's and the analysts' workgroups").to.be.greaterThan(1);
            const tight = await check(athenaWorkgroupBytesScannedCutoff, asPolicyResources(...resources), { "athena-workgroup-bytes-scanned-cutoff": { maxBytesScannedCutoffPerQuery: 1073741824 } });
            const violation = expectOneViolation(tight, { policy: "athena-workgroup-bytes-scanned-cutoff", urn: workgroups[0].urn, change: "between 10485760 and 1073741824" });
            expect(violation.message).to.contain("set analytics-platform:dataLake.bytesScannedCutoffPerQuery in Pulumi.prod.yaml");
            expect(violation.message).to.contain("policies/baseline/policy-config.prod.json");
            expect(violation.message).to.contain(`${workgroups.length} workgroups`);
        });

        it("reports two different out-of-range cutoffs as two causes", async () => {
            const { resources } = await prodWithLakeWorkgroup((c) => {
                c.bytesScannedCutoffPerQuery = 1_000;
            });
            const violations = await check(athenaWorkgroupBytesScannedCutoff, asPolicyResources(...resources), { "athena-workgroup-bytes-scanned-cutoff": { maxBytesScannedCutoffPerQuery: 1073741824 } });
            expect(violations.map((v) => v.message.match(/after (\d+) bytes/)?.[1]).sort()).to.deep.equal(["1000", "10737418240"]);
            expect(violations.find((v) => v.message.includes("after 1000 bytes"))?.message).to.contain("less than Athena's minimum 10485760");
        });
    });

    describe("athena-workgroup-cloudwatch-metrics", () => {
        it("passes the prod workgroups", async () => {
            expectNoViolations(await check(athenaWorkgroupCloudwatchMetrics, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a workgroup that does not publish metrics", async () => {
            const { resources, urn } = await prodWithLakeWorkgroup((c) => {
                c.publishCloudwatchMetricsEnabled = false;
            });
            expectOneViolation(await check(athenaWorkgroupCloudwatchMetrics, asPolicyResources(...resources)), {
                policy: "athena-workgroup-cloudwatch-metrics", urn, change: "set configuration.publishCloudwatchMetricsEnabled: true",
            });
        });
    });
});
