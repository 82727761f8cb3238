import type { ValidatedPolicy } from "@cloud-copilot/iam-policy";
import { AttachmentFacts, RoleFacts } from "../../lib/iamRoles";
import { Maybe, Unknown, isUnknown } from "../../lib/unknownValues";
import { awsManagedPolicy, isAwsManagedPolicyArn } from "./managedPolicyDocuments";
import { identityPolicy } from "./validatedPolicies";

/** One identity policy of a role, named the way explanations name it. */
export interface PolicySource {
    /** "inline policy read-lake-bucket", "AmazonAthenaFullAccess (AWS managed v15)", ... */
    label: string;
    policy: Maybe<ValidatedPolicy>;
}

export interface RolePolicies {
    identity: PolicySource[];
    /** The permissions boundary, when the role has one. */
    boundary?: PolicySource;
    /** Names of the AWS managed policies attached (AdministratorAccess is checked by name). */
    awsManagedNames: string[];
}

/** Every identity policy that applies to the role, each as a validated document or an Unknown. */
export async function rolePolicies(role: RoleFacts): Promise<RolePolicies> {
    const identity: PolicySource[] = role.inlinePolicies.map((p) => ({
        label: `inline policy ${p.policyName}`,
        policy: isUnknown(p.document) ? p.document : identityPolicy(p.document, `inline policy ${p.policyName}`),
    }));
    const awsManagedNames: string[] = [];
    for (const attachment of role.attachments) {
        const source = await attachedPolicy(attachment);
        identity.push(source);
        if (typeof attachment.policyArn === "string" && isAwsManagedPolicyArn(attachment.policyArn)) {
            awsManagedNames.push(attachment.policyArn.split("/").pop() ?? attachment.policyArn);
        }
    }
    const boundary = role.permissionsBoundaryArn === undefined ? undefined : await attachedPolicy({ policyArn: role.permissionsBoundaryArn, declaredBy: role });
    return { identity: uniqueLabels(identity), ...(boundary ? { boundary } : {}), awsManagedNames };
}

async function attachedPolicy(attachment: AttachmentFacts): Promise<PolicySource> {
    const customer = attachment.customerPolicy;
    if (customer) {
        const label = `customer managed policy ${typeof customer.policyName === "string" ? customer.policyName : customer.name}`;
        return { label, policy: isUnknown(customer.document) ? customer.document : identityPolicy(customer.document, label) };
    }
    const arn = attachment.policyArn;
    if (isUnknown(arn)) return { label: `the policy attached by ${attachment.declaredBy.name}`, policy: arn };
    if (isAwsManagedPolicyArn(arn)) {
        const managed = await awsManagedPolicy(arn);
        if (isUnknown(managed)) return { label: arn, policy: managed };
        const label = `${managed.name} (AWS managed ${managed.versionId})`;
        return { label, policy: identityPolicy(managed.document, label) };
    }
    return { label: arn, policy: new Unknown(`the customer managed policy ${arn}, which this stack does not declare`) };
}

/** iam-simulate names statements by policy name: two policies must not share one. */
function uniqueLabels(sources: PolicySource[]): PolicySource[] {
    const seen = new Map<string, number>();
    return sources.map((source) => {
        const count = (seen.get(source.label) ?? 0) + 1;
        seen.set(source.label, count);
        return count === 1 ? source : { ...source, label: `${source.label} #${count}` };
    });
}
