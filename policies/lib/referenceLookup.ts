import type { PolicyResource } from "@pulumi/policy";
import { propertyReference } from "./references";

/**
 * Finding the resource a property names among facts gathered once per stack (roles by name, id
 * and ARN, buckets by name), instead of asking about every (source, target) pair as `refersTo`
 * does: the evaluator's facts and the role policies (iamRoles.ts) build their indexes once and
 * look each reference up. Both read the property through `propertyReference`.
 */

/** What every fact about a declared resource carries: where it comes from. */
export interface Declared {
    urn: string;
    /** The logical name, as in the URN. */
    name: string;
    type: string;
}

export function declared(resource: PolicyResource): Declared {
    return { urn: resource.urn, name: resource.name, type: resource.type };
}

export function indexBy<T>(items: T[], keysOf: (item: T) => (string | undefined)[]): Map<string, T> {
    const index = new Map<string, T>();
    for (const item of items) {
        for (const key of keysOf(item)) {
            if (key !== undefined && !index.has(key)) index.set(key, item);
        }
    }
    return index;
}

function byUrns<T>(urns: readonly string[], byUrn: ReadonlyMap<string, T>): T[] {
    return [...new Set(urns)].map((urn) => byUrn.get(urn)).filter((d): d is T => d !== undefined);
}

/**
 * The one resource a single-valued property refers to (a RolePolicy's `role`, a BucketPolicy's
 * `bucket`), among candidates the caller indexes by identifier (`byKey`: a role's name, id and
 * ARN...) and by URN. A known value is looked up by key. An unknown one (a new role's name during preview) is found
 * through the property's dependencies; where those do not single out one candidate, through the
 * resource's dependencies: the evaluator would rather attach a policy to the one role it depends on
 * than leave it out, which would make a must-not look denied.
 */
export function referencedResource<T extends Declared>(
    resource: PolicyResource,
    property: string,
    byKey: ReadonlyMap<string, T>,
    byUrn: ReadonlyMap<string, T>,
): T | undefined {
    const reference = propertyReference(resource, property);
    if (reference.values.length > 0 && !reference.unknown) return byKey.get(reference.values[0]);
    const viaProperty = byUrns(reference.dependencies, byUrn);
    if (viaProperty.length === 1) return viaProperty[0];
    const viaDependencies = byUrns(resource.dependencies.map((d) => d.urn), byUrn);
    return viaDependencies.length === 1 ? viaDependencies[0] : undefined;
}

/**
 * Every resource a list property refers to (a PolicyAttachment's `roles`), as `refersTo` decides
 * each pair: its known elements by key, and the candidates the property was computed from. No
 * guess from the resource's other dependencies: a list may name any number of them.
 */
export function referencedResources<T extends Declared>(
    resource: PolicyResource,
    property: string,
    byKey: ReadonlyMap<string, T>,
    byUrn: ReadonlyMap<string, T>,
): T[] {
    const reference = propertyReference(resource, property);
    const byValue = reference.values.map((value) => byKey.get(value)).filter((d): d is T => d !== undefined);
    return [...new Set([...byValue, ...byUrns(reference.dependencies, byUrn)])];
}
