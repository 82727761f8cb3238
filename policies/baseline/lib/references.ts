import type { PolicyResource } from "@pulumi/policy";
import { CANNOT_TELL, CannotTell, readKnown } from "./unknowns";

/**
 * The known values of a resource's identifying properties (e.g. a bucket's `bucket`, `id` and
 * `arn`, a role's `name` and `arn`): what another resource's property holds when it refers to it.
 */
export function identifiersOf(resource: PolicyResource, properties: readonly string[]): string[] {
    return properties
        .map((property) => readKnown(() => resource.props[property] as unknown))
        .filter((value): value is string => typeof value === "string" && value.length > 0);
}

/**
 * Whether `source.props[property]` (a string or a list of strings) refers to `target`.
 *
 * By value: it equals one of the target's identifiers. In a preview, where a reference to a new
 * resource is unknown, by the engine's record that the property was computed from the target
 * (propertyDependencies). CANNOT_TELL when neither answers. A known literal that matches none of the
 * target's known identifiers is not a reference: a generated name cannot be written in advance.
 */
export function refersTo(source: PolicyResource, property: string, target: PolicyResource, targetIdentifiers: readonly string[]): boolean | CannotTell {
    const dependencies = source.propertyDependencies?.[property] ?? [];
    if (dependencies.includes(target)) return true;
    const value = readKnown(() => source.props[property] as unknown);
    if (value === CANNOT_TELL) return dependencies.length > 0 ? false : CANNOT_TELL;
    // Element by element: in a list of ARNs, one new role's ARN may be unknown and the others not.
    const elements = Array.isArray(value) ? Array.from({ length: value.length }, (_, i) => readKnown(() => value[i] as unknown)) : [value];
    if (elements.some((element) => typeof element === "string" && targetIdentifiers.includes(element))) return true;
    return elements.includes(CANNOT_TELL) && dependencies.length === 0 ? CANNOT_TELL : false;
}

/** The resources that refer to a target through one property, and those that might (unknown). */
export interface Referrers {
    referrers: PolicyResource[];
    undetermined: PolicyResource[];
}

/**
 * The resources among `candidates` whose `property` refers to `target`: e.g. the
 * BucketServerSideEncryptionConfigurations whose `bucket` is this bucket, or the RolePolicies whose
 * `role` is this role.
 */
export function referrersOf(target: PolicyResource, targetIdentifiers: readonly string[], candidates: readonly PolicyResource[], property: string): Referrers {
    const result: Referrers = { referrers: [], undetermined: [] };
    for (const candidate of candidates) {
        const refers = refersTo(candidate, property, target, targetIdentifiers);
        if (refers === true) result.referrers.push(candidate);
        else if (refers === CANNOT_TELL) result.undetermined.push(candidate);
    }
    return result;
}
