import type { DataCapture, DataQualityMonitor, ModelSource, RealtimeEndpoint } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointPipelineArgs";
import type { ImplementedPipelineType, PipelineKind } from "./pipelineTypes";

/**
 * A validated orchestrator body, in the terms of SageMakerEndpointPipeline's arguments: a realtime
 * body is a model, its endpoint and its data capture; a monitor body is one monitor of a model's
 * endpoint. Locations are `s3://` URIs.
 */
export type PipelineRequest = RealtimeRequest | DataQualityMonitorRequest;

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

export interface DataQualityMonitorRequest extends RequestBase {
    kind: "data-quality-monitor";
    /** The endpoint the monitor watches (`endpoint_name`). */
    endpointName: string;
    /** Where that endpoint captures to (`data_capture_location`). */
    dataCaptureLocation: string;
    monitor: DataQualityMonitor;
}
