import { IamFacts } from "../../lib/iamRoles";
import { statementsOf } from "../../lib/policyDocuments";
import type { PolicyResource } from "@pulumi/policy";
import { isUnknown, rawProps } from "../../lib/unknownValues";
import { label } from "./resources";

/** The AWS managed AdministratorAccess policy, in any partition. */
const ADMINISTRATOR_ACCESS_ARN = /^arn:aws(-[a-z]+)*:iam::aws:policy\/AdministratorAccess$/;

export function isAdministratorAccessArn(arn: string): boolean {
    return ADMINISTRATOR_ACCESS_ARN.test(arn);
}

/** Whether a document allows every action on every resource, unconditionally: AdministratorAccess in effect. */
export function allowsEverything(document: unknown): boolean {
    return statementsOf(document).some(
        (s) => s.effect === "Allow" && (s.actions ?? []).some((a) => a === "*" || a === "*:*") && (s.resources ?? []).includes("*") && s.conditions.length === 0,
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

/** A user or group that holds administrator access, and how, for a message. */
export interface AdministratorGrant {
    /** The user or group resource when the stack declares it, else the resource that gives the access. */
    subject: PolicyResource;
    how: string;
}

const USER_OR_GROUP: Record<string, { kind: "user" | "group"; type: string; property: string }> = {
    "aws:iam/userPolicy:UserPolicy": { kind: "user", type: "aws:iam/user:User", property: "user" },
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": { kind: "user", type: "aws:iam/user:User", property: "user" },
    "aws:iam/groupPolicy:GroupPolicy": { kind: "group", type: "aws:iam/group:Group", property: "group" },
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": { kind: "group", type: "aws:iam/group:Group", property: "group" },
};

/**
 * The IAM users and groups that hold administrator access: AdministratorAccess (or a customer policy
 * of the stack allowing "*" on "*") attached by a UserPolicyAttachment, GroupPolicyAttachment or a
 * PolicyAttachment's users and groups, or an inline UserPolicy or GroupPolicy allowing "*" on "*".
 * Roles are administratorAccessOf's. Users and groups are matched by name, as IAM names them.
 */
export function usersAndGroupsWithAdministratorAccess(resources: readonly PolicyResource[], iam: IamFacts): AdministratorGrant[] {
    const byName = (type: string, name: unknown) => resources.find((r) => r.type === type && typeof name === "string" && (rawProps(r.props).name === name || r.name === name));
    const givesEverything = (props: Record<string, unknown>): string | undefined => {
        const arn = props.policyArn;
        if (typeof arn === "string" && isAdministratorAccessArn(arn)) return "AdministratorAccess";
        const customer = iam.customerPolicies.find((p) => typeof arn === "string" && p.arn === arn);
        if (customer && !isUnknown(customer.document) && allowsEverything(customer.document)) return `${label(customer)} allowing "*" on "*"`;
        return typeof props.policy !== "undefined" && allowsEverything(props.policy) ? `an inline policy allowing "*" on "*"` : undefined;
    };
    const found: AdministratorGrant[] = [];
    for (const resource of resources) {
        const props = rawProps(resource.props);
        const single = USER_OR_GROUP[resource.type];
        const what = (single || resource.type === POLICY_ATTACHMENT) ? givesEverything(props) : undefined;
        if (!what) continue;
        const targets = single
            ? [{ type: single.type, name: props[single.property] }]
            : [...listOf(props.users).map((name) => ({ type: "aws:iam/user:User", name })), ...listOf(props.groups).map((name) => ({ type: "aws:iam/group:Group", name }))];
        for (const target of targets) {
            const subject = byName(target.type, target.name);
            const kind = target.type.endsWith("User") ? "user" : "group";
            found.push({ subject: subject ?? resource, how: `${what} (${subject ? "" : `for IAM ${kind} ${String(target.name)}, `}given by ${label(resource)})` });
        }
    }
    return found;
}

const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";

function listOf(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}
