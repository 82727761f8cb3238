import { Principal, matchesPattern, statementsOf } from "../../lib/policyDocuments";

/** The principals a role's trust policy lets assume it, split the way the persona model needs. */
export interface AssumingPrincipals {
    /** AWS accounts, users and roles, federated identities, and "*": people (or anyone). */
    people: Principal[];
    /** AWS services (`glue.amazonaws.com`): workloads. */
    services: Principal[];
}

const ASSUME_ACTIONS = ["sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity"];

/**
 * Who may assume a role: the principals of the trust policy's Allow statements that grant one of
 * the sts:AssumeRole actions (or a wildcard covering them). Companion actions such as
 * sts:TagSession alone do not let anyone in.
 */
export function assumingPrincipals(trustPolicy: unknown): AssumingPrincipals {
    const result: AssumingPrincipals = { people: [], services: [] };
    for (const statement of statementsOf(trustPolicy)) {
        if (statement.effect !== "Allow") continue;
        const grantsAssume =
            statement.notActions !== undefined ||
            (statement.actions ?? []).some((pattern) => ASSUME_ACTIONS.some((action) => matchesPattern(pattern, action, true)));
        if (!grantsAssume) continue;
        for (const principal of statement.principals ?? []) {
            (principal.kind === "Service" ? result.services : result.people).push(principal);
        }
    }
    return result;
}

/** `AWS:arn:aws:iam::123456789012:root`, for messages. */
export function describePrincipal(principal: Principal): string {
    return principal.kind === "*" ? "*" : `${principal.kind}:${principal.value}`;
}
