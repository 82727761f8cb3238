import type { PolicyResource } from "@pulumi/policy";
import { Props, stringProp } from "./propertyValues";
import { isUnknown, rawProps } from "./unknownValues";

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

export function propsOf(resource: PolicyResource): Props {
    return rawProps(resource.props);
}

/**
 * The resource a property refers to, among `candidates` (by URN). A known value is looked up by
 * the keys the caller gives (a role's name, a bucket's ARN...). An unknown one (a new role's name
 * during preview) is found through the property's dependencies, which Pulumi always knows.
 */
export function referencedResource<T extends Declared>(
    resource: PolicyResource,
    key: string,
    byKey: ReadonlyMap<string, T>,
    byUrn: ReadonlyMap<string, T>,
): T | undefined {
    const value = stringProp(propsOf(resource), key, key);
    if (value !== undefined && !isUnknown(value)) return byKey.get(value);
    const viaProperty = (resource.propertyDependencies?.[key] ?? []).map((d) => byUrn.get(d.urn)).filter((d): d is T => d !== undefined);
    if (viaProperty.length === 1) return viaProperty[0];
    const viaDependencies = resource.dependencies.map((d) => byUrn.get(d.urn)).filter((d): d is T => d !== undefined);
    return viaDependencies.length === 1 ? viaDependencies[0] : undefined;
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

/** The string, if the value is a known string. */
export function known(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}
