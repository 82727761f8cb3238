import { planProgram, planStack, type Plan } from "../../tools/engine/run";
import type { OnRunnerEvent, Runner, RunResult, StackTarget } from "./runner";

/**
 * The offline engine of tools/engine as a Runner: it runs the same program against the mocked
 * AWS and reports what `pulumi up` would create. Nothing is deployed, so `up` and `preview` both
 * plan, `destroy` has nothing to remove, and `outputs` plans again. The plan's outputs are the
 * program's own stack outputs plus what it registered (`plannedResources`: type -> count).
 */
export class OfflineRunner implements Runner {
    readonly name = "offline" as const;
    // The engine swaps process-wide runtime settings during a run (it restores them after):
    // one plan at a time.
    readonly concurrency = 1;

    async up(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        return this.plan(target, onEvent);
    }

    async preview(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        return this.plan(target, onEvent);
    }

    async destroy(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        onEvent({ kind: "output", message: `offline: stack ${target.stackName} was only planned, nothing to destroy` });
        return { outputs: {}, changes: {} };
    }

    async outputs(target: StackTarget): Promise<Record<string, unknown>> {
        return (await this.plan(target, () => {})).outputs;
    }

    private async plan(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        onEvent({ kind: "output", message: `offline: planning stack ${target.stackName} with the mocked engine (nothing is deployed)` });
        const plan: Plan = target.kind === "inline"
            ? await planProgram({ project: target.projectName, stack: target.stackName, config: target.config, program: target.program })
            : await planStack(target.stackName, target.workDir);
        const byType: Record<string, number> = {};
        for (const resource of plan.resources) {
            if (resource.type === "pulumi:pulumi:Stack" || resource.type.startsWith("pulumi:providers:")) continue;
            byType[resource.type] = (byType[resource.type] ?? 0) + 1;
            onEvent({ kind: "engine", message: `create ${resource.type} ${resource.urn.split("::").at(-1)}` });
        }
        const created = Object.values(byType).reduce((a, b) => a + b, 0);
        onEvent({ kind: "engine", message: `plan: ${created} resources to create` });
        return { outputs: { ...plan.outputs, plannedResources: byType }, changes: { create: created } };
    }
}
