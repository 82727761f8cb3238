import { z } from "zod";
import { glueName, resourceName, switchable, uniqueBy } from "./primitives";

/**
 * The anomaly detectors (issue 11): Lookout for Metrics' concepts (a CSV source, a timestamp,
 * measures, dimensions with their values, an interval, a severity threshold, alert channels) on
 * CloudWatch anomaly detection. Cross-key rules (a lake dataset exists, its columns) are in
 * config/schema.ts, which sees the data lake's settings.
 */

/** The detector intervals Lookout for Metrics offered (ISO 8601 durations), in seconds. */
export const DETECTOR_INTERVAL_SECONDS = { PT5M: 300, PT10M: 600, PT1H: 3600, P1D: 86400 } as const;
export type DetectorInterval = keyof typeof DETECTOR_INTERVAL_SECONDS;

/**
 * The timestamp formats the ingestion function reads, all in UTC: ISO 8601 (with or without a zone
 * offset), the patterns Lookout for Metrics' console offered, and epoch seconds or milliseconds.
 */
export const TIMESTAMP_FORMATS = ["iso8601", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd", "dd.MM.yyyy", "epochSeconds", "epochMillis"] as const;
export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

/** How a measure is aggregated per interval and dimension combination (Lookout's SUM and AVG). */
export const AGGREGATIONS = ["SUM", "AVG"] as const;

/** An enum whose mistake reads "expected one of A, B or C, found ...". */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
    return z.enum(values, { error: `one of ${values.slice(0, -1).join(", ")} or ${values.at(-1)}` });
}

/** CloudWatch: at most 30 dimensions per metric (PutMetricData, MetricDatum.Dimensions). */
export const CLOUDWATCH_MAX_DIMENSIONS = 30;
/** CloudWatch: a dimension name or value is 1-255 characters (Dimension). */
const dimensionText = z.string().min(1).max(255);

const csvColumn = z.string().min(1).max(255);

/** An S3 bucket name (S3 User Guide, "General purpose bucket naming rules"). */
const bucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens");

const kmsKeyArn = z.string().regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/, "a KMS key ARN");

const lambdaFunctionArn = z
    .string()
    .regex(/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/, "a Lambda function ARN");

// SSM parameter names: letters, digits and .-_/ , a hierarchy starting with "/" (Systems Manager
// User Guide, "Requirements and constraints for parameter names"); "aws" and "ssm" prefixes are reserved.
const ssmParameterName = z
    .string()
    .regex(/^\/(?!aws|ssm)[A-Za-z0-9_.\-/]{1,1010}$/i, "an SSM parameter name with its path, such as /analytics-platform/dev/slack-webhook (not under /aws or /ssm)");

const email = z.email();

/**
 * Where the CSV files are: a dataset of the data lake (its prefix in the lake bucket, read with the
 * lake key) or another bucket and prefix. Exactly one of `dataset` and `bucket`.
 */
const sourceSchema = z
    .strictObject({
        /** A dataset of dataLake.datasets: the detector reads `<dataset>/` of the lake bucket. */
        dataset: glueName.optional(),
        /** Another bucket (not managed by this stack) ... */
        bucket: bucketName.optional(),
        /** ... and the prefix of its CSV files ("" for the whole bucket, else ending with "/"). */
        prefix: z.string().regex(/^$|^[^/].*\/$/, "an S3 key prefix ending with \"/\" (and not starting with one), or \"\"").optional(),
        /** The KMS key the other bucket's objects are encrypted with (SSE-KMS), if any. */
        kmsKeyArn: kmsKeyArn.optional(),
    })
    .superRefine((source, ctx) => {
        if ((source.dataset === undefined) === (source.bucket === undefined)) {
            ctx.addIssue({ code: "custom", path: [], message: `expected exactly one of dataset (a lake dataset) and bucket (another bucket), found ${source.dataset === undefined ? "neither" : "both"}` });
        }
        if (source.dataset !== undefined && (source.prefix !== undefined || source.kmsKeyArn !== undefined)) {
            ctx.addIssue({ code: "custom", path: [source.prefix !== undefined ? "prefix" : "kmsKeyArn"], message: "expected no prefix or kmsKeyArn with a lake dataset (its prefix is <dataset>/ and its key the lake key), found one" });
        }
        if (source.bucket !== undefined && source.prefix === undefined) {
            ctx.addIssue({ code: "custom", path: ["prefix"], message: "expected the prefix of the CSV files in the bucket (\"\" for the whole bucket), found nothing (the key is required with bucket)" });
        }
    });

const measureSchema = z.strictObject({
    column: csvColumn,
    aggregation: oneOf(AGGREGATIONS).default("SUM"),
});

const dimensionSchema = z.strictObject({
    column: csvColumn,
    /**
     * The values to watch: one metric (and alarm) per measure and combination of values. Listed,
     * not discovered, because the metric count is the bill (Lookout charged per metric, CloudWatch
     * per metric and alarm). Rows with another value are counted, not published.
     */
    values: uniqueBy(z.array(dimensionText).min(1), (v) => v, "dimension value"),
});

const webhookSchema = z.strictObject({
    /**
     * The SSM SecureString parameter that holds the webhook URL (a Slack incoming webhook, say). The
     * URL is a credential: it is never in the stack config or the Pulumi state. Put it there with
     * `aws ssm put-parameter --type SecureString --name <name> --value <url>` before `pulumi up`.
     */
    urlParameterName: ssmParameterName,
    /** The customer managed key the parameter is encrypted with; absent: the AWS managed aws/ssm key. */
    kmsKeyArn: kmsKeyArn.optional(),
});

const alertsSchema = z.strictObject({
    /** E-mail addresses subscribed to the detector's alert topic. */
    emails: uniqueBy(z.array(email), (e) => e.toLowerCase(), "e-mail address").default([]),
    /** Lambda functions subscribed to the alert topic (each gets permission for SNS to invoke it). */
    lambdaFunctionArns: uniqueBy(z.array(lambdaFunctionArn), (a) => a, "function ARN").default([]),
    /** An HTTPS webhook (Slack, Teams, ...) posted to by the detector's alert function. */
    webhook: webhookSchema.optional(),
});

/** A detector's metric (and alarm) count above which the config is refused: one plan, one bill, readable. */
export const MAX_METRICS_PER_DETECTOR = 1000;
/** Room for a detector's measures and dimensions in Lambda's 4 KB of environment variables, the rest of the settings beside them. */
const MAX_SETTINGS_BYTES = 3500;

export const detectorSchema = z
    .strictObject({
        /** The detector's name: part of its resources' names and of its metric namespace. */
        name: resourceName,
        source: sourceSchema,
        timestamp: z.strictObject({
            column: csvColumn,
            format: oneOf(TIMESTAMP_FORMATS).default("iso8601"),
        }),
        measures: uniqueBy(z.array(measureSchema).min(1), (m) => m.column, "measure column"),
        dimensions: uniqueBy(z.array(dimensionSchema).min(1).max(CLOUDWATCH_MAX_DIMENSIONS), (d) => d.column, "dimension column"),
        interval: oneOf(Object.keys(DETECTOR_INTERVAL_SECONDS) as [DetectorInterval, ...DetectorInterval[]]),
        /**
         * The anomaly severity (0-100) from which an alarm fires: the higher, the wider the expected
         * band (components/anomalyDetector/bandWidth.ts) and the fewer, larger anomalies reported.
         */
        severityThreshold: z.number().int().min(0).max(100).default(70),
        /** When the ingestion runs: every interval (objects written in the last one), or on each new object. */
        trigger: oneOf(["schedule", "newObjects"] as const).default("schedule"),
        alerts: alertsSchema.default({ emails: [], lambdaFunctionArns: [] }),
        /** Concurrent runs the ingestion function may have (reserved concurrency). */
        reservedConcurrency: z.number().int().min(1).max(100).default(1),
    })
    .superRefine((detector, ctx) => {
        const used = new Map<string, string>();
        const claim = (column: string, role: string, path: PropertyKey[]) => {
            const other = used.get(column);
            if (other !== undefined) ctx.addIssue({ code: "custom", path, message: `expected a column used once, found "${column}" as ${role} and as ${other}` });
            else used.set(column, role);
        };
        claim(detector.timestamp.column, "the timestamp", ["timestamp", "column"]);
        detector.measures.forEach((m, i) => claim(m.column, "a measure", ["measures", i, "column"]));
        detector.dimensions.forEach((d, i) => claim(d.column, "a dimension", ["dimensions", i, "column"]));
        const metrics = metricCount(detector);
        if (metrics > MAX_METRICS_PER_DETECTOR) {
            ctx.addIssue({ code: "custom", path: ["dimensions"], message: `expected at most ${MAX_METRICS_PER_DETECTOR} metrics (measures x dimension-value combinations) per detector, found ${metrics}: each is a custom metric and an alarm` });
        }
        // The ingestion function gets measures and dimensions in one environment variable, and
        // Lambda allows 4 KB of environment variables in all (Lambda quotas).
        const settingsBytes = Buffer.byteLength(JSON.stringify({ measures: detector.measures, dimensions: detector.dimensions }));
        if (settingsBytes > MAX_SETTINGS_BYTES) {
            ctx.addIssue({ code: "custom", path: ["dimensions"], message: `expected measures and dimensions that fit the ingestion function's environment (at most ${MAX_SETTINGS_BYTES} bytes of JSON, Lambda allows 4 KB), found ${settingsBytes} bytes` });
        }
        const { alerts } = detector;
        if (alerts.emails.length === 0 && alerts.lambdaFunctionArns.length === 0 && alerts.webhook === undefined) {
            ctx.addIssue({ code: "custom", path: ["alerts"], message: "expected at least one alert channel (emails, lambdaFunctionArns or webhook), found none: an alarm nobody hears is no detector" });
        }
    });

export const anomalyDetectorSchema = switchable({
    detectors: uniqueBy(z.array(detectorSchema).min(1), (d) => d.name, "detector name"),
    /**
     * A QuickSight Athena data source over the lake's workgroup and a dataset per lake table, for
     * ML Insights' anomaly detection and forecasting (the seed's other article). Off by default:
     * ML Insights needs a QuickSight Enterprise subscription in the account.
     */
    quickSight: switchable({
        /** The QuickSight user or group (arn:aws:quicksight:<region>:<account>:user/default/<name>) that owns them and SELECTs the tables. */
        ownerArn: z.string().regex(/^arn:aws[a-z-]*:quicksight:[a-z0-9-]+:\d{12}:(user|group)\/[\w+=,.@/-]+$/, "a QuickSight user or group ARN"),
    }).default({ enabled: false }),
});

export type AnomalyDetectorConfig = Extract<z.infer<typeof anomalyDetectorSchema>, { enabled: true }>;
export type DetectorConfig = z.infer<typeof detectorSchema>;

/** Measures x dimension-value combinations: the seed's formula (2 x 3 x 7 = 42 metrics). */
export function metricCount(detector: Pick<DetectorConfig, "measures" | "dimensions">): number {
    return detector.measures.length * detector.dimensions.reduce((n, d) => n * d.values.length, 1);
}
