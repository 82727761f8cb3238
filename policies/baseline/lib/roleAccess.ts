import { IamFacts } from "../../lib/iamRoles";
import { statementsOf } from "../../lib/policyDocuments";
import { isUnknown } from "../../lib/unknownValues";
import { label } from "./resources";

/** The AWS managed AdministratorAccess policy, in any partition. */
const ADMINISTRATOR_ACCESS_ARN = /^arn:aws(-[a-z]+)*:iam::aws:policy\/AdministratorAccess$/;

function isAdministratorAccessArn(arn: string): boolean {
    return ADMINISTRATOR_ACCESS_ARN.test(arn);
}

/** Whether a document allows every action on every resource, unconditionally: AdministratorAccess in effect. */
function allowsEverything(document: unknown): boolean {
    return statementsOf(document).some(
        (s) => s.effect === "Allow" && (s.actions ?? []).includes("*") && (s.resources ?? []).includes("*") && s.conditions.length === 0,
    );
}

/**
 * How a role holds administrator access in this stack, for a message (`AdministratorAccess attached
 * by RolePolicyAttachment "x"`), or undefined if it does not: the AWS managed AdministratorAccess
 * attached whichever way, or one of its inline or customer-managed policies allowing "*" on "*".
 * The role's policies are those the evaluator sees (lib/iamRoles.ts); one whose ARN or document
 * preview cannot know yet does not count.
 */
export function administratorAccessOf(role: { urn: string }, iam: IamFacts): string | undefined {
    const facts = iam.roles.find((r) => r.urn === role.urn);
    if (!facts) return undefined;
    const managed = facts.attachments.find((a) => typeof a.policyArn === "string" && isAdministratorAccessArn(a.policyArn));
    if (managed) {
        return managed.declaredBy.urn === facts.urn ? "AdministratorAccess in its managedPolicyArns" : `AdministratorAccess attached by ${label(managed.declaredBy)}`;
    }
    const documents = [
        ...facts.inlinePolicies.map((p) => ({ source: p.declaredBy, document: p.document })),
        ...facts.attachments.flatMap((a) => (a.customerPolicy ? [{ source: a.customerPolicy, document: a.customerPolicy.document }] : [])),
    ];
    const everything = documents.find((d) => !isUnknown(d.document) && allowsEverything(d.document));
    return everything ? `${label(everything.source)} allowing "*" on "*"` : undefined;
}
