import { parentPort } from "node:worker_threads";
import { planTarget } from "./offlinePlan";
import type { StackTarget } from "./runner";

/**
 * The offline runner's planning thread: plans one target at a time and posts its events and
 * result back, so that the service's own thread keeps answering requests while a plan runs.
 */
export type PlanRequest = { id: number; target: Omit<StackTarget, "program"> & { programSource?: { module: string; exportName: string; args: unknown[] } } };
export type PlanMessage =
    | { id: number; event: { kind: "output" | "engine"; message: string } }
    | { id: number; result: unknown }
    | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("planWorker runs in a worker thread");

port.on("message", async ({ id, target }: PlanRequest) => {
    try {
        let full: StackTarget;
        if (target.kind === "inline") {
            const source = target.programSource;
            if (!source) throw new Error(`stack ${target.stackName}: an inline target without programSource cannot be planned in a thread`);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const factory = (require(source.module) as Record<string, (...args: unknown[]) => () => unknown>)[source.exportName];
            full = { ...target, program: factory(...source.args) } as StackTarget;
        } else {
            full = target as StackTarget;
        }
        const result = await planTarget(full, (event) => port.postMessage({ id, event } satisfies PlanMessage));
        port.postMessage({ id, result } satisfies PlanMessage);
    } catch (error) {
        port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies PlanMessage);
    }
});
