import { Plan, planStack } from "../../tools/engine/run";

const plans = new Map<string, Promise<Plan>>();

/**
 * The offline plan of a stack of this repository, made once per test process: every test file
 * that needs the dev or prod plan shares it (mocha loads this module once).
 */
export function planOf(stack: "dev" | "prod"): Promise<Plan> {
    let plan = plans.get(stack);
    if (!plan) {
        plan = planStack(stack);
        plans.set(stack, plan);
    }
    return plan;
}
