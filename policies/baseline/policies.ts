import type { PackDefinition } from "../lib/packDefinition";
import { athenaPolicies } from "./rules/athena";
import { cloudwatchAlarmPolicies } from "./rules/cloudwatchAlarms";
import { cognitoPolicies } from "./rules/cognito";
import { cloudwatchLogsPolicies } from "./rules/cloudwatchLogs";
import { codebuildPolicies } from "./rules/codebuild";
import { dataRetentionPolicies } from "./rules/dataRetention";
import { gluePolicies } from "./rules/glue";
import { iamPolicies } from "./rules/iam";
import { kmsPolicies } from "./rules/kms";
import { lakeFormationPolicies } from "./rules/lakeFormation";
import { lambdaPolicies } from "./rules/lambda";
import { partitionPolicies } from "./rules/partition";
import { resourcePolicyPrincipals } from "./rules/resourcePolicyPrincipals";
import { rumPolicies } from "./rules/rum";
import { s3Policies } from "./rules/s3";
import { sagemakerPolicies } from "./rules/sagemaker";
import { snsPolicies } from "./rules/sns";

/**
 * The security baseline: every rule module's policies, as one pack. The CLI's PolicyPack
 * (index.ts) and the offline runner (`npm run policy`) both load this list.
 */
export const pack: PackDefinition = {
    name: "analytics-baseline",
    policies: [
        ...s3Policies,
        ...kmsPolicies,
        ...iamPolicies,
        ...lakeFormationPolicies,
        ...athenaPolicies,
        ...gluePolicies,
        ...cloudwatchLogsPolicies,
        ...codebuildPolicies,
        ...sagemakerPolicies,
        ...lambdaPolicies,
        ...snsPolicies,
        ...rumPolicies,
        ...dataRetentionPolicies,
        resourcePolicyPrincipals,
        ...cognitoPolicies,
        ...cloudwatchAlarmPolicies,
        ...partitionPolicies,
    ],
};
