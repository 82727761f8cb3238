import { RESOURCE_RESOLVERS, ResourceResolver } from "../../../personas/model";
import { ANALYST_GROUP_TAG, BUCKET_PURPOSES, DETECTOR_TAG, E2E_REPORTS_PREFIX, PURPOSE_TAG, SAGEMAKER_PIPELINE_TAG } from "../../../personas/personaNames";
import { PERSONA_TAG, Persona } from "../../../personas/personaNames";
import { RoleFacts } from "../../lib/iamRoles";
import { Maybe, Unknown, isUnknown } from "../../lib/unknownValues";
import { LakeFormationState } from "../lakeFormation/lakeFormationState";
import { s3UriToArn } from "../stack/arns";
import { BucketFacts, WorkgroupFacts } from "../stack/dataFacts";
import { AppMonitorFacts } from "../stack/webMonitorFacts";
import { StackInventory } from "../stack/inventory";
import { SERVICE_RESOURCE_TYPES } from "../stack/serviceFacts";
import { StackConfigSource, detectorOf, excludedColumnsOf } from "../stack/stackConfig";

/** Where a workgroup writes its results: the bucket, the prefix and the key. */
export interface ResultsLocation {
    bucketArn: string;
    /** `arn:aws:s3:::bucket/prefix/` */
    prefixArn: string;
    prefix: string;
    kmsKeyArn?: Maybe<string>;
}

/** A table of the catalog, and optionally one of its columns. */
export interface TableTarget {
    database: string;
    table: string;
    column?: string;
}

/** A bucket Lake Formation manages nowhere: the probe for "a location IAM alone decides". */
const UNREGISTERED_PROBE_BUCKET = "persona-probe-unregistered-bucket";

/**
 * The model's symbolic targets ("own workgroup", "the lake bucket", "granted tables") resolved
 * against one stack. Conventions of the components: an analyst role and its workgroup share the
 * `analyst-group` tag; the lake bucket is tagged `purpose=data-lake` (else: the registered buckets).
 */
export class PersonaTargets {
    constructor(readonly inventory: StackInventory, private readonly lakeFormation: LakeFormationState, readonly stackConfig?: StackConfigSource) {}

    private get p() {
        return this.inventory.placement;
    }

    arn(service: string, resource: string, opts: { region?: string; account?: string } = {}): string {
        return `arn:${this.p.partition}:${service}:${opts.region ?? this.p.region}:${opts.account ?? this.p.account}:${resource}`;
    }

    /** A role's ARN, or the one it will have (from its name) while unknown. */
    roleArn(role: RoleFacts): string {
        if (typeof role.arn === "string") return role.arn;
        return this.arn("iam", `role/${typeof role.roleName === "string" ? role.roleName : role.name}`, { region: "" });
    }

    rolesOf(persona: Persona): RoleFacts[] {
        return this.inventory.roles.filter((r) => r.tags[PERSONA_TAG] === persona);
    }

    /** The workgroups that share the role's analyst-group tag; for other roles, those without one. */
    ownWorkgroups(role: RoleFacts): WorkgroupFacts[] {
        const group = role.tags[ANALYST_GROUP_TAG];
        return this.inventory.workgroups.filter((w) => w.tags[ANALYST_GROUP_TAG] === group);
    }

    workgroupPattern(): string {
        return this.arn("athena", "workgroup/*");
    }

    rolePattern(): string {
        return this.arn("iam", "role/*", { region: "" });
    }

    resultsLocation(workgroup: WorkgroupFacts): Maybe<ResultsLocation> {
        const uri = workgroup.outputLocation;
        if (uri === undefined) return new Unknown(`the results location of workgroup ${workgroup.name} (it sets none)`);
        if (isUnknown(uri)) return uri;
        const prefixArn = s3UriToArn(uri.endsWith("/") ? uri : `${uri}/`, this.p.partition);
        if (!prefixArn) return new Unknown(`the results location of workgroup ${workgroup.name} (${uri} is not an S3 URI)`);
        const bucketArn = prefixArn.split("/")[0];
        return { bucketArn, prefixArn, prefix: prefixArn.slice(bucketArn.length + 1), kmsKeyArn: workgroup.kmsKeyArn };
    }

    /** Every bucket some workgroup writes results to. */
    resultsBuckets(): string[] {
        const buckets = this.inventory.workgroups.map((w) => this.resultsLocation(w)).filter((l): l is ResultsLocation => !isUnknown(l)).map((l) => l.bucketArn);
        return [...new Set(buckets)];
    }

    /** The lake bucket(s): tagged as the lake, else every bucket registered with Lake Formation. */
    lakeBuckets(): BucketFacts[] {
        const tagged = this.inventory.buckets.filter((b) => b.tags[PURPOSE_TAG] === BUCKET_PURPOSES.lake);
        if (tagged.length > 0) return tagged;
        return this.inventory.buckets.filter((b) => typeof b.arn === "string" && this.lakeFormation.registration(b.arn).allowed === true);
    }

    unregisteredBucketArn(): string {
        return `arn:${this.p.partition}:s3:::${UNREGISTERED_PROBE_BUCKET}`;
    }

    /**
     * An object under each dataset prefix of a lake bucket: the program keeps a dataset's objects
     * under `<dataset>/`, and the catalog declares one table per dataset.
     */
    datasetObjectArns(lakeBucketArn: string): string[] {
        const names = this.inventory.tables.map((t) => t.tableName).filter((n): n is string => typeof n === "string");
        return [...new Set(names)].map((name) => `${lakeBucketArn}/${name}/persona-probe-object`);
    }

    lakeDatabases(): Maybe<string>[] {
        return this.inventory.databases.map((d) => d.databaseName);
    }

    resource(resolver: ResourceResolver, role: RoleFacts): { label: string; arn: Maybe<string> }[] {
        switch (resolver) {
            case "ownWorkgroupArn":
                return this.ownWorkgroups(role).map((w) => ({ label: `workgroup ${w.name}`, arn: w.arn }));
            case "lakeBucketArn":
                return this.lakeBuckets().map((b) => ({ label: `bucket ${b.name}`, arn: b.arn }));
            case "anyResource":
                return [{ label: RESOURCE_RESOLVERS.anyResource, arn: "*" }];
            case "ownSageMakerEndpoints":
            case "otherSageMakerEndpoints": {
                const pipeline = role.tags[SAGEMAKER_PIPELINE_TAG];
                const own = (e: { tags: Record<string, string> }) => pipeline === undefined || e.tags[SAGEMAKER_PIPELINE_TAG] === pipeline;
                const wanted = resolver === "ownSageMakerEndpoints" ? own : (e: { tags: Record<string, string> }) => !own(e);
                const endpoints = this.inventory.endpoints.filter(wanted).map((e) => ({ label: `endpoint ${e.name}`, arn: e.arn }));
                return resolver === "ownSageMakerEndpoints"
                    ? endpoints
                    : [...endpoints, { label: "an endpoint outside the platform", arn: this.arn("sagemaker", "endpoint/persona-probe-endpoint") }];
            }
            case "lakeDatasetObjects":
                return this.lakeBuckets().flatMap((b): { label: string; arn: Maybe<string> }[] => (typeof b.arn === "string"
                    ? this.datasetObjectArns(b.arn).map((arn) => ({ label: arn.slice(0, arn.lastIndexOf("/") + 1), arn }))
                    : [{ label: `bucket ${b.name}`, arn: b.arn }]));
            case "e2eReportObjects":
                return this.e2eReportBuckets().map((b) => ({
                    label: `${b.name}/${E2E_REPORTS_PREFIX}`,
                    arn: typeof b.arn === "string" ? `${b.arn}/${E2E_REPORTS_PREFIX}persona-probe-build/karate-reports/karate-summary.html` : b.arn,
                }));
            case "otherBucketObjects":
                return this.inventory.buckets.filter((b) => !this.e2eReportBuckets().includes(b))
                    .map((b) => ({ label: `objects of bucket ${b.name}`, arn: typeof b.arn === "string" ? `${b.arn}/persona-probe-object` : b.arn }));
            case "e2eProject":
                return this.serviceResources(SERVICE_RESOURCE_TYPES.codebuildProject);
            case "e2eReportGroup":
                return this.serviceResources(SERVICE_RESOURCE_TYPES.codebuildReportGroup);
            case "e2eImageRepository":
                return this.serviceResources(SERVICE_RESOURCE_TYPES.ecrRepository);
            case "e2eBuildLogStream":
                // CodeBuild's log groups are `/aws/codebuild/<project>`: one per project of the stack.
                return this.inventory.serviceResources
                    .filter((r) => r.type === SERVICE_RESOURCE_TYPES.logGroup && typeof r.physicalName === "string"
                        && this.inventory.serviceResources.some((p) => p.type === SERVICE_RESOURCE_TYPES.codebuildProject && r.physicalName === `/aws/codebuild/${String(p.physicalName)}`))
                    .map((r) => ({ label: `log group ${String(r.physicalName)}`, arn: typeof r.arn === "string" ? `${r.arn}:log-stream:persona-probe-build` : r.arn }));
            case "ownAppMonitorArn":
                return this.ownAppMonitors(role).map((m) => ({ label: `app monitor ${m.name}`, arn: m.arn }));
            case "ownDetectorSourceObjects":
                return this.detectorSourcePrefixArns(role).map((prefix) => ({ label: prefix, arn: `${prefix}persona-probe-object` }));
            case "otherLakeDatasetObjects": {
                const own = this.detectorSourcePrefixArns(role);
                return this.lakeBuckets().flatMap((b) => (typeof b.arn === "string" ? this.datasetObjectArns(b.arn) : []))
                    .filter((arn) => !own.some((prefix) => arn.startsWith(prefix)))
                    .map((arn) => ({ label: arn.slice(0, arn.lastIndexOf("/") + 1), arn }));
            }
            case "ownWebhookParameter": {
                const arn = this.webhookParameterArn(role);
                return arn === undefined ? [] : [{ label: `parameter ${arn.slice(arn.indexOf(":parameter") + 10)}`, arn }];
            }
            case "otherParameter":
                return [{ label: RESOURCE_RESOLVERS.otherParameter, arn: this.arn("ssm", "parameter/persona-probe/other-parameter") }];
        }
    }

    /** The buckets the E2E builds write their reports to (tagged purpose=e2e-reports). */
    e2eReportBuckets(): BucketFacts[] {
        return this.inventory.buckets.filter((b) => b.tags[PURPOSE_TAG] === BUCKET_PURPOSES.e2eReports);
    }

    private serviceResources(type: string): { label: string; arn: Maybe<string> }[] {
        return this.inventory.serviceResources.filter((r) => r.type === type).map((r) => ({ label: `${type.split(":")[1].split("/")[1]} ${r.name}`, arn: r.arn }));
    }

    /**
     * The RUM app monitors whose web client assumes this role (their guestRoleArn names it): the
     * monitor hands the role to the pages, as an analyst's workgroup shares its group tag.
     */
    ownAppMonitors(role: RoleFacts): AppMonitorFacts[] {
        const arn = this.roleArn(role);
        return this.inventory.appMonitors.filter((m) => m.guestRoleArn === arn || (isUnknown(m.guestRoleArn) && this.inventory.appMonitors.length === 1));
    }

    /**
     * The source prefix(es) of the role's anomaly detector (its `detector` tag), as S3 ARNs ending
     * with "/", from the stack config: a lake dataset's prefix in each lake bucket, or the configured
     * bucket and prefix. Empty without a config or a detector of that name.
     */
    detectorSourcePrefixArns(role: RoleFacts): string[] {
        const detector = role.tags[DETECTOR_TAG];
        const found = detector !== undefined && this.stackConfig ? detectorOf(this.stackConfig, detector) : undefined;
        if (!found) return [];
        if (found.dataset !== undefined) {
            return this.lakeBuckets().flatMap((b) => (typeof b.arn === "string" ? [`${b.arn}/${found.prefix}`] : []));
        }
        return [`arn:${this.p.partition}:s3:::${found.bucket}/${found.prefix}`];
    }

    /** The SSM parameter holding the role's detector's webhook URL (from the stack config). */
    webhookParameterArn(role: RoleFacts): string | undefined {
        const detector = role.tags[DETECTOR_TAG];
        const name = detector !== undefined && this.stackConfig ? detectorOf(this.stackConfig, detector)?.webhookParameter : undefined;
        return name === undefined ? undefined : this.arn("ssm", `parameter${name}`);
    }

    /**
     * The metric namespace of the role's detector, by the component's convention
     * `<project>/<stack>/<detector>`, with project and stack from the role's URN
     * (`urn:pulumi:<stack>::<project>::...`) and the detector from its tag.
     */
    detectorNamespace(role: RoleFacts): string | undefined {
        const detector = role.tags[DETECTOR_TAG];
        const [stack, project] = role.urn.replace(/^urn:pulumi:/, "").split("::");
        return detector === undefined || !project ? undefined : `${project}/${stack}/${detector}`;
    }

    /** Every table the role holds a Lake Formation permission on (a wildcard: each declared table). */
    grantedTables(role: RoleFacts): TableTarget[] {
        const found = new Map<string, TableTarget>();
        for (const grant of this.lakeFormation.grantsTo(role)) {
            const t = grant.target;
            if (t.kind !== "table" && t.kind !== "columns") continue;
            if (isUnknown(t.database) || isUnknown(t.table)) {
                // A preview may not know the database's name yet: the declared tables it may be.
                for (const table of this.inventory.tables) {
                    if (typeof table.databaseName !== "string" || typeof table.tableName !== "string") continue;
                    if (!isUnknown(t.database) && t.database !== "*" && t.database !== table.databaseName) continue;
                    if (!isUnknown(t.table) && t.table !== "*" && t.table !== table.tableName) continue;
                    found.set(`${table.databaseName}.${table.tableName}`, { database: table.databaseName, table: table.tableName });
                }
                continue;
            }
            const tables = t.table === "*" ? this.tablesOf(t.database) : [t.table];
            for (const table of tables.length > 0 ? tables : ["*"]) found.set(`${t.database}.${table}`, { database: t.database, table });
        }
        return [...found.values()];
    }

    /** Why the tables granted to the role cannot be told (grants whose table a preview does not know), if so. */
    grantedTablesUnknown(role: RoleFacts): string | undefined {
        const open = this.lakeFormation.grantsTo(role).filter((g) => (g.target.kind === "table" || g.target.kind === "columns") && (isUnknown(g.target.database) || isUnknown(g.target.table)));
        return open.length > 0 ? `the tables of ${open.map((g) => `grant ${g.name}`).join(", ")} are unknown until deployment` : undefined;
    }

    /**
     * The columns the role's own column grants leave out: excluded ones, and declared ones not
     * listed; and the same columns of any other table over the same S3 location, which reads the
     * same objects (a second table over a prefix bypasses a column exclusion).
     */
    excludedColumns(role: RoleFacts): TableTarget[] {
        const found = new Map<string, TableTarget>();
        const add = (database: string, table: string, column: string) => found.set(`${database}.${table}.${column}`, { database, table, column });
        for (const { database, table, hidden } of this.hiddenColumns(role)) {
            for (const column of hidden) add(database, table, column);
            const location = this.inventory.tables.find((x) => x.databaseName === database && x.tableName === table)?.location;
            if (location === undefined) continue;
            for (const twin of this.inventory.tables) {
                if (twin.location !== location || typeof twin.databaseName !== "string" || typeof twin.tableName !== "string") continue;
                if (twin.databaseName === database && twin.tableName === table) continue;
                for (const column of hidden.filter((c) => twin.columns.some((x) => x.toLowerCase() === c.toLowerCase()))) add(twin.databaseName, twin.tableName, column);
            }
        }
        return [...found.values()];
    }

    /**
     * Which columns of which tables the role must not see. From the stack config when there is one
     * (the analyst group's excludedColumns): dropping or misspelling the exclusion in a grant cannot
     * move the expectation. Without a config, from the role's own column grants (excluded, or
     * declared but not listed), and the matrix says where the expectation came from.
     */
    private hiddenColumns(role: RoleFacts): { database: string; table: string; hidden: string[] }[] {
        const group = role.tags[ANALYST_GROUP_TAG];
        if (this.stackConfig && group !== undefined) {
            const configured = excludedColumnsOf(this.stackConfig, group);
            if (configured) return configured.filter((t) => t.columns.length > 0).map((t) => ({ database: t.database, table: t.table, hidden: t.columns }));
        }
        const result: { database: string; table: string; hidden: string[] }[] = [];
        for (const grant of this.lakeFormation.grantsTo(role)) {
            const t = grant.target;
            if (t.kind !== "columns" || isUnknown(t.database) || isUnknown(t.table)) continue;
            const declared = this.columnsOf(t.database, t.table);
            const unlisted = t.columns === undefined ? [] : declared.filter((c) => !t.columns?.includes(c));
            result.push({ database: t.database, table: t.table, hidden: [...t.excluded, ...unlisted] });
        }
        return result;
    }

    /** Tables with this name in the stack (in the given database, else in any). */
    tablesNamed(name: string, database?: string): TableTarget[] {
        const tables = this.inventory.tables.filter((t) => t.tableName === name && (database === undefined || t.databaseName === database));
        const targets = tables.flatMap((t) => (typeof t.databaseName === "string" ? [{ database: t.databaseName, table: name }] : []));
        return targets.length > 0 || database === undefined ? targets : [{ database, table: name }];
    }

    private tablesOf(database: string): string[] {
        return this.inventory.tables.filter((t) => t.databaseName === database && typeof t.tableName === "string").map((t) => t.tableName as string);
    }

    private columnsOf(database: string, table: string): string[] {
        return this.inventory.tables.find((t) => t.databaseName === database && t.tableName === table)?.columns ?? [];
    }
}
