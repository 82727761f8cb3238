import type { PackDefinition } from "../lib/packDefinition";
import { athenaPolicies } from "./rules/athena";
import { cloudwatchLogsPolicies } from "./rules/cloudwatchLogs";
import { codebuildPolicies } from "./rules/codebuild";
import { gluePolicies } from "./rules/glue";
import { iamPolicies } from "./rules/iam";
import { kmsPolicies } from "./rules/kms";
import { lakeFormationPolicies } from "./rules/lakeFormation";
import { lambdaPolicies } from "./rules/lambda";
import { rumPolicies } from "./rules/rum";
import { s3Policies } from "./rules/s3";
import { sagemakerPolicies } from "./rules/sagemaker";
import { snsPolicies } from "./rules/sns";
import { cloudwatchAlarmPolicies } from "./rules/cloudwatchAlarms";

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
        ...cloudwatchAlarmPolicies,
    ],
};
