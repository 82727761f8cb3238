import type { PipelineRequest } from "../body/pipelineRequest";
import type { InlineTarget } from "../runner/runner";

/**
 * How validated orchestrator bodies become a Pulumi stack: which stack a pipeline lives in, and
 * the inline program and config of that stack given every pipeline it holds. A mistake across
 * bodies (a monitor for a model that has no endpoint here) is a BadRequestError naming the field.
 */
export interface PipelineStacks {
    /** The Pulumi project the pipelines' stacks belong to. */
    readonly projectName: string;
    stackOf(request: PipelineRequest): string;
    /** The stack's target for `requests` (the new one last); throws BadRequestError. */
    target(stackName: string, requests: PipelineRequest[]): InlineTarget;
}
