import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { planTarget } from "./offlinePlan";
import type { PlanMessage, PlanRequest } from "./planWorker";
import type { OnRunnerEvent, Runner, RunResult, StackTarget } from "./runner";

export interface OfflineRunnerOptions {
    /**
     * Plan in a worker thread (the service): a plan is CPU work of a few hundred milliseconds
     * that would otherwise hold up every request the service is answering meanwhile. In-process
     * (the default) suits a library caller or a test that plans and waits.
     */
    thread?: boolean;
}

/**
 * The offline engine of tools/engine as a Runner: it runs the same program against the mocked
 * AWS and reports what `pulumi up` would create. Nothing is deployed, so `up` and `preview` both
 * plan, `destroy` has nothing to remove, and `outputs` plans again.
 */
export class OfflineRunner implements Runner {
    readonly name = "offline" as const;
    // The engine swaps process-wide runtime settings during a run (it restores them after), and
    // the thread plans one target at a time: one plan at a time.
    readonly concurrency = 1;
    private worker?: Worker;
    private nextId = 0;
    private readonly waiting = new Map<number, { onEvent: OnRunnerEvent; resolve: (r: RunResult) => void; reject: (e: Error) => void }>();

    constructor(private readonly options: OfflineRunnerOptions = {}) {}

    up(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        return this.plan(target, onEvent);
    }

    preview(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        return this.plan(target, onEvent);
    }

    async destroy(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        onEvent({ kind: "output", message: `offline: stack ${target.stackName} was only planned, nothing to destroy` });
        return { outputs: {}, changes: {} };
    }

    async outputs(target: StackTarget): Promise<Record<string, unknown>> {
        return (await this.plan(target, () => {})).outputs;
    }

    /** Ends the planning thread (if any), so that the process can exit. */
    async close(): Promise<void> {
        await this.worker?.terminate();
        this.worker = undefined;
    }

    private plan(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        if (!this.options.thread) return planTarget(target, onEvent);
        const id = this.nextId++;
        const { program: _program, ...sendable } = target as StackTarget & { program?: unknown };
        return new Promise((resolve, reject) => {
            this.waiting.set(id, { onEvent, resolve, reject });
            const worker = this.thread();
            // An idle thread does not keep the process alive; one that is planning does.
            worker.ref();
            worker.postMessage({ id, target: sendable } satisfies PlanRequest);
        });
    }

    private thread(): Worker {
        if (this.worker) return this.worker;
        // From the sources, the worker loads TypeScript the way every npm script does
        // (tools/register.js); from the build (dist/), it loads the JavaScript beside this file.
        const extension = path.extname(__filename);
        const script = JSON.stringify(path.resolve(__dirname, `planWorker${extension}`));
        const register = JSON.stringify(path.resolve(__dirname, "../../tools/register.js"));
        const worker = new Worker(extension === ".ts" ? `require(${register}); require(${script});` : `require(${script});`, { eval: true });
        worker.on("message", (message: PlanMessage) => {
            const waiter = this.waiting.get(message.id);
            if (!waiter) return;
            if ("event" in message) return waiter.onEvent(message.event);
            this.waiting.delete(message.id);
            if (this.waiting.size === 0) worker.unref();
            if ("result" in message) waiter.resolve(message.result as RunResult);
            else waiter.reject(new Error(message.error));
        });
        // A crashed thread fails what it was planning; the next plan starts a new one.
        worker.on("error", (error) => this.failAll(error));
        worker.on("exit", () => {
            if (this.worker === worker) this.worker = undefined;
            this.failAll(new Error("the offline planning thread stopped"));
        });
        this.worker = worker;
        return worker;
    }

    private failAll(error: Error): void {
        for (const [id, waiter] of this.waiting) {
            this.waiting.delete(id);
            waiter.reject(error);
        }
    }
}
