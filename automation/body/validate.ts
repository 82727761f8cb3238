import { z } from "zod";
import { resourceName } from "../../config/primitives";
import { builtinImageUri, modelMonitorImageUri } from "../../config/sageMakerImages";
import {
    builtinFramework,
    dataCaptureSchema,
    dataQualityMonitorSchema,
    ecrImageUri,
    endpointSchema,
    hostingInstanceType,
    kmsKeyArn,
    modelQualityMonitorSchema,
    modelSchema,
    monitorSchedule,
    problemType,
    processingInstanceType,
    sageMakerEntityName,
} from "../../config/sageMakerEndpointPipeline";
import { BadRequestError } from "../errors";
import { assetKey, numberOrNumericString, s3Location, yesNo } from "./fieldRules";
import type { DataQualityMonitor, ModelQualityMonitor } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointPipelineArgs";
import type { PipelineRequest } from "./pipelineRequest";
import { IMPLEMENTED_PIPELINE_TYPES, isImplemented, isOrchestratorType, KIND_OF, ORCHESTRATOR_PIPELINE_TYPES, type ImplementedPipelineType } from "./pipelineTypes";
import { firstMissingKey } from "./requiredKeys";

export interface BodyRules {
    /** The bucket in which `model_artifact_location` and `baseline_data` are keys (ASSETS_BUCKET). */
    assetsBucket: string;
    /** The region the pipelines are deployed to: built-in and Model Monitor images must exist there. */
    region: string;
}

const number = numberOrNumericString(z.number());

/** Step 1: the body's own shape, each value checked by the component's rule for it. */
function bodySchemas(rules: BodyRules) {
    const realtime = {
        pipeline_type: z.string(),
        model_name: resourceName,
        inference_instance: hostingInstanceType,
        model_artifact_location: assetKey(rules.assetsBucket),
        data_capture_location: s3Location,
        endpoint_name: z.string().transform((name) => name.toLowerCase()).pipe(sageMakerEntityName).optional(),
        kms_key_arn: kmsKeyArn.optional(),
        use_model_registry: yesNo.optional(),
    };
    const monitor = {
        pipeline_type: z.string(),
        model_name: resourceName,
        endpoint_name: z.string().transform((name) => name.toLowerCase()).pipe(sageMakerEntityName),
        baseline_data: assetKey(rules.assetsBucket),
        baseline_job_output_location: s3Location,
        data_capture_location: s3Location,
        monitoring_output_location: s3Location,
        schedule_expression: monitorSchedule,
        monitor_max_runtime_seconds: number,
        baseline_max_runtime_seconds: number.optional(),
        instance_type: processingInstanceType,
        instance_volume_size: number,
        kms_key_arn: kmsKeyArn.optional(),
    };
    // The model-quality row of the table; the attributes are columns (or JSON paths) of the data.
    const attribute = z.string().min(1);
    const modelQuality = {
        ...monitor,
        problem_type: problemType,
        monitor_ground_truth_input: s3Location,
        baseline_inference_attribute: attribute,
        baseline_ground_truth_attribute: attribute,
        baseline_probability_attribute: attribute.optional(),
        monitor_inference_attribute: attribute.optional(),
        monitor_probability_attribute: attribute.optional(),
        probability_threshold_attribute: number.optional(),
    };
    return {
        byom_realtime_builtin: z.strictObject({ ...realtime, model_framework: builtinFramework, model_framework_version: z.string().min(1) }),
        byom_realtime_custom: z.strictObject({ ...realtime, custom_image_uri: ecrImageUri }),
        byom_data_quality_monitor: z.strictObject(monitor),
        byom_model_quality_monitor: z.strictObject(modelQuality),
    };
}

/** Step 2: the component's schemas, for their ranges and defaults; their key paths name body fields. */
export const FIELD_OF_SPEC_KEY: Record<string, string> = {
    name: "model_name",
    endpointName: "endpoint_name",
    kmsKeyArn: "kms_key_arn",
    framework: "model_framework",
    frameworkVersion: "model_framework_version",
    artifactLocation: "model_artifact_location",
    imageUri: "custom_image_uri",
    instanceType: "instance_type",
    location: "data_capture_location",
    baselineData: "baseline_data",
    baselineJobOutputLocation: "baseline_job_output_location",
    monitoringOutputLocation: "monitoring_output_location",
    scheduleExpression: "schedule_expression",
    instanceVolumeSizeGb: "instance_volume_size",
    maxRuntimeSeconds: "monitor_max_runtime_seconds",
    baselineMaxRuntimeSeconds: "baseline_max_runtime_seconds",
    problemType: "problem_type",
    groundTruthInput: "monitor_ground_truth_input",
    baselineInferenceAttribute: "baseline_inference_attribute",
    baselineGroundTruthAttribute: "baseline_ground_truth_attribute",
    baselineProbabilityAttribute: "baseline_probability_attribute",
    inferenceAttribute: "monitor_inference_attribute",
    probabilityAttribute: "monitor_probability_attribute",
    probabilityThreshold: "probability_threshold_attribute",
};

/**
 * Checks an orchestrator body: its type, the orchestrator's required keys, then every value with
 * the component's own rules. The first mistake is thrown as a BadRequestError naming the field.
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
            "Bad request. use_model_registry: \"Yes\" (a model package of the SageMaker model registry) is not implemented by this service; give the model's artifact and image instead.",
            "use_model_registry",
        );
    }
    const parsed = bodySchemas(rules)[type].safeParse(record);
    if (!parsed.success) throw fieldError(parsed.error.issues[0], record);
    return toRequest(type, parsed.data, rules, record);
}

function fieldError(issue: z.core.$ZodIssue, body: Record<string, unknown>, field = String(issue.path[0] ?? "")): BadRequestError {
    if (issue.code === "unrecognized_keys") {
        const key = issue.keys[0];
        return new BadRequestError(`Bad request. ${key}: not a parameter of ${String(body["pipeline_type"])} (a misspelt key?)`, key);
    }
    // zod's own wording ("Too small: expected number to be >=1") in the form of the rules' messages.
    const expected = issue.message
        .replace(/^Invalid input: expected (\w+), received \w+$/, "a $1")
        .replace(/^Invalid option: expected /, "")
        .replace(/^Too (?:small|big): expected (\w+) to (?:be|have) (.*)$/, "a $1 $2")
        .replace(/^expected /, "");
    const found = /, found /.test(expected) ? "" : `, found ${JSON.stringify(body[field])}`;
    return new BadRequestError(`Bad request. ${field}: expected ${expected}${found}`, field);
}

/** Parses a spec fragment with the component's schema; a failure names the body field of its key. */
function spec<T extends z.ZodType>(schema: T, value: unknown, body: Record<string, unknown>): z.output<T> {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const key = [...issue.path].reverse().find((k) => typeof k === "string" && k in FIELD_OF_SPEC_KEY);
    throw fieldError(issue, body, key ? FIELD_OF_SPEC_KEY[String(key)] : String(issue.path.join(".")));
}

// The union of the step-1 schemas' outputs: each field was checked by the schema of `type`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ParsedBody = Record<string, any>;

function toRequest(type: ImplementedPipelineType, b: ParsedBody, rules: BodyRules, body: Record<string, unknown>): PipelineRequest {
    const kind = KIND_OF[type];
    const base = { pipelineType: type, modelName: b.model_name as string, pipelineId: `${b.model_name}-${kind}` };
    if (kind === "realtime") {
        const model = spec(modelSchema, type === "byom_realtime_custom"
            ? { kind: "custom", imageUri: b.custom_image_uri, artifactLocation: b.model_artifact_location }
            : { kind: "builtin", framework: b.model_framework, frameworkVersion: b.model_framework_version, artifactLocation: b.model_artifact_location }, body);
        if (model.kind === "builtin") {
            const image = builtinImageUri(model.framework, model.frameworkVersion, rules.region);
            if (typeof image !== "string") {
                const field = FIELD_OF_SPEC_KEY[image.key === "region" ? "frameworkVersion" : image.key];
                throw new BadRequestError(`Bad request. ${field}: ${image.message}`, field);
            }
        }
        const endpoint = spec(endpointSchema, { kind: "realtime", instanceType: b.inference_instance }, body);
        return {
            ...base,
            kind,
            ...(b.endpoint_name ? { endpointName: b.endpoint_name } : {}),
            model,
            endpoint: endpoint as Extract<typeof endpoint, { kind: "realtime" }>,
            dataCapture: spec(dataCaptureSchema, { location: b.data_capture_location }, body),
            ...(b.kms_key_arn ? { kmsKeyArn: b.kms_key_arn } : {}),
        };
    }
    const monitorImage = modelMonitorImageUri(rules.region);
    if (typeof monitorImage !== "string") {
        throw new BadRequestError(`Bad request. pipeline_type: Model Monitor is not available in ${rules.region}: ${monitorImage.problem}`, "pipeline_type");
    }
    const settings = {
        enabled: true,
        baselineData: b.baseline_data,
        baselineJobOutputLocation: b.baseline_job_output_location,
        monitoringOutputLocation: b.monitoring_output_location,
        scheduleExpression: b.schedule_expression,
        instanceType: b.instance_type,
        instanceVolumeSizeGb: b.instance_volume_size,
        maxRuntimeSeconds: b.monitor_max_runtime_seconds,
        ...(b.baseline_max_runtime_seconds !== undefined ? { baselineMaxRuntimeSeconds: b.baseline_max_runtime_seconds } : {}),
    };
    const target = {
        endpointName: b.endpoint_name as string,
        dataCaptureLocation: b.data_capture_location as string,
        ...(b.kms_key_arn ? { kmsKeyArn: b.kms_key_arn as string } : {}),
    };
    if (kind === "data-quality-monitor") {
        const { enabled: _enabled, ...monitor } = spec(dataQualityMonitorSchema, settings, body) as { enabled: true } & Record<string, unknown>;
        return { ...base, kind, ...target, monitor: monitor as unknown as DataQualityMonitor };
    }
    const optional = (key: string, value: unknown) => (value === undefined ? {} : { [key]: value });
    const { enabled: _enabled, ...monitor } = spec(modelQualityMonitorSchema, {
        ...settings,
        problemType: b.problem_type,
        groundTruthInput: b.monitor_ground_truth_input,
        baselineInferenceAttribute: b.baseline_inference_attribute,
        baselineGroundTruthAttribute: b.baseline_ground_truth_attribute,
        ...optional("baselineProbabilityAttribute", b.baseline_probability_attribute),
        ...optional("inferenceAttribute", b.monitor_inference_attribute),
        ...optional("probabilityAttribute", b.monitor_probability_attribute),
        ...optional("probabilityThreshold", b.probability_threshold_attribute),
    }, body) as { enabled: true } & Record<string, unknown>;
    return { ...base, kind, ...target, monitor: monitor as unknown as ModelQualityMonitor };
}
