import type { PolicyResource } from "@pulumi/policy";
import { Maybe, SECRET_SENTINEL, SecretValue, Unknown, containsUnknownSentinel, isUnknownSentinel, rawProps, unknownOf } from "./unknownValues";

/**
 * Typed reads of raw resource properties (sentinels visible, see unknownValues.ts). Each returns
 * `undefined` when the property is absent (or of another type) and an `Unknown` naming the
 * property when Pulumi does not know it yet.
 */

export type Props = Record<string, unknown>;

/** A resource's raw props: never throws on an unknown value. */
export function propsOf(resource: PolicyResource): Props {
    return rawProps(resource.props);
}

/** The string, if the value is a known string. */
export function known(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

export function stringProp(props: Props | undefined, key: string, what: string): Maybe<string> | undefined {
    const value = props?.[key];
    if (isUnknownSentinel(value)) return unknownOf(value, what);
    return typeof value === "string" && value !== "" ? value : undefined;
}

export function objectProp(props: Props | undefined, key: string): Props | undefined {
    const value = props?.[key];
    if (Array.isArray(value)) return typeof value[0] === "object" && value[0] !== null ? (value[0] as Props) : undefined;
    return typeof value === "object" && value !== null ? (value as Props) : undefined;
}

/** An array property: each element a string (or Unknown); the whole array may be unknown. */
export function stringListProp(props: Props | undefined, key: string, what: string): Maybe<Maybe<string>[]> {
    const value = props?.[key];
    if (isUnknownSentinel(value)) return unknownOf(value, what);
    if (!Array.isArray(value)) return [];
    return value
        .map((item) => (isUnknownSentinel(item) ? unknownOf(item, `an element of ${what}`) : item))
        .filter((item): item is Maybe<string> => item instanceof Unknown || (typeof item === "string" && item !== ""));
}

export function objectListProp(props: Props | undefined, key: string): Props[] {
    const value = props?.[key];
    return Array.isArray(value) ? value.filter((v): v is Props => typeof v === "object" && v !== null) : [];
}

/** Tags as a plain map; an unknown tag value is dropped (tags are inputs, known in practice). */
export function tagsOf(props: Props): Record<string, string> {
    const tags = objectProp(props, "tags") ?? objectProp(props, "tagsAll") ?? {};
    return Object.fromEntries(Object.entries(tags).filter((entry): entry is [string, string] => typeof entry[1] === "string" && !isUnknownSentinel(entry[1])));
}

/** A policy document property: JSON text or an object; unknown when it embeds unknown values. */
export function documentProp(props: Props | undefined, key: string, what: string): Maybe<object> | undefined {
    const value = props?.[key];
    if (value === undefined || value === null || value === "") return undefined;
    if (isUnknownSentinel(value)) return unknownOf(value, what);
    if (typeof value === "object") return value;
    if (typeof value !== "string") return undefined;
    if (containsUnknownSentinel(value)) return value.includes(SECRET_SENTINEL) ? new SecretValue(what) : new Unknown(what);
    try {
        const parsed: unknown = JSON.parse(value);
        // A document that cannot be read cannot be trusted either way: the evaluator treats it as unknown.
        return typeof parsed === "object" && parsed !== null ? parsed : new Unknown(`${what}, which is not a JSON object`);
    } catch {
        return new Unknown(`${what}, which is not valid JSON`);
    }
}
