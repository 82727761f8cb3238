import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PERSONA_TAG, Persona, WORKFLOW_ROLE_BASE_NAME } from "../../personas/personaNames";
import { ManagedPolicyName, managedPolicyArn } from "../common/managedPolicies";
import { physicalName, tagsFor } from "../common/naming";
import { Statement, bucketAndObjects, policyDocument } from "../common/policyDocument";
import { peopleTrustPolicy, serviceTrustPolicy } from "../common/personaTrust";
import { deleteBeforeReplace } from "../common/replacement";
import { DataLakeArgs } from "./dataLakeArgs";
import { kmsViaService } from "../common/servicePrincipal";

export interface PersonaRoles {
    dataLakeAdmin: aws.iam.Role;
    workflow: aws.iam.Role;
    projectLeader: aws.iam.Role;
    dataEngineer: aws.iam.Role;
    /** The data-lake admin's policies: whoever acts as the admin must wait for them. */
    dataLakeAdminPolicies: pulumi.Resource[];
}

/** What the persona roles' policies refer to. */
export interface PersonaResources {
    accountId: pulumi.Output<string>;
    /** The partition of the stack's account ("aws", "aws-cn", ...): the first field of every ARN. */
    partition: pulumi.Output<string>;
    lakeBucketArn: pulumi.Output<string>;
    keyArn: pulumi.Output<string>;
    /** The log group the crawler writes to (encrypted with the lake key). */
    crawlerLogGroupArn: pulumi.Output<string>;
    /** The role Lake Formation registers the lake with: the admin passes it when registering. */
    locationRoleArn: pulumi.Output<string>;
    /** The crawler the data engineer may start after loading files. */
    crawlerArn: pulumi.Output<string>;
}

/**
 * The persona roles of the seed's first article (data-lake admin, Glue workflow role, project
 * leader) and the data engineer who loads the lake. The analyst is an AthenaAnalystRole of its own.
 */
export function personaRoles(args: DataLakeArgs, refs: PersonaResources, parent: pulumi.Resource): PersonaRoles {
    const workflowRoleName = physicalName(args.placement, WORKFLOW_ROLE_BASE_NAME, "iam-role");
    const role = (logical: string, persona: Persona, roleName: string, trust: pulumi.Output<string>, description: string) =>
        new aws.iam.Role(logical, {
            name: roleName,
            description,
            assumeRolePolicy: trust,
            maxSessionDuration: 3600,
            tags: tagsFor(args.placement, { [PERSONA_TAG]: persona }),
        }, deleteBeforeReplace({ parent }));
    const attach = (owner: aws.iam.Role, logical: string, policies: ManagedPolicyName[]) =>
        policies.map((policy) =>
            // Attaching what is attached is a no-op, so attach-then-detach would end detached.
            new aws.iam.RolePolicyAttachment(`${logical}-${policy}`, { role: owner.name, policyArn: managedPolicyArn(policy, refs.partition) }, deleteBeforeReplace({ parent: owner })));
    // An inline policy's name is fixed within its role: a replacement must delete first.
    const inline = (owner: aws.iam.Role, logical: string, policyName: string, statements: Statement[]) =>
        new aws.iam.RolePolicy(`${logical}-${policyName}`, { role: owner.name, name: policyName, policy: policyDocument(statements) }, deleteBeforeReplace({ parent: owner }));
    const catalogArn = pulumi.interpolate`arn:${refs.partition}:glue:${args.region}:${refs.accountId}:catalog`;
    const throughS3 = { StringEquals: { "kms:ViaService": kmsViaService("s3", args.region) } };

    // The workflow role: Glue crawlers and workflows assume it; people cannot.
    const workflow = role("workflow-role", "workflow", workflowRoleName, serviceTrustPolicy("glue.amazonaws.com"),
        "Assumed by Glue crawlers and workflows of the data lake: reads the lake bucket, maintains tables");
    attach(workflow, "workflow-role", ["AWSGlueServiceRole"]);
    // AWSGlueServiceRole reads only buckets named aws-glue-*: the lake bucket needs its own grant.
    inline(workflow, "workflow-role", "read-lake-bucket", [
        { Sid: "ReadLakeBucket", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: bucketAndObjects(refs.lakeBucketArn) },
        { Sid: "DecryptLakeObjects", Effect: "Allow", Action: ["kms:Decrypt"], Resource: refs.keyArn, Condition: throughS3 },
        { Sid: "EncryptedCrawlerLogs", Effect: "Allow", Action: ["logs:AssociateKmsKey"], Resource: pulumi.interpolate`${refs.crawlerLogGroupArn}:*` },
    ]);

    // The data-lake admin: a Lake Formation admin, not an IAM admin (no AdministratorAccess).
    const adminTrust = args.deployerRoleArn
        ? { ...args.peopleTrust, trustedPrincipals: [...args.peopleTrust.trustedPrincipals, args.deployerRoleArn] }
        : args.peopleTrust;
    const dataLakeAdmin = role("data-lake-admin-role", "data-lake-admin", physicalName(args.placement, "data-lake-admin", "iam-role"), peopleTrustPolicy(adminTrust),
        "Data-lake administrator persona: Lake Formation admin (registers locations, grants permissions)");
    const adminAttachments = attach(dataLakeAdmin, "data-lake-admin-role", [
        "AWSLakeFormationDataAdmin", "AWSGlueConsoleFullAccess", "CloudWatchLogsReadOnlyAccess", "AWSLakeFormationCrossAccountManager",
    ]);
    // The seed grants these on "*"; Lake Formation only needs its own service-linked role.
    const lakeFormationServiceLinkedRole = pulumi.interpolate`arn:${refs.partition}:iam::${refs.accountId}:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess`;
    const adminServiceLinkedRole = inline(dataLakeAdmin, "data-lake-admin-role", "datalake-admin-servicelinkrole-create", [
        {
            Sid: "CreateLakeFormationServiceLinkedRole",
            Effect: "Allow",
            Action: ["iam:CreateServiceLinkedRole"],
            Resource: lakeFormationServiceLinkedRole,
            Condition: { StringEquals: { "iam:AWSServiceName": "lakeformation.amazonaws.com" } },
        },
        { Sid: "PutLakeFormationServiceLinkedRolePolicy", Effect: "Allow", Action: ["iam:PutRolePolicy"], Resource: lakeFormationServiceLinkedRole },
    ]);
    // The workflow role for Glue (the seed's PassRolePermissions), and the location role, which
    // lakeformation:RegisterResource passes to Lake Formation when the admin registers the lake.
    const adminPassRole = inline(dataLakeAdmin, "data-lake-admin-role", "pass-workflow-role", [
        { Sid: "PassRolePermissions", Effect: "Allow", Action: ["iam:PassRole"], Resource: workflow.arn },
        {
            Sid: "PassLocationRoleToLakeFormation",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: refs.locationRoleArn,
            Condition: { StringEquals: { "iam:PassedToService": "lakeformation.amazonaws.com" } },
        },
    ]);

    // The project leader: not a Lake Formation admin, and no longer AWSLakeFormationDataAdmin
    // (lakeformation:* but settings, which includes DeregisterResource on the lake). It may create
    // databases and tables (Lake Formation still requires a data-location grant in the registered
    // lake) and read the catalog; it cannot register or deregister locations, change settings,
    // grant, or delete catalog objects.
    const projectLeader = role("project-leader-role", "project-leader", physicalName(args.placement, "project-leader", "iam-role"), peopleTrustPolicy(args.peopleTrust),
        "Project-leader persona: broader than an analyst, not a Lake Formation admin");
    inline(projectLeader, "project-leader-role", "catalog-where-granted", [
        {
            Sid: "CreateDatabasesAndTables",
            Effect: "Allow",
            Action: ["glue:CreateDatabase", "glue:CreateTable"],
            Resource: [catalogArn, pulumi.interpolate`arn:${refs.partition}:glue:${args.region}:${refs.accountId}:database/*`, pulumi.interpolate`arn:${refs.partition}:glue:${args.region}:${refs.accountId}:table/*/*`],
        },
        {
            Sid: "ReadCatalog",
            Effect: "Allow",
            Action: ["glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"],
            Resource: [catalogArn, pulumi.interpolate`arn:${refs.partition}:glue:${args.region}:${refs.accountId}:database/*`, pulumi.interpolate`arn:${refs.partition}:glue:${args.region}:${refs.accountId}:table/*/*`],
        },
        {
            // Credential vending has no resource-level permission: Lake Formation grants decide.
            Sid: "LakeFormationDataAccess",
            Effect: "Allow",
            Action: ["lakeformation:GetDataAccess"],
            Resource: "*",
        },
    ]);

    // The data engineer loads the seed's files: writes the dataset prefixes of the lake (and lists
    // them), uses the lake key only through S3, may start the crawler; it reads no lake object.
    const dataEngineer = role("data-engineer-role", "data-engineer", physicalName(args.placement, "data-engineer", "iam-role"), peopleTrustPolicy(args.peopleTrust),
        "Data-engineer persona: loads files into the lake's dataset prefixes");
    const prefixes = args.datasets.map((d) => `${d.name}/`);
    inline(dataEngineer, "data-engineer-role", "load-dataset-prefixes", [
        {
            Sid: "WriteDatasetPrefixes",
            Effect: "Allow",
            Action: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
            Resource: prefixes.map((prefix) => pulumi.interpolate`${refs.lakeBucketArn}/${prefix}*`),
        },
        {
            Sid: "ListDatasetPrefixes",
            Effect: "Allow",
            Action: ["s3:ListBucket"],
            Resource: refs.lakeBucketArn,
            Condition: { StringLike: { "s3:prefix": prefixes.map((prefix) => `${prefix}*`) } },
        },
        {
            // GenerateDataKey encrypts each upload; Decrypt is what S3 needs to complete a multipart upload.
            Sid: "LakeKeyThroughS3",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: refs.keyArn,
            Condition: throughS3,
        },
        { Sid: "StartLakeCrawler", Effect: "Allow", Action: ["glue:StartCrawler", "glue:GetCrawler"], Resource: refs.crawlerArn },
    ]);

    return { dataLakeAdmin, workflow, projectLeader, dataEngineer, dataLakeAdminPolicies: [...adminAttachments, adminServiceLinkedRole, adminPassRole] };
}
