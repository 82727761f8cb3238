import type {
    EnforcementLevel,
    Policy,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { UnknownValueError } from "@pulumi/policy";

import type { PackDefinition } from "../../policies/lib/packDefinition";

export type { PackDefinition };

/** Per-policy settings, as in a CrossGuard policy config file: a level, or a level plus config. */
export type PolicyConfigFile = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface Violation {
    pack: string;
    policy: string;
    enforcementLevel: EnforcementLevel;
    /** Absent for a stack policy's violation that names no resource. */
    urn?: string;
    message: string;
}

/** Thrown by notApplicable(): the policy does not apply to this resource or stack. */
class NotApplicable extends Error {}

/**
 * Runs every policy of the packs over the resources the way the CrossGuard engine does:
 * resource policies once per resource, stack policies once with every resource. Each policy gets
 * its configuration: the defaults of its configSchema overlaid with the config file's entry.
 */
export async function runPacks(packs: PackDefinition[], resources: PolicyResource[], config: PolicyConfigFile = {}): Promise<Violation[]> {
    const violations: Violation[] = [];
    for (const pack of packs) {
        for (const policy of pack.policies) {
            const { level, settings } = settingsFor(policy, config[policy.name]);
            if (level === "disabled") continue;
            const report = (urn: string | undefined) => (message: string, violationUrn?: string) => {
                violations.push({ pack: pack.name, policy: policy.name, enforcementLevel: level, ...(violationUrn ?? urn ? { urn: violationUrn ?? urn } : {}), message });
            };
            // As CrossGuard does (@pulumi/policy server.js): a policy that reads a value a preview
            // does not know yet stops, and says so as an advisory diagnostic, never a failure.
            const cannotRun = (urn: string | undefined) => (message: string) =>
                violations.push({ pack: pack.name, policy: policy.name, enforcementLevel: "advisory", ...(urn ? { urn } : {}), message: `can't run policy '${policy.name}' during preview: ${message}` });
            if ("validateStack" in policy) {
                await ignoringNotApplicable(() => policy.validateStack({
                    resources,
                    stackTags: new Map(),
                    getConfig: <T extends object>() => settings as T,
                    notApplicable,
                }, report(undefined)), cannotRun(undefined));
                continue;
            }
            const validations = [policy.validateResource ?? []].flat();
            for (const resource of resources) {
                for (const validate of validations) {
                    const wanted = (validate as { __pulumiType?: string }).__pulumiType;
                    if (wanted !== undefined && wanted !== resource.type) continue;
                    await ignoringNotApplicable(() => validate(resourceArgs(resource, settings), report(resource.urn)), cannotRun(resource.urn));
                }
            }
        }
    }
    return violations;
}

/** Runs one policy alone: how tests check a rule on a crafted resource. */
export function runPolicy(policy: ResourceValidationPolicy | StackValidationPolicy, resources: PolicyResource[], config: PolicyConfigFile = {}): Promise<Violation[]> {
    return runPacks([{ name: "test", policies: [policy] }], resources, config);
}

function resourceArgs(resource: PolicyResource, settings: Record<string, unknown>): ResourceValidationArgs {
    return {
        type: resource.type,
        props: resource.props,
        urn: resource.urn,
        name: resource.name,
        opts: resource.opts,
        stackTags: new Map(),
        isType: resource.isType,
        asType: resource.asType as unknown as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => settings as T,
        notApplicable,
    };
}

function settingsFor(policy: Policy & { configSchema?: { properties: Record<string, { default?: unknown }> } }, entry: PolicyConfigFile[string] | undefined) {
    const defaults = Object.fromEntries(
        Object.entries(policy.configSchema?.properties ?? {})
            .filter(([, schema]) => schema.default !== undefined)
            .map(([key, schema]) => [key, schema.default]),
    );
    const overrides = typeof entry === "object" ? entry : {};
    const level: EnforcementLevel = (typeof entry === "string" ? entry : overrides.enforcementLevel) ?? policy.enforcementLevel ?? "advisory";
    const { enforcementLevel: _ignored, ...settings } = { ...defaults, ...overrides } as Record<string, unknown>;
    return { level, settings };
}

function notApplicable(reason?: string): never {
    throw new NotApplicable(reason);
}

async function ignoringNotApplicable(run: () => void | Promise<void>, unknownValue: (message: string) => void): Promise<void> {
    try {
        await run();
    } catch (error) {
        if (error instanceof UnknownValueError) unknownValue((error as Error).message);
        else if (!(error instanceof NotApplicable)) throw error;
    }
}

export type { ReportViolation };
