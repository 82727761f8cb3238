import type { PolicyConfigSchema, ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import type { PolicyResource } from "@pulumi/policy";
import { stackConfigFor } from "../../access/stack/stackConfig";
import { label, stackOf } from "./resources";

/**
 * Which stacks keep data is policy config, not a rule of the program: a data store (bucket, key)
 * in such a stack must be protected from `pulumi destroy` and versioned; in a disposable stack
 * (dev) it need not be.
 */
export interface DataProtectionConfig {
    protectedStacks: string[];
}

export const DATA_PROTECTION_CONFIG: PolicyConfigSchema = {
    properties: {
        protectedStacks: {
            type: "array",
            items: { type: "string" },
            default: ["prod"],
            description: "Stacks whose data is kept (matched against the stack in each resource's URN)",
        },
    },
};

export function stackKeepsData(urn: string, config: DataProtectionConfig): boolean {
    return config.protectedStacks.includes(stackOf(urn));
}

/** Reports a data store (a bucket, a key) of a stack that keeps data when it lacks the Pulumi protect option. */
export function requireProtect(args: ResourceValidationArgs, report: ReportViolation): void {
    if (stackKeepsData(args.urn, args.getConfig<DataProtectionConfig>()) && !args.opts.protect) {
        report(`${label(args)} is not protected, and stack ${stackOf(args.urn)} keeps data: create it with the resource option protect: true.`);
    }
}

/** Whether the stack keeps its data, and what says so (for the message). */
export interface KeepsData {
    keeps: boolean;
    because: string;
}

/**
 * Whether the stack under check keeps its data: the stack config's environment.protectData (what
 * the stack was asked to be, under `pulumi preview` or from Pulumi.<stack>.yaml), never the
 * resources being checked; for a stack of another project, the policy config's protectedStacks.
 */
export function stackKeepsDataByConfig(resources: readonly PolicyResource[], config: DataProtectionConfig): KeepsData {
    const source = stackConfigFor(resources);
    if (source) {
        const keeps = source.config.environment.protectData;
        return { keeps, because: `environment.protectData is ${keeps} in ${source.from}` };
    }
    const stack = resources[0] ? stackOf(resources[0].urn) : "";
    return { keeps: config.protectedStacks.includes(stack), because: `stack ${stack} is ${config.protectedStacks.includes(stack) ? "" : "not "}in the policy config's protectedStacks` };
}
