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
    // The anomaly detector (components/anomalyDetector); its topic and alarms are the alert topic's, below.
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
    "aws:rum/appMonitor:AppMonitor": {
        actions: [
            "rum:CreateAppMonitor", "rum:GetAppMonitor", "rum:UpdateAppMonitor", "rum:DeleteAppMonitor", "rum:TagResource", "rum:UntagResource", "rum:ListTagsForResource",
            "iam:CreateServiceLinkedRole", "iam:GetRole",
            "logs:CreateLogGroup", "logs:DescribeLogGroups", "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
        ],
        note: "the first monitor of an account creates RUM's service-linked role; with cwLogEnabled RUM creates its log group and delivery as the caller (AmazonCloudWatchRUMFullAccess)",
    },
    "aws:cognito/identityPool:IdentityPool": {
        actions: ["cognito-identity:CreateIdentityPool", "cognito-identity:DescribeIdentityPool", "cognito-identity:UpdateIdentityPool", "cognito-identity:DeleteIdentityPool", "cognito-identity:TagResource", "cognito-identity:UntagResource", "cognito-identity:ListTagsForResource"],
    },
    "aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment": {
        actions: ["cognito-identity:SetIdentityPoolRoles", "cognito-identity:GetIdentityPoolRoles", "iam:PassRole"],
        note: "setting a pool's roles passes them to Cognito (SetIdentityPoolRoles)",
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        actions: ["cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms", "cloudwatch:DeleteAlarms", "cloudwatch:TagResource", "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource"],
    },
    // SageMakerEndpointPipeline (terraform-provider-aws internal/service/sagemaker, appautoscaling, sns, cloudwatch).
    "aws:sagemaker/model:Model": {
        actions: ["sagemaker:CreateModel", "sagemaker:DescribeModel", "sagemaker:DeleteModel", "sagemaker:AddTags", "sagemaker:DeleteTags", "sagemaker:ListTags", "iam:PassRole"],
        note: "a model runs as its execution role, which the creator passes to SageMaker",
    },
    "aws:sagemaker/endpointConfiguration:EndpointConfiguration": {
        actions: ["sagemaker:CreateEndpointConfig", "sagemaker:DescribeEndpointConfig", "sagemaker:DeleteEndpointConfig", "sagemaker:AddTags", "sagemaker:DeleteTags", "sagemaker:ListTags", "kms:CreateGrant", "kms:DescribeKey"],
        note: "an endpoint config with a KMS key makes SageMaker create grants on it as the caller",
    },
    "aws:sagemaker/endpoint:Endpoint": {
        actions: ["sagemaker:CreateEndpoint", "sagemaker:DescribeEndpoint", "sagemaker:UpdateEndpoint", "sagemaker:DeleteEndpoint", "sagemaker:AddTags", "sagemaker:DeleteTags", "sagemaker:ListTags", "kms:CreateGrant", "kms:DescribeKey"],
        note: "the endpoint's volumes are encrypted with the config's key through grants the caller creates",
    },
    "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition": {
        actions: ["sagemaker:CreateDataQualityJobDefinition", "sagemaker:DescribeDataQualityJobDefinition", "sagemaker:DeleteDataQualityJobDefinition", "sagemaker:AddTags", "sagemaker:DeleteTags", "sagemaker:ListTags", "iam:PassRole"],
        note: "the monitoring jobs run as the monitoring role, which the creator passes to SageMaker",
    },
    "aws-native:sagemaker:ModelQualityJobDefinition": {
        actions: [
            "cloudformation:CreateResource", "cloudformation:GetResource", "cloudformation:DeleteResource", "cloudformation:GetResourceRequestStatus",
            "sagemaker:CreateModelQualityJobDefinition", "sagemaker:DescribeModelQualityJobDefinition", "sagemaker:DeleteModelQualityJobDefinition",
            "sagemaker:AddTags", "sagemaker:ListTags", "iam:PassRole",
        ],
        note: "aws-native goes through Cloud Control (cloudformation:*Resource), which calls SageMaker as the caller and passes the monitoring role",
    },
    "aws:sagemaker/monitoringSchedule:MonitoringSchedule": {
        actions: ["sagemaker:CreateMonitoringSchedule", "sagemaker:DescribeMonitoringSchedule", "sagemaker:UpdateMonitoringSchedule", "sagemaker:DeleteMonitoringSchedule", "sagemaker:AddTags", "sagemaker:DeleteTags", "sagemaker:ListTags"],
    },
    "aws:appautoscaling/target:Target": {
        actions: ["application-autoscaling:RegisterScalableTarget", "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DeregisterScalableTarget", "application-autoscaling:TagResource", "application-autoscaling:ListTagsForResource", "iam:CreateServiceLinkedRole", "sagemaker:DescribeEndpoint", "sagemaker:UpdateEndpointWeightsAndCapacities"],
        note: "registering a SageMaker variant creates Application Auto Scaling's service-linked role once per account and reads the endpoint",
    },
    "aws:appautoscaling/policy:Policy": {
        actions: ["application-autoscaling:PutScalingPolicy", "application-autoscaling:DescribeScalingPolicies", "application-autoscaling:DeleteScalingPolicy", "cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms"],
        note: "target tracking creates and deletes its CloudWatch alarms as the caller",
    },
    // The alert topic (components/common/alertTopic.ts).
    "aws:sns/topic:Topic": {
        actions: ["sns:CreateTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:DeleteTopic", "sns:TagResource", "sns:UntagResource", "sns:ListTagsForResource"],
    },
    "aws:sns/topicPolicy:TopicPolicy": { actions: ["sns:SetTopicAttributes", "sns:GetTopicAttributes"] },
    "aws:sns/topicSubscription:TopicSubscription": {
        actions: ["sns:Subscribe", "sns:Unsubscribe", "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic"],
    },
    // CodeBuildE2E.
    "aws:codebuild/project:Project": {
        actions: ["codebuild:CreateProject", "codebuild:UpdateProject", "codebuild:DeleteProject", "codebuild:BatchGetProjects", "iam:PassRole", "codeconnections:PassConnection", "codeconnections:UseConnection"],
        note: "the project runs as its service role, which the creator passes to CodeBuild; a GitHub source's connection is passed to CodeBuild too",
    },
    "aws:codebuild/reportGroup:ReportGroup": {
        actions: ["codebuild:CreateReportGroup", "codebuild:UpdateReportGroup", "codebuild:DeleteReportGroup", "codebuild:BatchGetReportGroups", "codebuild:ListReportsForReportGroup", "codebuild:DeleteReport"],
    },
    "aws:codebuild/webhook:Webhook": {
        actions: ["codebuild:CreateWebhook", "codebuild:UpdateWebhook", "codebuild:DeleteWebhook", "codebuild:BatchGetProjects", "codeconnections:UseConnection"],
        note: "CodeBuild registers the webhook with GitHub through the project's connection",
    },
    "aws:codeconnections/connection:Connection": {
        actions: ["codeconnections:CreateConnection", "codeconnections:GetConnection", "codeconnections:DeleteConnection", "codeconnections:ListTagsForResource", "codeconnections:TagResource", "codeconnections:UntagResource"],
    },
    "aws:ecr/repository:Repository": {
        actions: [
            "ecr:CreateRepository", "ecr:DescribeRepositories", "ecr:DeleteRepository", "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability",
            "ecr:TagResource", "ecr:UntagResource", "ecr:ListTagsForResource", "ecr:BatchDeleteImage", "ecr:ListImages",
        ],
    },
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": { actions: ["ecr:PutLifecyclePolicy", "ecr:GetLifecyclePolicy", "ecr:DeleteLifecyclePolicy"] },
    "aws:cloudwatch/eventRule:EventRule": {
        actions: ["events:PutRule", "events:DescribeRule", "events:DeleteRule", "events:EnableRule", "events:DisableRule", "events:ListTargetsByRule", "events:TagResource", "events:UntagResource", "events:ListTagsForResource"],
    },
    "aws:cloudwatch/eventTarget:EventTarget": {
        actions: ["events:PutTargets", "events:RemoveTargets", "events:ListTargetsByRule", "iam:PassRole"],
        note: "a target that starts builds passes its role to EventBridge",
    },
};

/** Services a deployer passes roles to, for the iam:PassRole condition. */
export const PASS_ROLE_SERVICES: Readonly<Record<string, string>> = {
    "aws:glue/crawler:Crawler": "glue.amazonaws.com",
    "aws:lakeformation/resource:Resource": "lakeformation.amazonaws.com",
    "aws:codebuild/project:Project": "codebuild.amazonaws.com",
    "aws:cloudwatch/eventTarget:EventTarget": "events.amazonaws.com",
    "aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment": "cognito-identity.amazonaws.com",
    "aws:sagemaker/model:Model": "sagemaker.amazonaws.com",
    "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition": "sagemaker.amazonaws.com",
    "aws-native:sagemaker:ModelQualityJobDefinition": "sagemaker.amazonaws.com",
    "aws:lambda/function:Function": "lambda.amazonaws.com",
};
