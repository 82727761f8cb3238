import { createRequire } from "node:module";
import * as path from "node:path";

/**
 * iam-simulate (0.1.173) works out, in every simulation, which of an action's resource types the
 * request's resource is (`getResourceTypesForAction`): @cloud-copilot/iam-utils intersects an
 * automaton of the resource's ARN with one of each resource type's ARN pattern. The answer is a
 * pure function of (service, action, resource) and the iam-data catalogue, which does not change
 * while a process runs; yet it was a third of the CPU time of the test suite (the mutation corpus
 * and the packs run thousands of simulations, most asking about the same few ARNs), and a fifth
 * of the deployment-order check of a plan. So it is remembered per process.
 *
 * The function is internal to iam-simulate (its exports map offers only the package root): its
 * callers (simulation_engine/simulationEngine.js, contextKeys.js) read it from its module's exports
 * at each call, so it is replaced there, on the one module object Node caches for that file. If a
 * later version moves or renames it, nothing is replaced and simulations run as before;
 * tests/policies/resourceTypeCache.test.ts fails then, so that the cache is not lost unnoticed.
 */

type GetResourceTypesForAction = (service: string, action: string, resource: string) => Promise<unknown[]>;

interface ResourceTypesModule {
    getResourceTypesForAction: GetResourceTypesForAction & { remembered?: true };
}

// More distinct (service, action, resource) questions than any stack asks; a bound for long-lived
// processes (the automation service) all the same.
const MAX_REMEMBERED = 50_000;

function resourceTypesModule(): ResourceTypesModule | undefined {
    try {
        const load = createRequire(__filename);
        const entry = load.resolve("@cloud-copilot/iam-simulate");
        // dist/cjs/index.js -> dist/cjs/simulation_engine/resourceTypes.js
        const loaded = load(path.join(path.dirname(entry), "simulation_engine", "resourceTypes.js")) as Partial<ResourceTypesModule>;
        return typeof loaded.getResourceTypesForAction === "function" ? (loaded as ResourceTypesModule) : undefined;
    } catch {
        return undefined;
    }
}

/** iam-simulate's resource-type lookup as its simulations call it, and whether it is remembered. */
export function resourceTypeLookup(): { lookup: GetResourceTypesForAction; remembered: boolean } | undefined {
    const target = resourceTypesModule();
    return target && { lookup: target.getResourceTypesForAction, remembered: target.getResourceTypesForAction.remembered === true };
}

function remember(): void {
    const target = resourceTypesModule();
    if (!target || target.getResourceTypesForAction.remembered) return;
    const compute = target.getResourceTypesForAction;
    const answers = new Map<string, Promise<unknown[]>>();
    const remembered = (service: string, action: string, resource: string): Promise<unknown[]> => {
        const key = `${service}\0${action}\0${resource}`;
        let answer = answers.get(key);
        if (!answer) {
            if (answers.size >= MAX_REMEMBERED) answers.clear();
            answer = compute(service, action, resource);
            answers.set(key, answer);
            // An action without resource types is an error each time it is asked, not remembered.
            answer.catch(() => answers.delete(key));
        }
        // A copy: a caller may change the array it is given (the objects are iam-data's own).
        return answer.then((types) => [...types]);
    };
    target.getResourceTypesForAction = Object.assign(remembered, { remembered: true as const });
}

remember();
