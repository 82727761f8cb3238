/**
 * The personas of the data lake (docs/personas.md). Every persona role carries the tag
 * `persona=<name>` so that policies, the matrix and a reader of a stack export can tell them apart.
 */
export const PERSONA_TAG = "persona";

export const PERSONAS = ["data-lake-admin", "workflow", "project-leader", "analyst", "data-engineer", "e2e-build", "qa-reader", "rum-guest", "sagemaker-execution", "ml-engineer", "sagemaker-caller", "anomaly-ingestion", "anomaly-alert"] as const;
export type Persona = (typeof PERSONAS)[number];

/** The personas that are AWS services' roles (trusted by a service, never by people); the others are people's. */
export const SERVICE_PERSONAS: readonly Persona[] = ["workflow", "e2e-build", "sagemaker-execution", "anomaly-ingestion", "anomaly-alert"];

/** Whether a persona tag's value names a service's persona (any string: tags are read from stacks). */
export function isServicePersona(persona: string): boolean {
    return (SERVICE_PERSONAS as readonly string[]).includes(persona);
}

/** The role name the seed gives the Glue workflow role; the stack name is appended. */
export const WORKFLOW_ROLE_BASE_NAME = "LakeFormationWorkflowRole";

/** The tag an analyst group's role and its workgroup share (set by AthenaAnalystRole). */
export const ANALYST_GROUP_TAG = "analyst-group";

/**
 * What each bucket holds, as the tag `purpose`: the policies tell the lake bucket from the results
 * and log buckets by it (the log bucket may use SSE-S3, which S3 access logging requires).
 */
export const PURPOSE_TAG = "purpose";
export const BUCKET_PURPOSES = {
    lake: "data-lake",
    queryResults: "athena-query-results",
    accessLogs: "access-logs",
    e2eReports: "e2e-reports",
} as const;

/** The `purpose` of the role Lake Formation assumes for the registered lake location (not a persona). */
export const LAKE_LOCATION_ROLE_PURPOSE = "lake-formation-location";

/** The prefix of the E2E report bucket each CodeBuild build writes its Karate reports under (`karate/<build id>/`). */
export const E2E_REPORTS_PREFIX = "karate/";

/** The tag a SageMaker pipeline's roles and endpoint share (set by SageMakerEndpointPipeline). */
export const SAGEMAKER_PIPELINE_TAG = "sagemaker-pipeline";

/** The anomaly detector's function roles (components/anomalyDetector, personas/anomalyDetector.ts). */
export const ANOMALY_INGESTION_PERSONA = "anomaly-ingestion";
export const ANOMALY_ALERT_PERSONA = "anomaly-alert";
/** The tag every resource of one anomaly detector carries: its name. */
export const DETECTOR_TAG = "detector";
