import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { CLOUDWATCH_RETENTION_DAYS } from "../../../config/cloudwatchRetention";
import { label } from "../lib/resources";

/*
 * CloudWatch Logs: a log group without retention keeps everything forever (cost, and personal data
 * kept longer than needed). A stack's minimum is policy config; a maximum is not required.
 */


function dayCount(n: number): string {
    return n === 1 ? "1 day" : `${n} days`;
}

export const cloudwatchLogGroupRetention: ResourceValidationPolicy = {
    name: "cloudwatch-log-group-retention",
    description: "CloudWatch log groups set a retention (a value CloudWatch accepts) of at least the configured minimum number of days.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minRetentionDays: { type: "integer", minimum: 1, default: 1, description: "Shortest retention allowed, in days" },
            maxRetentionDays: { type: "integer", minimum: 1, description: "Longest retention allowed, in days (not checked unless set)" },
        },
    },
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (logGroup, args, report) => {
        const { minRetentionDays, maxRetentionDays } = args.getConfig<{ minRetentionDays: number; maxRetentionDays?: number }>();
        const days = logGroup.retentionInDays;
        const range = `at least ${dayCount(minRetentionDays)}${maxRetentionDays !== undefined ? ` and at most ${dayCount(maxRetentionDays)}` : ""}`;
        if (days === undefined || days === 0) {
            report(`${label(args)} keeps its logs forever: set retentionInDays (${range}).`);
        } else if (!CLOUDWATCH_RETENTION_DAYS.includes(days)) {
            report(`${label(args)} has retentionInDays ${days}, which CloudWatch Logs refuses: use one of ${CLOUDWATCH_RETENTION_DAYS.join(", ")} (${range}).`);
        } else if (days < minRetentionDays || (maxRetentionDays !== undefined && days > maxRetentionDays)) {
            report(`${label(args)} keeps its logs for ${dayCount(days)}: set retentionInDays to ${range}.`);
        }
    }),
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
