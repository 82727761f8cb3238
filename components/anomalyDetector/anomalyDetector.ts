import { createHash } from "node:crypto";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DETECTOR_INTERVAL_SECONDS } from "../../config/anomalyDetector";
import { ANOMALY_ALERT_PERSONA, ANOMALY_INGESTION_PERSONA, DETECTOR_TAG } from "../../personas/personaNames";
import { alertTopic } from "../common/alertTopic";
import { platformKey } from "../common/platformKey";
import { physicalName, tagsFor } from "../common/naming";
import { Statement } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { anomalyAlarms, metricNamespace, seriesOf } from "./alarms";
import { AnomalyDetectorArgs } from "./anomalyDetectorArgs";
import { bundleFunction } from "./bundle";
import { detectorFunction, functionName } from "./detectorFunction";
import type { IngestSettings } from "../../functions/anomalyIngest/settings";
import { cloudWatchLogsKeyStatement } from "../common/logsKeyStatement";
import { kmsViaService } from "../common/servicePrincipal";

export type { AnomalyDetectorArgs, DetectorSource } from "./anomalyDetectorArgs";

/** An EventBridge schedule per interval: the function reads the objects of the interval before. */
const SCHEDULES = { PT5M: "rate(5 minutes)", PT10M: "rate(10 minutes)", PT1H: "rate(1 hour)", P1D: "rate(1 day)" } as const;

/**
 * One anomaly detector (issue 11), Lookout for Metrics' concepts on CloudWatch anomaly detection:
 * an ingestion function turns the CSV files of its source into custom metrics (a measure per
 * dimension combination, aggregated per interval), an anomaly-detection alarm watches each, and the
 * alarms notify an encrypted SNS topic with the detector's alert channels: e-mail, Lambda functions,
 * and an HTTPS webhook posted to by a small alert function.
 */
export class AnomalyDetector extends pulumi.ComponentResource {
    public readonly topicArn: pulumi.Output<string>;
    public readonly ingestionFunctionName: pulumi.Output<string>;
    public readonly ingestionRoleArn: pulumi.Output<string>;
    public readonly alertRoleArn?: pulumi.Output<string>;
    public readonly namespace: string;
    public readonly alarmCount: number;

    constructor(name: string, args: AnomalyDetectorArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:AnomalyDetector", name, {}, opts);
        const parent: pulumi.Resource = this;
        const { placement, detector, region, source } = args;
        const accountId = aws.getCallerIdentityOutput({}, { parent }).accountId;
        const partition = aws.getPartitionOutput({}, { parent }).partition;
        const namespace = metricNamespace(placement, detector.name);
        const series = seriesOf(placement, detector);
        const tags = tagsFor(placement, { [DETECTOR_TAG]: detector.name });

        const alerts = alertTopic(`${name}-alerts`, {
            placement,
            region,
            accountId,
            partition,
            logical: `${detector.name}-anomalies`,
            description: `anomaly alerts of detector ${detector.name}`,
            alarmNames: series.map((s) => s.alarmName),
            emails: detector.alerts.emails,
            kmsDeletionWindowDays: args.kmsDeletionWindowDays,
            protection: args.protection,
        }, parent);
        const topicArn = alerts.topic.arn;

        const ingestLogical = `${detector.name}-ingest`;
        const alertLogical = `${detector.name}-alert`;
        const logKey = logGroupKey(name, args, { accountId, partition, functionNames: [functionName(placement, ingestLogical), functionName(placement, alertLogical)] }, parent);
        const viaS3 = { StringEquals: { "kms:ViaService": kmsViaService("s3", region) } };

        const sourceStatements: Statement[] = [
            {
                Sid: "ListSourcePrefix",
                Effect: "Allow",
                Action: "s3:ListBucket",
                Resource: source.bucketArn,
                Condition: { StringLike: { "s3:prefix": [`${source.prefix}*`] } },
            },
            { Sid: "ReadSourceObjects", Effect: "Allow", Action: "s3:GetObject", Resource: pulumi.interpolate`${source.bucketArn}/${source.prefix}*` },
        ];
        if (source.kmsKeyArn !== undefined) {
            sourceStatements.push({ Sid: "DecryptSourceThroughS3", Effect: "Allow", Action: "kms:Decrypt", Resource: source.kmsKeyArn, Condition: viaS3 });
        }
        const settings: IngestSettings = {
            namespace,
            bucket: "",
            prefix: source.prefix,
            timestampColumn: detector.timestamp.column,
            timestampFormat: detector.timestamp.format,
            measures: detector.measures,
            dimensions: detector.dimensions,
            intervalSeconds: DETECTOR_INTERVAL_SECONDS[detector.interval],
        };
        const ingest = detectorFunction(`${name}-ingest`, {
            placement,
            logical: ingestLogical,
            persona: ANOMALY_INGESTION_PERSONA,
            detector: detector.name,
            bundle: bundleFunction("anomalyIngest"),
            description: `ingestion of anomaly detector ${detector.name}: CSV rows to CloudWatch metrics`,
            environment: { DETECTOR_SETTINGS: pulumi.output(source.bucketName).apply((bucket) => JSON.stringify({ ...settings, bucket })) },
            statements: [
                ...sourceStatements,
                {
                    Sid: "PutMetricsInOwnNamespace",
                    Effect: "Allow",
                    Action: "cloudwatch:PutMetricData",
                    // PutMetricData has no resource-level permissions: the namespace condition is its scope.
                    Resource: "*",
                    Condition: { StringEquals: { "cloudwatch:namespace": namespace } },
                },
                ...publishStatements(alerts, region, "ReportFailuresToAlertTopic"),
            ],
            logRetentionDays: args.logRetentionDays,
            logKeyArn: logKey.arn,
            reservedConcurrency: detector.reservedConcurrency,
            // A run reads one interval's objects: 5 minutes is the longest a PT5M schedule can wait.
            timeoutSeconds: Math.min(900, Math.max(60, DETECTOR_INTERVAL_SECONDS[detector.interval])),
            memoryMb: 512,
            // Its failures go to the alert topic: people hear that metrics stopped coming.
            onFailureArn: topicArn,
            maximumRetryAttempts: 2,
        }, parent);
        trigger(name, args, ingest.fn, parent);

        anomalyAlarms(`${name}-alarm`, { placement, detector, series, topicArn, namespace }, parent);

        // Lambda channel: SNS invokes each function with the alarm's JSON message.
        for (const arn of detector.alerts.lambdaFunctionArns) {
            const id = createHash("sha256").update(arn).digest("hex").slice(0, 10);
            const permission = new aws.lambda.Permission(`${name}-lambda-${id}-invoke`, {
                action: "lambda:InvokeFunction",
                function: arn,
                principal: "sns.amazonaws.com",
                sourceArn: topicArn,
            }, { parent: alerts.topic });
            new aws.sns.TopicSubscription(`${name}-lambda-${id}`, { topic: topicArn, protocol: "lambda", endpoint: arn }, { parent: alerts.topic, dependsOn: [permission] });
        }

        if (detector.alerts.webhook) {
            const webhook = detector.alerts.webhook;
            const parameterArn = pulumi.interpolate`arn:${partition}:ssm:${region}:${accountId}:parameter${webhook.urlParameterName}`;
            // The alert function's own failures cannot go back to the topic it listens to (a loop): a queue keeps them.
            const failures = new aws.sqs.Queue(`${name}-alert-failures`, {
                name: physicalName(placement, `${detector.name}-alert-failures`, "sqs-queue"),
                sqsManagedSseEnabled: true,
                messageRetentionSeconds: 14 * 24 * 3600,
                tags,
            }, deleteBeforeReplace({ parent }));
            const statements: Statement[] = [
                { Sid: "ReadWebhookParameter", Effect: "Allow", Action: "ssm:GetParameter", Resource: parameterArn },
                { Sid: "KeepFailedAlerts", Effect: "Allow", Action: "sqs:SendMessage", Resource: failures.arn },
            ];
            if (webhook.kmsKeyArn) {
                statements.push({ Sid: "DecryptParameterThroughSsm", Effect: "Allow", Action: "kms:Decrypt", Resource: webhook.kmsKeyArn, Condition: { StringEquals: { "kms:ViaService": kmsViaService("ssm", region) } } });
            }
            const alert = detectorFunction(`${name}-alert`, {
                placement,
                logical: alertLogical,
                persona: ANOMALY_ALERT_PERSONA,
                detector: detector.name,
                bundle: bundleFunction("anomalyAlert"),
                description: `webhook channel of anomaly detector ${detector.name}`,
                environment: { URL_PARAMETER: webhook.urlParameterName },
                statements,
                logRetentionDays: args.logRetentionDays,
                logKeyArn: logKey.arn,
                // Alarms of one interval arrive together; Lambda queues the rest of a burst and retries.
                reservedConcurrency: 2,
                timeoutSeconds: 30,
                memoryMb: 128,
                onFailureArn: failures.arn,
                maximumRetryAttempts: 2,
            }, parent);
            const permission = new aws.lambda.Permission(`${name}-alert-invoke`, {
                action: "lambda:InvokeFunction",
                function: alert.fn.name,
                principal: "sns.amazonaws.com",
                sourceArn: topicArn,
            }, { parent: alert.fn });
            new aws.sns.TopicSubscription(`${name}-alert-subscription`, { topic: topicArn, protocol: "lambda", endpoint: alert.fn.arn }, { parent: alerts.topic, dependsOn: [permission] });
            this.alertRoleArn = alert.role.arn;
        }

        this.topicArn = topicArn;
        this.ingestionFunctionName = ingest.fn.name;
        this.ingestionRoleArn = ingest.role.arn;
        this.namespace = namespace;
        this.alarmCount = series.length;
        this.registerOutputs({ topicArn: this.topicArn, ingestionFunctionName: this.ingestionFunctionName, ingestionRoleArn: this.ingestionRoleArn, alertRoleArn: this.alertRoleArn, namespace });
    }
}

/** Publishing to the encrypted alert topic: sns:Publish on it and its key's data keys, through SNS only. */
function publishStatements(alerts: ReturnType<typeof alertTopic>, region: string, sid: string): Statement[] {
    return [
        { Sid: sid, Effect: "Allow", Action: "sns:Publish", Resource: alerts.topic.arn },
        {
            Sid: `${sid}Key`,
            Effect: "Allow",
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: alerts.key.arn,
            Condition: { StringEquals: { "kms:ViaService": kmsViaService("sns", region) } },
        },
    ];
}

/**
 * The key of the detector's log groups. CloudWatch Logs encrypts with it only if the key policy
 * lets logs.<region>.amazonaws.com use it, for these log groups only (the encryption context
 * aws:logs:arn; "Encrypt log data in CloudWatch Logs using AWS KMS").
 */
function logGroupKey(name: string, args: AnomalyDetectorArgs, at: { accountId: pulumi.Output<string>; partition: pulumi.Output<string>; functionNames: string[] }, parent: pulumi.Resource): aws.kms.Key {
    const { region, placement } = args;
    return platformKey(`${name}-logs-key`, {
        placement,
        accountId: at.accountId,
        partition: at.partition,
        description: `Encrypts the ${placement.project} ${placement.stack} logs of anomaly detector ${args.detector.name}`,
        aliasLogical: `${args.detector.name}-anomaly-logs`,
        kmsDeletionWindowDays: args.kmsDeletionWindowDays,
        serviceStatements: [cloudWatchLogsKeyStatement("CloudWatchLogsEncryptsTheDetectorsLogs", { region, partition: at.partition, accountId: at.accountId }, at.functionNames.map((fn) => `/aws/lambda/${fn}`))],
        protection: args.protection,
        tags: tagsFor(placement, { [DETECTOR_TAG]: args.detector.name }),
    }, parent);
}

/**
 * What runs the ingestion: an EventBridge schedule each interval, or EventBridge's "Object Created"
 * events of the source bucket under the prefix (the bucket must send events to EventBridge: S3
 * event notifications, `eventbridge: true`, which index.ts turns on for the lake bucket).
 */
function trigger(name: string, args: AnomalyDetectorArgs, fn: aws.lambda.Function, parent: pulumi.Resource): void {
    const { detector, source, placement } = args;
    const rule = new aws.cloudwatch.EventRule(`${name}-trigger`, {
        name: physicalName(placement, `${detector.name}-ingest`, "eventbridge-rule"),
        description: detector.trigger === "schedule" ? `Runs anomaly detector ${detector.name}'s ingestion each ${detector.interval}` : `Runs anomaly detector ${detector.name}'s ingestion for each new object`,
        ...(detector.trigger === "schedule"
            ? { scheduleExpression: SCHEDULES[detector.interval] }
            : {
                eventPattern: pulumi.jsonStringify({
                    source: ["aws.s3"],
                    "detail-type": ["Object Created"],
                    detail: { bucket: { name: [source.bucketName] }, object: { key: [{ prefix: source.prefix }] } },
                }),
            }),
        tags: tagsFor(placement, { [DETECTOR_TAG]: detector.name }),
    }, deleteBeforeReplace({ parent }));
    const permission = new aws.lambda.Permission(`${name}-trigger-invoke`, {
        action: "lambda:InvokeFunction",
        function: fn.name,
        principal: "events.amazonaws.com",
        sourceArn: rule.arn,
    }, { parent: fn });
    new aws.cloudwatch.EventTarget(`${name}-trigger-target`, { rule: rule.name, arn: fn.arn }, { parent: rule, dependsOn: [permission] });
}
