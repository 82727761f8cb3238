/**
 * The orchestrator's pipeline types (MLOps Workload Orchestrator v2.2, `pipeline_type`) and which
 * of them this service provisions. The others are known, so that a body naming one is told it is
 * not implemented here rather than that the type does not exist.
 */
export const IMPLEMENTED_PIPELINE_TYPES = [
    "byom_realtime_builtin",
    "byom_realtime_custom",
    "byom_data_quality_monitor",
    "byom_model_quality_monitor",
] as const;

/** Known, not provisioned here. */
export const NOT_IMPLEMENTED_PIPELINE_TYPES = [
    "byom_batch_builtin",
    "byom_batch_custom",
    "byom_model_bias_monitor",
    "byom_model_explainability_monitor",
    "byom_image_builder",
] as const;

export type ImplementedPipelineType = (typeof IMPLEMENTED_PIPELINE_TYPES)[number];
export type OrchestratorPipelineType = ImplementedPipelineType | (typeof NOT_IMPLEMENTED_PIPELINE_TYPES)[number];

export const ORCHESTRATOR_PIPELINE_TYPES: readonly OrchestratorPipelineType[] = [...IMPLEMENTED_PIPELINE_TYPES, ...NOT_IMPLEMENTED_PIPELINE_TYPES];

export function isImplemented(type: string): type is ImplementedPipelineType {
    return (IMPLEMENTED_PIPELINE_TYPES as readonly string[]).includes(type);
}

export function isOrchestratorType(type: string): type is OrchestratorPipelineType {
    return (ORCHESTRATOR_PIPELINE_TYPES as readonly string[]).includes(type);
}

/**
 * What a pipeline's stack holds: the realtime types share one (a model's endpoint, built-in or
 * custom image), each monitor has its own. The pipeline id is `<model_name>-<kind>`, so that
 * provisioning the same model and kind again updates its stack, as the orchestrator does.
 */
export type PipelineKind = "realtime" | "data-quality-monitor" | "model-quality-monitor";

export const KIND_OF: Record<ImplementedPipelineType, PipelineKind> = {
    byom_realtime_builtin: "realtime",
    byom_realtime_custom: "realtime",
    byom_data_quality_monitor: "data-quality-monitor",
    byom_model_quality_monitor: "model-quality-monitor",
};
