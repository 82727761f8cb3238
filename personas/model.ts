import { Persona } from "./personaNames";

/**
 * The persona/permission model of docs/personas.md, as data: for each persona, what it MUST be
 * able to do and what it MUST NOT. It is an independent statement of intent: the components do not
 * read it to build their IAM policies or Lake Formation grants, and the policies in
 * `policies/personas` compare it with what a stack actually declares.
 *
 * Targets are symbolic ("the persona's own workgroup", "the lake bucket"): the access evaluator
 * resolves them against each stack, so the model holds for dev, prod and any other stack.
 */

/** The resources an `iam` capability can name, and what each stands for. */
export const RESOURCE_RESOLVERS = {
    ownWorkgroupArn: "the persona's own Athena workgroup",
    lakeBucketArn: "the lake bucket",
    anyResource: "any resource (\"*\", for actions without resource-level permissions)",
} as const;
export type ResourceResolver = keyof typeof RESOURCE_RESOLVERS;

/** Where a database or table would be created. */
export type LocationRef =
    /** The lake bucket (registered with Lake Formation in this program). */
    | "lake-bucket"
    /** A bucket Lake Formation does not manage: there, IAM alone decides. */
    | "unregistered-bucket";

/** The tables a `select` capability is about. */
export type TableRef =
    /** Every table the persona holds any Lake Formation permission on. */
    | "granted"
    /** One table by name (in any database of the stack, or the one given). */
    | { database?: string; name: string };

/** The columns a `select` capability is about. */
export type ColumnRef =
    /** The columns the persona's own grants exclude (or do not list). */
    | "excluded"
    /** One column by name. */
    | { name: string };

/** One thing a persona may be able to do; each kind is a typed check of the access evaluator. */
export type Capability =
    /** An IAM request: identity policies (and the resource's policy) allow `action` on the resource. */
    | { kind: "iam"; action: string; resource: ResourceResolver; context?: Record<string, string> }
    /** glue:CreateDatabase, plus Lake Formation admin or DATA_LOCATION_ACCESS when the location is registered. */
    | { kind: "createDatabaseIn"; location: LocationRef }
    /**
     * Lake Formation's half of creating a database or table in a registered location: admin or a
     * DATA_LOCATION_ACCESS grant, whatever IAM says. Checked on its own so that the grant is
     * caught before an IAM change (such as AmazonAthenaFullAccess) completes it, as in the seed.
     */
    | { kind: "dataLocationAccess"; location: LocationRef }
    /** glue:CreateTable, plus admin or CREATE_TABLE on the database, plus location access when registered. */
    | { kind: "createTableIn"; database: "lake-database"; location: LocationRef }
    /** A Lake Formation SELECT grant covering the table (column) and IAM lakeformation:GetDataAccess. */
    | { kind: "select"; table: TableRef; column?: ColumnRef }
    /** IAM lakeformation:PutDataLakeSettings (replacing the admin list, the default permissions). */
    | { kind: "changeLakeFormationSettings" }
    /** Listed in the stack's DataLakeSettings admins. */
    | { kind: "lakeFormationAdmin" }
    /** Lake Formation admin (or holder of grantable permissions) and IAM lakeformation:GrantPermissions. */
    | { kind: "grantLakeFormationPermissions" }
    /** AdministratorAccess attached, or the IAM power it stands for (create users, attach any policy). */
    | { kind: "administratorAccess" }
    /** iam:PassRole on the workflow role, or on any role other than the ones it must pass. */
    | { kind: "passRole"; role: "workflow" | "any other" }
    /** athena:StartQueryExecution (and reading results) in its own workgroup, or in any other. */
    | { kind: "athenaInWorkgroup"; workgroup: "own" | "other" }
    /** Write (and read back) query results under its workgroup's prefix, or under any other prefix. */
    | { kind: "writeQueryResults"; prefix: "own" | "other" }
    /** s3:GetObject on the lake bucket's objects (and kms:Decrypt through S3 when it is SSE-KMS). */
    | { kind: "readRawObjects" }
    /** The role's trust policy lets people (IAM principals, SAML) or an AWS service assume it. */
    | { kind: "assumableBy"; who: "people" | "service" };

export type CapabilityKind = Capability["kind"];

export type Expected = "must" | "must-not";

export interface Expectation {
    expected: Expected;
    capability: Capability;
    /** What the capability is, in the words the matrix prints ("create a Glue database in the lake bucket"). */
    description: string;
    /** What to change when the expectation does not hold, for the policy's message. */
    remedy: string;
}

export interface PersonaDefinition {
    persona: Persona;
    /** What the persona is for (docs/personas.md). */
    purpose: string;
    expectations: Expectation[];
}

const must = (capability: Capability, description: string, remedy: string): Expectation => ({ expected: "must", capability, description, remedy });
const mustNot = (capability: Capability, description: string, remedy: string): Expectation => ({ expected: "must-not", capability, description, remedy });

// Expectations several personas share.
const notLakeFormationAdmin = mustNot({ kind: "lakeFormationAdmin" }, "be a Lake Formation administrator",
    "remove the role's ARN from DataLakeSettings.admins: only the data-lake admin role is an admin");
const cannotChangeSettings = mustNot({ kind: "changeLakeFormationSettings" }, "change Lake Formation settings (lakeformation:PutDataLakeSettings)",
    "remove lakeformation:PutDataLakeSettings (or lakeformation:*) from the role's policies; AWSLakeFormationDataAdmin denies it explicitly");
const notIamAdministrator = mustNot({ kind: "administratorAccess" }, "hold AdministratorAccess or equivalent IAM power",
    "detach AdministratorAccess and remove iam:CreateUser / iam:AttachRolePolicy on any role from the role's policies");
const assumedByPeople = must({ kind: "assumableBy", who: "people" }, "be assumable by people (trusted principals or SAML)",
    "let the trusted principals or the SAML provider of the stack config assume the role (peopleTrustPolicy)");
const notAssumedByServices = mustNot({ kind: "assumableBy", who: "service" }, "be assumable by an AWS service",
    "remove Service principals from the role's trust policy: people's roles are for people only");

/**
 * The model. Each persona's first expectations are the ones docs/personas.md states; the rest close the
 * gaps a reviewer of the seed's set-up would ask about (who reads raw data, who passes roles).
 */
export const PERSONA_MODEL: Record<Persona, PersonaDefinition> = {
    "data-lake-admin": {
        persona: "data-lake-admin",
        purpose: "Lake Formation admin: registers locations, grants permissions",
        expectations: [
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
        ],
    },
    workflow: {
        persona: "workflow",
        purpose: "assumed by Glue crawlers and workflows: reads the lake bucket, creates tables",
        expectations: [
            must({ kind: "readRawObjects" }, "read objects of the lake bucket",
                "allow s3:GetObject on the lake bucket's objects and kms:Decrypt of its key through S3 (the seed's inline policy)"),
            must({ kind: "iam", action: "s3:ListBucket", resource: "lakeBucketArn", context: { "s3:prefix": "" } }, "list the lake bucket",
                "allow s3:ListBucket on the lake bucket"),
            must({ kind: "createTableIn", database: "lake-database", location: "lake-bucket" }, "create tables in the lake database (in the lake bucket)",
                "allow glue:CreateTable (AWSGlueServiceRole) and grant CREATE_TABLE on the database and DATA_LOCATION_ACCESS on the lake bucket"),
            must({ kind: "assumableBy", who: "service" }, "be assumable by AWS Glue",
                "trust glue.amazonaws.com in the role's trust policy (serviceTrustPolicy)"),
            mustNot({ kind: "assumableBy", who: "people" }, "be assumable by people",
                "trust only glue.amazonaws.com: remove AWS and Federated principals from the workflow role's trust policy"),
            notLakeFormationAdmin,
            cannotChangeSettings,
            mustNot({ kind: "passRole", role: "any other" }, "pass roles",
                "remove iam:PassRole from the workflow role's policies"),
        ],
    },
    "project-leader": {
        persona: "project-leader",
        purpose: "broader than an analyst: may create databases where granted a data location",
        expectations: [
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
            notIamAdministrator,
            mustNot({ kind: "passRole", role: "any other" }, "pass roles",
                "remove iam:PassRole from the project leader's policies"),
        ],
    },
    analyst: {
        persona: "analyst",
        purpose: "runs Athena queries in its workgroup, writes query results, SELECTs granted tables/columns",
        expectations: [
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
            mustNot({ kind: "passRole", role: "any other" }, "pass roles",
                "remove iam:PassRole from the analyst's policies"),
            mustNot({ kind: "athenaInWorkgroup", workgroup: "other" }, "run Athena queries in another group's workgroup",
                "scope athena:* to the group's own workgroup ARN (not AmazonAthenaFullAccess, not workgroup/*)"),
            mustNot({ kind: "writeQueryResults", prefix: "other" }, "read or write another group's query results",
                "scope the results bucket permissions to the group's own prefix"),
            assumedByPeople,
            notAssumedByServices,
            notLakeFormationAdmin,
            cannotChangeSettings,
        ],
    },
};
