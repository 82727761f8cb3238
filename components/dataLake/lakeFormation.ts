import { createHash } from "node:crypto";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as time from "@pulumiverse/time";
import type { LakeFormationSettingsConfig } from "../../config/schema";
import { providerActingAs } from "../common/awsProvider";
import { physicalName, tagsFor } from "../common/naming";
import { bucketAndObjects, policyDocument } from "../common/policyDocument";
import { serviceTrustPolicy } from "../common/personaTrust";
import { deleteBeforeReplace } from "../common/replacement";
import { DataLakeArgs } from "./dataLakeArgs";
import { requireLakeFormationOnlyAccess } from "./accountDefaults";
import { LAKE_LOCATION_ROLE_PURPOSE, PURPOSE_TAG } from "../../personas/personaNames";
import { kmsViaService } from "../common/servicePrincipal";

export interface LocationRole {
    role: aws.iam.Role;
    policy: aws.iam.RolePolicy;
}

/**
 * The role Lake Formation assumes to read and write the registered lake bucket when it vends
 * data access: a role of its own rather than the service-linked role (whose policy we could not scope).
 */
export function lakeLocationRole(args: DataLakeArgs, refs: { lakeBucketArn: pulumi.Output<string>; keyArn: pulumi.Output<string> }, parent: pulumi.Resource): LocationRole {
    const role = new aws.iam.Role("lake-location-role", {
        name: physicalName(args.placement, "lake-location", "iam-role"),
        description: "Lake Formation reads and writes the registered lake bucket with this role when it vends data access",
        assumeRolePolicy: serviceTrustPolicy("lakeformation.amazonaws.com"),
        tags: tagsFor(args.placement, { [PURPOSE_TAG]: LAKE_LOCATION_ROLE_PURPOSE }),
    }, deleteBeforeReplace({ parent }));
    const policy = new aws.iam.RolePolicy("lake-location-role-access", {
        role: role.name,
        name: "lake-bucket-read-write",
        policy: policyDocument([
            {
                Sid: "LakeBucketReadWrite",
                Effect: "Allow",
                Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"],
                Resource: bucketAndObjects(refs.lakeBucketArn),
            },
            {
                Sid: "LakeKeyThroughS3",
                Effect: "Allow",
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: refs.keyArn,
                Condition: { StringEquals: { "kms:ViaService": kmsViaService("s3", args.region) } },
            },
        ]),
    }, deleteBeforeReplace({ parent: role }));
    return { role, policy };
}

export interface LakeFormationSetup {
    settings: aws.lakeformation.DataLakeSettings;
    /** The lake bucket's registration, made by the admin. */
    location: aws.lakeformation.Resource;
    /** IAM's propagation of the admin role: the admin provider is used only after it. */
    adminPropagation: time.Sleep;
    /** A provider acting as the data-lake admin: catalog objects and grants in the lake are made by it. */
    admin: aws.Provider;
    /** Settles once the account is known to give IAM_ALLOWED_PRINCIPALS nothing by default. */
    accountChecked: pulumi.Output<true>;
}

export interface LakeFormationRefs {
    dataLakeAdmin: aws.iam.Role;
    /** What must exist before the admin provider is used (the admin role's policies). */
    adminReady: pulumi.Resource[];
    location: LocationRole;
    lakeBucketArn: pulumi.Output<string>;
}

/**
 * Lake Formation for the account, in the order a first `pulumi up` needs:
 * 1. DataLakeSettings (by the deploying identity, an IAM administrator) makes the admin role an admin.
 * 2. A wait for IAM to propagate the new admin role and its policies: an explicit provider assumes
 *    the role as soon as it is configured, and a role created seconds earlier cannot yet be assumed
 *    (pulumi-aws issue 673; terraform-provider-aws issue 6566 measured 10-30 seconds).
 * 3. The admin provider, which inherits the stack's AWS settings and assumes the admin role last.
 * 4. The lake bucket's registration, made by the admin (RegisterResource is an admin's call).
 */
export function lakeFormation(args: DataLakeArgs, refs: LakeFormationRefs, parent: pulumi.Resource): LakeFormationSetup {
    const settings = new aws.lakeformation.DataLakeSettings("lake-formation-settings",
        dataLakeSettingsArgs(refs.dataLakeAdmin.arn, args.additionalLakeFormationAdmins, args.lakeFormationSettings), {
            parent,
            // Account-wide: deleting it empties the admin list of every stack sharing the account
            // (the provider's Delete puts empty settings). A removed or destroyed stack leaves it.
            retainOnDelete: true,
            protect: args.protection.protectData,
        });

    const adminPropagation = new time.Sleep("lake-formation-admin-propagation", {
        createDuration: `${args.adminRolePropagationSeconds}s`,
        // A replaced role (new unique id) or a changed policy must propagate again before use.
        triggers: {
            roleId: refs.dataLakeAdmin.uniqueId,
            policies: policiesDigest(refs.adminReady),
        },
    }, { parent, dependsOn: [refs.dataLakeAdmin, ...refs.adminReady, settings] });

    const admin = providerActingAs("lake-formation-admin", {
        roleArn: refs.dataLakeAdmin.arn,
        sessionName: physicalName(args.placement, "lake-admin", "sts-session-name"),
    }, { parent, dependsOn: [adminPropagation, settings] });

    const location = new aws.lakeformation.Resource("lake-location", {
        arn: refs.lakeBucketArn,
        roleArn: refs.location.role.arn,
        useServiceLinkedRole: false,
        hybridAccessEnabled: false,
    }, deleteBeforeReplace({ parent, provider: admin, dependsOn: [settings, refs.location.policy, adminPropagation] }));

    const accountChecked = requireLakeFormationOnlyAccess({ parent, provider: admin, dependsOn: [settings, adminPropagation] });
    return { settings, location, adminPropagation, admin, accountChecked };
}

/** A digest of what the admin's policies grant: inline documents and attached policy ARNs. */
function policiesDigest(policies: pulumi.Resource[]): pulumi.Output<string> {
    const contents = policies.map((p) => {
        if (p instanceof aws.iam.RolePolicy) return p.policy;
        if (p instanceof aws.iam.RolePolicyAttachment) return p.policyArn;
        return (p as pulumi.CustomResource).urn;
    });
    return pulumi.all(contents).apply((texts) => createHash("sha256").update(texts.join("\n")).digest("hex"));
}

/**
 * Every field of the account-wide settings, stated: PutDataLakeSettings replaces the whole object,
 * so a field left out is cleared (read-only admins, trusted owners, CROSS_ACCOUNT_VERSION, ...).
 */
function dataLakeSettingsArgs(adminArn: pulumi.Output<string>, otherAdmins: string[], s: LakeFormationSettingsConfig): aws.lakeformation.DataLakeSettingsArgs {
    return {
        admins: [adminArn, ...otherAdmins],
        readOnlyAdmins: s.readOnlyAdmins,
        trustedResourceOwners: s.trustedResourceOwners,
        allowExternalDataFiltering: s.allowExternalDataFiltering,
        externalDataFilteringAllowLists: s.externalDataFilteringAllowList,
        authorizedSessionTagValueLists: s.authorizedSessionTagValueList,
        allowFullTableExternalDataAccess: s.allowFullTableExternalDataAccess,
        parameters: { CROSS_ACCOUNT_VERSION: String(s.crossAccountVersion) },
        // Stated for the reader and the policies; the provider does not send empty lists, so they
        // do not clear defaults already set (pulumi-aws issue 4366): accountDefaults.ts checks that.
        createDatabaseDefaultPermissions: [],
        createTableDefaultPermissions: [],
    };
}
