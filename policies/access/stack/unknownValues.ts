/**
 * Values a stack cannot know yet. Under `pulumi preview` a resource's computed outputs (a new
 * role's ARN, a policy document built from ARNs) are unknown: CrossGuard hands them to policies as
 * sentinel strings behind a proxy that throws on access. The evaluator reads the raw values and
 * turns every sentinel into an `Unknown` that says what could not be known, so it can answer
 * conservatively instead of failing.
 */

/** Pulumi's sentinels for unknown values (@pulumi/policy proxy.js, the same in the engine). */
const UNKNOWN_SENTINELS = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** A value that is not known (during preview), with what it is, for the explanation. */
export class Unknown {
    constructor(readonly what: string) {}
    toString(): string {
        return `${this.what} (unknown until the resource is created)`;
    }
}

/** A value, or what we know about why it is missing. */
export type Maybe<T> = T | Unknown;

export function isUnknown(value: unknown): value is Unknown {
    return value instanceof Unknown;
}

/** Whether a raw property value is one of Pulumi's unknown sentinels. */
export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** Whether a string (e.g. a policy document's JSON) has an unknown value inside it. */
export function containsUnknownSentinel(text: string): boolean {
    for (const sentinel of UNKNOWN_SENTINELS) {
        if (text.includes(sentinel)) return true;
    }
    return false;
}

/** @pulumi/policy's proxy answers these two keys (proxy.js: isSpecialProxy, getSpecialProxyTarget). */
const IS_SPECIAL_PROXY = "__isSpecialProxy";
const SPECIAL_PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * The raw props of a resource: under the CLI, CrossGuard wraps them in a proxy that throws on an
 * unknown value; its target holds the sentinels themselves, which we want to see.
 */
export function rawProps(props: Record<string, unknown>): Record<string, unknown> {
    const proxied = props as Record<string, unknown>;
    if (proxied[IS_SPECIAL_PROXY] === true) {
        return proxied[SPECIAL_PROXY_TARGET] as Record<string, unknown>;
    }
    return props;
}
