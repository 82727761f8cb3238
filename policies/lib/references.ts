import type { PolicyResource } from "@pulumi/policy";
import { propsOf, stringProp } from "./propertyValues";
import { CANNOT_TELL, CannotTell, isUnknownSentinel } from "./unknownValues";

/**
 * How one resource refers to another: a property that holds the other's name or ARN (a
 * BucketVersioning's `bucket`, a RolePolicy's `role`, a PolicyAttachment's `roles`). In a preview,
 * a reference to a new resource is unknown; the engine still records which resources the property
 * was computed from (propertyDependencies). Both packs read references through
 * `propertyReference`; the baseline asks about one (source, target) pair at a time (`refersTo`),
 * the evaluator looks the target up among indexed facts (referenceLookup.ts).
 */

/** What a property says about the resources it refers to. */
export interface PropertyReference {
    /** Its known, non-empty string values: one for a single reference, several for a list. */
    values: string[];
    /** Whether the property, or an element of it, is unknown (preview). */
    unknown: boolean;
    /** The URNs of the resources the engine records it was computed from (propertyDependencies). */
    dependencies: string[];
}

/**
 * Reads a reference from the raw props, element by element: in a list of ARNs one new role's ARN
 * may be unknown and the others not. Dependencies are compared by URN, not object identity, so that
 * a copy of the resources (each stack policy gets its own) still matches.
 */
export function propertyReference(source: PolicyResource, property: string): PropertyReference {
    const value = propsOf(source)[property];
    const elements: unknown[] = Array.isArray(value) ? value : [value];
    return {
        values: elements.filter((e): e is string => typeof e === "string" && e.length > 0 && !isUnknownSentinel(e)),
        unknown: elements.some(isUnknownSentinel),
        dependencies: (source.propertyDependencies?.[property] ?? []).map((d) => d.urn),
    };
}

/**
 * The known values of a resource's identifying properties (e.g. a bucket's `bucket`, `id` and
 * `arn`, a role's `name` and `arn`): what another resource's property holds when it refers to it.
 */
export function identifiersOf(resource: PolicyResource, properties: readonly string[]): string[] {
    const props = propsOf(resource);
    return properties.map((property) => stringProp(props, property, property)).filter((value): value is string => typeof value === "string");
}

/**
 * Whether `source.props[property]` (a string or a list of strings) refers to `target`.
 *
 * By the engine's record that the property was computed from the target, or by value: it equals
 * one of the target's identifiers. CANNOT_TELL when an unknown value has no recorded dependencies.
 * A known literal that matches none of the target's known identifiers is not a reference: a
 * generated name cannot be written in advance.
 */
export function refersTo(source: PolicyResource, property: string, target: PolicyResource, targetIdentifiers: readonly string[]): boolean | CannotTell {
    const reference = propertyReference(source, property);
    if (reference.dependencies.includes(target.urn)) return true;
    if (reference.values.some((value) => targetIdentifiers.includes(value))) return true;
    return reference.unknown && reference.dependencies.length === 0 ? CANNOT_TELL : false;
}

/** The resources that refer to a target through one property, and those that might (unknown). */
export interface Referrers {
    referrers: PolicyResource[];
    undetermined: PolicyResource[];
}

/**
 * The resources among `candidates` whose `property` refers to `target`: e.g. the
 * BucketServerSideEncryptionConfigurations whose `bucket` is this bucket, or the TopicPolicies whose
 * `arn` is this topic.
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
