/**
 * The answers of the orchestrator's API (MLOps Workload Orchestrator v2.2), as errors the library
 * throws and the service turns into HTTP answers. Only these messages reach a caller: anything
 * else is a 500 with the orchestrator's generic message, never a stack trace.
 */
export abstract class AutomationError extends Error {
    abstract readonly status: number;
    /** The answer's JSON body. */
    abstract body(): Record<string, unknown>;
}

export class BadRequestError extends AutomationError {
    readonly status = 400;
    constructor(
        /** Why, in the orchestrator's words ("Bad request. ..."). */
        readonly detailedMessage: string,
        /** The body field at fault, when one is. */
        readonly field?: string,
    ) {
        super(detailedMessage);
        this.name = "BadRequestError";
    }
    body() {
        return { message: "A BadRequest exception occurred", detailedMessage: this.detailedMessage, ...(this.field ? { field: this.field } : {}) };
    }
}

/** An update of a pipeline that is already queued or running. */
export class ConflictError extends AutomationError {
    readonly status = 409;
    constructor(readonly pipelineId: string, readonly state: string) {
        super(`Pipeline ${pipelineId} is already being updated (${state}). Retry when its status is succeeded or failed.`);
        this.name = "ConflictError";
    }
    body() {
        return { message: this.message, pipeline_id: this.pipelineId, status: this.state };
    }
}

export class NotFoundError extends AutomationError {
    readonly status = 404;
    constructor(readonly pipelineId: string) {
        super(`Pipeline ${pipelineId} has not been provisioned yet.`);
        this.name = "NotFoundError";
    }
    body() {
        return { message: this.message, pipeline_id: this.pipelineId };
    }
}

export const UNEXPECTED_MESSAGE = "An Unexpected Server side exception occurred";
