import { StackValidationPolicy } from "@pulumi/policy";
import { iamFacts } from "../../lib/iamRoles";
import { PolicyStatement, conditionValues, matchesPattern, statementsOf } from "../../lib/policyDocuments";
import { checkEach, isUnknown } from "../../lib/unknownValues";

/*
 * Amazon Cognito identity pools (the RUM web client's guest credentials): a role that trusts
 * cognito-identity.amazonaws.com is assumable with ANY identity pool's token (any account's)
 * unless its trust pins the pool (aud), and by signed-in users as much as by guests unless it
 * pins the kind of identity (amr) ("Role trust and permissions", Amazon Cognito Developer Guide).
 */

const COGNITO_IDENTITY = "cognito-identity.amazonaws.com";
const AUD = `${COGNITO_IDENTITY}:aud`;
const AMR = `${COGNITO_IDENTITY}:amr`;

/** What a statement letting Cognito identities in leaves open, or undefined. */
function openings(s: PolicyStatement): string[] {
    const problems: string[] = [];
    const pools = conditionValues(s, "StringEquals", AUD);
    if (pools.length === 0) problems.push(`no StringEquals condition on ${AUD} (any identity pool of any account gets in)`);
    else if (pools.some((p) => p.includes("*") || p.includes("?"))) problems.push(`a wildcard in ${AUD} (${pools.join(", ")})`);
    const kinds = [...conditionValues(s, "ForAnyValue:StringLike", AMR), ...conditionValues(s, "ForAnyValue:StringEquals", AMR)];
    if (kinds.length === 0) problems.push(`no ForAnyValue:StringLike condition on ${AMR} (guests and signed-in users alike)`);
    else if (!kinds.every((k) => k === "unauthenticated" || k === "authenticated")) problems.push(`${AMR} values other than "unauthenticated" or "authenticated" (${kinds.join(", ")})`);
    return problems;
}

export const cognitoIdentityTrustScoped: StackValidationPolicy = {
    name: "cognito-identity-trust-scoped",
    description: "A role trusting cognito-identity.amazonaws.com pins the identity pool (StringEquals aud) and the kind of identity (ForAnyValue:StringLike amr).",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        await checkEach(iamFacts(args.resources).roles, (role) => {
            if (role.trustPolicy === undefined || isUnknown(role.trustPolicy)) return;
            const name = typeof role.roleName === "string" ? role.roleName : role.name;
            for (const statement of statementsOf(role.trustPolicy)) {
                const cognito = statement.effect === "Allow" && (statement.principals ?? []).some((p) => p.kind === "*" || (p.kind === "Federated" && matchesPattern(p.value, COGNITO_IDENTITY, true)));
                if (!cognito) continue;
                const problems = openings(statement);
                if (problems.length > 0) {
                    report(
                        `role ${name}'s trust (${statement.sid ?? "a statement"}) lets Cognito identities in with ${problems.join("; ")}: ` +
                        `add Condition { StringEquals: { "${AUD}": "<identity pool id>" }, "ForAnyValue:StringLike": { "${AMR}": "unauthenticated" } }.`,
                        role.urn,
                    );
                }
            }
        });
    },
};

export const cognitoPolicies = [cognitoIdentityTrustScoped];
