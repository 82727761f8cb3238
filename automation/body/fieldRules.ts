import { z } from "zod";
import { nameProblems } from "../../components/common/naming";
import { NAME_RULES } from "../../components/common/nameRules";
import { isCronExpression } from "../../config/schedule";

/**
 * The value rules of the orchestrator's body fields. The orchestrator checked only that keys were
 * present; its CloudFormation parameters checked formats after provisioning had started. These
 * rules check every value before a stack is touched, each message saying what was expected.
 */

/** SageMaker's EntityName rule (models, endpoints, schedules), shared with the components. */
export function sagemakerName(kind: "sagemaker-endpoint" | "sagemaker-model") {
    return z.string().superRefine((name, ctx) => {
        for (const problem of nameProblems(kind, name)) {
            ctx.addIssue({ code: "custom", message: `a ${NAME_RULES[kind].title}: ${problem}` });
        }
    });
}

/**
 * SageMaker's instance types are `ml.<family>.<size>` (CreateEndpointConfig ProductionVariant
 * InstanceType, MonitoringClusterConfig InstanceType): ml.m5.large, ml.g4dn.xlarge, ml.p4d.24xlarge.
 */
export const SAGEMAKER_INSTANCE_TYPE = /^ml\.[a-z][a-z0-9-]*\.[a-z0-9]+$/;

export function instanceType(supported?: readonly string[]) {
    return z.string().superRefine((type, ctx) => {
        if (!SAGEMAKER_INSTANCE_TYPE.test(type)) {
            ctx.addIssue({ code: "custom", message: `a SageMaker instance type such as ml.m5.large (ml.<family>.<size>), found "${type}"` });
        } else if (supported && !supported.includes(type)) {
            ctx.addIssue({ code: "custom", message: `an instance type SageMaker offers for this use, found "${type}"` });
        }
    });
}

/** The orchestrator passes numbers as strings ("20"); both are accepted, as whole numbers. */
export function wholeNumber(min: number, max: number, unit: string) {
    return z.preprocess(
        (value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
        z.number({ error: `a whole number of ${unit} from ${min} to ${max}` })
            .int(`a whole number of ${unit} from ${min} to ${max}`)
            .min(min, `a whole number of ${unit} from ${min} to ${max}`)
            .max(max, `a whole number of ${unit} from ${min} to ${max}`),
    );
}

/** A number that may come as a string ("0.5"), within [min, max]. */
export function decimal(min: number, max: number, what: string) {
    return z.preprocess(
        (value) => (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value),
        z.number({ error: `${what} from ${min} to ${max}` }).min(min, `${what} from ${min} to ${max}`).max(max, `${what} from ${min} to ${max}`),
    );
}

export interface S3Location {
    bucket: string;
    /** Without a leading or trailing slash; "" for the whole bucket. */
    prefix: string;
    /** `s3://bucket/prefix` */
    uri: string;
}

const S3_URI = /^s3:\/\/([^/]*)(?:\/(.*))?$/;

/**
 * Bucket names as S3 takes them (General purpose bucket naming rules): the shared rule of the
 * platform's own buckets, plus dots, which S3 allows in names it did not create.
 */
function bucketProblems(bucket: string): string[] {
    const withoutDots = bucket.replaceAll(".", "-");
    const problems = nameProblems("s3-bucket", withoutDots).map((p) => p.replaceAll(withoutDots, bucket).replace("[a-z0-9-]", "[a-z0-9.-]"));
    if (/\.\.|\.-|-\./.test(bucket) || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) problems.push(`expected no adjacent dots and not an IP address, found "${bucket}"`);
    return problems;
}

/** An S3 key as SageMaker and S3 take it: 1-1024 characters, no control characters, no empty or `..` segments. */
function keyProblems(key: string): string[] {
    const problems: string[] = [];
    if (Buffer.byteLength(key) > 1024) problems.push(`expected at most 1024 bytes, found ${Buffer.byteLength(key)}`);
    if (/[\u0000-\u001f\u007f]/.test(key)) problems.push("expected no control characters");
    if (key.split("/").some((segment, i, all) => segment === ".." || segment === "." || (segment === "" && i < all.length - 1))) {
        problems.push(`expected no empty, "." or ".." path segments, found "${key}"`);
    }
    return problems;
}

/** `bucket/prefix` (the orchestrator's form) or `s3://bucket/prefix`. */
export const s3Location = z.string().transform((value, ctx): S3Location => {
    const uri = S3_URI.exec(value);
    const [bucket, ...rest] = uri ? [uri[1], uri[2] ?? ""] : value.split("/");
    const prefix = (Array.isArray(rest) ? rest.join("/") : rest).replace(/\/$/, "");
    const problems = [...bucketProblems(bucket), ...(prefix ? keyProblems(prefix) : [])];
    if (value.startsWith("/") || /^[a-z0-9]+:\/\//i.test(value) && !uri) problems.unshift(`expected bucket/prefix or s3://bucket/prefix, found "${value}"`);
    for (const problem of problems) ctx.addIssue({ code: "custom", message: `an S3 location (bucket/prefix or s3://bucket/prefix): ${problem}` });
    return { bucket, prefix, uri: `s3://${bucket}${prefix ? `/${prefix}` : ""}` };
});

/**
 * A key in the service's assets bucket (the orchestrator's `model_artifact_location` and
 * `baseline_data`): `path/to/model.tar.gz`, or `s3://<assets bucket>/path/to/model.tar.gz`.
 */
export function assetKey(assetsBucket: string) {
    return z.string().transform((value, ctx): S3Location => {
        const uri = S3_URI.exec(value);
        if (uri && uri[1] !== assetsBucket) {
            ctx.addIssue({ code: "custom", message: `a key in the assets bucket "${assetsBucket}" (or s3://${assetsBucket}/<key>), found the bucket "${uri[1]}"` });
        }
        const key = uri ? (uri[2] ?? "") : value;
        const problems = key === "" ? ["expected a key, found none"] : key.startsWith("/") ? [`expected a key without a leading "/", found "${key}"`] : keyProblems(key);
        for (const problem of problems) ctx.addIssue({ code: "custom", message: `a key in the assets bucket: ${problem}` });
        return { bucket: assetsBucket, prefix: key, uri: `s3://${assetsBucket}/${key}` };
    });
}

/**
 * A Model Monitor schedule: an AWS cron expression (config/schedule.ts) that SageMaker accepts for
 * monitoring, which runs at most hourly and at minute 0 ("Schedule monitoring jobs", Amazon
 * SageMaker Developer Guide: cron(0 * ? * * *), cron(0 [00-23] ? * * *), cron(0 [00-23]/[01-24] ? * * *)).
 */
export const monitoringSchedule = z.string().superRefine((expression, ctx) => {
    if (!isCronExpression(expression)) {
        ctx.addIssue({ code: "custom", message: `an AWS cron expression cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>), found "${expression}"` });
        return;
    }
    const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = expression.slice(5, -1).trim().split(/\s+/);
    if (minutes !== "0" || dayOfMonth !== "?" || month !== "*" || dayOfWeek !== "*" || year !== "*" || !/^(\*|\d{1,2}(\/\d{1,2})?)$/.test(hours)) {
        ctx.addIssue({ code: "custom", message: `a monitoring schedule SageMaker accepts, hourly or daily at minute 0: cron(0 * ? * * *), cron(0 <hour> ? * * *) or cron(0 <hour>/<interval> ? * * *), found "${expression}"` });
    }
});

/** True when a (valid) monitoring schedule runs every hour. */
export function isHourly(expression: string): boolean {
    const hours = expression.slice(5, -1).trim().split(/\s+/)[1];
    return hours === "*" || /\/1$/.test(hours ?? "");
}

export const problemType = z.enum(["Regression", "MulticlassClassification", "BinaryClassification"], {
    error: (issue) => `one of Regression, MulticlassClassification, BinaryClassification, found ${JSON.stringify(issue.input)}`,
});

export const kmsKeyArn = z
    .string()
    .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[a-zA-Z0-9-]+$/, "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)");

/** An ECR image URI with a tag or digest: <account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag|@sha256:digest]. */
export const ecrImageUri = z.string().superRefine((uri, ctx) => {
    const match = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/.exec(uri);
    const problems = match ? nameProblems("ecr-repository", match[1]) : ["expected <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> (or @sha256:<digest>)"];
    for (const problem of problems) ctx.addIssue({ code: "custom", message: `an ECR image URI: ${problem}, found "${uri}"` });
});

/** An attribute of the captured records (a JSONPath or column index as Model Monitor takes it). */
export const attribute = z
    .string()
    .min(1, "a non-empty attribute name")
    .max(256, "an attribute name of at most 256 characters")
    .regex(/^[^\u0000-\u001f]*$/, "an attribute name without control characters");

export const yesNo = z.enum(["Yes", "No"], { error: (issue) => `"Yes" or "No", found ${JSON.stringify(issue.input)}` });
