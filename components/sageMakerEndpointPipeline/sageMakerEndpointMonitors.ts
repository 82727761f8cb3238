import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { MonitorResources, monitors } from "./monitors";
import { pipelineKey } from "./pipelineKey";
import { RoleScope } from "./roleStatements";
import { SageMakerEndpointMonitorsArgs } from "./sageMakerEndpointPipelineArgs";

/**
 * Model Monitor for an endpoint this program did not make, attached by its name: what the MLOps
 * Workload Orchestrator's monitor pipelines were (their own stack, watching an endpoint named in
 * the body). It has no model, endpoint configuration or endpoint of its own: a monitoring role
 * that reads the given capture location, and each monitor's job definition and schedule
 * (monitors.ts, the same code as a SageMakerEndpointPipeline's monitors).
 *
 * The endpoint must exist and capture to `captureLocation` when a schedule is created: SageMaker's
 * CreateMonitoringSchedule refuses an endpoint it cannot find, so `pulumi up` fails then rather
 * than a monitoring run later. For an endpoint SageMakerEndpointPipeline makes, use its monitor
 * arguments instead: they depend on the endpoint and share its key.
 */
export class SageMakerEndpointMonitors extends pulumi.ComponentResource {
    public readonly endpointName: pulumi.Output<string>;
    public readonly keyArn: pulumi.Output<string>;
    public readonly monitors: MonitorResources;

    constructor(name: string, args: SageMakerEndpointMonitorsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:SageMakerEndpointMonitors", name, {}, opts);
        const parent: pulumi.Resource = this;
        if (!args.dataQualityMonitor && !args.modelQualityMonitor) {
            throw new pulumi.RunError(`endpoint monitors ${args.name}: expected dataQualityMonitor or modelQualityMonitor, found neither`);
        }
        const scope: RoleScope = {
            accountId: aws.getCallerIdentityOutput({}, { parent }).accountId,
            partition: aws.getPartitionOutput({}, { parent }).partition,
            region: args.region,
        };
        const key = args.kmsKeyArn === undefined
            ? pipelineKey(name, {
                placement: args.placement,
                scope,
                pipelineName: args.name,
                description: `Encrypts the monitoring reports and job volumes of SageMaker endpoint ${args.endpointName}'s monitors ${args.name} (${args.placement.project} ${args.placement.stack})`,
                aliasLogical: `sagemaker-${args.name}-monitors`,
                serviceStatements: [], // the monitoring role's own policy grants its use
                kmsDeletionWindowDays: args.kmsDeletionWindowDays,
                protection: args.protection,
            }, parent)
            : undefined;
        this.keyArn = key ? key.arn : pulumi.output(args.kmsKeyArn as string);
        this.endpointName = pulumi.output(args.endpointName);
        this.monitors = monitors(name, {
            args: { ...args, dataCapture: { location: args.captureLocation } },
            scope,
            keyArn: this.keyArn,
            endpointName: this.endpointName,
        }, parent);
        this.registerOutputs({ endpointName: this.endpointName, keyArn: this.keyArn, monitoringRoleArn: this.monitors.roleArn });
    }
}
