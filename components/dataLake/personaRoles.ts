import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PERSONA_TAG, Persona, WORKFLOW_ROLE_BASE_NAME } from "../../personas/personaNames";
import { MANAGED_POLICY_ARNS, ManagedPolicyName } from "../common/managedPolicies";
import { physicalName, tagsFor } from "../common/naming";
import { Statement, bucketAndObjects, policyDocument } from "../common/policyDocument";
import { peopleTrustPolicy, serviceTrustPolicy } from "../common/personaTrust";
import { DataLakeArgs } from "./dataLakeArgs";

export interface PersonaRoles {
    dataLakeAdmin: aws.iam.Role;
    workflow: aws.iam.Role;
    projectLeader: aws.iam.Role;
    /** The data-lake admin's policies: whoever acts as the admin must wait for them. */
    dataLakeAdminPolicies: pulumi.Resource[];
}

/** What the persona roles' policies refer to. */
export interface PersonaResources {
    accountId: pulumi.Output<string>;
    lakeBucketArn: pulumi.Output<string>;
    keyArn: pulumi.Output<string>;
    /** The log group the crawler writes to (encrypted with the lake key). */
    crawlerLogGroupArn: pulumi.Output<string>;
}

/**
 * The persona roles of the seed's first article: the data-lake admin, the Glue workflow role and
 * the project leader. The analyst persona is an AthenaAnalystRole of its own.
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
        }, { parent });
    const attach = (owner: aws.iam.Role, logical: string, policies: ManagedPolicyName[]) =>
        policies.map((policy) =>
            new aws.iam.RolePolicyAttachment(`${logical}-${policy}`, { role: owner.name, policyArn: MANAGED_POLICY_ARNS[policy] }, { parent: owner }));
    const inline = (owner: aws.iam.Role, logical: string, policyName: string, statements: Statement[]) =>
        new aws.iam.RolePolicy(`${logical}-${policyName}`, { role: owner.name, name: policyName, policy: policyDocument(statements) }, { parent: owner });

    // The workflow role: Glue crawlers and workflows assume it; people cannot.
    const workflow = role("workflow-role", "workflow", workflowRoleName,
        serviceTrustPolicy("glue.amazonaws.com", refs.accountId),
        "Assumed by Glue crawlers and workflows of the data lake: reads the lake bucket, maintains tables");
    attach(workflow, "workflow-role", ["AWSGlueServiceRole"]);
    // AWSGlueServiceRole reads only buckets named aws-glue-*: the lake bucket needs its own grant.
    inline(workflow, "workflow-role", "read-lake-bucket", [
        { Sid: "ReadLakeBucket", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: bucketAndObjects(refs.lakeBucketArn) },
        {
            Sid: "DecryptLakeObjects",
            Effect: "Allow",
            Action: ["kms:Decrypt"],
            Resource: refs.keyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${args.region}.amazonaws.com` } },
        },
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
    const lakeFormationServiceLinkedRole = pulumi.interpolate`arn:aws:iam::${refs.accountId}:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess`;
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
    const adminPassRole = inline(dataLakeAdmin, "data-lake-admin-role", "pass-workflow-role", [
        { Sid: "PassRolePermissions", Effect: "Allow", Action: ["iam:PassRole"], Resource: workflow.arn },
    ]);

    // The project leader: AWSLakeFormationDataAdmin like the admin, but not a Lake Formation admin;
    // the managed policy explicitly denies lakeformation:PutDataLakeSettings.
    const projectLeader = role("project-leader-role", "project-leader", physicalName(args.placement, "project-leader", "iam-role"), peopleTrustPolicy(args.peopleTrust),
        "Project-leader persona: broader than an analyst, not a Lake Formation admin");
    attach(projectLeader, "project-leader-role", ["AWSLakeFormationDataAdmin"]);

    return { dataLakeAdmin, workflow, projectLeader, dataLakeAdminPolicies: [...adminAttachments, adminServiceLinkedRole, adminPassRole] };
}
