import { z } from "zod";
import { CLOUDWATCH_RETENTION_DAYS } from "./cloudwatchRetention";
import { isCronExpression } from "./schedule";

/**
 * The value rules several components' schemas share: AWS's name and ARN formats, schedules, log
 * retention, and the two shapes every component's settings take (unique lists, switchable).
 * A component's schema lives in its own file of config/ and builds on these.
 */

// Glue stores names in lower case; Athena reads only lower-case letters, digits and underscores
// ("Name databases, tables, and columns"), up to 255 characters.
export const glueName = z
    .string()
    .regex(/^[a-z0-9_]{1,255}$/, "a Glue name: 1-255 lower-case letters, digits and underscores");

export const resourceName = z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, "a name of 2-32 lower-case letters, digits and hyphens");

export const iamPrincipalArn = z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:(root|role\/[\w+=,.@/-]+)$/, "an IAM account root or role ARN");

export const iamRoleArn = z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "an IAM role ARN");

export const iamPolicyArn = z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::(\d{12}|aws):policy\/[\w+=,.@/-]+$/, "an IAM managed policy ARN");

export const awsAccountId = z.string().regex(/^\d{12}$/, "a 12-digit AWS account id");

export const samlProviderArn = z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[\w.-]+$/, "an IAM SAML provider ARN");

export const cronExpression = z
    .string()
    .refine(isCronExpression, "an AWS cron expression: cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>) with ? in one day field");

export const retentionDays = z
    .number()
    .int()
    .refine((d) => CLOUDWATCH_RETENTION_DAYS.includes(d), {
        message: `a CloudWatch Logs retention: ${CLOUDWATCH_RETENTION_DAYS.slice(0, -1).join(", ")} or ${CLOUDWATCH_RETENTION_DAYS.at(-1)}`,
    });


/** An array whose entries' `key` is unique; a repeat is reported at the entry that repeats it. */
export function uniqueBy<T>(array: z.ZodType<T[]>, key: (entry: T) => string, what: string) {
    return array.superRefine((entries, ctx) => {
        const first = new Map<string, number>();
        entries.forEach((entry, i) => {
            const k = key(entry);
            const at = first.get(k);
            if (at === undefined) first.set(k, i);
            else ctx.addIssue({ code: "custom", path: [i], input: k, message: `expected a unique ${what}, found "${k}" again (first at [${at}])` });
        });
    });
}

/**
 * A component's settings, or `{ enabled: false }` to switch it off. Switched off, its other
 * settings may stay in the file (they are kept, not checked); a missing `enabled` means true.
 */
export function switchable<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
    const on = z.strictObject({ enabled: z.literal(true), ...shape });
    const off = z.looseObject({ enabled: z.literal(false) });
    return z.preprocess(
        (value) => (value && typeof value === "object" && !("enabled" in value) ? { enabled: true, ...value } : value),
        z.discriminatedUnion("enabled", [on, off]),
    );
}

