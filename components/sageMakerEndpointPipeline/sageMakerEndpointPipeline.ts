import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { builtinImageUri } from "../../config/sageMakerImages";
import { hasLocalStorage } from "../../config/sageMakerInstanceTypes";
import { PERSONA_TAG, SAGEMAKER_PIPELINE_TAG } from "../../personas/personaNames";
import { alertTopic } from "../common/alertTopic";
import { physicalName, tagsFor } from "../common/naming";
import { contentNameOf } from "./contentName";
import { peopleTrustPolicy, serviceTrustPolicy } from "../common/personaTrust";
import { Statement, policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { endpointAlarms } from "./alarms";
import { pipelineKey } from "./pipelineKey";
import { MonitorResources, monitors } from "./monitors";
import { RoleScope, VPC_ACCESS, ecrRepositoryArn, pullImage, useKeyThroughS3, writeLogs } from "./roleStatements";
import { s3ObjectArns, s3PrefixArns } from "./s3Locations";
import { SageMakerEndpointPipelineArgs } from "./sageMakerEndpointPipelineArgs";
import { cloudWatchLogsKeyStatement } from "../common/logsKeyStatement";

export type * from "./sageMakerEndpointPipelineArgs";

/** The one production variant of every endpoint (target of the alarms and the autoscaling). */
export const VARIANT_NAME = "AllTraffic";

/**
 * One model behind one SageMaker endpoint, as the MLOps Workload Orchestrator's realtime pipelines
 * made it: an execution role that reads only the artifact and writes only the capture prefix, the
 * model, an endpoint configuration (data capture encrypted with the pipeline's key; a serverless
 * variant where asked), the endpoint, its autoscaling, alarms on its own metrics to an encrypted
 * topic, a caller role that may only invoke it, and the data-quality and model-quality monitors.
 *
 * Replacement: models, endpoint configurations and job definitions are immutable in SageMaker (every
 * change replaces them). The endpoint configuration has a name prefix (the provider appends a
 * unique suffix, as its documentation asks for configs an endpoint uses): the new config is created
 * first, the endpoint moves to it with UpdateEndpoint, then the old one is deleted, and the
 * endpoint keeps serving throughout. The model and the job definitions carry a hash of every input
 * they are made from in their names (contentName.ts), so they too are replaced create-first: the
 * new config refers to the new model and the monitoring schedule moves to the new definition
 * (UpdateMonitoringSchedule) before the old ones are deleted, and no schedule ever names a deleted
 * definition. All names start with `<project>-<stack>-`, which is what the ML engineer's
 * permissions are scoped to.
 */
export class SageMakerEndpointPipeline extends pulumi.ComponentResource {
    public readonly endpointName: pulumi.Output<string>;
    public readonly endpointArn: pulumi.Output<string>;
    public readonly executionRoleArn: pulumi.Output<string>;
    public readonly callerRoleArn: pulumi.Output<string>;
    public readonly keyArn: pulumi.Output<string>;
    public readonly alertTopicArn: pulumi.Output<string>;
    /** The image the model runs (resolved per region for a built-in framework). */
    public readonly imageUri: string;
    public readonly monitors: MonitorResources;

    constructor(name: string, args: SageMakerEndpointPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:SageMakerEndpointPipeline", name, {}, opts);
        const parent: pulumi.Resource = this;
        const { placement } = args;
        const scope: RoleScope = {
            accountId: aws.getCallerIdentityOutput({}, { parent }).accountId,
            partition: aws.getPartitionOutput({}, { parent }).partition,
            region: args.region,
        };
        const endpointName = args.endpointName ?? physicalName(placement, args.name, "sagemaker-endpoint");
        this.imageUri = imageOf(args);

        const key = args.kmsKeyArn === undefined
            ? pipelineKey(name, {
                placement,
                scope,
                pipelineName: args.name,
                description: `Encrypts the captured data, volumes and monitoring outputs of SageMaker pipeline ${args.name} (${placement.project} ${placement.stack})`,
                aliasLogical: `sagemaker-${args.name}`,
                // CloudWatch Logs encrypts the endpoint's log group, and no other, with it.
                serviceStatements: [cloudWatchLogsKeyStatement("CloudWatchLogsEncryptsEndpointLogs", scope, [endpointLogGroup(endpointName)])],
                kmsDeletionWindowDays: args.kmsDeletionWindowDays,
                protection: args.protection,
            }, parent)
            : undefined;
        const keyArn = key ? key.arn : pulumi.output(args.kmsKeyArn as string);
        this.keyArn = keyArn;

        // The execution role: SageMaker assumes it to load the model, pull the image, write capture and logs.
        const executionRoleName = physicalName(placement, `${args.name}-sagemaker-execution`, "iam-role");
        const executionRole = new aws.iam.Role(`${name}-execution`, {
            name: executionRoleName,
            description: `SageMaker execution role of pipeline ${args.name}: reads its model artifact, writes its data capture`,
            assumeRolePolicy: serviceTrustPolicy("sagemaker.amazonaws.com"),
            maxSessionDuration: 3600,
            tags: tagsFor(placement, { [PERSONA_TAG]: "sagemaker-execution", [SAGEMAKER_PIPELINE_TAG]: args.name }),
        }, deleteBeforeReplace({ parent }));
        const executionPolicy = new aws.iam.RolePolicy(`${name}-execution`, {
            role: executionRole.name,
            name: "model-artifact-capture-logs",
            policy: policyDocument(executionStatements(args, scope, keyArn, this.imageUri, endpointName)),
        }, deleteBeforeReplace({ parent: executionRole }));
        this.executionRoleArn = executionRole.arn;

        const modelSettings = {
            executionRoleArn: executionRole.arn,
            primaryContainer: { image: this.imageUri, modelDataUrl: args.model.artifactLocation, mode: "SingleModel" },
            enableNetworkIsolation: args.network.isolation,
            vpcConfig: args.network.vpc ? { subnets: args.network.vpc.subnetIds, securityGroupIds: args.network.vpc.securityGroupIds } : undefined,
        };
        const model = new aws.sagemaker.Model(`${name}-model`, {
            // Named by everything it is made from: a change makes a new model under a new name,
            // created before the old one is deleted (see the class comment).
            name: contentNameOf(placement, `${args.name}-model`, "sagemaker-model", modelSettings),
            ...modelSettings,
            tags: tagsFor(placement, { [SAGEMAKER_PIPELINE_TAG]: args.name }),
            // CreateModel checks that SageMaker can assume the role: after the role policy, and the
            // provider retries a ValidationException for 2 minutes while IAM propagates
            // (terraform-provider-aws internal/service/sagemaker/model.go, resourceModelCreate; every
            // field but tags is ForceNew there).
        }, { parent, dependsOn: [executionPolicy] });

        const endpointConfig = new aws.sagemaker.EndpointConfiguration(`${name}-config`, {
            namePrefix: physicalName(placement, args.name, "sagemaker-endpoint-config-prefix"),
            productionVariants: [productionVariant(args, model.name)],
            // Serverless variants have no volume; local-storage instances encrypt theirs in hardware
            // and SageMaker refuses a key for them.
            kmsKeyArn: volumeKeyRefused(args) ? undefined : keyArn,
            dataCaptureConfig: args.dataCapture && {
                enableCapture: true,
                initialSamplingPercentage: args.dataCapture.samplingPercentage,
                destinationS3Uri: args.dataCapture.location,
                kmsKeyId: keyArn,
                captureOptions: [
                    ...(args.dataCapture.captureInput ? [{ captureMode: "Input" }] : []),
                    ...(args.dataCapture.captureOutput ? [{ captureMode: "Output" }] : []),
                ],
            },
            tags: tagsFor(placement, { [SAGEMAKER_PIPELINE_TAG]: args.name }),
        }, { parent });

        // SageMaker writes the endpoint's container logs here; made first, so that it has a retention
        // and the key (SageMaker would create it without either).
        const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
            name: endpointLogGroup(endpointName),
            retentionInDays: args.logRetentionDays,
            kmsKeyId: keyArn,
            tags: tagsFor(placement, { [SAGEMAKER_PIPELINE_TAG]: args.name }),
        }, deleteBeforeReplace({ parent }));

        // A fixed name: SageMaker cannot hold two endpoints of one name, the old must go first.
        const endpoint = new aws.sagemaker.Endpoint(`${name}-endpoint`, {
            name: endpointName,
            endpointConfigName: endpointConfig.name,
            tags: tagsFor(placement, { [SAGEMAKER_PIPELINE_TAG]: args.name }),
        }, deleteBeforeReplace({ parent, dependsOn: [logGroup] }));
        this.endpointName = endpoint.name;
        this.endpointArn = endpoint.arn;

        if (args.endpoint.kind === "realtime" && args.endpoint.autoscaling) {
            const scaling = args.endpoint.autoscaling;
            const target = new aws.appautoscaling.Target(`${name}-scaling`, {
                serviceNamespace: "sagemaker",
                scalableDimension: "sagemaker:variant:DesiredInstanceCount",
                resourceId: pulumi.interpolate`endpoint/${endpoint.name}/variant/${VARIANT_NAME}`,
                minCapacity: scaling.minCapacity,
                maxCapacity: scaling.maxCapacity,
            }, { parent: endpoint });
            new aws.appautoscaling.Policy(`${name}-invocations`, {
                // Unique per scalable target only: the same name in every stack is fine.
                name: physicalName(placement, `${args.name}-invocations-per-instance`, "appautoscaling-policy"),
                policyType: "TargetTrackingScaling",
                serviceNamespace: target.serviceNamespace,
                scalableDimension: target.scalableDimension,
                resourceId: target.resourceId,
                targetTrackingScalingPolicyConfiguration: {
                    targetValue: scaling.targetInvocationsPerInstance,
                    predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
                    scaleInCooldown: scaling.scaleInCooldownSeconds,
                    scaleOutCooldown: scaling.scaleOutCooldownSeconds,
                },
            }, deleteBeforeReplace({ parent: target })); // named: the old policy goes first
        }

        const alarmNames = endpointAlarms.names(placement, args.name);
        const alerts = alertTopic(`${name}-alerts`, {
            placement,
            region: args.region,
            accountId: scope.accountId,
            partition: scope.partition,
            logical: `${args.name}-sagemaker-alerts`,
            description: `alerts of SageMaker endpoint ${args.name}`,
            alarmNames: Object.values(alarmNames),
            emails: args.alertEmails,
            kmsDeletionWindowDays: args.kmsDeletionWindowDays,
            protection: args.protection,
        }, parent);
        this.alertTopicArn = alerts.topic.arn;
        endpointAlarms.create(name, { placement, names: alarmNames, endpointName: endpoint.name, variantName: VARIANT_NAME, settings: args.alarms, topic: alerts }, parent);

        // The application caller: may only invoke this endpoint.
        const caller = new aws.iam.Role(`${name}-caller`, {
            name: physicalName(placement, `${args.name}-invoke`, "iam-role"),
            description: `Application caller of SageMaker endpoint ${args.name}: sagemaker:InvokeEndpoint on it, nothing else`,
            assumeRolePolicy: peopleTrustPolicy(args.callerPrincipals.length > 0 ? { trustedPrincipals: args.callerPrincipals } : args.peopleTrust),
            maxSessionDuration: 3600,
            tags: tagsFor(placement, { [PERSONA_TAG]: "sagemaker-caller", [SAGEMAKER_PIPELINE_TAG]: args.name }),
        }, deleteBeforeReplace({ parent }));
        new aws.iam.RolePolicy(`${name}-caller`, {
            role: caller.name,
            name: "invoke-endpoint",
            policy: policyDocument([{ Sid: "InvokeOwnEndpoint", Effect: "Allow", Action: "sagemaker:InvokeEndpoint", Resource: endpoint.arn }]),
        }, deleteBeforeReplace({ parent: caller }));
        this.callerRoleArn = caller.arn;

        this.monitors = monitors(name, { args, scope, keyArn, endpointName: endpoint.name }, parent);

        this.registerOutputs({ endpointName: this.endpointName, endpointArn: this.endpointArn, executionRoleArn: this.executionRoleArn, callerRoleArn: this.callerRoleArn });
    }
}

/** The log group SageMaker writes an endpoint's logs to ("Log Amazon SageMaker AI events with Amazon CloudWatch"). */
export function endpointLogGroup(endpointName: string): string {
    return `/aws/sagemaker/Endpoints/${endpointName}`;
}

/** The model's image: the regional built-in one for a framework, else the team's. */
function imageOf(args: SageMakerEndpointPipelineArgs): string {
    if (args.model.kind === "custom") return args.model.imageUri;
    const uri = builtinImageUri(args.model.framework, args.model.frameworkVersion, args.region);
    if (typeof uri !== "string") throw new pulumi.RunError(`pipeline ${args.name}: model.${uri.key}: ${uri.message}`);
    return uri;
}

function volumeKeyRefused(args: SageMakerEndpointPipelineArgs): boolean {
    return args.endpoint.kind === "serverless" || hasLocalStorage(args.endpoint.instanceType);
}

function productionVariant(args: SageMakerEndpointPipelineArgs, modelName: pulumi.Output<string>): aws.types.input.sagemaker.EndpointConfigurationProductionVariant {
    const endpoint = args.endpoint;
    return endpoint.kind === "serverless"
        ? { variantName: VARIANT_NAME, modelName, serverlessConfig: { memorySizeInMb: endpoint.memorySizeMb, maxConcurrency: endpoint.maxConcurrency } }
        : { variantName: VARIANT_NAME, modelName, instanceType: endpoint.instanceType, initialInstanceCount: endpoint.initialInstanceCount, initialVariantWeight: 1 };
}

/**
 * The execution role's policy ("CreateModel API: Execution Role Permissions", SageMaker Developer
 * Guide): read the one artifact, write only under the capture prefix, the key through S3, pull the
 * model's image, write the endpoint's logs, and the VPC's interfaces where configured.
 */
function executionStatements(args: SageMakerEndpointPipelineArgs, scope: RoleScope, keyArn: pulumi.Output<string>, imageUri: string, endpointName: string): Statement[] {
    const artifact = s3ObjectArns(args.model.artifactLocation, scope.partition);
    const keys: pulumi.Input<string>[] = [keyArn, ...(args.artifactKmsKeyArn ? [args.artifactKmsKeyArn] : [])];
    const statements: Statement[] = [
        { Sid: "ReadModelArtifact", Effect: "Allow", Action: "s3:GetObject", Resource: artifact.objectsArn },
    ];
    const keyActions = ["kms:Decrypt"];
    if (args.dataCapture) {
        const capture = s3PrefixArns(args.dataCapture.location, scope.partition);
        statements.push({ Sid: "WriteDataCapture", Effect: "Allow", Action: ["s3:PutObject", "s3:AbortMultipartUpload"], Resource: capture.objectsArn });
        keyActions.push("kms:Encrypt", "kms:GenerateDataKey");
    }
    statements.push(
        useKeyThroughS3(scope, keys, keyActions),
        ...pullImage("PullModelImage", [ecrRepositoryArn(imageUri, scope.partition)]),
        // No cloudwatch:PutMetricData: SageMaker publishes the endpoint's metrics itself.
        writeLogs(scope, endpointLogGroup(endpointName)),
    );
    if (args.network.vpc) statements.push(VPC_ACCESS);
    return statements;
}
