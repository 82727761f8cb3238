import * as aws from "@pulumi/aws";
import type * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { modelMonitorImageUri } from "../../config/sageMakerImages";
import { PERSONA_TAG, SAGEMAKER_PIPELINE_TAG } from "../../personas/personaNames";
import { physicalName, tagsFor } from "../common/naming";
import { contentNameOf } from "./contentName";
import { serviceTrustPolicy } from "../common/personaTrust";
import { Statement, policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { RoleScope, VPC_ACCESS, ecrRepositoryArn, listUnder, pullImage, useKeyThroughS3, writeLogs } from "./roleStatements";
import { s3Join, s3ObjectArns, s3PrefixArns } from "./s3Locations";
import { DataQualityMonitor, ModelQualityMonitor, MonitorCommon, SageMakerEndpointPipelineArgs } from "./sageMakerEndpointPipelineArgs";

/** Where Model Monitor's analyzer container reads its inputs and writes its outputs. */
const PROCESSING_INPUT = "/opt/ml/processing/input";
const PROCESSING_OUTPUT = "/opt/ml/processing/output";

export interface MonitorResources {
    /** The monitoring jobs' role (absent when no monitor is on). */
    roleArn?: pulumi.Output<string>;
    dataQuality?: { scheduleName: string; jobDefinitionName: pulumi.Output<string>; baselineJob: pulumi.Output<string> };
    modelQuality?: { scheduleName: string; jobDefinitionName: pulumi.Output<string> };
}

/**
 * What the monitors need of whatever holds them: a SageMakerEndpointPipeline's arguments, or a
 * SageMakerEndpointMonitors' for an endpoint made elsewhere (its capture location given).
 */
export type MonitorHost = Pick<SageMakerEndpointPipelineArgs, "name" | "placement" | "region" | "network" | "endpointName" | "kmsKeyArn" | "dataQualityMonitor" | "modelQualityMonitor"> & {
    dataCapture?: { location: string };
};

export interface MonitorContext {
    args: MonitorHost;
    scope: RoleScope;
    keyArn: pulumi.Output<string>;
    endpointName: pulumi.Output<string>;
}

/**
 * The data-quality monitor of the seed's `byom_data_quality_monitor`: a monitoring role, a job
 * definition (Model Monitor's analyzer image, the endpoint's captured data against the baseline's
 * constraints and statistics) and an hourly (or as configured) monitoring schedule.
 *
 * The baseline: SageMaker has no baseline resource; the orchestrator ran a processing job over
 * `baseline_data` once. Here the job definition points at `<baselineJobOutputLocation>/statistics.json`
 * and `constraints.json`, and the component outputs the one-time processing job that writes them
 * (`baselineJob`: the input of `aws sagemaker create-processing-job --cli-input-json`), run once
 * after the first `pulumi up` and again when the baseline data changes (README). A job inside
 * `pulumi up` would hold every update for up to baselineMaxRuntimeSeconds and run again at every
 * replacement; a missing baseline only makes the schedule's runs fail until it exists.
 */
export function monitors(name: string, ctx: MonitorContext, parent: pulumi.Resource): MonitorResources {
    const { args } = ctx;
    const { dataQualityMonitor: dataQuality, modelQualityMonitor: modelQuality } = args;
    const monitorsOn = [dataQuality, modelQuality].filter((m): m is MonitorCommon => m !== undefined);
    if (monitorsOn.length === 0 || !args.dataCapture) return {};
    const imageUri = modelMonitorImageUri(args.region);
    if (typeof imageUri !== "string") throw new pulumi.RunError(`pipeline ${args.name}: Model Monitor: ${imageUri.problem}`);

    const roleName = physicalName(args.placement, `${args.name}-sagemaker-monitoring`, "iam-role");
    const role = new aws.iam.Role(`${name}-monitoring`, {
        name: roleName,
        description: `SageMaker Model Monitor jobs of pipeline ${args.name}: read its capture and baseline, write its reports`,
        assumeRolePolicy: serviceTrustPolicy("sagemaker.amazonaws.com"),
        maxSessionDuration: 3600,
        // A SageMaker service role like the execution role: the same persona, the same must-nots.
        tags: tagsFor(args.placement, { [PERSONA_TAG]: "sagemaker-execution", [SAGEMAKER_PIPELINE_TAG]: args.name }),
    }, deleteBeforeReplace({ parent }));
    const rolePolicy = new aws.iam.RolePolicy(`${name}-monitoring`, {
        role: role.name,
        name: "capture-baseline-reports",
        policy: policyDocument(monitoringStatements(ctx, monitorsOn, imageUri)),
    }, deleteBeforeReplace({ parent: role }));

    const network = {
        enableNetworkIsolation: args.network.isolation,
        enableInterContainerTrafficEncryption: true,
        vpcConfig: args.network.vpc ? { subnets: args.network.vpc.subnetIds, securityGroupIds: args.network.vpc.securityGroupIds } : undefined,
    };
    const common = { network, roleName, roleArn: role.arn, imageUri, dependsOn: [rolePolicy] };
    const result: MonitorResources = { roleArn: role.arn };
    if (dataQuality) {
        const settings = {
            roleArn: role.arn,
            dataQualityAppSpecification: { imageUri },
            dataQualityBaselineConfig: {
                constraintsResource: { s3Uri: s3Join(dataQuality.baselineJobOutputLocation, "constraints.json") },
                statisticsResource: { s3Uri: s3Join(dataQuality.baselineJobOutputLocation, "statistics.json") },
            },
            dataQualityJobInput: { endpointInput: { endpointName: ctx.endpointName, localPath: `${PROCESSING_INPUT}/endpoint` } },
            dataQualityJobOutputConfig: {
                kmsKeyId: ctx.keyArn,
                monitoringOutputs: { s3Output: { s3Uri: dataQuality.monitoringOutputLocation, localPath: PROCESSING_OUTPUT, s3UploadMode: "EndOfJob" } },
            },
            jobResources: { clusterConfig: { instanceCount: 1, instanceType: dataQuality.instanceType, volumeSizeInGb: dataQuality.instanceVolumeSizeGb, volumeKmsKeyId: ctx.keyArn } },
            networkConfig: network,
            stoppingCondition: { maxRuntimeInSeconds: dataQuality.maxRuntimeSeconds },
        };
        // Named by everything it is made from: replaced create-first (contentName.ts), the
        // schedule moves to the new definition before the old one is deleted.
        const definition = new aws.sagemaker.DataQualityJobDefinition(`${name}-data-quality`, {
            name: contentNameOf(args.placement, `${args.name}-data-quality`, "sagemaker-job-definition", settings),
            ...settings,
            tags: tagsFor(args.placement, { [SAGEMAKER_PIPELINE_TAG]: args.name }),
        }, { parent, dependsOn: common.dependsOn });
        const scheduleName = schedule(name, "data-quality", "DataQuality", definition.name, dataQuality, args, parent);
        result.dataQuality = { scheduleName, jobDefinitionName: definition.name, baselineJob: baselineJob(args, dataQuality, imageUri, role.arn, ctx.keyArn) };
    }
    if (modelQuality) {
        const definition = modelQualityDefinition(name, ctx, modelQuality, common, parent);
        const scheduleName = schedule(name, "model-quality", "ModelQuality", definition.jobDefinitionName as pulumi.Output<string>, modelQuality, args, parent);
        result.modelQuality = { scheduleName, jobDefinitionName: definition.jobDefinitionName as pulumi.Output<string> };
    }
    return result;
}

/** A monitoring schedule of one job definition; a fixed name, so the old one goes first. */
function schedule(name: string, kind: string, monitoringType: string, definitionName: pulumi.Output<string>, monitor: MonitorCommon, args: MonitorHost, parent: pulumi.Resource): string {
    const scheduleName = physicalName(args.placement, `${args.name}-${kind}`, "sagemaker-monitoring-schedule");
    new aws.sagemaker.MonitoringSchedule(`${name}-${kind}`, {
        name: scheduleName,
        monitoringScheduleConfig: { monitoringJobDefinitionName: definitionName, monitoringType, scheduleConfig: { scheduleExpression: monitor.scheduleExpression } },
        tags: tagsFor(args.placement, { [SAGEMAKER_PIPELINE_TAG]: args.name }),
    }, deleteBeforeReplace({ parent }));
    return scheduleName;
}

/**
 * The model-quality job definition of `byom_model_quality_monitor`: the captured predictions merged
 * with the ground truth the team writes to `groundTruthInput`, judged against the baseline's
 * constraints for the problem type. Classic @pulumi/aws has no such resource: this one is
 * @pulumi/aws-native's (CloudFormation AWS::SageMaker::ModelQualityJobDefinition through Cloud
 * Control), whose default provider needs `aws-native:region` in the stack config.
 */
function modelQualityDefinition(
    name: string,
    ctx: MonitorContext,
    monitor: ModelQualityMonitor,
    common: { network: { enableNetworkIsolation: boolean; enableInterContainerTrafficEncryption: boolean; vpcConfig?: { subnets: string[]; securityGroupIds: string[] } }; roleName: string; roleArn: pulumi.Output<string>; imageUri: string; dependsOn: pulumi.Resource[] },
    parent: pulumi.Resource,
): awsnative.sagemaker.ModelQualityJobDefinition {
    const { args } = ctx;
    const tags = tagsFor(args.placement, { [SAGEMAKER_PIPELINE_TAG]: args.name });
    // Loaded only when a stack declares a model-quality monitor: loading @pulumi/aws-native costs
    // about half a second of CPU, which every plan and `pulumi up` of every stack would pay otherwise.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ModelQualityJobDefinition } = require("@pulumi/aws-native/sagemaker") as typeof awsnative.sagemaker;
    const settings: Omit<awsnative.sagemaker.ModelQualityJobDefinitionArgs, "jobDefinitionName" | "tags"> = {
        roleArn: common.roleArn,
        modelQualityAppSpecification: { imageUri: common.imageUri, problemType: monitor.problemType as awsnative.types.enums.sagemaker.ModelQualityJobDefinitionProblemType },
        modelQualityBaselineConfig: { constraintsResource: { s3Uri: s3Join(monitor.baselineJobOutputLocation, "constraints.json") } },
        modelQualityJobInput: {
            endpointInput: {
                endpointName: ctx.endpointName,
                localPath: `${PROCESSING_INPUT}/endpoint`,
                inferenceAttribute: monitor.inferenceAttribute,
                probabilityAttribute: monitor.probabilityAttribute,
                probabilityThresholdAttribute: monitor.probabilityThreshold,
            },
            groundTruthS3Input: { s3Uri: monitor.groundTruthInput },
        },
        modelQualityJobOutputConfig: {
            kmsKeyId: ctx.keyArn,
            monitoringOutputs: [{ s3Output: { s3Uri: monitor.monitoringOutputLocation, localPath: PROCESSING_OUTPUT, s3UploadMode: "EndOfJob" } }],
        },
        jobResources: { clusterConfig: { instanceCount: 1, instanceType: monitor.instanceType, volumeSizeInGb: monitor.instanceVolumeSizeGb, volumeKmsKeyId: ctx.keyArn } },
        networkConfig: common.network,
        stoppingCondition: { maxRuntimeInSeconds: monitor.maxRuntimeSeconds },
    };
    // Every property but tags is create-only in CloudFormation: named by all of them, replaced create-first.
    return new ModelQualityJobDefinition(`${name}-model-quality`, {
        jobDefinitionName: contentNameOf(args.placement, `${args.name}-model-quality`, "sagemaker-job-definition", settings),
        ...settings,
        tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    }, { parent, dependsOn: common.dependsOn });
}

/**
 * The monitoring role: read the captured data (listing only under its prefix), read the baseline
 * data, write the baseline and monitoring outputs, the key through S3 and for the job's volume,
 * pull the analyzer image, write the processing jobs' logs.
 */
function monitoringStatements(ctx: MonitorContext, monitorsOn: MonitorCommon[], imageUri: string): Statement[] {
    const { scope, args } = ctx;
    const capture = s3PrefixArns(args.dataCapture?.location ?? "", scope.partition);
    const statements: Statement[] = [
        { Sid: "ReadCapture", Effect: "Allow", Action: "s3:GetObject", Resource: capture.objectsArn },
        listUnder("ListCapture", capture),
        { Sid: "ReadBaselineData", Effect: "Allow", Action: "s3:GetObject", Resource: unique(monitorsOn.map((m) => m.baselineData)).map((uri) => s3ObjectArns(uri, scope.partition).objectsArn) },
        {
            Sid: "BaselineAndReports",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"],
            // Two monitors may share their locations: each once.
            Resource: unique(monitorsOn.flatMap((m) => [m.baselineJobOutputLocation, m.monitoringOutputLocation])).map((uri) => s3PrefixArns(uri, scope.partition).objectsArn),
        },
        ...(args.modelQualityMonitor ? [
            { Sid: "ReadGroundTruth", Effect: "Allow" as const, Action: "s3:GetObject", Resource: s3PrefixArns(args.modelQualityMonitor.groundTruthInput, scope.partition).objectsArn },
            listUnder("ListGroundTruth", s3PrefixArns(args.modelQualityMonitor.groundTruthInput, scope.partition)),
        ] : []),
        useKeyThroughS3(scope, [ctx.keyArn], ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]),
        {
            // The processing volume is encrypted with the key: SageMaker makes a grant for the job's instance.
            Sid: "VolumeKeyGrant",
            Effect: "Allow",
            Action: "kms:CreateGrant",
            Resource: ctx.keyArn,
            Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
        },
        ...pullImage("PullMonitorImage", [ecrRepositoryArn(imageUri, scope.partition)]),
        writeLogs(scope, "/aws/sagemaker/ProcessingJobs"),
    ];
    if (args.network.vpc) statements.push(VPC_ACCESS);
    return statements;
}

/**
 * The one-time baseline job, as `aws sagemaker create-processing-job --cli-input-json` takes it:
 * Model Monitor's analyzer over the baseline CSV (header line), writing statistics.json and
 * constraints.json where the job definition reads them (what the SageMaker Python SDK's
 * `DefaultModelMonitor.suggest_baseline` submits).
 */
function baselineJob(args: MonitorHost, monitor: DataQualityMonitor, imageUri: string, roleArn: pulumi.Output<string>, keyArn: pulumi.Output<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
        // Within `<project>-<stack>-`, where the ML engineer may create processing jobs.
        ProcessingJobName: `${physicalName(args.placement, `${args.name}-baseline`, "sagemaker-processing-job").slice(0, 49)}-<yyyymmddhhmm>`,
        RoleArn: roleArn,
        AppSpecification: { ImageUri: imageUri },
        Environment: {
            dataset_format: JSON.stringify({ csv: { header: true, output_columns_position: "START" } }),
            dataset_source: `${PROCESSING_INPUT}/baseline_dataset_input`,
            output_path: PROCESSING_OUTPUT,
            publish_cloudwatch_metrics: "Disabled",
        },
        ProcessingInputs: [{
            InputName: "baseline_dataset_input",
            S3Input: { S3Uri: monitor.baselineData, LocalPath: `${PROCESSING_INPUT}/baseline_dataset_input`, S3DataType: "S3Prefix", S3InputMode: "File" },
        }],
        ProcessingOutputConfig: {
            KmsKeyId: keyArn,
            Outputs: [{ OutputName: "monitoring_output", S3Output: { S3Uri: monitor.baselineJobOutputLocation, LocalPath: PROCESSING_OUTPUT, S3UploadMode: "EndOfJob" } }],
        },
        ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: monitor.instanceType, VolumeSizeInGB: monitor.instanceVolumeSizeGb, VolumeKmsKeyId: keyArn } },
        NetworkConfig: { EnableNetworkIsolation: args.network.isolation, EnableInterContainerTrafficEncryption: true },
        StoppingCondition: { MaxRuntimeInSeconds: monitor.baselineMaxRuntimeSeconds },
    });
}

function unique(values: string[]): string[] {
    return [...new Set(values)];
}
