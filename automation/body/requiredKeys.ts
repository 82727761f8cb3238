import type { OrchestratorPipelineType } from "./pipelineTypes";

/**
 * The orchestrator's required-key table (its `get_required_keys`): the keys a body of each pipeline
 * type must have, in the order the orchestrator checks them, so that the first missing one is the
 * one it would have named. Conditional keys depend on `use_model_registry` and `problem_type`.
 */
const COMMON = ["pipeline_type", "model_name", "inference_instance"];
const BUILTIN_MODEL = ["model_framework", "model_framework_version", "model_artifact_location"];
const CUSTOM_MODEL = ["custom_image_uri", "model_artifact_location"];
const MODEL_REGISTRY = ["model_package_name"];
const REALTIME = ["data_capture_location"];
const BATCH = ["batch_inference_data", "batch_job_output_location"];
const MONITOR_COMMON = [
    "pipeline_type",
    "model_name",
    "endpoint_name",
    "baseline_data",
    "baseline_job_output_location",
    "data_capture_location",
    "monitoring_output_location",
    "schedule_expression",
    "monitor_max_runtime_seconds",
    "instance_type",
    "instance_volume_size",
];

type Body = Record<string, unknown>;

const usesRegistry = (body: Body) => body["use_model_registry"] === "Yes";
const model = (body: Body, keys: string[]) => (usesRegistry(body) ? MODEL_REGISTRY : keys);
const problem = (body: Body) => body["problem_type"];
const isBinary = (body: Body) => problem(body) === "BinaryClassification";
const isMulticlass = (body: Body) => problem(body) === "MulticlassClassification";
const isRegression = (body: Body) => problem(body) === "Regression";

export const REQUIRED_KEYS: Record<OrchestratorPipelineType, (body: Body) => string[]> = {
    byom_realtime_builtin: (b) => [...COMMON, ...model(b, BUILTIN_MODEL), ...REALTIME],
    byom_realtime_custom: (b) => [...COMMON, ...model(b, CUSTOM_MODEL), ...REALTIME],
    byom_batch_builtin: (b) => [...COMMON, ...model(b, BUILTIN_MODEL), ...BATCH],
    byom_batch_custom: (b) => [...COMMON, ...model(b, CUSTOM_MODEL), ...BATCH],
    byom_data_quality_monitor: () => MONITOR_COMMON,
    byom_model_quality_monitor: (b) => [
        ...MONITOR_COMMON,
        "baseline_inference_attribute",
        "baseline_ground_truth_attribute",
        "problem_type",
        "monitor_ground_truth_input",
        ...(isRegression(b) || isMulticlass(b) ? ["monitor_inference_attribute"] : []),
        ...(isBinary(b) ? ["baseline_probability_attribute"] : []),
    ],
    byom_model_bias_monitor: (b) => [
        ...MONITOR_COMMON,
        "problem_type",
        "monitor_ground_truth_input",
        "bias_config",
        ...(isBinary(b) || isMulticlass(b) ? ["model_predicted_label_config"] : []),
        ...(isRegression(b) || isMulticlass(b) ? ["monitor_inference_attribute"] : []),
    ],
    byom_model_explainability_monitor: (b) => [
        ...MONITOR_COMMON,
        "problem_type",
        "shap_config",
        ...(isRegression(b) || isMulticlass(b) ? ["monitor_inference_attribute"] : []),
    ],
    byom_image_builder: () => ["pipeline_type", "custom_algorithm_docker", "ecr_repo_name", "image_tag"],
};

/** The first required key the body lacks (absent, null or an empty string), as the orchestrator checks. */
export function firstMissingKey(type: OrchestratorPipelineType, body: Body): string | undefined {
    return REQUIRED_KEYS[type](body).find((key) => body[key] === undefined || body[key] === null || body[key] === "");
}
