/**
 * The IAM actions the AWS provider (pulumi-aws 7, the Terraform AWS provider underneath) calls to
 * create, read (refresh and the read-back after each write), update and delete a resource of each
 * type this platform registers. `plan --deployer-policy` builds the deploying identity's policy
 * from the types the plan makes it create; a type the plan registers that is missing here is an
 * error, so the policy cannot silently fall behind the program (tests/tools/deployerPolicy.test.ts).
 *
 * Sources: the service authorization reference ("Actions, resources, and condition keys for ...")
 * for the action names, and the provider's resource code (the Create/Read/Update/Delete functions
 * of internal/service/<service>/<resource>.go in hashicorp/terraform-provider-aws) for which calls
 * it makes; tagging actions because the provider tags on create and reads tags back.
 */
export interface TypeActions {
    actions: readonly string[];
    /** Why the actions go beyond the type's own service, when they do. */
    note?: string;
}

const S3_BUCKET_READS = [
    "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite", "s3:GetBucketVersioning", "s3:GetAccelerateConfiguration",
    "s3:GetBucketRequestPayment", "s3:GetBucketLogging", "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration",
    "s3:GetEncryptionConfiguration", "s3:GetBucketObjectLockConfiguration", "s3:GetBucketTagging", "s3:GetBucketPolicy",
    "s3:GetBucketOwnershipControls", "s3:GetBucketPublicAccessBlock", "s3:ListBucket",
];

export const DEPLOYER_ACTIONS: Readonly<Record<string, TypeActions>> = {
    "aws:s3/bucket:Bucket": { actions: ["s3:CreateBucket", "s3:DeleteBucket", "s3:PutBucketTagging", ...S3_BUCKET_READS] },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": { actions: ["s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration"] },
    "aws:s3/bucketLogging:BucketLogging": { actions: ["s3:PutBucketLogging", "s3:GetBucketLogging"] },
    "aws:s3/bucketObjectv2:BucketObjectv2": {
        actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:GetObjectTagging", "s3:PutObjectTagging", "kms:GenerateDataKey", "kms:Decrypt"],
        note: "objects in an SSE-KMS bucket are written and read through the bucket's key",
    },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": { actions: ["s3:PutBucketOwnershipControls", "s3:GetBucketOwnershipControls"] },
    "aws:s3/bucketPolicy:BucketPolicy": { actions: ["s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy"] },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": { actions: ["s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock"] },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": { actions: ["s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration"] },
    "aws:s3/bucketVersioning:BucketVersioning": { actions: ["s3:PutBucketVersioning", "s3:GetBucketVersioning"] },
    "aws:kms/key:Key": {
        actions: [
            "kms:CreateKey", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation",
            "kms:DisableKeyRotation", "kms:UpdateKeyDescription", "kms:ListResourceTags", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
        ],
    },
    "aws:kms/alias:Alias": { actions: ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias", "kms:ListAliases"] },
    "aws:cloudwatch/logGroup:LogGroup": {
        actions: [
            "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DescribeLogGroups", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy",
            "logs:AssociateKmsKey", "logs:DisassociateKmsKey", "logs:TagResource", "logs:UntagResource", "logs:ListTagsForResource",
        ],
    },
    "aws:iam/role:Role": {
        actions: [
            "iam:CreateRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:DeleteRole",
            "iam:TagRole", "iam:UntagRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
            "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
        ],
    },
    "aws:iam/rolePolicy:RolePolicy": { actions: ["iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy"] },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { actions: ["iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:ListAttachedRolePolicies"] },
    "aws:iam/policy:Policy": {
        actions: ["iam:CreatePolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:DeletePolicy", "iam:TagPolicy", "iam:UntagPolicy"],
    },
    "aws:glue/catalogDatabase:CatalogDatabase": {
        actions: ["glue:CreateDatabase", "glue:GetDatabase", "glue:UpdateDatabase", "glue:DeleteDatabase", "glue:TagResource", "glue:UntagResource", "glue:GetTags"],
    },
    "aws:glue/catalogTable:CatalogTable": { actions: ["glue:CreateTable", "glue:GetTable", "glue:UpdateTable", "glue:DeleteTable", "glue:GetDatabase"] },
    "aws:glue/crawler:Crawler": {
        actions: ["glue:CreateCrawler", "glue:GetCrawler", "glue:UpdateCrawler", "glue:DeleteCrawler", "glue:TagResource", "glue:UntagResource", "glue:GetTags", "iam:PassRole"],
        note: "a crawler runs as its role, which the creator passes to Glue",
    },
    "aws:glue/securityConfiguration:SecurityConfiguration": { actions: ["glue:CreateSecurityConfiguration", "glue:GetSecurityConfiguration", "glue:DeleteSecurityConfiguration"] },
    "aws:athena/workgroup:Workgroup": {
        actions: ["athena:CreateWorkGroup", "athena:GetWorkGroup", "athena:UpdateWorkGroup", "athena:DeleteWorkGroup", "athena:TagResource", "athena:UntagResource", "athena:ListTagsForResource"],
    },
    "aws:lakeformation/dataLakeSettings:DataLakeSettings": { actions: ["lakeformation:PutDataLakeSettings", "lakeformation:GetDataLakeSettings"] },
    "aws:lakeformation/resource:Resource": {
        actions: ["lakeformation:RegisterResource", "lakeformation:DeregisterResource", "lakeformation:DescribeResource", "lakeformation:ListResources", "iam:PassRole", "iam:GetRole"],
        note: "a location registered with a role of its own passes that role to Lake Formation",
    },
    "aws:lakeformation/permissions:Permissions": { actions: ["lakeformation:GrantPermissions", "lakeformation:RevokePermissions", "lakeformation:ListPermissions"] },
    // The anomaly detector (components/anomalyDetector) and the alert topic (components/common/alertTopic).
    "aws:sns/topic:Topic": {
        actions: ["sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:TagResource", "sns:UntagResource", "sns:ListTagsForResource"],
    },
    "aws:sns/topicPolicy:TopicPolicy": { actions: ["sns:SetTopicAttributes", "sns:GetTopicAttributes"] },
    "aws:sns/topicSubscription:TopicSubscription": {
        actions: ["sns:Subscribe", "sns:Unsubscribe", "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes", "sns:ListSubscriptionsByTopic"],
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        actions: ["cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms", "cloudwatch:DeleteAlarms", "cloudwatch:TagResource", "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource"],
    },
    "aws:cloudwatch/eventRule:EventRule": {
        actions: ["events:PutRule", "events:DescribeRule", "events:DeleteRule", "events:EnableRule", "events:DisableRule", "events:TagResource", "events:UntagResource", "events:ListTagsForResource"],
    },
    "aws:cloudwatch/eventTarget:EventTarget": { actions: ["events:PutTargets", "events:RemoveTargets", "events:ListTargetsByRule"] },
    "aws:lambda/function:Function": {
        actions: [
            "lambda:CreateFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
            "lambda:DeleteFunction", "lambda:PutFunctionConcurrency", "lambda:DeleteFunctionConcurrency", "lambda:GetFunctionConcurrency",
            "lambda:GetFunctionCodeSigningConfig", "lambda:GetRuntimeManagementConfig", "lambda:ListVersionsByFunction", "lambda:TagResource",
            "lambda:UntagResource", "lambda:ListTags", "iam:PassRole",
        ],
        note: "a function runs as its role, which the creator passes to Lambda",
    },
    "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": {
        actions: ["lambda:PutFunctionEventInvokeConfig", "lambda:UpdateFunctionEventInvokeConfig", "lambda:GetFunctionEventInvokeConfig", "lambda:DeleteFunctionEventInvokeConfig"],
    },
    "aws:lambda/permission:Permission": { actions: ["lambda:AddPermission", "lambda:RemovePermission", "lambda:GetPolicy"] },
    "aws:sqs/queue:Queue": {
        actions: ["sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:GetQueueUrl", "sqs:TagQueue", "sqs:UntagQueue", "sqs:ListQueueTags"],
    },
    "aws:quicksight/dataSource:DataSource": {
        actions: ["quicksight:CreateDataSource", "quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:UpdateDataSource", "quicksight:UpdateDataSourcePermissions", "quicksight:DeleteDataSource", "quicksight:TagResource", "quicksight:UntagResource", "quicksight:ListTagsForResource"],
    },
    "aws:quicksight/dataSet:DataSet": {
        actions: ["quicksight:CreateDataSet", "quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:UpdateDataSet", "quicksight:UpdateDataSetPermissions", "quicksight:DeleteDataSet", "quicksight:PassDataSource", "quicksight:TagResource", "quicksight:UntagResource", "quicksight:ListTagsForResource"],
        note: "a dataset names its data source, which the creator passes to it",
    },
    "aws:s3/bucketNotification:BucketNotification": { actions: ["s3:PutBucketNotification", "s3:GetBucketNotification"] },
    // No AWS call: the time provider only waits.
    "time:index/sleep:Sleep": { actions: [] },
};

/** Services a deployer passes roles to, for the iam:PassRole condition. */
export const PASS_ROLE_SERVICES: Readonly<Record<string, string>> = {
    "aws:glue/crawler:Crawler": "glue.amazonaws.com",
    "aws:lakeformation/resource:Resource": "lakeformation.amazonaws.com",
    "aws:lambda/function:Function": "lambda.amazonaws.com",
};
