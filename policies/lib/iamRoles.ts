import type { PolicyResource } from "@pulumi/policy";
import { PERSONA_TAG } from "../../personas/personaNames";
import { documentProp, known, objectListProp, propsOf, stringListProp, stringProp, tagsOf } from "./propertyValues";
import { Declared, declared, indexBy, referencedResource, referencedResources } from "./referenceLookup";
import { identifiersOf } from "./references";
import { Maybe, SECRET_SENTINEL, SecretValue, Unknown, isUnknown, isUnknownSentinel, unknownOf } from "./unknownValues";

/**
 * Which identity policies a stack gives each role, however it declares them: the evaluator
 * simulates them (access/iam/identityPolicies.ts), the baseline looks for AdministratorAccess in
 * them (baseline/lib/roleAccess.ts). One gathering, so that both see the same policies.
 */

/** An inline policy of a role: from a RolePolicy resource or the role's own `inlinePolicies`. */
export interface InlinePolicyFacts {
    policyName: string;
    document: Maybe<object>;
    /** The RolePolicy, or the role itself. */
    declaredBy: Declared;
}

/** A managed policy attached to a role: from an attachment resource or the role's `managedPolicyArns`. */
export interface AttachmentFacts {
    policyArn: Maybe<string>;
    declaredBy: Declared;
    /** Set when the attached policy is a customer-managed Policy of this stack (found even if its ARN is unknown). */
    customerPolicy?: CustomerPolicyFacts;
}

export interface RoleFacts extends Declared {
    roleName: Maybe<string>;
    arn: Maybe<string>;
    tags: Record<string, string>;
    /**
     * Set when the role's tags (or its persona tag) cannot be read: a secret, or unknown during
     * preview. Such a role may be any persona: a check must not read it as no persona's.
     */
    tagsHidden?: Unknown;
    trustPolicy: Maybe<object> | undefined;
    permissionsBoundaryArn?: Maybe<string>;
    inlinePolicies: InlinePolicyFacts[];
    attachments: AttachmentFacts[];
}

export interface CustomerPolicyFacts extends Declared {
    arn: Maybe<string>;
    policyName: Maybe<string>;
    document: Maybe<object>;
}

export interface IamFacts {
    roles: RoleFacts[];
    customerPolicies: CustomerPolicyFacts[];
}

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
const ATTACHMENTS_EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
const POLICY = "aws:iam/policy:Policy";

/** What other resources' `role`/`roles`/`roleName` and `policyArn` hold when they refer to a role or a policy. */
const IDENTIFIERS: Record<string, readonly string[]> = {
    [ROLE]: ["name", "id", "arn"],
    [POLICY]: ["arn", "id"],
};

/**
 * The stack's IAM roles with every identity policy that applies to them, however declared: a
 * RolePolicy or the role's inlinePolicies, a RolePolicyAttachment, a PolicyAttachment, a
 * RolePolicyAttachmentsExclusive or the role's managedPolicyArns. A real `pulumi stack export`
 * lists a role's policies both ways (the role's outputs read them back from AWS), so each inline
 * policy counts once by name and each managed policy once by ARN.
 */
export function iamFacts(resources: readonly PolicyResource[]): IamFacts {
    const roleResources = resources.filter((r) => r.type === ROLE);
    const policyResources = resources.filter((r) => r.type === POLICY);
    const roles = roleResources.map(roleFacts);
    const customerPolicies = policyResources.map(customerPolicyFacts);
    const identifiers = new Map([...roleResources, ...policyResources].map((r) => [r.urn, identifiersOf(r, IDENTIFIERS[r.type])]));

    const rolesByUrn = new Map(roles.map((r) => [r.urn, r]));
    const rolesByIdentifier = indexBy(roles, (r) => identifiers.get(r.urn) ?? []);
    const policiesByUrn = new Map(customerPolicies.map((p) => [p.urn, p]));
    const policiesByArn = indexBy(customerPolicies, (p) => identifiers.get(p.urn) ?? []);

    for (const resource of resources) {
        const props = propsOf(resource);
        if (resource.type === ROLE_POLICY) {
            const role = referencedResource(resource, "role", rolesByIdentifier, rolesByUrn);
            const policyName = known(stringProp(props, "name", "the policy's name")) ?? resource.name;
            role?.inlinePolicies.push({ policyName, document: documentProp(props, "policy", `the document of inline policy ${policyName}`) ?? {}, declaredBy: declared(resource) });
        } else if (resource.type === ROLE_POLICY_ATTACHMENT) {
            const role = referencedResource(resource, "role", rolesByIdentifier, rolesByUrn);
            role?.attachments.push(attachment(resource, policiesByArn, policiesByUrn));
        } else if (resource.type === ATTACHMENTS_EXCLUSIVE) {
            const role = referencedResource(resource, "roleName", rolesByIdentifier, rolesByUrn);
            const arns = stringListProp(props, "policyArns", `the policies of ${resource.name}`);
            for (const policyArn of isUnknown(arns) ? [arns] : arns) {
                const customerPolicy = typeof policyArn === "string" ? policiesByArn.get(policyArn) : undefined;
                role?.attachments.push({ policyArn, declaredBy: declared(resource), ...(customerPolicy ? { customerPolicy } : {}) });
            }
        } else if (resource.type === POLICY_ATTACHMENT) {
            for (const role of referencedResources(resource, "roles", rolesByIdentifier, rolesByUrn)) {
                role.attachments.push(attachment(resource, policiesByArn, policiesByUrn));
            }
        }
    }
    for (const role of roles) {
        dedupe(role, policiesByArn);
    }
    return { roles, customerPolicies };
}

function roleFacts(resource: PolicyResource): RoleFacts {
    const props = propsOf(resource);
    const roleName = stringProp(props, "name", `the name of role ${resource.name}`) ?? new Unknown(`the name of role ${resource.name}`);
    const arn = stringProp(props, "arn", `the ARN of role ${resource.name}`) ?? new Unknown(`the ARN of role ${resource.name}`);
    const self = declared(resource);
    // An entry without a name still grants what its document says (a real export may also hold
    // one empty entry, name and policy "", which grants nothing).
    const inlinePolicies = objectListProp(props, "inlinePolicies").flatMap((p, i) => {
        const policyName = known(p.name) || `inlinePolicies[${i}]`;
        const document = documentProp(p, "policy", `the document of inline policy ${policyName}`);
        return document ? [{ policyName, document, declaredBy: self }] : [];
    });
    // managedPolicyArns and inlinePolicies are also computed outputs (read back from AWS): wholly
    // unknown during a preview that creates the role, whatever the program declares. What the
    // program attaches is then in the attachment resources; an unknown element of a known list is
    // a policy we cannot see, and counts as unknown.
    const managed = stringListProp(props, "managedPolicyArns", `the managed policies of role ${resource.name}`);
    // A secret is different: it stays hidden after deployment, and may hide any policy.
    const attachments: AttachmentFacts[] = managed instanceof SecretValue ? [{ policyArn: managed, declaredBy: self }] : isUnknown(managed) ? [] : managed.map((policyArn) => ({ policyArn, declaredBy: self }));
    if (props.inlinePolicies === SECRET_SENTINEL) {
        inlinePolicies.push({ policyName: "inlinePolicies", document: new SecretValue(`the inline policies of role ${resource.name}`), declaredBy: self });
    }
    const tagsHidden = hiddenTags(props, resource.name);
    return {
        ...self,
        roleName,
        arn,
        tags: tagsOf(props),
        ...(tagsHidden ? { tagsHidden } : {}),
        trustPolicy: documentProp(props, "assumeRolePolicy", `the trust policy of role ${resource.name}`),
        permissionsBoundaryArn: stringProp(props, "permissionsBoundary", `the permissions boundary of role ${resource.name}`),
        inlinePolicies,
        attachments,
    };
}

/** The tags' Unknown when they, or the persona tag among them, cannot be read. */
function hiddenTags(props: Record<string, unknown>, name: string): Unknown | undefined {
    const tags = props.tags ?? props.tagsAll;
    if (isUnknownSentinel(tags)) return unknownOf(tags, `the tags of role ${name}`);
    const persona = typeof tags === "object" && tags !== null ? (tags as Record<string, unknown>)[PERSONA_TAG] : undefined;
    return isUnknownSentinel(persona) ? unknownOf(persona, `the ${PERSONA_TAG} tag of role ${name}`) : undefined;
}

function customerPolicyFacts(resource: PolicyResource): CustomerPolicyFacts {
    const props = propsOf(resource);
    return {
        ...declared(resource),
        arn: stringProp(props, "arn", `the ARN of policy ${resource.name}`) ?? new Unknown(`the ARN of policy ${resource.name}`),
        policyName: stringProp(props, "name", `the name of policy ${resource.name}`) ?? resource.name,
        document: documentProp(props, "policy", `the document of policy ${resource.name}`) ?? new Unknown(`the document of policy ${resource.name}`),
    };
}

function attachment(resource: PolicyResource, byArn: Map<string, CustomerPolicyFacts>, byUrn: Map<string, CustomerPolicyFacts>): AttachmentFacts {
    const policyArn = stringProp(propsOf(resource), "policyArn", `the policy ARN of attachment ${resource.name}`) ?? new Unknown(`the policy ARN of attachment ${resource.name}`);
    const customerPolicy = referencedResource(resource, "policyArn", byArn, byUrn);
    return { policyArn, declaredBy: declared(resource), ...(customerPolicy ? { customerPolicy } : {}) };
}

/**
 * Each inline policy once by name, as IAM keeps it: names are case-insensitive, and PutRolePolicy
 * replaces the document, so of two RolePolicy resources with one name the later in the stack (the
 * one applied last) is what the role holds; a resource wins over the role's own read-back. Each ARN once.
 */
function dedupe(role: RoleFacts, policiesByArn: Map<string, CustomerPolicyFacts>): void {
    const inline = new Map<string, InlinePolicyFacts>();
    for (const policy of role.inlinePolicies) {
        const key = policy.policyName.toLowerCase();
        const existing = inline.get(key);
        if (!existing || existing.declaredBy.urn === role.urn || policy.declaredBy.urn !== role.urn) inline.set(key, policy);
    }
    role.inlinePolicies = [...inline.values()];
    const byArn = new Map<string, AttachmentFacts>();
    const unknownArns: AttachmentFacts[] = [];
    for (const a of role.attachments) {
        const customerPolicy = a.customerPolicy ?? (typeof a.policyArn === "string" ? policiesByArn.get(a.policyArn) : undefined);
        const resolved = customerPolicy ? { ...a, customerPolicy } : a;
        const key = typeof a.policyArn === "string" ? a.policyArn : customerPolicy?.urn;
        if (key === undefined) {
            unknownArns.push(resolved);
        } else {
            const existing = byArn.get(key);
            if (!existing || existing.declaredBy.urn === role.urn) byArn.set(key, resolved);
        }
    }
    role.attachments = [...byArn.values(), ...unknownArns];
}
