import { z } from "zod";
import { iamPrincipalArn, resourceName, switchable, uniqueBy } from "./primitives";
import { BUILTIN_IMAGES, builtinImageUri, modelMonitorImageUri } from "./sageMakerImages";
import { HOSTING_INSTANCE_TYPES, PROCESSING_INSTANCE_TYPES } from "./sageMakerInstanceTypes";

/**
 * The config of the SageMaker endpoint pipelines (`analytics-platform:sageMakerEndpointPipelines`)
 * and the value rules behind it. Each rule is exported: a service that takes the MLOps Workload
 * Orchestrator's request bodies validates them with these (one set of rules, not a copy).
 */

/** SageMaker's EntityName (endpoints, models, configs, schedules): 1-63 letters, digits, single hyphens. */
export const sageMakerEntityName = z
    .string()
    .max(63)
    .regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/, "a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit");

// S3 bucket names as S3 allows them (dots included: these are buckets the team already has).
const S3_BUCKET = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";

/** An S3 prefix, `s3://bucket` or `s3://bucket/prefix` (SageMaker writes objects under it). */
export const s3Location = z
    .string()
    .regex(new RegExp(`^s3://${S3_BUCKET}(/[^\\s]*)?$`), "an S3 location s3://<bucket>/<prefix>");

/** An S3 object, `s3://bucket/key`. */
export const s3Object = z
    .string()
    .regex(new RegExp(`^s3://${S3_BUCKET}/[^\\s]*[^/\\s]$`), "an S3 object s3://<bucket>/<key>");

/** A model artifact: SageMaker loads a single-object model from a gzip tarball. */
export const modelArtifact = s3Object.refine((uri) => uri.endsWith(".tar.gz"), "a model archive s3://<bucket>/<key>.tar.gz");

/** A private ECR image by tag or digest. */
export const ecrImageUri = z
    .string()
    .regex(
        /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9]+(?:[._/-][a-z0-9]+)*(:[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$/,
        "an ECR image <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest>",
    );

export const kmsKeyArn = z
    .string()
    .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[a-zA-Z0-9-]+$/, "a KMS key ARN arn:aws:kms:<region>:<account>:key/<id>");

export const hostingInstanceType = z
    .string()
    .refine((t) => HOSTING_INSTANCE_TYPES.includes(t), `a SageMaker hosting instance type (config/sageMakerInstanceTypes.ts), such as ml.m5.large`);

export const processingInstanceType = z
    .string()
    .refine((t) => PROCESSING_INSTANCE_TYPES.includes(t), `a SageMaker processing instance type (config/sageMakerInstanceTypes.ts), such as ml.m5.large`);

/** A built-in framework of config/sageMakerImages.ts (the version and region are checked with it). */
export const builtinFramework = z
    .string()
    .refine((f) => Object.hasOwn(BUILTIN_IMAGES, f), `a built-in framework (${Object.keys(BUILTIN_IMAGES).join(", ")})`);

/**
 * Model Monitor's schedules (SageMaker Developer Guide, "Schedule monitoring jobs"): hourly
 * `cron(0 * ? * * *)`, daily at an hour `cron(0 H ? * * *)`, or every N hours from an hour
 * `cron(0 H/N ? * * *)`. SageMaker refuses any other cron.
 */
export const monitorSchedule = z
    .string()
    .regex(
        /^cron\(0 (\*|([01]?\d|2[0-3])(\/([1-9]|1\d|2[0-4]))?) \? \* \* \*\)$/,
        "a Model Monitor schedule: cron(0 * ? * * *) hourly, cron(0 H ? * * *) daily or cron(0 H/N ? * * *) every N hours",
    );

/** Serverless memory: 1024 to 6144 MB in steps of 1024 (ProductionVariantServerlessConfig). */
export const serverlessMemorySizeMb = z
    .number()
    .int()
    .refine((mb) => mb >= 1024 && mb <= 6144 && mb % 1024 === 0, "1024, 2048, 3072, 4096, 5120 or 6144 (MB)");

export const problemType = z.enum(["Regression", "BinaryClassification", "MulticlassClassification"]);

/** A column of the baseline or captured data (the orchestrator's *_attribute keys). */
const attribute = z.string().min(1).max(256);

const builtinModelSchema = z.strictObject({
    kind: z.literal("builtin"),
    framework: builtinFramework,
    frameworkVersion: z.string().min(1),
    artifactLocation: modelArtifact,
}).superRefine((model, ctx) => {
    // Version known for the framework (the region is checked with the stack's region: sageMakerRegionProblems).
    const problem = builtinImageUri(model.framework, model.frameworkVersion, "us-east-1");
    if (typeof problem !== "string" && problem.key === "frameworkVersion") {
        ctx.addIssue({ code: "custom", path: ["frameworkVersion"], input: model.frameworkVersion, message: problem.message });
    }
});

const customModelSchema = z.strictObject({
    kind: z.literal("custom"),
    imageUri: ecrImageUri,
    artifactLocation: modelArtifact,
});

export const modelSchema = z.discriminatedUnion("kind", [builtinModelSchema, customModelSchema]);

export const autoscalingSchema = z.strictObject({
    minCapacity: z.number().int().min(1).max(100),
    maxCapacity: z.number().int().min(1).max(100),
    targetInvocationsPerInstance: z.number().int().min(1).max(100000),
    scaleInCooldownSeconds: z.number().int().min(0).max(3600).default(300),
    scaleOutCooldownSeconds: z.number().int().min(0).max(3600).default(60),
}).superRefine((a, ctx) => {
    if (a.maxCapacity < a.minCapacity) {
        ctx.addIssue({ code: "custom", path: ["maxCapacity"], input: a.maxCapacity, message: `expected at least minCapacity (${a.minCapacity}), found ${a.maxCapacity}` });
    }
});

const realtimeEndpointSchema = z.strictObject({
    kind: z.literal("realtime"),
    instanceType: hostingInstanceType,
    initialInstanceCount: z.number().int().min(1).max(100).default(1),
    autoscaling: autoscalingSchema.optional(),
}).superRefine((e, ctx) => {
    const a = e.autoscaling;
    if (a && (e.initialInstanceCount < a.minCapacity || e.initialInstanceCount > a.maxCapacity)) {
        ctx.addIssue({
            code: "custom",
            path: ["initialInstanceCount"],
            input: e.initialInstanceCount,
            message: `expected a count within autoscaling's ${a.minCapacity}-${a.maxCapacity}, found ${e.initialInstanceCount}`,
        });
    }
});

const serverlessEndpointSchema = z.strictObject({
    kind: z.literal("serverless"),
    memorySizeMb: serverlessMemorySizeMb,
    maxConcurrency: z.number().int().min(1).max(200).default(5),
});

export const endpointSchema = z.discriminatedUnion("kind", [realtimeEndpointSchema, serverlessEndpointSchema]);

export const dataCaptureSchema = z.strictObject({
    location: s3Location,
    samplingPercentage: z.number().int().min(0).max(100).default(100),
    captureInput: z.boolean().default(true),
    captureOutput: z.boolean().default(true),
}).refine((c) => c.captureInput || c.captureOutput, { message: "expected captureInput or captureOutput (or both) true, found both false", path: ["captureInput"] });

const alarmsSchema = z.strictObject({
    invocation5xxErrorsThreshold: z.number().int().min(0).default(0),
    modelLatencyThresholdMs: z.number().min(1).max(3_600_000).default(1000),
    periodSeconds: z.union([z.literal(60), z.literal(300), z.literal(900), z.literal(3600)]).default(300),
    evaluationPeriods: z.number().int().min(1).max(100).default(1),
});

const networkSchema = z.strictObject({
    isolation: z.boolean().default(true),
    vpc: z.strictObject({
        subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]{8,17}$/, "a subnet id subnet-<hex>")).min(1).max(16),
        securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, "a security group id sg-<hex>")).min(1).max(5),
    }).optional(),
});

const monitorCommonShape = {
    baselineData: s3Object,
    baselineJobOutputLocation: s3Location,
    monitoringOutputLocation: s3Location,
    scheduleExpression: monitorSchedule.default("cron(0 * ? * * *)"),
    instanceType: processingInstanceType.default("ml.m5.large"),
    instanceVolumeSizeGb: z.number().int().min(1).max(16384).default(20),
    baselineMaxRuntimeSeconds: z.number().int().min(1).max(86400).default(3600),
};

/** An hourly monitor's job must end within the hour (CreateMonitoringSchedule, StoppingCondition). */
function runtimeFitsSchedule(monitor: { scheduleExpression: string; maxRuntimeSeconds: number }, ctx: z.core.$RefinementCtx) {
    if (monitor.scheduleExpression === "cron(0 * ? * * *)" && monitor.maxRuntimeSeconds > 3600) {
        ctx.addIssue({
            code: "custom",
            path: ["maxRuntimeSeconds"],
            input: monitor.maxRuntimeSeconds,
            message: `expected at most 3600 seconds for an hourly schedule, found ${monitor.maxRuntimeSeconds}`,
        });
    }
}

export const dataQualityMonitorSchema = switchable({
    ...monitorCommonShape,
    maxRuntimeSeconds: z.number().int().min(1).max(86400).default(3600),
});

const attributeRequired = (problem: string[], key: string, present: unknown, kind: string, ctx: z.core.$RefinementCtx) => {
    if (problem.includes(kind) && present === undefined) {
        ctx.addIssue({ code: "custom", path: [key], message: `expected ${key} for problemType ${kind}, found nothing` });
    }
};

export const modelQualityMonitorSchema = switchable({
    ...monitorCommonShape,
    maxRuntimeSeconds: z.number().int().min(1).max(86400).default(1800),
    problemType,
    groundTruthInput: s3Location,
    baselineInferenceAttribute: attribute.optional(),
    baselineGroundTruthAttribute: attribute,
    baselineProbabilityAttribute: attribute.optional(),
    inferenceAttribute: attribute.optional(),
    probabilityAttribute: attribute.optional(),
    probabilityThreshold: z.number().min(0).max(1).optional(),
});

const monitorOff = { enabled: false as const };

export const pipelineSchema = z.strictObject({
    name: resourceName,
    endpointName: sageMakerEntityName.optional(),
    model: modelSchema,
    endpoint: endpointSchema,
    dataCapture: dataCaptureSchema.optional(),
    kmsKeyArn: kmsKeyArn.optional(),
    artifactKmsKeyArn: kmsKeyArn.optional(),
    network: networkSchema.default({ isolation: true }),
    alarms: alarmsSchema.default(() => alarmsSchema.parse({})),
    dataQualityMonitor: dataQualityMonitorSchema.default(monitorOff),
    modelQualityMonitor: modelQualityMonitorSchema.default(monitorOff),
    callerPrincipals: z.array(iamPrincipalArn).default([]),
}).superRefine((pipeline, ctx) => {
    const serverless = pipeline.endpoint.kind === "serverless";
    // Serverless inference supports neither data capture nor Model Monitor (SageMaker Developer
    // Guide, "Serverless Inference: feature exclusions").
    if (serverless && pipeline.dataCapture) {
        ctx.addIssue({ code: "custom", path: ["dataCapture"], message: "expected no dataCapture on a serverless endpoint (SageMaker serverless inference does not capture data), found one" });
    }
    for (const key of ["dataQualityMonitor", "modelQualityMonitor"] as const) {
        const monitor = pipeline[key];
        if (!monitor.enabled) continue;
        if (serverless) {
            ctx.addIssue({ code: "custom", path: [key, "enabled"], message: "expected false on a serverless endpoint (Model Monitor needs data capture, which serverless inference lacks), found true" });
        } else if (!pipeline.dataCapture) {
            ctx.addIssue({ code: "custom", path: [key, "enabled"], message: "expected false without dataCapture (the monitor reads the captured requests), found true" });
        }
    }
    monitorRules(pipeline, ctx);
});

type MonitorsConfig = Pick<PipelineConfig, "dataQualityMonitor" | "modelQualityMonitor">;

/** The rules of a monitor's own settings, wherever it is (a pipeline's, or an existing endpoint's). */
function monitorRules(monitors: MonitorsConfig, ctx: z.core.$RefinementCtx): void {
    for (const key of ["dataQualityMonitor", "modelQualityMonitor"] as const) {
        const monitor = monitors[key];
        if (!monitor.enabled) continue;
        runtimeFitsSchedule(monitor, addAt(ctx, key));
        if (key === "modelQualityMonitor" && monitor.enabled) {
            const m = monitors.modelQualityMonitor as Extract<MonitorsConfig["modelQualityMonitor"], { enabled: true }>;
            attributeRequired(["Regression", "MulticlassClassification"], "inferenceAttribute", m.inferenceAttribute, m.problemType, addAt(ctx, key));
            attributeRequired(["BinaryClassification"], "baselineProbabilityAttribute", m.baselineProbabilityAttribute, m.problemType, addAt(ctx, key));
        }
    }
}

/**
 * Monitors of an existing endpoint, attached by name (SageMakerEndpointMonitors): the endpoint's
 * name, where it captures to, and at least one monitor.
 */
export const endpointMonitorsSchema = z.strictObject({
    name: resourceName,
    endpointName: sageMakerEntityName,
    captureLocation: s3Location,
    kmsKeyArn: kmsKeyArn.optional(),
    network: networkSchema.default({ isolation: true }),
    dataQualityMonitor: dataQualityMonitorSchema.default(monitorOff),
    modelQualityMonitor: modelQualityMonitorSchema.default(monitorOff),
}).superRefine((monitors, ctx) => {
    if (!monitors.dataQualityMonitor.enabled && !monitors.modelQualityMonitor.enabled) {
        ctx.addIssue({ code: "custom", path: ["dataQualityMonitor", "enabled"], message: "expected dataQualityMonitor or modelQualityMonitor enabled, found neither" });
    }
    monitorRules(monitors, ctx);
});

export type EndpointMonitorsConfig = z.infer<typeof endpointMonitorsSchema>;

/** A refinement context whose issues are reported under `prefix` (one level down). */
function addAt(ctx: z.core.$RefinementCtx, prefix: string): z.core.$RefinementCtx {
    return {
        ...ctx,
        addIssue: (issue: Parameters<z.core.$RefinementCtx["addIssue"]>[0]) => {
            if (typeof issue === "string") return ctx.addIssue(issue);
            ctx.addIssue({ ...issue, path: [prefix, ...(issue.path ?? [])] });
        },
    } as z.core.$RefinementCtx;
}

export const sageMakerEndpointPipelinesSchema = switchable({
    /** E-mail addresses subscribed to every pipeline's alert topic. */
    alertEmails: z.array(z.email()).default([]),
    pipelines: uniqueBy(z.array(pipelineSchema).min(1), (p) => p.name, "pipeline name"),
}).superRefine((value, ctx) => {
    if (!value.enabled) return;
    // Two pipelines must not claim one endpoint name.
    const seen = new Map<string, number>();
    value.pipelines.forEach((p, i) => {
        if (p.endpointName === undefined) return;
        const first = seen.get(p.endpointName);
        if (first === undefined) seen.set(p.endpointName, i);
        else ctx.addIssue({ code: "custom", path: ["pipelines", i, "endpointName"], message: `expected a unique endpointName, found "${p.endpointName}" again (first at pipelines[${first}])` });
    });
});

export type SageMakerEndpointPipelinesConfig = Extract<z.infer<typeof sageMakerEndpointPipelinesSchema>, { enabled: true }>;
export type PipelineConfig = z.infer<typeof pipelineSchema>;

/**
 * The region-dependent rules (the schema does not know the stack's region): a built-in framework
 * version and Model Monitor's image must be published in it. Each problem names its key path.
 */
export function sageMakerRegionProblems(config: { enabled: boolean; pipelines?: PipelineConfig[] }, region: string): { path: (string | number)[]; message: string }[] {
    if (!config.enabled || !config.pipelines) return [];
    return config.pipelines.flatMap((p, i) => {
        const problems: { path: (string | number)[]; message: string }[] = [];
        if (p.model.kind === "builtin") {
            const uri = builtinImageUri(p.model.framework, p.model.frameworkVersion, region);
            if (typeof uri !== "string") problems.push({ path: ["pipelines", i, "model", uri.key === "region" ? "frameworkVersion" : uri.key], message: uri.message });
        }
        for (const key of ["dataQualityMonitor", "modelQualityMonitor"] as const) {
            if (!p[key].enabled) continue;
            const uri = modelMonitorImageUri(region);
            if (typeof uri !== "string") problems.push({ path: ["pipelines", i, key, "enabled"], message: uri.problem });
        }
        return problems;
    });
}
