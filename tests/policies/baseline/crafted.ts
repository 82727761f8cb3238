import { expect } from "chai";
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { unknownCheckingProxy } from "@pulumi/policy";
import type { ExportedResource } from "../../../tools/engine/stackExport";
import { toPolicyResources } from "../../../tools/policyRunner/policyResources";
import { PolicyConfigFile, Violation, runPolicy } from "../../../tools/policyRunner/runPolicies";
import { planOf } from "../../helpers/plans";

/** Test-side helpers: hand-written resources, copies of the planned stacks, and assertions on violations. */

export const PROJECT = "analytics-platform";

export function urnOf(type: string, name: string, stack = "prod"): string {
    return `urn:pulumi:${stack}::${PROJECT}::${type}::${name}`;
}

export interface CraftOptions {
    stack?: string;
    protect?: boolean;
}

/** A resource as a stack export holds it; its props are both inputs and outputs. */
export function crafted(type: string, name: string, props: Record<string, unknown>, options: CraftOptions = {}): ExportedResource {
    return {
        urn: urnOf(type, name, options.stack),
        custom: true,
        type,
        id: name,
        inputs: structuredClone(props) as ExportedResource["inputs"],
        outputs: structuredClone(props) as ExportedResource["outputs"],
        dependencies: [],
        protect: options.protect ?? false,
    };
}

/** What the CrossGuard engine would hand a stack policy for these exported resources. */
export function asPolicyResources(...resources: ExportedResource[]): PolicyResource[] {
    return toPolicyResources(resources);
}

/** A deep copy of a planned stack's resources, free to edit (the plan itself is shared by all tests). */
export async function exportOf(stack: "dev" | "prod"): Promise<ExportedResource[]> {
    return structuredClone((await planOf(stack)).resources);
}

export { edit, named } from "../../helpers/resources";

export function without(resources: ExportedResource[], ...names: string[]): ExportedResource[] {
    return resources.filter((r) => !names.some((name) => r.urn.endsWith(`::${name}`)));
}

export function check(policy: ResourceValidationPolicy | StackValidationPolicy, resources: PolicyResource[], config: PolicyConfigFile = {}): Promise<Violation[]> {
    return runPolicy(policy, resources, config);
}

/** Asserts exactly one violation: of this policy, for this URN, with this "what to change" text. */
export function expectOneViolation(violations: Violation[], expected: { policy: string; urn: string; change: string | RegExp }): Violation {
    expect(violations.map((v) => `${v.policy} ${v.urn}: ${v.message}`), "violations").to.have.length(1);
    const [violation] = violations;
    expect(violation.policy).to.equal(expected.policy);
    expect(violation.urn).to.equal(expected.urn);
    if (typeof expected.change === "string") expect(violation.message).to.contain(expected.change);
    else expect(violation.message).to.match(expected.change);
    return violation;
}

export function expectNoViolations(violations: Violation[]): void {
    expect(violations.map((v) => `${v.policy} ${v.urn}: ${v.message}`), "violations").to.deep.equal([]);
}

/**
 * Makes a resource look as it does in `pulumi preview` before creation: the given properties are
 * unknown (reading one throws UnknownValueError, as in the CrossGuard engine).
 */
export function inPreview(resource: PolicyResource, ...unknownProperties: string[]): void {
    const props: Record<string, unknown> = { ...resource.props };
    for (const property of unknownProperties) props[property] = UNKNOWN_STRING;
    resource.props = unknownCheckingProxy(props);
}

/** The sentinel the CrossGuard engine deserializes an unknown string to (not in @pulumi/policy's types). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const UNKNOWN_STRING = (require("@pulumi/policy/proxy") as { unknownStringValue: string }).unknownStringValue;
