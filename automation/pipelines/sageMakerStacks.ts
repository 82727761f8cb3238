import type { z } from "zod";
import { endpointMonitorsSchema, pipelineSchema } from "../../config/sageMakerEndpointPipeline";
import type { MonitorRequest, PipelineRequest, RealtimeRequest } from "../body/pipelineRequest";
import { FIELD_OF_SPEC_KEY } from "../body/validate";
import { BadRequestError } from "../errors";
import type { PipelineStacks, ProvisionedPipeline } from "../library/pipelineStacks";
import type { InlineTarget } from "../runner/runner";
import type { PipelineEnvironment } from "./pipelineEnvironment";
import { pipelineProgram, PIPELINE_CONFIG_KEY, ENVIRONMENT_CONFIG_KEY, ENDPOINT_MONITORS_CONFIG_KEY } from "./program";

/** The Pulumi project of the pipelines' stacks (their state lives apart from the platform's). */
export const PIPELINES_PROJECT = "mlops";

/**
 * A model's pipelines in one stack named after the model: its realtime pipeline (model, endpoint,
 * data capture) and the monitors provisioned for that endpoint. SageMakerEndpointPipeline holds a
 * model, its endpoint and their monitors together, so a monitor body naming an endpoint this
 * service made updates that endpoint's stack.
 *
 * A monitor body naming any other endpoint (made elsewhere, as in the orchestrator, where a monitor
 * pipeline was its own stack watching an endpoint by name) goes to a monitor-only stack
 * `<model_name>-monitors`: SageMakerEndpointMonitors, no model or endpoint of its own. A model's
 * monitors there watch one endpoint.
 */
export class SageMakerPipelineStacks implements PipelineStacks {
    readonly projectName: string;

    constructor(private readonly environment: PipelineEnvironment, projectName = PIPELINES_PROJECT) {
        this.projectName = projectName;
    }

    stackOf(request: PipelineRequest, others: ProvisionedPipeline[]): string {
        // A model named `x-monitors` and the monitor-only stack of model `x` would share a stack.
        if (request.kind === "realtime") {
            if (others.some((o) => o.stackName === request.modelName && o.request.kind !== "realtime" && monitorsStackName(o.request.modelName) === o.stackName)) {
                throw new BadRequestError(`Bad request. model_name: stack ${request.modelName} holds the monitors of an endpoint made elsewhere; name the model otherwise`, "model_name");
            }
            return request.modelName;
        }
        const owner = others.find((o) => o.request.kind === "realtime" && endpointOf(o.request) === request.endpointName);
        if (owner) return owner.stackName;
        const stackName = monitorsStackName(request.modelName);
        if (others.some((o) => o.stackName === stackName && o.request.kind === "realtime")) {
            throw new BadRequestError(`Bad request. model_name: stack ${stackName} is the realtime pipeline of model ${stackName}; name this monitor's model otherwise`, "model_name");
        }
        return stackName;
    }

    target(stackName: string, requests: PipelineRequest[]): InlineTarget {
        const realtime = requests.find((r): r is RealtimeRequest => r.kind === "realtime");
        const monitors = requests.filter((r): r is MonitorRequest => r.kind !== "realtime");
        if (!realtime && monitors.length > 0 && stackName === monitorsStackName(monitors[0].modelName)) {
            return this.monitorsOnlyTarget(stackName, monitors);
        }
        if (!realtime) {
            throw new BadRequestError(
                `Bad request. model_name: no realtime pipeline for model ${stackName} is provisioned here: provision byom_realtime_builtin or byom_realtime_custom for it first (its monitors watch that endpoint).`,
                "model_name",
            );
        }
        const endpointName = endpointOf(realtime);
        const input: Record<string, unknown> = {
            name: realtime.modelName,
            endpointName,
            model: realtime.model,
            endpoint: realtime.endpoint,
            dataCapture: realtime.dataCapture,
            ...(realtime.kmsKeyArn ? { kmsKeyArn: realtime.kmsKeyArn } : {}),
        };
        for (const request of requests) {
            if (request.kind === "realtime") continue;
            if (request.endpointName !== endpointName) {
                throw new BadRequestError(
                    `Bad request. endpoint_name: expected the endpoint of model ${stackName}'s realtime pipeline, "${endpointName}", found "${request.endpointName}"`,
                    "endpoint_name",
                );
            }
            const captured = realtime.dataCapture.location.replace(/\/+$/, "");
            if (request.dataCaptureLocation.replace(/\/+$/, "") !== captured) {
                throw new BadRequestError(
                    `Bad request. data_capture_location: expected where endpoint "${endpointName}" captures to, "${captured}", found "${request.dataCaptureLocation}"`,
                    "data_capture_location",
                );
            }
            if (request.kmsKeyArn !== undefined && request.kmsKeyArn !== realtime.kmsKeyArn) {
                throw new BadRequestError(
                    `Bad request. kms_key_arn: a monitor of endpoint "${endpointName}" uses that pipeline's key (${realtime.kmsKeyArn ?? "its own"}); found "${request.kmsKeyArn}"`,
                    "kms_key_arn",
                );
            }
            input[MONITOR_KEY[request.kind]] = { enabled: true, ...request.monitor };
        }
        // The component's own rules over the whole pipeline (cross-key rules, defaults).
        const parsed = pipelineSchema.safeParse(input);
        if (!parsed.success) throw specError(parsed.error.issues[0]);
        return this.inline(stackName, PIPELINE_CONFIG_KEY, input);
    }

    /** A monitor-only stack: every monitor in it watches one endpoint, captured at one place. */
    private monitorsOnlyTarget(stackName: string, monitors: MonitorRequest[]): InlineTarget {
        const [first] = monitors;
        for (const request of monitors.slice(1)) {
            for (const [key, field] of [["endpointName", "endpoint_name"], ["dataCaptureLocation", "data_capture_location"], ["kmsKeyArn", "kms_key_arn"]] as const) {
                if (request[key] !== first[key]) {
                    throw new BadRequestError(
                        `Bad request. ${field}: model ${first.modelName}'s monitors (stack ${stackName}) watch endpoint "${first.endpointName}" with ${field} ${JSON.stringify(first[key] ?? null)}; found ${JSON.stringify(request[key] ?? null)}`,
                        field,
                    );
                }
            }
        }
        const input: Record<string, unknown> = {
            name: first.modelName,
            endpointName: first.endpointName,
            captureLocation: first.dataCaptureLocation,
            ...(first.kmsKeyArn ? { kmsKeyArn: first.kmsKeyArn } : {}),
        };
        for (const request of monitors) input[MONITOR_KEY[request.kind]] = { enabled: true, ...request.monitor };
        const parsed = endpointMonitorsSchema.safeParse(input);
        if (!parsed.success) throw specError(parsed.error.issues[0]);
        return this.inline(stackName, ENDPOINT_MONITORS_CONFIG_KEY, input);
    }

    private inline(stackName: string, configKey: string, input: Record<string, unknown>): InlineTarget {
        return {
            kind: "inline",
            projectName: this.projectName,
            stackName,
            // The stack's config says what it was built from: `pulumi config` on it shows the pipeline.
            config: {
                "aws:region": this.environment.region,
                // The model-quality job definition is aws-native's, whose provider reads its own region.
                "aws-native:region": this.environment.region,
                [`${this.projectName}:${configKey}`]: JSON.stringify(input),
                [`${this.projectName}:${ENVIRONMENT_CONFIG_KEY}`]: JSON.stringify(this.environment),
            },
            program: pipelineProgram(this.projectName),
            programSource: { module: require.resolve("./program"), exportName: "pipelineProgram", args: [this.projectName] },
        };
    }
}

/** The component's argument of each monitor kind. */
const MONITOR_KEY: Record<MonitorRequest["kind"], string> = {
    "data-quality-monitor": "dataQualityMonitor",
    "model-quality-monitor": "modelQualityMonitor",
};

/** The monitor-only stack of a model's monitors of an endpoint made elsewhere. */
export function monitorsStackName(modelName: string): string {
    return `${modelName}-monitors`;
}

/** A realtime pipeline's endpoint: without endpoint_name, the model's name (so its monitors can name it). */
function endpointOf(realtime: RealtimeRequest): string {
    return realtime.endpointName ?? realtime.modelName;
}

function specError(issue: z.core.$ZodIssue): BadRequestError {
    const key = [...issue.path].reverse().find((k) => typeof k === "string" && k in FIELD_OF_SPEC_KEY);
    const field = key ? FIELD_OF_SPEC_KEY[String(key)] : issue.path.join(".");
    return new BadRequestError(`Bad request. ${field}: ${issue.message}`, field);
}
