import { z } from "zod";
import { awsAccountId, cronExpression, glueName, iamPolicyArn, iamPrincipalArn, iamRoleArn, resourceName, retentionDays, samlProviderArn, switchable, uniqueBy } from "./primitives";
import { ATHENA_MIN_BYTES_SCANNED_CUTOFF, columnTypeProblem } from "./awsLimits";
import { stackTags } from "./tags";
import { codeBuildE2ESchema } from "./codeBuildE2E";
import { webAppMonitorSchema } from "./webAppMonitor";
import { sageMakerEndpointPipelinesSchema } from "./sageMakerEndpointPipeline";
import { anomalyDetectorSchema } from "./anomalyDetector";

/**
 * The stack configuration, one zod schema per top-level key under `analytics-platform:`.
 *
 * Every object is strict (an unknown key is a mistake, most often a typo) and every default is the
 * safe one: data protected, versioned, long retention. A stack weakens a default by saying so.
 */

export const environmentSchema = z
    .strictObject({
        /** Protect data stores from deletion (Pulumi protect + retainOnDelete, no forceDestroy). */
        protectData: z.boolean().default(true),
        /** Keep every version of every object in the data buckets. */
        bucketVersioning: z.boolean().default(true),
        /** Retention of CloudWatch log groups the platform creates. */
        logRetentionDays: retentionDays.default(365),
        /** Days after which server access logs expire. */
        accessLogExpirationDays: z.number().int().min(1).max(3650).default(365),
        /** Days KMS waits before deleting a key scheduled for deletion. */
        kmsDeletionWindowDays: z.number().int().min(7).max(30).default(30),
        /** Extra tags on every resource (the project and stack tags are always set). */
        tags: stackTags.default({}),
    })
    .default({
        protectData: true,
        bucketVersioning: true,
        logRetentionDays: 365,
        accessLogExpirationDays: 365,
        kmsDeletionWindowDays: 30,
        tags: {},
    });

export const personasSchema = z
    .strictObject({
        /** Principals (account roots or roles) whose people may assume the persona roles. */
        trustedPrincipals: z.array(iamPrincipalArn).default([]),
        /** A SAML identity provider (IAM Identity Center or another IdP) for the persona roles. */
        samlProviderArn: samlProviderArn.optional(),
        /**
         * The identity that runs `pulumi up`. It may assume the data-lake admin role to register
         * locations and make grants, but is never itself a Lake Formation admin.
         */
        deployerRoleArn: iamPrincipalArn.optional(),
        /** Grant the project leader DATA_LOCATION_ACCESS on the lake (to create databases there). */
        projectLeaderDataLocationAccess: z.boolean().default(false),
        /** A permissions boundary (managed policy ARN) set on every IAM role the platform creates. */
        permissionsBoundary: iamPolicyArn.optional(),
    })
    .default({ trustedPrincipals: [], projectLeaderDataLocationAccess: false });

const columnSchema = z.strictObject({
    name: glueName,
    type: z.string().superRefine((type, ctx) => {
        const problem = columnTypeProblem(type);
        if (problem) ctx.addIssue({ code: "custom", input: type, message: problem });
    }),
});

const datasetSchema = z.strictObject({
    /** The prefix in the lake bucket and the Glue table name. */
    name: glueName,
    columns: uniqueBy(z.array(columnSchema).min(1), (c) => c.name, "column name"),
    /** CSV files start with a header line (the seed's Kaggle files do). */
    headerLine: z.boolean().default(true),
});

const lakeFormationSettingsSchema = z.strictObject({
    readOnlyAdmins: z.array(iamRoleArn).default([]),
    trustedResourceOwners: z.array(awsAccountId).default([]),
    allowExternalDataFiltering: z.boolean().default(false),
    externalDataFilteringAllowList: z.array(awsAccountId).default([]),
    authorizedSessionTagValueList: z.array(z.string().min(1)).default([]),
    allowFullTableExternalDataAccess: z.boolean().default(false),
    /** Lake Formation's cross-account sharing version (CROSS_ACCOUNT_VERSION), 1 to 4. */
    crossAccountVersion: z.number().int().min(1).max(4).default(4),
});

export const dataLakeSchema = switchable({
    /** The Glue database: a physical name, so that queries can name it. */
    databaseName: glueName,
    datasets: uniqueBy(z.array(datasetSchema).min(1), (d) => d.name, "dataset name"),
    crawlerSchedule: cronExpression,
    /** Days after which Athena query results expire. */
    queryResultsExpirationDays: z.number().int().min(1).max(3650).default(30),
    /**
     * Athena stops a query once it has scanned this many bytes. The minimum is AWS's; the maximum
     * is the organisation's, in policies/baseline/policy-config.<stack>.json.
     */
    bytesScannedCutoffPerQuery: z.number().int().min(ATHENA_MIN_BYTES_SCANNED_CUTOFF),
    /**
     * Lake Formation admins besides this stack's data-lake admin role. The admin list is one per
     * account and each stack writes all of it: stacks sharing an account list each other's role.
     */
    additionalLakeFormationAdmins: z.array(iamRoleArn).default([]),
    /**
     * The rest of the account-wide DataLakeSettings: PutDataLakeSettings replaces every field, so
     * each is stated here (defaults: no read-only admins, no external filtering, version 4).
     */
    lakeFormationSettings: lakeFormationSettingsSchema.default(() => lakeFormationSettingsSchema.parse({})),
    /** Seconds the admin provider waits for IAM to propagate a new or replaced data-lake admin role. */
    adminRolePropagationSeconds: z.number().int().min(0).max(300).default(30),
});

const analystTableSchema = z.strictObject({
    /** A dataset of the data lake. */
    name: glueName,
    /** Columns the group may not SELECT (Lake Formation column exclusion). */
    excludedColumns: uniqueBy(z.array(glueName), (c) => c, "excluded column").default([]),
});

const analystGroupSchema = z.strictObject({
    name: resourceName,
    tables: uniqueBy(z.array(analystTableSchema).min(1), (t) => t.name, "table name"),
});

export const athenaAnalystsSchema = switchable({
    // Each group is a component with its own role and workgroup: two of one name would collide.
    groups: uniqueBy(z.array(analystGroupSchema).min(1), (g) => g.name, "group name"),
});

/** The top-level keys under `analytics-platform:` and the schema of each. */
export const platformConfigSchema = z
    .strictObject({
        environment: environmentSchema,
        personas: personasSchema,
        dataLake: dataLakeSchema,
        athenaAnalysts: athenaAnalystsSchema.default({ enabled: false }),
        codeBuildE2E: codeBuildE2ESchema.default({ enabled: false }),
        webAppMonitor: webAppMonitorSchema.default({ enabled: false }),
        sageMakerEndpointPipelines: sageMakerEndpointPipelinesSchema.default({ enabled: false }),
        anomalyDetector: anomalyDetectorSchema.default({ enabled: false }),
    })
    .superRefine((config, ctx) => {
        const { dataLake, athenaAnalysts, personas } = config;
        anomalyDetectorSourceRules(config, ctx);
        if (dataLake.enabled && personas.trustedPrincipals.length === 0 && personas.samlProviderArn === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["personas", "trustedPrincipals"],
                message: "expected at least one of trustedPrincipals or samlProviderArn, so that people can assume the persona roles, found neither",
            });
        }
        if (config.codeBuildE2E.enabled && !dataLake.enabled && personas.trustedPrincipals.length === 0 && personas.samlProviderArn === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["personas", "trustedPrincipals"],
                message: "expected at least one of trustedPrincipals or samlProviderArn, so that people can assume the QA reader role of codeBuildE2E, found neither",
            });
        }
        if (!athenaAnalysts.enabled) return;
        if (!dataLake.enabled) {
            ctx.addIssue({
                code: "custom",
                path: ["athenaAnalysts", "enabled"],
                message: "analysts query the data lake: expected false while dataLake.enabled is false, found true",
            });
            return;
        }
        const datasets = new Map(dataLake.datasets.map((d) => [d.name, d]));
        athenaAnalysts.groups.forEach((group, g) =>
            group.tables.forEach((table, t) => {
                const dataset = datasets.get(table.name);
                if (!dataset) {
                    ctx.addIssue({
                        code: "custom",
                        path: ["athenaAnalysts", "groups", g, "tables", t, "name"],
                        message: `expected a dataset of dataLake.datasets (${[...datasets.keys()].join(", ")}), found "${table.name}"`,
                    });
                    return;
                }
                const columns = new Set(dataset.columns.map((c) => c.name));
                table.excludedColumns.forEach((column, c) => {
                    if (!columns.has(column)) {
                        ctx.addIssue({
                            code: "custom",
                            path: ["athenaAnalysts", "groups", g, "tables", t, "excludedColumns", c],
                            message: `expected a column of dataset ${dataset.name} (${[...columns].join(", ")}), found "${column}"`,
                        });
                    }
                });
            }),
        );
    });

/**
 * A detector that reads a lake dataset needs the lake, and its columns must be the dataset's: a
 * misspelt column would make every row malformed at run time, long after the plan said yes.
 */
function anomalyDetectorSourceRules(config: { anomalyDetector: z.infer<typeof anomalyDetectorSchema>; dataLake: z.infer<typeof dataLakeSchema> }, ctx: z.RefinementCtx): void {
    const { anomalyDetector, dataLake } = config;
    if (!anomalyDetector.enabled) return;
    if (anomalyDetector.quickSight.enabled && !dataLake.enabled) {
        ctx.addIssue({ code: "custom", path: ["anomalyDetector", "quickSight", "enabled"], message: "QuickSight reads the lake's tables: expected false while dataLake.enabled is false, found true" });
    }
    anomalyDetector.detectors.forEach((detector, d) => {
        const name = detector.source.dataset;
        if (name === undefined) return;
        const path = ["anomalyDetector", "detectors", d, "source", "dataset"];
        if (!dataLake.enabled) {
            ctx.addIssue({ code: "custom", path, message: `expected a bucket source while dataLake.enabled is false, found dataset "${name}"` });
            return;
        }
        const dataset = dataLake.datasets.find((x) => x.name === name);
        if (!dataset) {
            ctx.addIssue({ code: "custom", path, message: `expected a dataset of dataLake.datasets (${dataLake.datasets.map((x) => x.name).join(", ")}), found "${name}"` });
            return;
        }
        const columns = dataset.columns.map((c) => c.name);
        const check = (column: string, at: PropertyKey[]) => {
            if (!columns.includes(column)) {
                ctx.addIssue({ code: "custom", path: ["anomalyDetector", "detectors", d, ...at], message: `expected a column of dataset ${name} (${columns.join(", ")}), found "${column}"` });
            }
        };
        check(detector.timestamp.column, ["timestamp", "column"]);
        detector.measures.forEach((m, i) => check(m.column, ["measures", i, "column"]));
        detector.dimensions.forEach((x, i) => check(x.column, ["dimensions", i, "column"]));
    });
}

export type PlatformConfig = z.infer<typeof platformConfigSchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type PersonasConfig = z.infer<typeof personasSchema>;
/** The data lake's settings when it is switched on. */
export type DataLakeConfig = Extract<z.infer<typeof dataLakeSchema>, { enabled: true }>;
export type LakeFormationSettingsConfig = DataLakeConfig["lakeFormationSettings"];
export type DatasetConfig = z.infer<typeof datasetSchema>;
export type AnalystGroupConfig = z.infer<typeof analystGroupSchema>;
export type AnalystTableConfig = z.infer<typeof analystTableSchema>;
