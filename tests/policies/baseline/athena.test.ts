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

        it("fails a workgroup without a cutoff, and one above the configured maximum", async () => {
            const { resources, urn } = await prodWithLakeWorkgroup((c) => {
                delete c.bytesScannedCutoffPerQuery;
            });
            expectOneViolation(await check(athenaWorkgroupBytesScannedCutoff, asPolicyResources(...resources)), {
                policy: "athena-workgroup-bytes-scanned-cutoff", urn, change: "set configuration.bytesScannedCutoffPerQuery",
            });
            const prod = asPolicyResources(...(await exportOf("prod")));
            const tight = await check(athenaWorkgroupBytesScannedCutoff, prod, { "athena-workgroup-bytes-scanned-cutoff": { maxBytesScannedCutoffPerQuery: 1073741824 } });
            expectOneViolation(tight.filter((v) => v.urn === urn), { policy: "athena-workgroup-bytes-scanned-cutoff", urn, change: "between 10485760 and 1073741824" });
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
