import type { PolicyResource } from "@pulumi/policy";
import { documentsOf } from "./policyDocumentSources";
import { statementsOf } from "./policyDocuments";
import { identifiersOf, referrersOf } from "./references";
import { label, stringsOf } from "./resources";
import { CANNOT_TELL, readKnown } from "./unknowns";

/** The AWS managed AdministratorAccess policy, in any partition. */
const ADMINISTRATOR_ACCESS_ARN = /^arn:aws(-[a-z]+)*:iam::aws:policy\/AdministratorAccess$/;

export function isAdministratorAccessArn(arn: string): boolean {
    return ADMINISTRATOR_ACCESS_ARN.test(arn);
}

/** What other resources' `role`/`roles`/`roleName` hold when they refer to a role. */
const ROLE_IDENTIFIERS = ["name", "id", "arn"];

/** A managed policy attached to a role, and the resource that attaches it. */
export interface ManagedPolicyAttachment {
    policyArn: string;
    /** The RolePolicyAttachment, PolicyAttachment or RolePolicyAttachmentsExclusive, or the role itself (managedPolicyArns). */
    via: PolicyResource;
}

/**
 * The managed policies a stack attaches to a role, whichever way: the role's `managedPolicyArns`,
 * `aws.iam.RolePolicyAttachment`, `aws.iam.PolicyAttachment` (`roles`) and
 * `aws.iam.RolePolicyAttachmentsExclusive`. Attachments whose role or ARN preview cannot know yet
 * are left out.
 */
export function managedPoliciesOf(role: PolicyResource, resources: readonly PolicyResource[]): ManagedPolicyAttachment[] {
    const ids = identifiersOf(role, ROLE_IDENTIFIERS);
    const knownArns = (read: () => unknown) => {
        const value = readKnown(read);
        return value === CANNOT_TELL ? [] : stringsOf(value);
    };
    const attached: ManagedPolicyAttachment[] = knownArns(() => role.props.managedPolicyArns).map((policyArn) => ({ policyArn, via: role }));
    const viaProperty = (type: string, property: string, arnProperty: string) => {
        const candidates = resources.filter((r) => r.type === type);
        for (const via of referrersOf(role, ids, candidates, property).referrers) {
            attached.push(...knownArns(() => via.props[arnProperty]).map((policyArn) => ({ policyArn, via })));
        }
    };
    viaProperty("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "role", "policyArn");
    viaProperty("aws:iam/policyAttachment:PolicyAttachment", "roles", "policyArn");
    viaProperty("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", "roleName", "policyArns");
    return attached;
}

/**
 * The identity policy documents a stack gives a role: its inline policies (`aws.iam.RolePolicy`,
 * `inlinePolicies`) and the customer-managed `aws.iam.Policy` resources of the stack attached to it.
 */
export function identityDocumentsOf(role: PolicyResource, resources: readonly PolicyResource[]): { source: PolicyResource; document: () => unknown }[] {
    const ids = identifiersOf(role, ROLE_IDENTIFIERS);
    const inline = referrersOf(role, ids, resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy"), "role").referrers;
    const attachedArns = new Set(managedPoliciesOf(role, resources).map((a) => a.policyArn));
    const customerManaged = resources.filter((r) => r.type === "aws:iam/policy:Policy" && identifiersOf(r, ["arn", "id"]).some((arn) => attachedArns.has(arn)));
    return [role, ...inline, ...customerManaged].flatMap((source) => documentsOf(source, ["identity"]).map((d) => ({ source, document: d.document })));
}

/** Whether a document allows every action on every resource, unconditionally: AdministratorAccess in effect. */
export function allowsEverything(document: unknown): boolean {
    return statementsOf(document).some(
        (s) => s.effect === "Allow" && (s.actions ?? []).includes("*") && (s.resources ?? []).includes("*") && s.conditions.length === 0,
    );
}

/**
 * How a role holds administrator access in this stack, for a message (`AdministratorAccess attached
 * by RolePolicyAttachment "x"`), or undefined if it does not.
 */
export function administratorAccessOf(role: PolicyResource, resources: readonly PolicyResource[]): string | undefined {
    const managed = managedPoliciesOf(role, resources).find((a) => isAdministratorAccessArn(a.policyArn));
    if (managed) {
        return managed.via === role ? "AdministratorAccess in its managedPolicyArns" : `AdministratorAccess attached by ${label(managed.via)}`;
    }
    const everything = identityDocumentsOf(role, resources).find((d) => readKnown(() => allowsEverything(d.document())) === true);
    return everything ? `${label(everything.source)} allowing "*" on "*"` : undefined;
}
