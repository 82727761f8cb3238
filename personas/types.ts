import type { PlatformConfig } from "../config/schema";
import { Persona } from "./personaNames";
import { RiskAllowance, RiskClass } from "./riskClasses";

/** The vocabulary of the persona model (personas/model.ts): capabilities, expectations, definitions. */

/** The resources an `iam` capability can name, and what each stands for. */
export const RESOURCE_RESOLVERS = {
    ownWorkgroupArn: "the persona's own Athena workgroup",
    lakeBucketArn: "the lake bucket",
    anyResource: "any resource (\"*\", for actions without resource-level permissions)",
    lakeDatasetObjects: "an object under each of the lake's dataset prefixes",
    e2eReportObjects: "an object under the Karate reports prefix of the E2E report bucket",
    otherBucketObjects: "an object of each bucket of the stack but the E2E report bucket",
    e2eProject: "the Karate E2E CodeBuild project",
    e2eReportGroup: "the Karate E2E report group",
    e2eBuildLogStream: "a log stream of the E2E project's log group",
    e2eImageRepository: "the karate-chrome ECR repository",
    ownAppMonitorArn: "the RUM app monitor that names the role as its guest role",
    ownSageMakerEndpoints: "the SageMaker endpoints of the role's pipeline (all of the stack's for a role of no pipeline)",
    otherSageMakerEndpoints: "SageMaker endpoints of other pipelines, and one outside the platform",
    ownDetectorSourceObjects: "an object under its anomaly detector's source prefix (from the stack config)",
    otherLakeDatasetObjects: "an object under each lake dataset prefix its anomaly detector does not read",
    ownWebhookParameter: "its anomaly detector's webhook URL parameter (from the stack config)",
    otherParameter: "any other SSM parameter of the account",
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
    /** The stack declares a role for the persona (a role tagged persona=<name>): no persona is dropped silently. */
    | { kind: "declared" }
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
    | { kind: "assumableBy"; who: "people" | "service" }
    /**
     * Anyone beyond what the persona may trust: another account, a web-identity provider, a service
     * other than `services`, or one of them acting for another account (confused deputy).
     */
    | { kind: "assumableByOutsiders"; services: string[] }
    /**
     * Any action of a risk class (personas/riskClasses.ts) on a platform resource, beyond the
     * persona's `mayHold`: the catalogue-wide must-not.
     */
    | { kind: "risk"; risk: RiskClass }
    /** Become another role of the stack (assume it, pass it to a service that runs code, rewrite its trust) beyond `mayBecome`. */
    | { kind: "becomeOthers" }
    /**
     * Who a web-identity trust lets in through Amazon Cognito: its own identity pool's guests
     * (unauthenticated identities), or anyone else. "Own" is the pool its app monitor names.
     */
    | { kind: "assumableWithCognito"; who: CognitoCaller }
    /** cloudwatch:PutMetricData in its anomaly detector's namespace (the cloudwatch:namespace condition), or in any other. */
    | { kind: "putMetrics"; namespace: "own" | "other" };

/**
 * The callers an `assumableWithCognito` capability is about: its own identity pool's guests, or
 * anyone else (that pool's signed-in users, identities of another pool, IAM roles, other web-identity providers).
 */
export type CognitoCaller = "own-pool-guests" | "anyone-else";

export type CapabilityKind = Capability["kind"];

export type Expected = "must" | "must-not";

export interface Expectation {
    expected: Expected;
    capability: Capability;
    /** What the capability is, in the words the matrix prints ("create a Glue database in the lake bucket"). */
    description: string;
    /** What to change when the expectation does not hold, for the policy's message. */
    remedy: string;
    /**
     * Set while a change the expectation depends on is not in the program yet: the matrix shows the
     * row as it is, the persona policies do not fail the stack on it. Remove it when the change lands.
     */
    pending?: string;
}

export interface PersonaDefinition {
    persona: Persona;
    /** What the persona is for (docs/personas.md). */
    purpose: string;
    expectations: Expectation[];
    /** What the persona may hold of each risk class (its job): everything else of the class is a violation. */
    mayHold: RiskAllowance[];
    /** The personas whose roles it may become (the admin passes the workflow role to Glue); their own rows check them. */
    mayBecome?: Persona[];
    /** Set while the program does not declare the persona's role yet: its absence is shown, not enforced. */
    pendingDeclaration?: string;
    /**
     * When a stack must declare the persona's role: the personas of a component the stack switches
     * off are not expected (their roles, if any, are still checked). Absent: always. Read from the
     * stack's config, never from its resources; without a config (an export of another project) a
     * persona with this predicate is expected only where a role carries its tag.
     */
    declaredWhen?: (config: PlatformConfig) => boolean;
}

