import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alertTopic } from "../common/alertTopic";
import { physicalName, tagsFor } from "../common/naming";
import { policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { guestAccess } from "./guestAccess";
import { RUM_APPLICATION_DIMENSION, RUM_NAMESPACE, alarmMetricsFor } from "./rumAlarms";
import { webClientSnippetOutput } from "./webClientSnippet";
import { WebAppMonitorArgs } from "./webAppMonitorArgs";

export type { WebAppMonitorArgs, WebAppMonitorAlarms, RumTelemetry } from "./webAppMonitorArgs";

/**
 * Real-user monitoring of one web app (the seed's CloudWatch RUM with Angular): the app monitor,
 * Cognito guest access that can only send RUM events to it, and CloudWatch alarms on the web
 * vitals and errors to an encrypted SNS topic, because RUM by itself notifies nobody.
 */
export class WebAppMonitor extends pulumi.ComponentResource {
    public readonly appMonitorId: pulumi.Output<string>;
    public readonly appMonitorName: pulumi.Output<string>;
    public readonly appMonitorArn: pulumi.Output<string>;
    public readonly identityPoolId: pulumi.Output<string>;
    public readonly guestRoleArn: pulumi.Output<string>;
    public readonly alertTopicArn: pulumi.Output<string>;
    /** The `<script>` for the end of the web app's `<head>`. */
    public readonly webClientSnippet: pulumi.Output<string>;

    constructor(name: string, args: WebAppMonitorArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:WebAppMonitor", name, {}, opts);
        const parent: pulumi.Resource = this;
        const { placement, region } = args;
        const monitorName = physicalName(placement, "web-app", "rum-app-monitor");

        const { pool, role } = guestAccess(name, placement, parent);
        const monitor = new aws.rum.AppMonitor(`${name}-monitor`, {
            name: monitorName,
            domainLists: args.domains,
            appMonitorConfiguration: {
                allowCookies: args.allowCookies,
                enableXray: args.enableXray,
                guestRoleArn: role.arn,
                identityPoolId: pool.id,
                sessionSampleRate: args.sessionSampleRate,
                telemetries: args.telemetries,
            },
            cwLogEnabled: args.cloudWatchLogs,
            tags: tagsFor(placement),
        }, deleteBeforeReplace({ parent })); // a fixed name: the old monitor must go first
        new aws.iam.RolePolicy(`${name}-guest-put-events`, {
            role: role.name,
            name: "put-rum-events",
            policy: policyDocument([{ Sid: "SendEventsToItsMonitor", Effect: "Allow", Action: "rum:PutRumEvents", Resource: monitor.arn }]),
        }, deleteBeforeReplace({ parent: role }));

        const metrics = alarmMetricsFor(args.telemetries);
        const alarmName = (logical: string) => physicalName(placement, `web-app-${logical}`, "cloudwatch-alarm");
        const identity = aws.getCallerIdentityOutput({}, { parent });
        const partition = aws.getPartitionOutput({}, { parent });
        const alerts = alertTopic(`${name}-alerts`, {
            placement,
            region,
            accountId: identity.accountId,
            partition: partition.partition,
            logical: "web-app-alerts",
            description: `web app alerts (CloudWatch RUM alarms of ${monitorName})`,
            alarmNames: metrics.map((m) => alarmName(m.logical)),
            emails: args.alarms.emails,
            kmsDeletionWindowDays: args.kmsDeletionWindowDays,
            protection: args.protection,
        }, parent);
        for (const metric of metrics) {
            const threshold = args.alarms[metric.threshold];
            new aws.cloudwatch.MetricAlarm(`${name}-${metric.logical}`, {
                name: alarmName(metric.logical),
                alarmDescription: `${monitorName}: ${metric.what} above ${threshold} for ${args.alarms.evaluationPeriods} x ${args.alarms.periodSeconds} s (CloudWatch RUM, ${metric.metricName})`,
                namespace: RUM_NAMESPACE,
                metricName: metric.metricName,
                dimensions: { [RUM_APPLICATION_DIMENSION]: monitorName },
                ...metric.statistic,
                period: args.alarms.periodSeconds,
                evaluationPeriods: args.alarms.evaluationPeriods,
                comparisonOperator: "GreaterThanThreshold",
                threshold,
                // No sessions, no datapoints: a quiet night is not an incident.
                treatMissingData: "notBreaching",
                alarmActions: [alerts.topic.arn],
                okActions: [alerts.topic.arn],
                tags: tagsFor(placement),
                // The topic policy must let this alarm publish before it first fires. PutMetricAlarm of
                // a fixed name overwrites: a replacement made first would be deleted with the old one.
            }, deleteBeforeReplace({ parent, dependsOn: [alerts.policy, monitor] }));
        }

        this.appMonitorId = monitor.appMonitorId;
        this.appMonitorName = monitor.name;
        this.appMonitorArn = monitor.arn;
        this.identityPoolId = pool.id;
        this.guestRoleArn = role.arn;
        this.alertTopicArn = alerts.topic.arn;
        this.webClientSnippet = webClientSnippetOutput({
            appMonitorId: monitor.appMonitorId,
            applicationVersion: args.applicationVersion,
            region,
            identityPoolId: pool.id,
            guestRoleArn: role.arn,
            telemetries: args.telemetries,
            sessionSampleRate: args.sessionSampleRate,
            allowCookies: args.allowCookies,
            enableXray: args.enableXray,
        });
        this.registerOutputs({
            appMonitorId: this.appMonitorId,
            appMonitorName: this.appMonitorName,
            identityPoolId: this.identityPoolId,
            guestRoleArn: this.guestRoleArn,
            alertTopicArn: this.alertTopicArn,
            webClientSnippet: this.webClientSnippet,
        });
    }
}
