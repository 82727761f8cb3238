import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { physicalName, tagsFor } from "../common/naming";
import { bucketAndObjects, policyDocument } from "../common/policyDocument";
import { serviceTrustPolicy } from "../common/personaTrust";
import { DataLakeArgs } from "./dataLakeArgs";

export interface LakeFormationSetup {
    settings: aws.lakeformation.DataLakeSettings;
    location: aws.lakeformation.Resource;
    locationRole: aws.iam.Role;
    /** A provider acting as the data-lake admin: Lake Formation grants are made by an admin. */
    admin: aws.Provider;
}

export interface LakeFormationRefs {
    accountId: pulumi.Output<string>;
    dataLakeAdmin: aws.iam.Role;
    /** What must exist before the admin provider is used (the admin role's policies). */
    adminReady: pulumi.Resource[];
    lakeBucketArn: pulumi.Output<string>;
    keyArn: pulumi.Output<string>;
}

/**
 * Lake Formation for the account: the admin list (only the data-lake admin role), no
 * IAM_ALLOWED_PRINCIPALS defaults for new databases and tables, and the lake bucket registered
 * with a role of its own rather than the service-linked role (whose policy we could not scope).
 */
export function lakeFormation(args: DataLakeArgs, refs: LakeFormationRefs, parent: pulumi.Resource): LakeFormationSetup {
    // An account-wide singleton that replaces the admin list: neither the deploying identity nor
    // any AdministratorAccess principal is an admin, and nobody gets permissions by default.
    const settings = new aws.lakeformation.DataLakeSettings("lake-formation-settings", {
        admins: [refs.dataLakeAdmin.arn, ...args.additionalLakeFormationAdmins],
        createDatabaseDefaultPermissions: [],
        createTableDefaultPermissions: [],
    }, { parent });

    const locationRole = new aws.iam.Role("lake-location-role", {
        name: physicalName(args.placement, "lake-location", "iam-role"),
        description: "Lake Formation reads and writes the registered lake bucket with this role when it vends data access",
        assumeRolePolicy: serviceTrustPolicy("lakeformation.amazonaws.com", refs.accountId),
        tags: tagsFor(args.placement, { purpose: "lake-formation-location" }),
    }, { parent });
    const locationPolicy = new aws.iam.RolePolicy("lake-location-role-access", {
        role: locationRole.name,
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
                Condition: { StringEquals: { "kms:ViaService": `s3.${args.region}.amazonaws.com` } },
            },
        ]),
    }, { parent: locationRole });

    const location = new aws.lakeformation.Resource("lake-location", {
        arn: refs.lakeBucketArn,
        roleArn: locationRole.arn,
        useServiceLinkedRole: false,
        hybridAccessEnabled: false,
    }, { parent, dependsOn: [settings, locationPolicy] });

    const admin = new aws.Provider("lake-formation-admin", {
        region: args.region as aws.Region,
        assumeRoles: [{ roleArn: refs.dataLakeAdmin.arn, sessionName: physicalName(args.placement, "grants", "sts-session-name") }],
    }, { parent, dependsOn: [settings, ...refs.adminReady] });

    return { settings, location, locationRole, admin };
}
