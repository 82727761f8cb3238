import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { PERSONA_TAG } from "../../../personas/personaNames";
import { AccessEvaluator } from "../../access";
import { principalIsRole } from "../../access/lakeFormation/principals";
import { parseArn } from "../../access/stack/arns";
import { propsOf, stringListProp } from "../../lib/propertyValues";
import { isUnknown } from "../../lib/unknownValues";

/**
 * Resource types that can give a principal access to the platform but that the access evaluator
 * does not read: a persona's matrix cannot be trusted while one is in the stack, so each is
 * reported rather than silently ignored. Model them in policies/access before allowing one.
 */
const UNEVALUATED_TYPES: Record<string, string> = {
    "aws:iam/userPolicy:UserPolicy": "an inline policy of an IAM user",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": "a policy attached to an IAM user",
    "aws:iam/groupPolicy:GroupPolicy": "an inline policy of an IAM group",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": "a policy attached to an IAM group",
    "aws:iam/groupMembership:GroupMembership": "IAM group membership",
    "aws:iam/userGroupMembership:UserGroupMembership": "IAM group membership",
    "aws:glue/resourcePolicy:ResourcePolicy": "the Glue catalog's resource policy",
    "aws:kms/grant:Grant": "a KMS grant",
    "aws:s3/bucketAclV2:BucketAclV2": "a bucket ACL",
    "aws:s3/accessPoint:AccessPoint": "an S3 access point (its own policy)",
    "aws:s3control/accessPointPolicy:AccessPointPolicy": "an S3 access point policy",
    "aws:s3control/bucketPolicy:BucketPolicy": "an S3 on Outposts bucket policy",
    "aws:ram/resourceShare:ResourceShare": "a RAM share (cross-account Lake Formation or Glue access)",
    "aws:ram/principalAssociation:PrincipalAssociation": "a RAM share's principal",
    "aws:ram/resourceAssociation:ResourceAssociation": "a RAM share's resource",
    "aws:lakeformation/optIn:OptIn": "a Lake Formation opt-in (hybrid access: IAM decides for the principal)",
    "aws:lakeformation/dataCellsFilter:DataCellsFilter": "a data cells filter",
};
/** aws-native resources of the services that grant access (the evaluator reads the aws provider only). */
const UNEVALUATED_NATIVE = /^aws-native:(iam|s3|kms|lakeformation|glue|athena|ram|sts):/;

const PERMISSIONS = "aws:lakeformation/permissions:Permissions";
const RESOURCE = "aws:lakeformation/resource:Resource";
const SETTINGS = "aws:lakeformation/dataLakeSettings:DataLakeSettings";

/**
 * Every way the stack gives access is one the persona matrix evaluates: no resource type that can
 * grant access goes unread, no Lake Formation grant of a kind the evaluator does not model
 * (grants on an LF-tag itself, data cells filters), no grant to another account (a resource exposure, named with
 * what it exposes), no location in hybrid access
 * mode, no trusted resource owners or external data filtering, no read-only admin but the data-lake
 * admin's role.
 */
export const accessFullyEvaluated: StackValidationPolicy = {
    name: "persona-access-fully-evaluated",
    description: "Every resource that can give access to the platform is one the persona matrix evaluates; no cross-account (resource exposure), hybrid-access or trusted-owner access the model does not state.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const report = (resource: PolicyResource, message: string) => reportViolation(`${resource.type.split(":").pop()} ${resource.name}: ${message}`, resource.urn);
        const needsEvaluator = args.resources.some((r) => r.type === PERMISSIONS || r.type === SETTINGS);
        const access = needsEvaluator ? new AccessEvaluator(args.resources) : undefined;
        const account = access?.inventory.placement.account;
        for (const resource of args.resources) {
            const what = UNEVALUATED_TYPES[resource.type] ?? (UNEVALUATED_NATIVE.test(resource.type) ? "an aws-native resource of a service that grants access" : undefined);
            if (what) report(resource, `${what} is not read by the persona matrix, which cannot then vouch for any persona: declare the access with the resources it evaluates (roles, role policies and attachments, bucket and key policies, Lake Formation permissions)`);
            const props = propsOf(resource);
            if (resource.type === RESOURCE && props.hybridAccessEnabled === true) {
                report(resource, "the location is in hybrid access mode: IAM and S3 policies decide beside Lake Formation grants; register it with hybridAccessEnabled false");
            }
            if (resource.type === SETTINGS) {
                const owners = stringListProp(props, "trustedResourceOwners", "the trusted resource owners");
                if (Array.isArray(owners) && owners.length > 0) report(resource, `trustedResourceOwners (${owners.join(", ")}) lets other accounts' principals use this catalog: leave it empty`);
                if (props.allowExternalDataFiltering === true) report(resource, "allowExternalDataFiltering lets third-party engines filter data outside Lake Formation's enforcement: turn it off");
                const readOnly = stringListProp(props, "readOnlyAdmins", "the read-only admins");
                if (Array.isArray(readOnly) && access) {
                    for (const principal of readOnly) {
                        const role = access.inventory.roles.find((r) => typeof principal === "string" && principalIsRole(principal, r) === true);
                        if (!role || role.tags[PERSONA_TAG] !== "data-lake-admin") report(resource, `read-only admin ${String(principal)} sees every database and table: only the data-lake admin's role may be one`);
                    }
                }
            }
            if (resource.type === PERMISSIONS && access) {
                const grant = access.inventory.lakeFormation.grants.find((g) => g.urn === resource.urn);
                if (!grant) continue;
                if (grant.target.kind === "other") report(resource, "a grant on an LF-tag itself or a data cells filter is not evaluated by the persona matrix: grant on databases, tables, columns, locations or an LF-tag policy");
                const principal = grant.principal;
                if (!isUnknown(principal) && account) {
                    const arn = parseArn(principal);
                    const other = /^\d{12}$/.test(principal) ? principal : arn?.account;
                    // An organization or OU reaches beyond the account even when this account
                    // manages it; its ARN carries the management account, in any partition.
                    if (arn?.service === "organizations" || (other && other !== account)) {
                        const exposed = access.lakeFormation.exposedBy(grant);
                        report(resource, `resource exposure: grant ${grant.name} gives ${exposed} to ${principal}, outside account ${account}: grant only to this account's principals (cross-account sharing is not part of the persona model)`);
                    }
                }
            }
        }
    },
};
