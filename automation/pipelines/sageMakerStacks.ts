import type { z } from "zod";
import { pipelineSchema } from "../../config/sageMakerEndpointPipeline";
import type { PipelineRequest, RealtimeRequest } from "../body/pipelineRequest";
import { FIELD_OF_SPEC_KEY } from "../body/validate";
import { BadRequestError } from "../errors";
import type { PipelineStacks } from "../library/pipelineStacks";
import type { InlineTarget } from "../runner/runner";
import type { PipelineEnvironment } from "./pipelineEnvironment";
import { pipelineProgram, PIPELINE_CONFIG_KEY, ENVIRONMENT_CONFIG_KEY } from "./program";

/** The Pulumi project of the pipelines' stacks (their state lives apart from the platform's). */
export const PIPELINES_PROJECT = "mlops";

/**
 * A model's pipelines in one stack named after the model: its realtime pipeline (model, endpoint,
 * data capture) and the monitors provisioned for that endpoint. SageMakerEndpointPipeline holds a
 * model, its endpoint and their monitors together, so a monitor body updates its model's stack;
 * it needs the model's realtime pipeline here first, as the orchestrator needs the endpoint.
 */
export class SageMakerPipelineStacks implements PipelineStacks {
    readonly projectName: string;

    constructor(private readonly environment: PipelineEnvironment, projectName = PIPELINES_PROJECT) {
        this.projectName = projectName;
    }

    stackOf(request: PipelineRequest): string {
        return request.modelName;
    }

    target(stackName: string, requests: PipelineRequest[]): InlineTarget {
        const realtime = requests.find((r): r is RealtimeRequest => r.kind === "realtime");
        if (!realtime) {
            throw new BadRequestError(
                `Bad request. model_name: no realtime pipeline for model ${stackName} is provisioned here: provision byom_realtime_builtin or byom_realtime_custom for it first (its monitors watch that endpoint).`,
                "model_name",
            );
        }
        // Without endpoint_name, the endpoint takes the model's name, so that its monitors can name it.
        const endpointName = realtime.endpointName ?? realtime.modelName;
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
            input["dataQualityMonitor"] = { enabled: true, ...request.monitor };
        }
        // The component's own rules over the whole pipeline (cross-key rules, defaults).
        const parsed = pipelineSchema.safeParse(input);
        if (!parsed.success) throw specError(parsed.error.issues[0]);
        return {
            kind: "inline",
            projectName: this.projectName,
            stackName,
            // The stack's config says what it was built from: `pulumi config` on it shows the pipeline.
            config: {
                "aws:region": this.environment.region,
                [`${this.projectName}:${PIPELINE_CONFIG_KEY}`]: JSON.stringify(input),
                [`${this.projectName}:${ENVIRONMENT_CONFIG_KEY}`]: JSON.stringify(this.environment),
            },
            program: pipelineProgram(this.projectName),
            programSource: { module: require.resolve("./program"), exportName: "pipelineProgram", args: [this.projectName] },
        };
    }
}

function specError(issue: z.core.$ZodIssue): BadRequestError {
    const key = [...issue.path].reverse().find((k) => typeof k === "string" && k in FIELD_OF_SPEC_KEY);
    const field = key ? FIELD_OF_SPEC_KEY[String(key)] : issue.path.join(".");
    return new BadRequestError(`Bad request. ${field}: ${issue.message}`, field);
}
