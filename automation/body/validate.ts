import { z } from "zod";
import { BadRequestError } from "../errors";
import {
    assetKey,
    attribute,
    decimal,
    ecrImageUri,
    instanceType,
    isHourly,
    kmsKeyArn,
    monitoringSchedule,
    problemType,
    s3Location,
    sagemakerName,
    wholeNumber,
    yesNo,
} from "./fieldRules";
import type { PipelineRequest } from "./pipelineRequest";
import { IMPLEMENTED_PIPELINE_TYPES, isImplemented, isOrchestratorType, KIND_OF, ORCHESTRATOR_PIPELINE_TYPES } from "./pipelineTypes";
import { firstMissingKey } from "./requiredKeys";

export interface BodyRules {
    /** The bucket in which `model_artifact_location` and `baseline_data` are keys (ASSETS_BUCKET). */
    assetsBucket: string;
    /** The instance types the component supports, when it has a list; otherwise the format alone. */
    instanceTypes?: readonly string[];
    /** The built-in frameworks the component resolves to images, when it has a list. */
    frameworks?: readonly string[];
}

// SageMaker API limits: MonitoringStoppingCondition 1..86400 s; MonitoringClusterConfig
// VolumeSizeInGB 1..512; ProcessingStoppingCondition (the baselining job) 1..777600 s.
const MONITOR_MAX_RUNTIME = 86_400;
const VOLUME_MAX_GB = 512;
const BASELINE_MAX_RUNTIME = 777_600;
// MonitoringStoppingCondition: "cannot exceed the frequency of the job": up to 3600 s on an hourly
// schedule for data quality and explainability, 1800 s for model quality and bias.
const HOURLY_MAX_RUNTIME = { "data-quality-monitor": 3600, "model-quality-monitor": 1800 } as const;

function schemas(rules: BodyRules) {
    const model_name = sagemakerName("sagemaker-model");
    const endpoint_name = z.string().transform((name) => name.toLowerCase()).pipe(sagemakerName("sagemaker-endpoint"));
    const framework = rules.frameworks
        ? z.enum(rules.frameworks as [string, ...string[]], { error: (i) => `one of ${rules.frameworks?.join(", ")}, found ${JSON.stringify(i.input)}` })
        : z.string().regex(/^[a-z][a-z0-9-]*$/, "a SageMaker built-in framework name such as xgboost");
    const realtime = {
        pipeline_type: z.string(),
        model_name,
        inference_instance: instanceType(rules.instanceTypes),
        model_artifact_location: assetKey(rules.assetsBucket),
        data_capture_location: s3Location,
        endpoint_name: endpoint_name.optional(),
        kms_key_arn: kmsKeyArn.optional(),
        use_model_registry: yesNo.optional(),
    };
    const monitor = {
        pipeline_type: z.string(),
        model_name,
        endpoint_name,
        baseline_data: assetKey(rules.assetsBucket),
        baseline_job_output_location: s3Location,
        data_capture_location: s3Location,
        monitoring_output_location: s3Location,
        schedule_expression: monitoringSchedule,
        monitor_max_runtime_seconds: wholeNumber(1, MONITOR_MAX_RUNTIME, "seconds"),
        baseline_max_runtime_seconds: wholeNumber(1, BASELINE_MAX_RUNTIME, "seconds").optional(),
        instance_type: instanceType(rules.instanceTypes),
        instance_volume_size: wholeNumber(1, VOLUME_MAX_GB, "GB"),
        kms_key_arn: kmsKeyArn.optional(),
    };
    return {
        byom_realtime_builtin: z.strictObject({
            ...realtime,
            model_framework: framework,
            model_framework_version: z.string().regex(/^[0-9][0-9a-zA-Z.-]*$/, "a framework version such as 1 or 1.7-1"),
        }),
        byom_realtime_custom: z.strictObject({ ...realtime, custom_image_uri: ecrImageUri }),
        byom_data_quality_monitor: z.strictObject(monitor),
        byom_model_quality_monitor: z.strictObject({
            ...monitor,
            problem_type: problemType,
            baseline_inference_attribute: attribute,
            baseline_ground_truth_attribute: attribute,
            baseline_probability_attribute: attribute.optional(),
            monitor_ground_truth_input: s3Location,
            monitor_inference_attribute: attribute.optional(),
            monitor_probability_attribute: attribute.optional(),
            probability_threshold_attribute: decimal(0, 1, "a probability").optional(),
        }),
    };
}

/**
 * Checks an orchestrator body: its type, the orchestrator's required keys, then every value. The
 * first mistake is thrown as a BadRequestError naming the field, in the orchestrator's shape.
 */
export function validateBody(body: unknown, rules: BodyRules): PipelineRequest {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new BadRequestError("Bad request. API body must be a JSON object.");
    }
    const record = body as Record<string, unknown>;
    const type = record["pipeline_type"];
    if (type === undefined || type === null || type === "") {
        throw new BadRequestError("Bad request. API body does not have the necessary parameter: pipeline_type", "pipeline_type");
    }
    if (typeof type !== "string" || !isOrchestratorType(type)) {
        throw new BadRequestError(
            `Bad request. Pipeline type not supported: ${JSON.stringify(type)}. Expected one of ${ORCHESTRATOR_PIPELINE_TYPES.join(", ")}.`,
            "pipeline_type",
        );
    }
    if (!isImplemented(type)) {
        throw new BadRequestError(
            `Bad request. Pipeline type ${type} is not implemented by this service. Implemented: ${IMPLEMENTED_PIPELINE_TYPES.join(", ")}.`,
            "pipeline_type",
        );
    }
    const missing = firstMissingKey(type, record);
    if (missing) {
        throw new BadRequestError(`Bad request. API body does not have the necessary parameter: ${missing}`, missing);
    }
    if (record["use_model_registry"] === "Yes") {
        throw new BadRequestError(
            "Bad request. use_model_registry: \"Yes\" (a model package from the SageMaker model registry) is not implemented by this service; give the model's artifact and image instead.",
            "use_model_registry",
        );
    }
    const parsed = schemas(rules)[type].safeParse(record);
    if (!parsed.success) {
        throw fieldError(parsed.error.issues[0], record);
    }
    return toRequest(type, parsed.data);
}

function fieldError(issue: z.core.$ZodIssue, body: Record<string, unknown>): BadRequestError {
    if (issue.code === "unrecognized_keys") {
        const key = issue.keys[0];
        return new BadRequestError(`Bad request. ${key}: not a parameter of ${String(body["pipeline_type"])} (a misspelt key?)`, key);
    }
    const field = String(issue.path[0] ?? "");
    if (issue.code === "invalid_type") {
        // zod's own wording ("Invalid input: expected string, received number") unless a rule set its own.
        const expected = issue.message.startsWith("Invalid input") ? `a ${issue.expected}` : issue.message;
        return new BadRequestError(`Bad request. ${field}: expected ${expected}, found ${JSON.stringify(body[field])}`, field);
    }
    return new BadRequestError(`Bad request. ${field}: expected ${issue.message}`, field);
}

// The union of the four schemas' outputs: each field was checked by the schema of `type`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ParsedBody = Record<string, any>;

function toRequest(type: keyof ReturnType<typeof schemas>, b: ParsedBody): PipelineRequest {
    const kind = KIND_OF[type];
    const base = { pipelineType: type, kind, modelName: b.model_name, pipelineId: `${b.model_name}-${kind}`, ...(b.kms_key_arn ? { kmsKeyArn: b.kms_key_arn } : {}) };
    if (kind === "realtime") {
        return {
            ...base,
            kind,
            inferenceInstance: b.inference_instance,
            modelArtifact: b.model_artifact_location,
            dataCapture: b.data_capture_location,
            ...(b.endpoint_name ? { endpointName: b.endpoint_name } : {}),
            image: type === "byom_realtime_custom" ? { customImageUri: b.custom_image_uri } : { framework: b.model_framework, frameworkVersion: b.model_framework_version },
        };
    }
    const maxRuntime = b.monitor_max_runtime_seconds as number;
    if (isHourly(b.schedule_expression) && maxRuntime > HOURLY_MAX_RUNTIME[kind]) {
        throw new BadRequestError(
            `Bad request. monitor_max_runtime_seconds: expected at most ${HOURLY_MAX_RUNTIME[kind]} seconds for an hourly schedule (SageMaker: the runtime cannot exceed the schedule's frequency), found ${maxRuntime}`,
            "monitor_max_runtime_seconds",
        );
    }
    const monitor = {
        ...base,
        endpointName: b.endpoint_name,
        baselineData: b.baseline_data,
        baselineJobOutput: b.baseline_job_output_location,
        dataCapture: b.data_capture_location,
        monitoringOutput: b.monitoring_output_location,
        scheduleExpression: b.schedule_expression,
        monitorMaxRuntimeSeconds: maxRuntime,
        ...(b.baseline_max_runtime_seconds !== undefined ? { baselineMaxRuntimeSeconds: b.baseline_max_runtime_seconds } : {}),
        instanceType: b.instance_type,
        instanceVolumeSizeGb: b.instance_volume_size,
    };
    if (kind === "data-quality-monitor") return { ...monitor, kind };
    return {
        ...monitor,
        kind,
        problemType: b.problem_type,
        baselineInferenceAttribute: b.baseline_inference_attribute,
        baselineGroundTruthAttribute: b.baseline_ground_truth_attribute,
        monitorGroundTruthInput: b.monitor_ground_truth_input,
        ...optional("baselineProbabilityAttribute", b.baseline_probability_attribute),
        ...optional("monitorInferenceAttribute", b.monitor_inference_attribute),
        ...optional("monitorProbabilityAttribute", b.monitor_probability_attribute),
        ...optional("probabilityThresholdAttribute", b.probability_threshold_attribute),
    };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
    return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
