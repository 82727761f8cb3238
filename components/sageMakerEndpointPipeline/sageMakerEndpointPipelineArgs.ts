import { DataProtection } from "../common/dataProtection";
import { Placement } from "../common/naming";
import { PeopleTrust } from "../common/personaTrust";

/*
 * The arguments of a SageMakerEndpointPipeline: one model behind one endpoint, with its data
 * capture, alarms and monitors. The shape follows the MLOps Workload Orchestrator's
 * `POST /provisionpipeline` bodies (`byom_realtime_builtin`, `byom_realtime_custom`,
 * `byom_data_quality_monitor`, `byom_model_quality_monitor`): each field says which body key it
 * takes, so a service that accepts those bodies maps them one to one. Values are validated by the
 * zod schemas of config/sageMakerEndpointPipeline.ts (the stack config and any caller use the same
 * rules); S3 locations are `s3://bucket/prefix` URIs.
 */

/** A model run by a SageMaker built-in algorithm image, resolved per region (config/sageMakerImages.ts). */
export interface BuiltinModel {
    kind: "builtin";
    /** `model_framework`, e.g. "xgboost". */
    framework: string;
    /** `model_framework_version`, e.g. "1" or "1.7-1". */
    frameworkVersion: string;
    /** `model_artifact_location`: the model.tar.gz the container loads. */
    artifactLocation: string;
}

/** A model run by the team's own inference image in ECR. */
export interface CustomImageModel {
    kind: "custom";
    /** `custom_image_uri`: `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>` or `@sha256:<digest>`. */
    imageUri: string;
    /** `model_artifact_location`. */
    artifactLocation: string;
}

export type ModelSource = BuiltinModel | CustomImageModel;

/** Scale the instance count on invocations per instance (Application Auto Scaling target tracking). */
export interface Autoscaling {
    minCapacity: number;
    maxCapacity: number;
    /** Target of SageMakerVariantInvocationsPerInstance: invocations per instance per minute. */
    targetInvocationsPerInstance: number;
    scaleInCooldownSeconds: number;
    scaleOutCooldownSeconds: number;
}

/** Always-on instances (`inference_instance`), optionally autoscaled. */
export interface RealtimeEndpoint {
    kind: "realtime";
    /** `inference_instance`, e.g. "ml.m5.large". */
    instanceType: string;
    initialInstanceCount: number;
    autoscaling?: Autoscaling;
}

/** Serverless inference: billed per request, no data capture and no Model Monitor. */
export interface ServerlessEndpoint {
    kind: "serverless";
    /** 1024 to 6144 in steps of 1024. */
    memorySizeMb: number;
    /** Concurrent invocations, 1 to 200. */
    maxConcurrency: number;
}

export type EndpointVariant = RealtimeEndpoint | ServerlessEndpoint;

/** Requests and responses the endpoint writes to S3, encrypted with the pipeline's key. */
export interface DataCapture {
    /** `data_capture_location`: the prefix SageMaker writes under (the execution role may write only there). */
    location: string;
    /** Percentage of requests captured, 0 to 100. */
    samplingPercentage: number;
    captureInput: boolean;
    captureOutput: boolean;
}

/** CloudWatch alarms on the endpoint's own metrics (AWS/SageMaker), to the pipeline's alert topic. */
export interface EndpointAlarms {
    /** Alarm when Invocation5XXErrors in a period is above this (0: any 5xx). */
    invocation5xxErrorsThreshold: number;
    /** Alarm when the average ModelLatency is above this many milliseconds. */
    modelLatencyThresholdMs: number;
    periodSeconds: number;
    evaluationPeriods: number;
}

/** What both monitors share (the orchestrator's "monitor common" keys). */
export interface MonitorCommon {
    /** `baseline_data`: the CSV (with a header line) the baseline statistics are computed from. */
    baselineData: string;
    /** `baseline_job_output_location`: where the baseline job writes statistics.json and constraints.json. */
    baselineJobOutputLocation: string;
    /** `monitoring_output_location`: where each monitoring run writes its reports. */
    monitoringOutputLocation: string;
    /** `schedule_expression`: hourly `cron(0 * ? * * *)`, daily `cron(0 H ? * * *)` or every N hours `cron(0 H/N ? * * *)`. */
    scheduleExpression: string;
    /** `instance_type` of the monitoring (processing) job. */
    instanceType: string;
    /** `instance_volume_size` in GB. */
    instanceVolumeSizeGb: number;
    /** `monitor_max_runtime_seconds`, 1 to 86400 (at most 3600 for an hourly schedule). */
    maxRuntimeSeconds: number;
    /** `baseline_max_runtime_seconds`, for the one-time baseline job. */
    baselineMaxRuntimeSeconds: number;
}

/** `byom_data_quality_monitor`. */
export type DataQualityMonitor = MonitorCommon;

export type ProblemType = "Regression" | "BinaryClassification" | "MulticlassClassification";

/** `byom_model_quality_monitor`: the monitor common keys plus the ground truth and attributes. */
export interface ModelQualityMonitor extends MonitorCommon {
    /** `problem_type`. */
    problemType: ProblemType;
    /** `monitor_ground_truth_input`: the prefix the team writes ground-truth labels to. */
    groundTruthInput: string;
    /** `baseline_inference_attribute`: the prediction column of the baseline data. */
    baselineInferenceAttribute?: string;
    /** `baseline_ground_truth_attribute`: the label column of the baseline data. */
    baselineGroundTruthAttribute: string;
    /** `baseline_probability_attribute` (required for BinaryClassification). */
    baselineProbabilityAttribute?: string;
    /** `monitor_inference_attribute` (required for Regression and MulticlassClassification). */
    inferenceAttribute?: string;
    /** `monitor_probability_attribute`. */
    probabilityAttribute?: string;
    /** `probability_threshold_attribute`: above it, a probability counts as the positive class. */
    probabilityThreshold?: number;
}

/** Where the model's containers may reach: nowhere (network isolation) and/or the given VPC. */
export interface NetworkSettings {
    /** No outbound network from the model's containers (the default). */
    isolation: boolean;
    vpc?: { subnetIds: string[]; securityGroupIds: string[] };
}

/** One pipeline: a model, its endpoint and what watches it. */
export interface PipelineSpec {
    /** `model_name`: names the model, endpoint, roles and alarms (2-32 lower-case letters, digits, hyphens). */
    name: string;
    /** `endpoint_name`: a fixed endpoint name; by default `<project>-<stack>-<name>`. */
    endpointName?: string;
    model: ModelSource;
    endpoint: EndpointVariant;
    /** Absent: no capture (and then no monitor). */
    dataCapture?: DataCapture;
    /** `kms_key_arn`: a key of the team's; by default the pipeline makes its own rotating key. */
    kmsKeyArn?: string;
    /** The key the model artifact is encrypted with, when it is not the pipeline's (SSE-KMS). */
    artifactKmsKeyArn?: string;
    network: NetworkSettings;
    alarms: EndpointAlarms;
    dataQualityMonitor?: DataQualityMonitor;
    modelQualityMonitor?: ModelQualityMonitor;
    /**
     * Principals (account roots or roles) that may assume the pipeline's caller role to invoke the
     * endpoint; empty: the platform's people (peopleTrust), as the other persona roles.
     */
    callerPrincipals: string[];
}

/** The arguments of a SageMakerEndpointPipeline component. */
export interface SageMakerEndpointPipelineArgs extends PipelineSpec {
    placement: Placement;
    region: string;
    /** Who may assume the ML engineer role (the platform's people). */
    peopleTrust: PeopleTrust;
    /** E-mail addresses subscribed to the pipeline's alert topic. */
    alertEmails: string[];
    kmsDeletionWindowDays: number;
    logRetentionDays: number;
    /** Whether the stack keeps its data: the pipeline's keys are then protected from deletion. */
    protection: DataProtection;
}

/**
 * Monitors of an endpoint made elsewhere (another stack, another team, the console), attached by
 * name: the orchestrator's monitor pipelines were their own stacks watching an endpoint by name.
 * No model, endpoint configuration or endpoint of its own: a monitoring role, and each monitor's job
 * definition and schedule, reading the capture where that endpoint writes it.
 */
export interface EndpointMonitorsSpec {
    /** `model_name`: names the roles, job definitions and schedules (2-32 lower-case letters, digits, hyphens). */
    name: string;
    /** `endpoint_name`: the existing endpoint the monitors watch. */
    endpointName: string;
    /** `data_capture_location`: where that endpoint captures to (the monitoring role reads only there). */
    captureLocation: string;
    /**
     * `kms_key_arn`: encrypts the reports and the jobs' volumes, and the role may decrypt with it;
     * give the key the endpoint captures with when that is a customer key. Absent: an own rotating
     * key (captures under SSE-S3 need no key grant).
     */
    kmsKeyArn?: string;
    network: NetworkSettings;
    dataQualityMonitor?: DataQualityMonitor;
    modelQualityMonitor?: ModelQualityMonitor;
}

/** The arguments of a SageMakerEndpointMonitors component. */
export interface SageMakerEndpointMonitorsArgs extends EndpointMonitorsSpec {
    placement: Placement;
    region: string;
    kmsDeletionWindowDays: number;
    protection: DataProtection;
}
