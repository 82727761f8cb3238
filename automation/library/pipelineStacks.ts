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
    /**
     * The stack `request` belongs in, given the service's other pipelines (a monitor joins the
     * stack of the endpoint it watches); throws BadRequestError when it cannot go anywhere.
     */
    stackOf(request: PipelineRequest, others: ProvisionedPipeline[]): string;
    /** The stack's target for `requests` (the new one last); throws BadRequestError. */
    target(stackName: string, requests: PipelineRequest[]): InlineTarget;
}

/** A pipeline the service holds: its body (as last applied, else as submitted) and its stack. */
export interface ProvisionedPipeline {
    request: PipelineRequest;
    stackName: string;
}
