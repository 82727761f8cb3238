import { ConflictError } from "../errors";

/**
 * One update at a time per stack, and at most `concurrency` updates at once over all stacks.
 *
 * A stack that already has an update queued or running refuses another (ConflictError, a 409 in
 * the service): the caller decides whether to retry, rather than the service silently stacking
 * updates whose bodies may contradict each other. Updates of different stacks wait for a free slot
 * in arrival order ("queued"), then run ("running"); a failed one frees its slot like any other.
 */
export class StackQueue {
    private readonly busy = new Map<string, "queued" | "running">();
    private readonly waiting: (() => void)[] = [];
    private running = 0;

    constructor(private readonly concurrency: number) {
        if (!(concurrency >= 1)) throw new Error(`concurrency must be at least 1, found ${concurrency}`);
    }

    /** "queued", "running" or undefined (idle). */
    stateOf(stack: string): "queued" | "running" | undefined {
        return this.busy.get(stack);
    }

    /**
     * Reserves the stack at once (throws ConflictError if it is busy) and returns the task's
     * completion; `onStart` is called when the task leaves the queue.
     */
    submit<T>(stack: string, pipelineId: string, task: () => Promise<T>, onStart: () => void = () => {}): Promise<T> {
        const state = this.busy.get(stack);
        if (state) throw new ConflictError(pipelineId, state);
        this.busy.set(stack, "queued");
        return this.slot().then(async () => {
            this.busy.set(stack, "running");
            try {
                onStart();
                return await task();
            } finally {
                this.busy.delete(stack);
                this.release();
            }
        });
    }

    private slot(): Promise<void> {
        if (this.running < this.concurrency) {
            this.running++;
            return Promise.resolve();
        }
        return new Promise((resolve) => this.waiting.push(resolve));
    }

    private release(): void {
        const next = this.waiting.shift();
        if (next) next(); // the slot passes on: `running` stays the same
        else this.running--;
    }
}
