import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AlertTopic } from "../common/alertTopic";
import { Placement, physicalName, tagsFor } from "../common/naming";
import { deleteBeforeReplace } from "../common/replacement";
import { EndpointAlarms } from "./sageMakerEndpointPipelineArgs";

type AlarmNames = { errors: string; latency: string };

interface AlarmArgs {
    placement: Placement;
    names: AlarmNames;
    endpointName: pulumi.Input<string>;
    variantName: string;
    settings: EndpointAlarms;
    topic: AlertTopic;
}

/**
 * Alarms on the endpoint's own metrics (namespace AWS/SageMaker, per endpoint and variant), which
 * every account has whether or not Model Monitor is open to it ("Monitor Amazon SageMaker AI with
 * Amazon CloudWatch": Invocation5XXErrors is a count, ModelLatency is in microseconds).
 */
export const endpointAlarms = {
    /** The physical names, known before the alarms exist (the topic's key policy names them). */
    names(placement: Placement, pipeline: string): AlarmNames {
        return {
            errors: physicalName(placement, `${pipeline}-invocation-5xx-errors`, "cloudwatch-alarm"),
            latency: physicalName(placement, `${pipeline}-model-latency`, "cloudwatch-alarm"),
        };
    },

    create(name: string, args: AlarmArgs, parent: pulumi.Resource): aws.cloudwatch.MetricAlarm[] {
        const { settings, topic } = args;
        const common = {
            namespace: "AWS/SageMaker",
            dimensions: { EndpointName: args.endpointName, VariantName: args.variantName },
            period: settings.periodSeconds,
            evaluationPeriods: settings.evaluationPeriods,
            comparisonOperator: "GreaterThanThreshold",
            // No traffic is no error: a quiet endpoint must not page anyone.
            treatMissingData: "notBreaching",
            alarmActions: [topic.topic.arn],
            okActions: [topic.topic.arn],
            tags: tagsFor(args.placement),
        };
        // The topic policy must exist before CloudWatch first publishes.
        const opts = deleteBeforeReplace({ parent, dependsOn: [topic.policy] }); // fixed names
        return [
            new aws.cloudwatch.MetricAlarm(`${name}-5xx-errors`, {
                ...common,
                name: args.names.errors,
                alarmDescription: "The model container answered with 5xx errors",
                metricName: "Invocation5XXErrors",
                statistic: "Sum",
                threshold: settings.invocation5xxErrorsThreshold,
            }, opts),
            new aws.cloudwatch.MetricAlarm(`${name}-latency`, {
                ...common,
                name: args.names.latency,
                alarmDescription: `The model's average latency is above ${settings.modelLatencyThresholdMs} ms`,
                metricName: "ModelLatency",
                statistic: "Average",
                threshold: settings.modelLatencyThresholdMs * 1000,
            }, opts),
        ];
    },
};
