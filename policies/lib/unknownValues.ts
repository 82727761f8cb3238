import { UnknownValueError } from "@pulumi/policy";

/**
 * Values a stack cannot know yet. Under `pulumi preview` a resource's computed outputs (a new
 * role's ARN, a policy document built from ARNs) are unknown: CrossGuard hands them to policies as
 * sentinel strings behind a proxy that throws an UnknownValueError on access.
 *
 * Both packs meet the same sentinels, in the two ways CrossGuard allows:
 * - reading the raw values (`rawProps`) and recognising the sentinels, so that an `Unknown` can
 *   say what could not be known: the access evaluator's way, and how references are read;
 * - reading through the proxy and treating the error as "cannot tell" (`readKnown`, `checkEach`):
 *   the baseline rules' way, since they read typed props (`bucket.props.versioning?.enabled`).
 * For a rule an unknown value means "cannot tell", never a violation; for the evaluator it leaves
 * an answer open, conservatively.
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

/**
 * What the offline runner reads for a secret of an export it cannot decrypt
 * (tools/policyRunner/policyResources.ts): not absent, but not known either, and unlike a value a
 * preview does not know yet it stays hidden after deployment.
 */
export const SECRET_SENTINEL = "[secret]";

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

/** Whether a raw property value is one of Pulumi's unknown sentinels, or a secret. */
export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && (UNKNOWN_SENTINELS.has(value) || value === SECRET_SENTINEL);
}

/** What a reason says of a secret: the checks can tell it from a value a preview does not know yet. */
export const SECRET_NOTE = "(a secret: hidden from the checks, so the worst is assumed)";

/** A value hidden as a secret: it will not be known after deployment either. */
export class SecretValue extends Unknown {
    toString(): string {
        return `${this.what} ${SECRET_NOTE}`;
    }
}

/** The Unknown for a raw sentinel value: a secret, or a value a preview does not know yet. */
export function unknownOf(value: unknown, what: string): Unknown {
    return value === SECRET_SENTINEL ? new SecretValue(what) : new Unknown(what);
}

/** Whether a string (e.g. a policy document's JSON) has an unknown value inside it. */
export function containsUnknownSentinel(text: string): boolean {
    for (const sentinel of UNKNOWN_SENTINELS) {
        if (text.includes(sentinel)) return true;
    }
    return text.includes(SECRET_SENTINEL);
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

/** A rule's answer when a value it needs is unknown: neither a violation nor a pass. */
export const CANNOT_TELL: unique symbol = Symbol("cannot tell");
export type CannotTell = typeof CANNOT_TELL;

/**
 * Checks each subject on its own: a subject whose check meets an unknown value through the proxy is
 * skipped (cannot tell) and the others are still checked. Without this, one new bucket would abort
 * a whole stack policy in the CrossGuard engine, which then checks nothing at all.
 */
export async function checkEach<T>(subjects: Iterable<T>, check: (subject: T) => void | Promise<void>): Promise<void> {
    for (const subject of subjects) {
        try {
            await check(subject);
        } catch (error) {
            if (!(error instanceof UnknownValueError)) throw error;
        }
    }
}
