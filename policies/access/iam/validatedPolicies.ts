import { ValidatedPolicy, ValidationError, createValidatedPolicy, validateIdentityPolicy, validateResourcePolicy } from "@cloud-copilot/iam-policy";
import { Maybe, Unknown } from "../../lib/unknownValues";

/**
 * Parsed and validated policy documents, once per document text for the whole process: the same
 * managed policy is attached to many roles, and every policy of a stack is read by several rules.
 * iam-simulate skips its own validation when handed a ValidatedPolicy.
 */
const identityCache = new Map<string, ValidatedPolicy>();
const resourceCache = new Map<string, ValidatedPolicy>();

export function identityPolicy(document: object, label: string): Maybe<ValidatedPolicy> {
    return usable(cached(identityCache, document, validateIdentityPolicy), label);
}

/** A resource policy: bucket, key or trust policy (iam-simulate validates them all this way). */
export function resourcePolicy(document: object, label: string): Maybe<ValidatedPolicy> {
    return usable(cached(resourceCache, document, validateResourcePolicy), label);
}

function cached(cache: Map<string, ValidatedPolicy>, document: object, validate: (policy: unknown) => ValidationError[]): ValidatedPolicy {
    const key = JSON.stringify(document);
    let policy = cache.get(key);
    if (policy === undefined) {
        policy = createValidatedPolicy(document, validate);
        cache.set(key, policy);
    }
    return policy;
}

/** AWS refuses an invalid document, so what it would allow is not something we can say. */
function usable(policy: ValidatedPolicy, label: string): Maybe<ValidatedPolicy> {
    if (policy.errors.length === 0) return policy;
    return new Unknown(`${label}, which is not a valid policy (${policy.errors.map((e) => `${e.path}: ${e.message}`).join("; ")})`);
}
