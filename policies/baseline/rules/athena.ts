import * as aws from "@pulumi/aws";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { ATHENA_MIN_BYTES_SCANNED_CUTOFF } from "../../../config/awsLimits";
import { checkEach } from "../../lib/unknownValues";
import { label, ofType, stackOf } from "../lib/resources";

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

/** The stack-config key every workgroup of the platform takes its cutoff from (index.ts). */
const CUTOFF_CONFIG_KEY = "analytics-platform:dataLake.bytesScannedCutoffPerQuery";

/**
 * One threshold, one home: the minimum is AWS's (config/awsLimits.ts, which the stack config
 * schema also reads); the maximum is the organisation's, this policy's config in
 * policies/baseline/policy-config.<stack>.json. A stack-config value outside them is one cause,
 * so it is one violation however many workgroups take it, naming the key and the policy-config file.
 */
export const athenaWorkgroupBytesScannedCutoff: StackValidationPolicy = {
    name: "athena-workgroup-bytes-scanned-cutoff",
    description: "Athena workgroups cancel a query that scans more than a cutoff, no larger than the configured maximum: one bad query cannot run up the bill.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            maxBytesScannedCutoffPerQuery: {
                type: "integer",
                minimum: ATHENA_MIN_BYTES_SCANNED_CUTOFF,
                default: 1_099_511_627_776,
                description: "Largest bytesScannedCutoffPerQuery allowed (default 1 TiB, about 5 USD a query)",
            },
        },
    },
    validateStack: async (args, report) => {
        const { maxBytesScannedCutoffPerQuery: max } = args.getConfig<{ maxBytesScannedCutoffPerQuery: number }>();
        const outside = new Map<number, PolicyResource[]>();
        await checkEach(ofType(args.resources, aws.athena.Workgroup), ({ resource, props }) => {
            const cutoff = props.configuration?.bytesScannedCutoffPerQuery;
            if (cutoff === undefined) {
                report(`${label(resource)} has no per-query scan limit: set configuration.bytesScannedCutoffPerQuery (at most ${max} bytes).`, resource.urn);
            } else if (cutoff > max || cutoff < ATHENA_MIN_BYTES_SCANNED_CUTOFF) {
                outside.set(cutoff, [...(outside.get(cutoff) ?? []), resource]);
            }
        });
        for (const [cutoff, workgroups] of outside) {
            const stack = stackOf(workgroups[0].urn);
            const which = workgroups.length === 1 ? label(workgroups[0]) : `${workgroups.length} workgroups (${workgroups.map(label).join(", ")})`;
            const bound = cutoff > max
                ? `more than maxBytesScannedCutoffPerQuery ${max} (policies/baseline/policy-config.${stack}.json, athena-workgroup-bytes-scanned-cutoff)`
                : `less than Athena's minimum ${ATHENA_MIN_BYTES_SCANNED_CUTOFF}`;
            report(`${which} cancel${workgroups.length === 1 ? "s" : ""} queries after ${cutoff} bytes, ${bound}: ` +
                `set ${CUTOFF_CONFIG_KEY} in Pulumi.${stack}.yaml between ${ATHENA_MIN_BYTES_SCANNED_CUTOFF} and ${max} (configuration.bytesScannedCutoffPerQuery of every workgroup comes from it).`, workgroups[0].urn);
        }
    },
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
