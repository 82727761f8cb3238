import * as aws from "@pulumi/aws";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { CLOUDWATCH_RETENTION_DAYS } from "../../../config/cloudwatchRetention";
import { checkEach } from "../../lib/unknownValues";
import { label, ofType, stackOf } from "../lib/resources";

/*
 * CloudWatch Logs: a log group without retention keeps everything forever (cost, and personal data
 * kept longer than needed). A stack's minimum is policy config; a maximum is not required.
 */


function dayCount(n: number): string {
    return n === 1 ? "1 day" : `${n} days`;
}

/** The stack-config key every log group's retention comes from: a bad value there is one cause. */
const RETENTION_CONFIG_KEY = "analytics-platform:environment.logRetentionDays";

export const cloudwatchLogGroupRetention: StackValidationPolicy = {
    name: "cloudwatch-log-group-retention",
    description: "CloudWatch log groups set a retention (a value CloudWatch accepts) of at least the configured minimum number of days.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minRetentionDays: { type: "integer", minimum: 1, default: 1, description: "Shortest retention allowed, in days" },
            maxRetentionDays: { type: "integer", minimum: 1, description: "Longest retention allowed, in days (not checked unless set)" },
        },
    },
    // One cause, one violation: the platform's log groups all take environment.logRetentionDays, so
    // a value out of range is reported once, naming that key and the policy config that sets the range.
    validateStack: async (args, report) => {
        const { minRetentionDays, maxRetentionDays } = args.getConfig<{ minRetentionDays: number; maxRetentionDays?: number }>();
        const range = `at least ${dayCount(minRetentionDays)}${maxRetentionDays !== undefined ? ` and at most ${dayCount(maxRetentionDays)}` : ""}`;
        const byValue = new Map<number, PolicyResource[]>();
        await checkEach(ofType(args.resources, aws.cloudwatch.LogGroup), ({ resource, props }) => {
            const days = props.retentionInDays;
            if (days === undefined || days === 0) {
                report(`${label(resource)} keeps its logs forever: set retentionInDays (${range}).`, resource.urn);
            } else if (!CLOUDWATCH_RETENTION_DAYS.includes(days) || days < minRetentionDays || (maxRetentionDays !== undefined && days > maxRetentionDays)) {
                byValue.set(days, [...(byValue.get(days) ?? []), resource]);
            }
        });
        for (const [days, groups] of byValue) {
            const stack = stackOf(groups[0].urn);
            const which = groups.length === 1 ? label(groups[0]) : `${groups.length} log groups (${groups.map(label).join(", ")})`;
            const problem = !CLOUDWATCH_RETENTION_DAYS.includes(days)
                ? `has retentionInDays ${days}, which CloudWatch Logs refuses: use one of ${CLOUDWATCH_RETENTION_DAYS.join(", ")} (${range})`
                : `keeps its logs for ${dayCount(days)}: set retentionInDays to ${range} (policies/baseline/policy-config.${stack}.json, cloudwatch-log-group-retention)`;
            report(`${which} ${problem}; the platform's log groups take ${RETENTION_CONFIG_KEY} in Pulumi.${stack}.yaml.`, groups[0].urn);
        }
    },
};

export const cloudwatchLogGroupKms: ResourceValidationPolicy = {
    name: "cloudwatch-log-group-kms",
    description: "CloudWatch log groups are encrypted with a KMS key of the platform.",
    // Advisory: CloudWatch Logs always encrypts at rest (with an AWS owned key); a KMS key adds
    // control over who can read and an audit trail, at the price of a key policy for the logs service.
    enforcementLevel: "advisory",
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (logGroup, args, report) => {
        if (!logGroup.kmsKeyId) {
            report(`${label(args)} is encrypted with an AWS owned key only: set kmsKeyId to a KMS key whose policy lets logs.<region>.amazonaws.com use it.`);
        }
    }),
};

export const cloudwatchLogsPolicies = [cloudwatchLogGroupRetention, cloudwatchLogGroupKms];
