import type { S3Location } from "./fieldRules";
import type { ImplementedPipelineType, PipelineKind } from "./pipelineTypes";

/** A validated orchestrator body: what the pipeline's stack is built from. */
export type PipelineRequest = RealtimeRequest | DataQualityMonitorRequest | ModelQualityMonitorRequest;

interface RequestBase {
    pipelineType: ImplementedPipelineType;
    kind: PipelineKind;
    /** `<model_name>-<kind>`: the pipeline's stack name and its id in the answers. */
    pipelineId: string;
    modelName: string;
    kmsKeyArn?: string;
}

export interface RealtimeRequest extends RequestBase {
    kind: "realtime";
    inferenceInstance: string;
    modelArtifact: S3Location;
    dataCapture: S3Location;
    /** Lower-cased, as the orchestrator does; absent: the component names the endpoint. */
    endpointName?: string;
    image: { framework: string; frameworkVersion: string } | { customImageUri: string };
}

interface MonitorBase extends RequestBase {
    endpointName: string;
    baselineData: S3Location;
    baselineJobOutput: S3Location;
    dataCapture: S3Location;
    monitoringOutput: S3Location;
    scheduleExpression: string;
    monitorMaxRuntimeSeconds: number;
    baselineMaxRuntimeSeconds?: number;
    instanceType: string;
    instanceVolumeSizeGb: number;
}

export interface DataQualityMonitorRequest extends MonitorBase {
    kind: "data-quality-monitor";
}

export interface ModelQualityMonitorRequest extends MonitorBase {
    kind: "model-quality-monitor";
    problemType: "Regression" | "MulticlassClassification" | "BinaryClassification";
    baselineInferenceAttribute: string;
    baselineGroundTruthAttribute: string;
    baselineProbabilityAttribute?: string;
    monitorGroundTruthInput: S3Location;
    monitorInferenceAttribute?: string;
    monitorProbabilityAttribute?: string;
    probabilityThresholdAttribute?: number;
}
