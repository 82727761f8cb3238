import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { label } from "../lib/resources";

/*
 * Athena: a workgroup's settings are the guard rails of the people who query in it (results
 * location, encryption, scan cutoff), so clients must not override them, and their use is visible
 * in CloudWatch.
 */

export const athenaWorkgroupEnforcesConfiguration: ResourceValidationPolicy = {
    name: "athena-workgroup-enforces-configuration",
    description: "Athena workgroups enforce their configuration, so that clients cannot override the results location, encryption or scan cutoff.",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.athena.Workgroup, (workgroup, args, report) => {
        if (workgroup.configuration?.enforceWorkgroupConfiguration !== true) {
            report(`${label(args)} lets clients override its settings: set configuration.enforceWorkgroupConfiguration: true.`);
        }
    }),
};

const KMS_OPTIONS = ["SSE_KMS", "CSE_KMS"];

export const athenaWorkgroupResultsEncrypted: ResourceValidationPolicy = {
    name: "athena-workgroup-results-encrypted",
    description: "Athena workgroups encrypt query results with one of the allowed options (by default SSE_KMS or CSE_KMS) and a KMS key.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            allowedEncryptionOptions: {
                type: "array",
                items: { type: "string", enum: ["SSE_S3", "SSE_KMS", "CSE_KMS"] },
                default: KMS_OPTIONS,
                description: "Encryption options a workgroup's resultConfiguration may use",
            },
        },
    },
    validateResource: validateResourceOfType(aws.athena.Workgroup, (workgroup, args, report) => {
        const { allowedEncryptionOptions } = args.getConfig<{ allowedEncryptionOptions: string[] }>();
        const managed = workgroup.configuration?.managedQueryResultsConfiguration;
        if (managed?.enabled === true) {
            if (!managed.encryptionConfiguration?.kmsKey) {
                report(`${label(args)} keeps managed query results under an AWS owned key: set configuration.managedQueryResultsConfiguration.encryptionConfiguration.kmsKey to a KMS key.`);
            }
            return;
        }
        const encryption = workgroup.configuration?.resultConfiguration?.encryptionConfiguration;
        const option = encryption?.encryptionOption;
        if (option === undefined || !allowedEncryptionOptions.includes(option)) {
            report(`${label(args)} ${option ? `encrypts query results with ${option}` : "does not encrypt query results"}: set configuration.resultConfiguration.encryptionConfiguration.encryptionOption to one of ${allowedEncryptionOptions.join(", ")}.`);
        } else if (KMS_OPTIONS.includes(option) && !encryption?.kmsKeyArn) {
            report(`${label(args)} uses ${option} without a key: set configuration.resultConfiguration.encryptionConfiguration.kmsKeyArn.`);
        }
    }),
};

/** Athena refuses a smaller per-query cutoff than 10 MB. */
const MIN_CUTOFF_BYTES = 10_485_760;

export const athenaWorkgroupBytesScannedCutoff: ResourceValidationPolicy = {
    name: "athena-workgroup-bytes-scanned-cutoff",
    description: "Athena workgroups cancel a query that scans more than a cutoff, no larger than the configured maximum: one bad query cannot run up the bill.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            maxBytesScannedCutoffPerQuery: {
                type: "integer",
                minimum: MIN_CUTOFF_BYTES,
                default: 1_099_511_627_776,
                description: "Largest bytesScannedCutoffPerQuery allowed (default 1 TiB, about 5 USD a query)",
            },
        },
    },
    validateResource: validateResourceOfType(aws.athena.Workgroup, (workgroup, args, report) => {
        const { maxBytesScannedCutoffPerQuery } = args.getConfig<{ maxBytesScannedCutoffPerQuery: number }>();
        const cutoff = workgroup.configuration?.bytesScannedCutoffPerQuery;
        if (cutoff === undefined) {
            report(`${label(args)} has no per-query scan limit: set configuration.bytesScannedCutoffPerQuery (at most ${maxBytesScannedCutoffPerQuery} bytes).`);
        } else if (cutoff > maxBytesScannedCutoffPerQuery || cutoff < MIN_CUTOFF_BYTES) {
            report(`${label(args)} cancels queries after ${cutoff} bytes: set configuration.bytesScannedCutoffPerQuery between ${MIN_CUTOFF_BYTES} and ${maxBytesScannedCutoffPerQuery}.`);
        }
    }),
};

export const athenaWorkgroupCloudwatchMetrics: ResourceValidationPolicy = {
    name: "athena-workgroup-cloudwatch-metrics",
    description: "Athena workgroups publish query metrics to CloudWatch, where scans and failures per workgroup can be watched and alarmed on.",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.athena.Workgroup, (workgroup, args, report) => {
        if (workgroup.configuration?.publishCloudwatchMetricsEnabled !== true) {
            report(`${label(args)} does not publish query metrics: set configuration.publishCloudwatchMetricsEnabled: true.`);
        }
    }),
};

export const athenaPolicies = [athenaWorkgroupEnforcesConfiguration, athenaWorkgroupResultsEncrypted, athenaWorkgroupBytesScannedCutoff, athenaWorkgroupCloudwatchMetrics];
