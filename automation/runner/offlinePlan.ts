import { planProgram, planStack, type Plan } from "../../tools/engine/run";
import type { OnRunnerEvent, RunResult, StackTarget } from "./runner";

/**
 * Plans a target with the offline engine of tools/engine and reports it as a run: the program's
 * stack outputs plus what it registered (`plannedResources`: type -> count), one event a resource.
 */
export async function planTarget(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
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
