/**
 * AWS's rules for the physical names the platform sets, one row per kind of name. Each row says
 * what the API reference of the resource says (page titles in `source`), so that a name built by
 * `physicalName` (naming.ts) is accepted by AWS for every stack name Pulumi accepts.
 *
 * `allowed` tests ONE character; `pattern` (when set) tests the whole name for what a character
 * class cannot say (what it starts or ends with, separators that may not repeat).
 */
export interface NameRule {
    /** What AWS calls the name, for messages. */
    title: string;
    minLength: number;
    /** The limit on the whole name, including `before` and `after`. */
    maxLength: number;
    allowed: RegExp;
    pattern?: RegExp;
    /** The name must be lower case (S3, Glue, ECR). */
    lowerCase?: boolean;
    /**
     * AWS compares names without case (IAM: "names are not distinguished by case"), so two stacks
     * whose names differ only by case would collide: such names are lower-cased (and hashed).
     */
    caseInsensitive?: boolean;
    /** Replaces a character AWS does not allow. */
    separator: "-" | "_";
    /** Runs of separators and dots become one separator (ECR, SageMaker, S3 readability). */
    collapseSeparators?: boolean;
    /** Written before the name (a KMS alias starts with `alias/`). */
    before?: string;
    /** Written after the name (a bucket prefix ends with `-` before the 26 characters AWS adds). */
    after?: string;
    forbiddenPrefixes?: string[];
    forbiddenSuffixes?: string[];
    source: string;
}

// Glue's "single-line string pattern": any character but control characters (tab allowed).
const SINGLE_LINE = /[\t\u0020-\uFFFD]/u;

// Glue takes more for databases and tables, but Athena reads only lower-case letters, digits and underscores.
const ATHENA_READABLE = {
    minLength: 1,
    maxLength: 255,
    allowed: /[a-z0-9_]/,
    lowerCase: true,
    separator: "_",
    collapseSeparators: true,
} as const;

// SageMaker's EntityName: endpoints, endpoint configs, models and monitoring schedules alike.
const SAGEMAKER_NAME = {
    minLength: 1,
    maxLength: 63,
    allowed: /[a-zA-Z0-9-]/,
    pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/,
    separator: "-",
    collapseSeparators: true,
} as const;

const RULES = {
    "s3-bucket": {
        title: "S3 bucket name",
        minLength: 3,
        maxLength: 63,
        // Dots are allowed by S3 but break virtual-hosted TLS (the wildcard certificate): never used.
        allowed: /[a-z0-9-]/,
        pattern: /^[a-z0-9].*[a-z0-9]$/,
        lowerCase: true,
        separator: "-",
        collapseSeparators: true,
        forbiddenPrefixes: ["xn--", "sthree-", "amzn-s3-demo-"],
        forbiddenSuffixes: ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"],
        source: "Amazon S3 User Guide, General purpose bucket naming rules",
    },
    "s3-bucket-prefix": {
        title: "S3 bucket name prefix",
        minLength: 4,
        // The provider appends 26 unique digits (terraform-provider-aws `bucket_prefix`): 63 - 26.
        maxLength: 37,
        allowed: /[a-z0-9-]/,
        pattern: /^[a-z0-9]/,
        lowerCase: true,
        separator: "-",
        collapseSeparators: true,
        after: "-",
        forbiddenPrefixes: ["xn--", "sthree-", "amzn-s3-demo-"],
        source: "Amazon S3 User Guide, General purpose bucket naming rules; aws_s3_bucket bucket_prefix",
    },
    "iam-role": {
        title: "IAM role name",
        minLength: 1,
        maxLength: 64,
        allowed: /[\w+=,.@-]/,
        caseInsensitive: true,
        separator: "-",
        source: "IAM API Reference, CreateRole (RoleName)",
    },
    "iam-policy": {
        title: "IAM policy name",
        minLength: 1,
        maxLength: 128,
        allowed: /[\w+=,.@-]/,
        caseInsensitive: true,
        separator: "-",
        source: "IAM API Reference, CreatePolicy (PolicyName)",
    },
    "sts-session-name": {
        title: "STS role session name",
        minLength: 2,
        maxLength: 64,
        allowed: /[\w+=,.@-]/,
        separator: "-",
        source: "AWS STS API Reference, AssumeRole (RoleSessionName)",
    },
    "kms-alias": {
        title: "KMS alias name",
        minLength: 7,
        maxLength: 256,
        allowed: /[a-zA-Z0-9/_-]/,
        separator: "-",
        before: "alias/",
        forbiddenPrefixes: ["alias/aws/"],
        source: "AWS KMS API Reference, CreateAlias (AliasName)",
    },
    "glue-database": { ...ATHENA_READABLE, title: "Glue database name", source: "AWS Glue API Reference, DatabaseInput (Name); Athena User Guide, Name databases, tables, and columns" },
    "glue-table": { ...ATHENA_READABLE, title: "Glue table name", source: "AWS Glue API Reference, TableInput (Name); Athena User Guide, Name databases, tables, and columns" },
    "glue-crawler": {
        title: "Glue crawler name",
        minLength: 1,
        maxLength: 255,
        allowed: SINGLE_LINE,
        separator: "-",
        source: "AWS Glue API Reference, CreateCrawler (Name)",
    },
    "glue-security-configuration": {
        title: "Glue security configuration name",
        minLength: 1,
        maxLength: 255,
        allowed: SINGLE_LINE,
        separator: "-",
        source: "AWS Glue API Reference, CreateSecurityConfiguration (Name)",
    },
    "athena-workgroup": {
        title: "Athena workgroup name",
        minLength: 1,
        maxLength: 128,
        allowed: /[a-zA-Z0-9._-]/,
        separator: "-",
        source: "Amazon Athena API Reference, CreateWorkGroup (Name)",
    },
    "log-group": {
        title: "CloudWatch Logs log group name",
        minLength: 1,
        maxLength: 512,
        allowed: /[._\-/#A-Za-z0-9]/,
        separator: "-",
        source: "Amazon CloudWatch Logs API Reference, CreateLogGroup (logGroupName)",
    },
    "lambda-function": {
        title: "Lambda function name",
        minLength: 1,
        maxLength: 64,
        allowed: /[a-zA-Z0-9_-]/,
        separator: "-",
        source: "AWS Lambda API Reference, CreateFunction (FunctionName, the name alone)",
    },
    "sns-topic": {
        title: "SNS topic name",
        minLength: 1,
        maxLength: 256,
        allowed: /[A-Za-z0-9_-]/,
        separator: "-",
        source: "Amazon SNS API Reference, CreateTopic (Name, standard topics)",
    },
    "codebuild-project": {
        title: "CodeBuild project name",
        minLength: 2,
        maxLength: 255,
        allowed: /[A-Za-z0-9_-]/,
        pattern: /^[A-Za-z0-9]/,
        separator: "-",
        source: "AWS CodeBuild API Reference, CreateProject (name)",
    },
    "codebuild-report-group": {
        title: "CodeBuild report group name",
        minLength: 2,
        maxLength: 128,
        allowed: /[A-Za-z0-9_-]/,
        pattern: /^[A-Za-z0-9]/,
        separator: "-",
        source: "AWS CodeBuild API Reference, CreateReportGroup (name)",
    },
    "codeconnections-connection": {
        title: "CodeConnections connection name",
        minLength: 1,
        maxLength: 32,
        allowed: /[A-Za-z0-9.@_-]/,
        separator: "-",
        source: "AWS CodeConnections API Reference, CreateConnection (ConnectionName)",
    },
    "ecr-repository": {
        title: "ECR repository name",
        minLength: 2,
        maxLength: 256,
        allowed: /[a-z0-9._/-]/,
        pattern: /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
        lowerCase: true,
        separator: "-",
        collapseSeparators: true,
        source: "Amazon ECR API Reference, CreateRepository (repositoryName)",
    },
    "sagemaker-endpoint": { ...SAGEMAKER_NAME, title: "SageMaker endpoint name", source: "Amazon SageMaker API Reference, CreateEndpoint (EndpointName)" },
    "sagemaker-model": { ...SAGEMAKER_NAME, title: "SageMaker model name", source: "Amazon SageMaker API Reference, CreateModel (ModelName)" },
    "sagemaker-monitoring-schedule": { ...SAGEMAKER_NAME, title: "SageMaker monitoring schedule name", source: "Amazon SageMaker API Reference, CreateMonitoringSchedule (MonitoringScheduleName)" },
    "sagemaker-job-definition": { ...SAGEMAKER_NAME, title: "SageMaker monitoring job definition name", source: "Amazon SageMaker API Reference, CreateDataQualityJobDefinition (JobDefinitionName)" },
    "sagemaker-processing-job": { ...SAGEMAKER_NAME, title: "SageMaker processing job name", source: "Amazon SageMaker API Reference, CreateProcessingJob (ProcessingJobName)" },
    "appautoscaling-policy": {
        title: "Application Auto Scaling policy name",
        minLength: 1,
        maxLength: 256,
        // PolicyName: \p{Print}+ without the ARN separators it is embedded in.
        allowed: /[\u0020-\u007E]/,
        pattern: /^[^:/]+$/,
        separator: "-",
        source: "Application Auto Scaling API Reference, PutScalingPolicy (PolicyName)",
    },
    "sagemaker-endpoint-config-prefix": {
        ...SAGEMAKER_NAME,
        title: "SageMaker endpoint configuration name prefix",
        // The provider appends a 26-character unique suffix to name_prefix (create_before_destroy
        // needs a new name for every replacement): 63 - 26.
        minLength: 2,
        maxLength: 37,
        pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9])*-$/,
        after: "-",
        source: "Amazon SageMaker API Reference, CreateEndpointConfig (EndpointConfigName); aws_sagemaker_endpoint_configuration name_prefix",
    },
    "rum-app-monitor": {
        title: "CloudWatch RUM app monitor name",
        minLength: 1,
        maxLength: 255,
        allowed: /[._\-#A-Za-z0-9]/,
        pattern: /^(?!\.)/,
        separator: "-",
        source: "CloudWatch RUM API Reference, CreateAppMonitor (Name)",
    },
    "cognito-identity-pool": {
        title: "Cognito identity pool name",
        minLength: 1,
        maxLength: 128,
        allowed: /[\w\s+=,.@-]/,
        separator: "-",
        source: "Amazon Cognito Federated Identities API Reference, CreateIdentityPool (IdentityPoolName)",
    },
    "cloudwatch-alarm": {
        title: "CloudWatch alarm name",
        minLength: 1,
        maxLength: 255,
        allowed: SINGLE_LINE,
        separator: "-",
        source: "Amazon CloudWatch API Reference, PutMetricAlarm (AlarmName)",
    },
    "eventbridge-rule": {
        title: "EventBridge rule name",
        minLength: 1,
        maxLength: 64,
        allowed: /[.\-_A-Za-z0-9]/,
        separator: "-",
        source: "Amazon EventBridge API Reference, PutRule (Name)",
    },
    "quicksight-id": {
        title: "QuickSight data source or dataset id",
        minLength: 1,
        maxLength: 128,
        allowed: /[\w-]/,
        separator: "-",
        source: "Amazon QuickSight API Reference, CreateDataSource (DataSourceId) and CreateDataSet (DataSetId)",
    },
    "sqs-queue": {
        title: "SQS queue name",
        minLength: 1,
        maxLength: 80,
        allowed: /[A-Za-z0-9_-]/,
        separator: "-",
        source: "Amazon SQS API Reference, CreateQueue (QueueName, standard queues)",
    },
} satisfies Record<string, NameRule>;

/** A kind of physical name: `physicalName(placement, logical, kind)` keeps its rule. */
export type NameKind = keyof typeof RULES;

export const NAME_RULES: Record<NameKind, NameRule> = RULES;
