import type { PipelineRequest } from "../body/pipelineRequest";
import { validateBody, type BodyRules } from "../body/validate";
import { AutomationError, BadRequestError, NotFoundError } from "../errors";
import type { OnRunnerEvent, ProjectTarget, Runner, RunResult } from "../runner/runner";
import { EVENTS_KEPT, PipelineStore, type PipelineRecord, type PipelineState, type ProgressEvent } from "../state/pipelineStore";
import { StackQueue } from "../state/stackQueue";
import type { PipelineStacks, ProvisionedPipeline } from "./pipelineStacks";

export interface AutomationOptions {
    /** Where pipeline records live (`<dataDir>/pipelines/`). */
    dataDir: string;
    runner: Runner;
    rules: BodyRules;
    stacks: PipelineStacks;
    /** The platform project's directory (Pulumi.yaml, Pulumi.<stack>.yaml, index.ts), for `platform`. */
    platformDir?: string;
}

/** The orchestrator's answer to POST /provisionpipeline. */
export interface ProvisionAnswer {
    message: string;
    pipeline_id: string;
}

/** The answer to POST /pipelinestatus. */
export interface PipelineStatus {
    pipeline_id: string;
    pipeline_type: string;
    stack: string;
    status: PipelineState;
    operation: string;
    runner: string;
    created_at: string;
    updated_at: string;
    outputs: Record<string, unknown>;
    events: ProgressEvent[];
    error?: string;
}

type Listener = (event: ProgressEvent) => void;

/**
 * The Automation API of the platform for another service: provision, preview, destroy pipelines
 * from orchestrator bodies, read their status, and run the platform's own stacks. Each pipeline's
 * update runs in the background (one at a time per stack); its progress streams to subscribers
 * and its state is stored under the data directory, so a new instance finds it after a restart.
 */
export class Automation {
    private readonly store: PipelineStore;
    private readonly queue: StackQueue;
    private readonly inFlight = new Map<string, Promise<void>>();
    private readonly listeners = new Set<Listener>();

    constructor(private readonly options: AutomationOptions) {
        this.store = new PipelineStore(options.dataDir);
        this.queue = new StackQueue(options.runner.concurrency);
        // An update the previous process did not finish is not running any more.
        for (const record of this.store.all()) {
            if (record.status === "queued" || record.status === "running") {
                this.finish(record, "failed", { error: `interrupted: the service stopped during this ${record.operation}; provision the pipeline again to retry` });
            }
        }
    }

    get runnerName(): string {
        return this.options.runner.name;
    }

    /** Streams every pipeline's progress; returns the unsubscribe function. */
    subscribe(listener: Listener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** Validates an orchestrator body (throws BadRequestError naming the field). */
    validate(body: unknown): PipelineRequest {
        return validateBody(body, this.options.rules);
    }

    /**
     * Validates the body and starts the update of its pipeline's stack (create or update), as the
     * orchestrator's POST /provisionpipeline; `waitFor` waits for the update's end. Throws
     * BadRequestError, or ConflictError when that stack already has an update queued or running.
     */
    provision(body: unknown): ProvisionAnswer {
        const request = this.validate(body);
        const stackName = this.options.stacks.stackOf(request, this.provisionedBesides(request.pipelineId));
        const existing = this.store.get(request.pipelineId);
        if (existing && existing.stackName !== stackName) {
            // Moving it would leave its resources in the old stack, unmanaged.
            throw new BadRequestError(
                `Bad request. endpoint_name: pipeline ${request.pipelineId} is in stack ${existing.stackName}; this body puts it in ${stackName} (another endpoint): remove the pipeline first, then provision it again`,
                "endpoint_name",
            );
        }
        const target = this.options.stacks.target(stackName, [...this.appliedBesides(stackName, request.pipelineId), request]);
        const now = new Date().toISOString();
        const record: PipelineRecord = {
            pipelineId: request.pipelineId,
            pipelineType: request.pipelineType,
            stackName,
            body: body as Record<string, unknown>,
            ...(existing?.applied ? { applied: existing.applied } : {}),
            status: "queued",
            operation: "up",
            runner: this.options.runner.name,
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
            events: [],
            outputs: existing?.outputs ?? {},
        };
        const done = this.queue.submit(stackName, request.pipelineId, () => this.options.runner.up(target, this.relay(record)), () => this.start(record));
        this.store.put(record);
        this.emit(record, "state", "queued");
        this.track(record, done, (result) => {
            this.finish(record, "succeeded", { outputs: result.outputs, applied: record.body });
            this.shareOutputs(record, result.outputs);
        });
        return existing
            ? { message: `Pipeline ${request.pipelineId} is already provisioned. Updating template parameters.`, pipeline_id: request.pipelineId }
            : { message: "success: stack creation started", pipeline_id: request.pipelineId };
    }

    /** What provisioning the body would do, without storing anything: the runner's preview. */
    async preview(body: unknown, onEvent: OnRunnerEvent = () => {}): Promise<RunResult> {
        const request = this.validate(body);
        const stackName = this.options.stacks.stackOf(request, this.provisionedBesides(request.pipelineId));
        const target = this.options.stacks.target(stackName, [...this.appliedBesides(stackName, request.pipelineId), request]);
        return this.options.runner.preview(target, onEvent);
    }

    /** The pipeline's state, as POST /pipelinestatus answers it (NotFoundError if unknown). */
    status(pipelineId: string): PipelineStatus {
        const record = this.store.get(pipelineId);
        if (!record) throw new NotFoundError(pipelineId);
        return {
            pipeline_id: record.pipelineId,
            pipeline_type: record.pipelineType,
            stack: record.stackName,
            status: record.status,
            operation: record.operation,
            runner: record.runner,
            created_at: record.createdAt,
            updated_at: record.updatedAt,
            outputs: record.outputs,
            events: record.events,
            ...(record.error ? { error: record.error } : {}),
        };
    }

    /** Every pipeline's status. */
    list(): PipelineStatus[] {
        return this.store.all().map((r) => this.status(r.pipelineId));
    }

    /**
     * Resolves when the pipeline's current update (if any) has ended, with its status; rejects
     * with NotFoundError when the pipeline is unknown or its removal has ended.
     */
    async waitFor(pipelineId: string): Promise<PipelineStatus> {
        await this.inFlight.get(pipelineId);
        return this.status(pipelineId);
    }

    /**
     * Removes a pipeline: the stack without it is applied, or destroyed when nothing else stays in
     * it. The record is deleted once that succeeded; a failure leaves it, marked failed.
     */
    destroy(pipelineId: string): { message: string; pipeline_id: string } {
        const record = this.store.get(pipelineId);
        if (!record) throw new NotFoundError(pipelineId);
        const requests = this.appliedBesides(record.stackName, pipelineId);
        // Built now, so that a removal the stack cannot take (a model whose monitors stay) is a
        // 400 at once rather than a failed update later.
        const target = this.options.stacks.target(record.stackName, requests.length === 0 ? [this.validate(record.applied ?? record.body)] : requests);
        const run = requests.length === 0 ? () => this.options.runner.destroy(target, this.relay(record)) : () => this.options.runner.up(target, this.relay(record));
        const done = this.queue.submit(record.stackName, pipelineId, run, () => this.start(record));
        Object.assign(record, { status: "queued", operation: "destroy", updatedAt: new Date().toISOString(), events: [] });
        this.store.put(record);
        this.emit(record, "state", "queued");
        this.track(record, done, (result) => {
            this.emit(record, "state", "destroyed");
            this.store.delete(pipelineId);
            if (requests.length > 0) this.shareOutputs(record, result.outputs);
        });
        return { message: `Pipeline ${pipelineId} is being removed.`, pipeline_id: pipelineId };
    }

    /** The platform's own stacks (dev, prod): preview, up and outputs through the same runner. */
    platform(stackName: string) {
        const workDir = this.options.platformDir;
        if (!workDir) throw new Error("platformDir is not set: the platform's stacks cannot be run");
        const target: ProjectTarget = { kind: "project", workDir, stackName };
        const key = `platform:${stackName}`;
        const relay: OnRunnerEvent = (e) => this.broadcast({ time: new Date().toISOString(), pipelineId: key, kind: e.kind, message: e.message });
        return {
            preview: () => this.queue.submit(key, key, () => this.options.runner.preview(target, relay)),
            up: () => this.queue.submit(key, key, () => this.options.runner.up(target, relay)),
            outputs: () => this.options.runner.outputs(target),
        };
    }

    /** The other pipelines of a stack, as last applied to it (a failed body is not carried on). */
    private appliedBesides(stackName: string, pipelineId: string): PipelineRequest[] {
        return this.store.all()
            .filter((r) => r.stackName === stackName && r.pipelineId !== pipelineId && r.applied)
            .map((r) => this.validate(r.applied));
    }

    /** Every other pipeline, with its stack: where a new body's pipeline goes depends on them. */
    private provisionedBesides(pipelineId: string): ProvisionedPipeline[] {
        return this.store.all().flatMap((r) => {
            if (r.pipelineId === pipelineId) return [];
            try {
                return [{ request: this.validate(r.applied ?? r.body), stackName: r.stackName }];
            } catch {
                return []; // a body the current rules refuse (settings changed) claims no endpoint
            }
        });
    }

    /** The stack's new outputs are those of every pipeline it holds. */
    private shareOutputs(updated: PipelineRecord, outputs: Record<string, unknown>): void {
        for (const other of this.store.all()) {
            if (other.stackName !== updated.stackName || other.pipelineId === updated.pipelineId || !other.applied) continue;
            this.store.put({ ...other, outputs, updatedAt: new Date().toISOString() });
        }
    }

    private start(record: PipelineRecord): void {
        record.status = "running";
        record.updatedAt = new Date().toISOString();
        this.store.put(record);
        this.emit(record, "state", "running");
    }

    private track<T>(record: PipelineRecord, done: Promise<T>, onSuccess: (result: T) => void): void {
        const settled = done.then(onSuccess, (error: unknown) => this.finish(record, "failed", { error: failureMessage(error) })).finally(() => {
            if (this.inFlight.get(record.pipelineId) === settled) this.inFlight.delete(record.pipelineId);
        });
        this.inFlight.set(record.pipelineId, settled);
    }

    private finish(record: PipelineRecord, status: PipelineState, changes: Partial<PipelineRecord>): void {
        Object.assign(record, { status, updatedAt: new Date().toISOString() }, changes);
        if (status === "succeeded") delete record.error;
        this.store.put(record);
        this.emit(record, "state", status + (record.error && status === "failed" ? `: ${record.error}` : ""));
    }

    private relay(record: PipelineRecord): OnRunnerEvent {
        return (event) => this.emit(record, event.kind, event.message);
    }

    private emit(record: PipelineRecord, kind: ProgressEvent["kind"], message: string): void {
        const event: ProgressEvent = { time: new Date().toISOString(), pipelineId: record.pipelineId, kind, message };
        record.events.push(event);
        if (record.events.length > EVENTS_KEPT) record.events.splice(0, record.events.length - EVENTS_KEPT);
        this.broadcast(event);
    }

    private broadcast(event: ProgressEvent): void {
        for (const listener of this.listeners) {
            try {
                listener(event);
            } catch {
                // A subscriber's failure is its own: the update goes on.
            }
        }
    }
}

/** What a failed update says to callers: the error's message, never its stack. */
function failureMessage(error: unknown): string {
    if (error instanceof AutomationError) return error.message;
    const message = error instanceof Error ? error.message : String(error);
    return message.split("\n").filter((line) => !/^\s+at /.test(line)).join("\n").slice(0, 4000);
}
