import type { DataCapture, DataQualityMonitor, ModelQualityMonitor, ModelSource, RealtimeEndpoint } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointPipelineArgs";
import type { ImplementedPipelineType, PipelineKind } from "./pipelineTypes";

/**
 * A validated orchestrator body, in the terms of SageMakerEndpointPipeline's arguments: a realtime
 * body is a model, its endpoint and its data capture; a monitor body is one monitor of a model's
 * endpoint. Locations are `s3://` URIs.
 */
export type PipelineRequest = RealtimeRequest | MonitorRequest;
export type MonitorRequest = DataQualityMonitorRequest | ModelQualityMonitorRequest;

interface RequestBase {
    pipelineType: ImplementedPipelineType;
    kind: PipelineKind;
    /** `<model_name>-<kind>`: the pipeline's id in the answers. */
    pipelineId: string;
    /** `model_name`: the pipeline's `name` in the component. */
    modelName: string;
}

export interface RealtimeRequest extends RequestBase {
    kind: "realtime";
    /** `endpoint_name`, lower-cased as the orchestrator does; absent: the component names it. */
    endpointName?: string;
    model: ModelSource;
    endpoint: RealtimeEndpoint;
    dataCapture: DataCapture;
    kmsKeyArn?: string;
}

interface MonitorRequestBase extends RequestBase {
    /** The endpoint the monitor watches (`endpoint_name`, lower-cased). */
    endpointName: string;
    /** Where that endpoint captures to (`data_capture_location`). */
    dataCaptureLocation: string;
    /** `kms_key_arn`: the key of the monitor's reports and volumes (and of the capture it reads). */
    kmsKeyArn?: string;
}

export interface DataQualityMonitorRequest extends MonitorRequestBase {
    kind: "data-quality-monitor";
    monitor: DataQualityMonitor;
}

export interface ModelQualityMonitorRequest extends MonitorRequestBase {
    kind: "model-quality-monitor";
    monitor: ModelQualityMonitor;
}
