/**
 * The personas of the data lake (docs/personas.md). Every persona role carries the tag
 * `persona=<name>` so that policies, the matrix and a reader of a stack export can tell them apart.
 */
export const PERSONA_TAG = "persona";

export const PERSONAS = ["data-lake-admin", "workflow", "project-leader", "analyst", "data-engineer", "anomaly-ingestion", "anomaly-alert"] as const;
export type Persona = (typeof PERSONAS)[number];

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
} as const;

/** The `purpose` of the role Lake Formation assumes for the registered lake location (not a persona). */
export const LAKE_LOCATION_ROLE_PURPOSE = "lake-formation-location";

/**
 * The personas whose roles a service assumes (a workload), not people: the baseline's trust rule
 * refuses people in their trust and services in every other persona's.
 */
export const SERVICE_PERSONAS: readonly string[] = ["workflow", "anomaly-ingestion", "anomaly-alert"];

/** The anomaly detector's function roles (components/anomalyDetector, personas/anomalyDetector.ts). */
export const ANOMALY_INGESTION_PERSONA = "anomaly-ingestion";
export const ANOMALY_ALERT_PERSONA = "anomaly-alert";
/** The tag every resource of one anomaly detector carries: its name. */
export const DETECTOR_TAG = "detector";
