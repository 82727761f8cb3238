import { Persona } from "./personaNames";
import { RiskAllowance } from "./riskClasses";
import { assumedByPeople, cannotChangeSettings, cannotGrant, cannotPassRoles, DATABASE_LOCATION_NOT_ENFORCEABLE, declared, must, mustNot, notAssumedByOutsiders, notAssumedByServices, notIamAdministrator, notLakeFormationAdmin, riskMustNots, serviceRoleTrust } from "./expectations";
import { PersonaDefinition } from "./types";
import { CODE_BUILD_E2E_PERSONAS } from "./codeBuildE2E";
import { WEB_APP_MONITOR_PERSONAS } from "./webAppMonitor";
import { SAGEMAKER_PERSONAS } from "./sageMakerEndpointPipeline";
import { ANOMALY_DETECTOR_PERSONAS } from "./anomalyDetector";

export * from "./types";
export { SERVICES_SENDING_SOURCE_KEYS } from "./expectations";

/**
 * The persona/permission model of docs/personas.md, as data: for each persona, what it MUST be
 * able to do and what it MUST NOT. It is an independent statement of intent: the components do not
 * read it to build their IAM policies or Lake Formation grants, and the policies in
 * `policies/personas` compare it with what a stack actually declares.
 *
 * Targets are symbolic ("the persona's own workgroup", "the lake bucket"): the access evaluator
 * resolves them against each stack, so the model holds for dev, prod and any other stack.
 */

/** The workflow role is Glue's alone. */
const glueTrust = serviceRoleTrust("glue.amazonaws.com", "AWS Glue");

/** What a person querying Athena holds: its workgroup, its results prefix, the key through S3. */
const RESULTS_AND_QUERIES: RiskAllowance[] = [
    // Queries and named queries, not the workgroup's settings (athena:UpdateWorkGroup would let it
    // change where results go, or turn off the enforced configuration).
    { risk: "infrastructure-modification", actions: ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:CreateNamedQuery", "athena:DeleteNamedQuery", "athena:UpdateNamedQuery"], on: ["own-workgroup"], why: "queries and named queries in its own workgroup" },
    { risk: "infrastructure-modification", actions: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"], on: ["own-results"], why: "Athena writes its results under its own prefix" },
    { risk: "infrastructure-modification", actions: ["kms:GenerateDataKey*", "kms:Encrypt"], on: ["platform-keys"], why: "results are SSE-KMS (through S3 only)" },
    { risk: "infrastructure-modification", actions: ["kms:Decrypt"], on: ["platform-keys"], why: "results are SSE-KMS (through S3 only)" },
    { risk: "infrastructure-modification", actions: ["lakeformation:GetDataAccess"], on: ["wildcard-only"], why: "Lake Formation vends data per grant" },
    { risk: "data-exfiltration", actions: ["s3:GetObject"], on: ["own-results"], why: "it reads back its own query results" },
    { risk: "data-exfiltration", actions: ["kms:Decrypt"], on: ["platform-keys"], why: "results are SSE-KMS (through S3 only)" },
];

/**
 * The model. Each persona's first expectations are the ones docs/personas.md states; the rest close the
 * gaps a reviewer of the seed's set-up would ask about (who reads raw data, who passes roles).
 */
export const PERSONA_MODEL: Record<Persona, PersonaDefinition> = {
    "data-lake-admin": {
        persona: "data-lake-admin",
        purpose: "Lake Formation admin: registers locations, grants permissions",
        mayBecome: ["workflow"],
        expectations: [
            declared,
            must({ kind: "lakeFormationAdmin" }, "be a Lake Formation administrator",
                "list the data-lake admin role's ARN in DataLakeSettings.admins"),
            must({ kind: "grantLakeFormationPermissions" }, "grant Lake Formation permissions",
                "make the role a Lake Formation admin and allow lakeformation:GrantPermissions (AWSLakeFormationDataAdmin does)"),
            must({ kind: "iam", action: "lakeformation:RegisterResource", resource: "anyResource" }, "call lakeformation:RegisterResource (register locations)",
                "attach AWSLakeFormationDataAdmin to the data-lake admin role"),
            must({ kind: "createDatabaseIn", location: "lake-bucket" }, "create a Glue database in the lake bucket",
                "allow glue:CreateDatabase (AWSLakeFormationDataAdmin) and keep the role a Lake Formation admin"),
            must({ kind: "passRole", role: "workflow" }, "pass the workflow role to Glue",
                "allow iam:PassRole on the workflow role (the seed's PassRolePermissions inline policy)"),
            assumedByPeople,
            notAssumedByServices,
            notIamAdministrator,
            mustNot({ kind: "changeLakeFormationSettings" }, "change Lake Formation settings (add admins) itself",
                "keep AWSLakeFormationDataAdmin's explicit deny: the IAM administrator (the deployer) manages the admin list"),
            notAssumedByOutsiders,
            ...riskMustNots,
        ],
        mayHold: [
            { risk: "privilege-escalation", actions: ["iam:PassRole"], on: ["workflow-role"], why: "it passes the workflow role to Glue" },
            { risk: "privilege-escalation", actions: ["iam:PassRole"], on: ["lake-location-role"], why: "it registers the lake location with Lake Formation's role for it" },
            { risk: "privilege-escalation", actions: ["glue:CreateDevEndpoint", "glue:UpdateDevEndpoint"], on: ["wildcard-only", "outside-the-platform"], why: "Glue's console policy; a dev endpoint can only run as a role it may pass (the workflow role)" },
            { risk: "resource-exposure", actions: ["lakeformation:*"], on: ["wildcard-only"], why: "it is the Lake Formation admin: granting is its job" },
            { risk: "resource-exposure", actions: ["glue:*"], on: ["catalog", "wildcard-only"], why: "it manages the catalog, its resource policy included (cross-account sharing)" },
            { risk: "infrastructure-modification", actions: ["lakeformation:*", "glue:*"], on: ["catalog", "wildcard-only"], why: "it registers locations and manages the catalog" },
            { risk: "infrastructure-modification", actions: ["iam:PassRole"], on: ["workflow-role", "lake-location-role"], why: "it passes the workflow role to Glue and the location role to Lake Formation" },
        ],
    },
    workflow: {
        persona: "workflow",
        purpose: "assumed by Glue crawlers and workflows: reads the lake bucket, creates tables",
        expectations: [
            declared,
            must({ kind: "readRawObjects" }, "read objects of the lake bucket",
                "allow s3:GetObject on the lake bucket's objects and kms:Decrypt of its key through S3 (the seed's inline policy)"),
            must({ kind: "iam", action: "s3:ListBucket", resource: "lakeBucketArn", context: { "s3:prefix": "" } }, "list the lake bucket",
                "allow s3:ListBucket on the lake bucket"),
            must({ kind: "createTableIn", database: "lake-database", location: "lake-bucket" }, "create tables in the lake database (in the lake bucket)",
                "allow glue:CreateTable (AWSGlueServiceRole) and grant CREATE_TABLE on the database and DATA_LOCATION_ACCESS on the lake bucket"),
            glueTrust.byService,
            glueTrust.notByPeople,
            notLakeFormationAdmin,
            cannotChangeSettings,
            cannotGrant,
            cannotPassRoles("the workflow role"),
            glueTrust.onlyByService,
            ...riskMustNots,
        ],
        mayHold: [
            { risk: "privilege-escalation", actions: ["glue:CreateDevEndpoint", "glue:UpdateDevEndpoint"], on: ["wildcard-only", "outside-the-platform"], why: "AWSGlueServiceRole's glue:*; without iam:PassRole a dev endpoint cannot run as another role" },
            { risk: "resource-exposure", actions: ["glue:*"], on: ["catalog", "wildcard-only"], why: "AWSGlueServiceRole's glue:* on the catalog; Lake Formation governs the data" },
            { risk: "infrastructure-modification", actions: ["glue:*"], on: ["catalog", "wildcard-only"], why: "crawlers and jobs create and update tables and partitions" },
            { risk: "infrastructure-modification", actions: ["kms:Decrypt", "lakeformation:GetDataAccess"], on: ["platform-keys", "wildcard-only"], why: "it reads the SSE-KMS lake and Lake Formation-governed tables" },
            { risk: "data-exfiltration", actions: ["s3:GetObject", "s3:GetObjectVersion"], on: ["lake-objects"], why: "crawlers read the lake's objects" },
            { risk: "data-exfiltration", actions: ["kms:Decrypt"], on: ["platform-keys"], why: "the lake's objects are SSE-KMS" },
        ],
    },
    "project-leader": {
        persona: "project-leader",
        purpose: "broader than an analyst: may create databases where granted a data location",
        expectations: [
            declared,
            must({ kind: "athenaInWorkgroup", workgroup: "own" }, "run Athena queries in its own workgroup",
                "allow athena:StartQueryExecution and athena:GetQueryResults on the lake workgroup"),
            must({ kind: "writeQueryResults", prefix: "own" }, "write and read its query results",
                "allow s3:PutObject/GetObject under the workgroup's results prefix and kms:GenerateDataKey/Decrypt through S3"),
            must({ kind: "select", table: "granted" }, "SELECT the tables it is granted",
                "grant SELECT on the table and allow lakeformation:GetDataAccess"),
            assumedByPeople,
            notAssumedByServices,
            notLakeFormationAdmin,
            cannotChangeSettings,
            cannotGrant,
            notIamAdministrator,
            cannotPassRoles("the project leader"),
            notAssumedByOutsiders,
            ...riskMustNots,
            mustNot({ kind: "iam", action: "lakeformation:DeregisterResource", resource: "anyResource" }, "deregister the lake location (lakeformation:DeregisterResource)",
                "replace AWSLakeFormationDataAdmin with the project leader's scoped policy: it must not call lakeformation:DeregisterResource"),
            { ...mustNot({ kind: "createDatabaseIn", location: "unregistered-bucket" }, "create a Glue database in a bucket Lake Formation does not manage",
                "scope glue:CreateDatabase to the lake's registered locations: a database elsewhere escapes Lake Formation's control"),
                pending: DATABASE_LOCATION_NOT_ENFORCEABLE },
        ],
        mayHold: [
            ...RESULTS_AND_QUERIES,
            { risk: "infrastructure-modification", actions: ["glue:CreateDatabase", "glue:CreateTable"], on: ["catalog"], why: "it creates databases and tables where Lake Formation grants it the location" },
        ],
    },
    analyst: {
        persona: "analyst",
        purpose: "runs Athena queries in its workgroup, writes query results, SELECTs granted tables/columns",
        expectations: [
            declared,
            must({ kind: "athenaInWorkgroup", workgroup: "own" }, "run Athena queries in its own workgroup",
                "allow athena:StartQueryExecution and athena:GetQueryResults on the group's workgroup"),
            must({ kind: "writeQueryResults", prefix: "own" }, "write and read its query results",
                "allow s3:PutObject/GetObject under the group's results prefix and kms:GenerateDataKey/Decrypt through S3"),
            must({ kind: "select", table: "granted" }, "SELECT the tables it is granted",
                "grant SELECT on the table and allow lakeformation:GetDataAccess"),
            mustNot({ kind: "select", table: "granted", column: "excluded" }, "SELECT the columns its grants exclude",
                "remove the other grant that covers the excluded column (Lake Formation grants add up)"),
            mustNot({ kind: "createDatabaseIn", location: "lake-bucket" }, "create a Glue database in the lake bucket",
                "remove glue:CreateDatabase (AmazonAthenaFullAccess allows it) or the DATA_LOCATION_ACCESS grant on the lake"),
            mustNot({ kind: "dataLocationAccess", location: "lake-bucket" }, "hold Lake Formation data-location access on the lake bucket",
                "drop the DATA_LOCATION_ACCESS grant to the analyst: with glue:CreateDatabase in IAM it lets the analyst create databases there (the seed's last set-up)"),
            mustNot({ kind: "createDatabaseIn", location: "unregistered-bucket" }, "create a Glue database in a bucket Lake Formation does not manage",
                "remove glue:CreateDatabase from the analyst's policies (AmazonAthenaFullAccess allows it on *)"),
            mustNot({ kind: "readRawObjects" }, "read raw objects of the lake bucket directly (S3 through IAM)",
                "remove s3:GetObject on the lake bucket from the analyst's policies: Lake Formation vends data per grant"),
            cannotPassRoles("the analyst"),
            mustNot({ kind: "athenaInWorkgroup", workgroup: "other" }, "run Athena queries in another group's workgroup",
                "scope athena:* to the group's own workgroup ARN (not AmazonAthenaFullAccess, not workgroup/*)"),
            mustNot({ kind: "writeQueryResults", prefix: "other" }, "read or write another group's query results",
                "scope the results bucket permissions to the group's own prefix"),
            assumedByPeople,
            notAssumedByServices,
            notLakeFormationAdmin,
            cannotChangeSettings,
            cannotGrant,
            notAssumedByOutsiders,
            ...riskMustNots,
        ],
        mayHold: [...RESULTS_AND_QUERIES],
    },
    "data-engineer": {
        persona: "data-engineer",
        purpose: "writes the lake's datasets (s3:PutObject under the dataset prefixes, the key through S3); nothing else of the lake",
        expectations: [
            declared,
            must({ kind: "iam", action: "s3:PutObject", resource: "lakeDatasetObjects", context: { "s3:x-amz-server-side-encryption": "aws:kms" } }, "write objects under the lake's dataset prefixes",
                "allow s3:PutObject on the lake bucket's dataset prefixes (`<dataset>/*`) and kms:GenerateDataKey of the lake key through S3"),
            assumedByPeople,
            notAssumedByServices,
            notAssumedByOutsiders,
            notLakeFormationAdmin,
            cannotChangeSettings,
            cannotGrant,
            notIamAdministrator,
            mustNot({ kind: "readRawObjects" }, "read raw objects of the lake bucket directly (S3 through IAM)",
                "allow only s3:PutObject under the dataset prefixes: reading goes through Lake Formation"),
            cannotPassRoles("the data engineer"),
            mustNot({ kind: "createDatabaseIn", location: "unregistered-bucket" }, "create a Glue database in a bucket Lake Formation does not manage",
                "remove glue:CreateDatabase from the data engineer's policies"),
            ...riskMustNots,
        ],
        mayHold: [
            { risk: "infrastructure-modification", actions: ["s3:PutObject", "s3:AbortMultipartUpload"], on: ["lake-dataset-prefixes"], why: "it writes the datasets" },
            { risk: "infrastructure-modification", actions: ["kms:GenerateDataKey*", "kms:Encrypt", "kms:Decrypt"], on: ["platform-keys"], why: "the lake is SSE-KMS (through S3 only); multipart uploads need kms:Decrypt" },
            // kms:Decrypt alone reads nothing: without s3:GetObject (its readRawObjects must-not) no object reaches it.
            { risk: "data-exfiltration", actions: ["kms:Decrypt"], on: ["platform-keys"], why: "multipart uploads to an SSE-KMS bucket need kms:Decrypt" },
        ],
    },
    ...CODE_BUILD_E2E_PERSONAS,
    ...WEB_APP_MONITOR_PERSONAS,
    ...SAGEMAKER_PERSONAS,

    ...ANOMALY_DETECTOR_PERSONAS,
};
