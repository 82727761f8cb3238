import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { WORKFLOW_ROLE_BASE_NAME } from "../../personas/personaNames";
import { athenaQueryStatements } from "../common/athenaAccess";
import { athenaWorkgroup } from "../common/athenaWorkgroup";
import { mayEmptyOnDelete } from "../common/dataProtection";
import { grant } from "../common/lakeFormationGrant";
import { physicalName, tagsFor } from "../common/naming";
import { policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { catalog, crawler, crawlerLogs, lakeCrawlerName } from "./catalog";
import { DataLakeArgs } from "./dataLakeArgs";
import { lakeFormation, lakeLocationRole } from "./lakeFormation";
import { personaRoles } from "./personaRoles";
import { lakeStorage } from "./storage";

export type { DataLakeArgs, Dataset } from "./dataLakeArgs";

/** The prefix of the results bucket the data lake's own workgroup writes to. */
const LAKE_WORKGROUP_RESULTS_PREFIX = "workgroups/lake/";

/**
 * The data lake of the seed's first article: an encrypted lake bucket with one prefix per dataset,
 * a Glue catalog kept up to date by a crawler, Lake Formation in charge of access, an Athena
 * workgroup, and the persona roles (data-lake admin, workflow role, project leader, data engineer).
 */
export class DataLake extends pulumi.ComponentResource {
    public readonly lakeBucketName: pulumi.Output<string>;
    public readonly lakeBucketArn: pulumi.Output<string>;
    public readonly resultsBucketName: pulumi.Output<string>;
    public readonly resultsBucketArn: pulumi.Output<string>;
    public readonly accessLogBucketName: pulumi.Output<string>;
    public readonly keyArn: pulumi.Output<string>;
    public readonly databaseName: pulumi.Output<string>;
    public readonly workgroupName: pulumi.Output<string>;
    public readonly crawlerName: pulumi.Output<string>;
    public readonly dataLakeAdminRoleArn: pulumi.Output<string>;
    public readonly workflowRoleArn: pulumi.Output<string>;
    public readonly projectLeaderRoleArn: pulumi.Output<string>;
    public readonly dataEngineerRoleArn: pulumi.Output<string>;
    public readonly accountId: pulumi.Output<string>;
    /** The partition of the account ("aws", "aws-cn", ...), as the provider reports it. */
    public readonly partition: pulumi.Output<string>;

    /** Acts as the data-lake admin, for the Lake Formation grants of other components. */
    public readonly lakeFormationAdmin: aws.Provider;
    /** What a grant on the lake's tables must wait for. */
    public readonly grantPrerequisites: pulumi.Resource[];
    /** The tables by dataset name, for grants. */
    public readonly tables: ReadonlyMap<string, aws.glue.CatalogTable>;

    constructor(name: string, args: DataLakeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:DataLake", name, {}, opts);
        const parent: pulumi.Resource = this;
        this.accountId = aws.getCallerIdentityOutput({}, { parent }).accountId;
        this.partition = aws.getPartitionOutput({}, { parent }).partition;

        const storage = lakeStorage(args, { accountId: this.accountId, partition: this.partition }, parent);
        const logs = crawlerLogs(args, physicalName(args.placement, WORKFLOW_ROLE_BASE_NAME, "iam-role"), storage.key.arn, parent);
        const locationRole = lakeLocationRole(args, { lakeBucketArn: storage.lake.bucket.arn, keyArn: storage.key.arn }, parent);
        const roles = personaRoles(args, {
            accountId: this.accountId,
            partition: this.partition,
            lakeBucketArn: storage.lake.bucket.arn,
            keyArn: storage.key.arn,
            crawlerLogGroupArn: logs.logGroup.arn,
            locationRoleArn: locationRole.role.arn,
            crawlerArn: pulumi.interpolate`arn:${this.partition}:glue:${args.region}:${this.accountId}:crawler/${lakeCrawlerName(args)}`,
        }, parent);

        const lf = lakeFormation(args, {
            dataLakeAdmin: roles.dataLakeAdmin,
            adminReady: roles.dataLakeAdminPolicies,
            location: locationRole,
            lakeBucketArn: storage.lake.bucket.arn,
        }, parent);
        // The catalog lives in the registered lake: the admin creates it once it is an admin and
        // the location is registered (and once the account's defaults are known to be clean).
        const cat = catalog(args, storage.lake.bucket.bucket, {
            admin: lf.admin,
            dependsOn: [lf.settings, lf.location],
            accountChecked: lf.accountChecked,
        }, { parent });
        const onCatalog = { parent, admin: lf.admin, dependsOn: [lf.settings, lf.location, cat.database, ...cat.tables.values()] };
        const onLocation = { parent, admin: lf.admin, dependsOn: [lf.settings, lf.location] };
        const database = { name: cat.database.name };
        const allTables = { databaseName: cat.database.name, wildcard: true };

        // The workflow role creates and maintains tables in the lake's registered location.
        const workflowGrants = [
            grant("workflow-data-location", roles.workflow.arn, ["DATA_LOCATION_ACCESS"], { dataLocation: { arn: storage.lake.bucket.arn } }, onLocation),
            grant("workflow-database", roles.workflow.arn, ["CREATE_TABLE", "DESCRIBE"], { database }, onCatalog),
            grant("workflow-tables", roles.workflow.arn, ["ALTER", "DESCRIBE"], { table: allTables }, onCatalog),
        ];
        const lakeCrawler = crawler(args, { workflowRoleArn: roles.workflow.arn, logs, keyArn: storage.key.arn, catalog: cat }, { parent }, workflowGrants);

        // The project leader reads every table; with the location grant it may create databases there.
        grant("project-leader-database", roles.projectLeader.arn, ["DESCRIBE"], { database }, onCatalog);
        grant("project-leader-tables", roles.projectLeader.arn, ["SELECT", "DESCRIBE"], { table: allTables }, onCatalog);
        if (args.projectLeaderDataLocationAccess) {
            grant("project-leader-data-location", roles.projectLeader.arn, ["DATA_LOCATION_ACCESS"], { dataLocation: { arn: storage.lake.bucket.arn } }, onLocation);
        }
        // Once CREATE_DATABASE on the catalog is revoked from IAM_ALLOWED_PRINCIPALS (README, first
        // deployment), Lake Formation checks it for every glue:CreateDatabase: the project leader
        // creates databases only through this grant, wherever the location is.
        grant("project-leader-catalog", roles.projectLeader.arn, ["CREATE_DATABASE"], { catalogResource: true }, onCatalog);

        const workgroup = athenaWorkgroup("lake-workgroup", {
            name: physicalName(args.placement, "lake", "athena-workgroup"),
            resultsBucket: storage.results.bucket.bucket,
            resultsPrefix: LAKE_WORKGROUP_RESULTS_PREFIX,
            kmsKeyArn: storage.key.arn,
            bytesScannedCutoffPerQuery: args.bytesScannedCutoffPerQuery,
            forceDestroy: mayEmptyOnDelete(args.protection),
            tags: tagsFor(args.placement),
        }, { parent, dependsOn: storage.results.ready });
        new aws.iam.RolePolicy("project-leader-role-athena", {
            role: roles.projectLeader.name,
            name: "athena-lake-workgroup",
            policy: policyDocument(athenaQueryStatements({
                region: args.region,
                partition: this.partition,
                accountId: this.accountId,
                workgroupArn: workgroup.arn,
                resultsBucketArn: storage.results.bucket.arn,
                resultsPrefix: LAKE_WORKGROUP_RESULTS_PREFIX,
                kmsKeyArn: storage.key.arn,
                databaseName: cat.database.name,
            })),
        }, deleteBeforeReplace({ parent: roles.projectLeader }));

        this.lakeBucketName = storage.lake.bucket.bucket;
        this.lakeBucketArn = storage.lake.bucket.arn;
        this.resultsBucketName = storage.results.bucket.bucket;
        this.resultsBucketArn = storage.results.bucket.arn;
        this.accessLogBucketName = storage.accessLogs.bucket.bucket;
        this.keyArn = storage.key.arn;
        this.databaseName = cat.database.name;
        this.workgroupName = workgroup.name;
        this.crawlerName = lakeCrawler.name;
        this.dataLakeAdminRoleArn = roles.dataLakeAdmin.arn;
        this.workflowRoleArn = roles.workflow.arn;
        this.projectLeaderRoleArn = roles.projectLeader.arn;
        this.dataEngineerRoleArn = roles.dataEngineer.arn;
        this.lakeFormationAdmin = lf.admin;
        this.grantPrerequisites = onCatalog.dependsOn;
        this.tables = cat.tables;

        this.registerOutputs({
            lakeBucketName: this.lakeBucketName,
            resultsBucketName: this.resultsBucketName,
            accessLogBucketName: this.accessLogBucketName,
            keyArn: this.keyArn,
            databaseName: this.databaseName,
            workgroupName: this.workgroupName,
            crawlerName: this.crawlerName,
            dataLakeAdminRoleArn: this.dataLakeAdminRoleArn,
            workflowRoleArn: this.workflowRoleArn,
            projectLeaderRoleArn: this.projectLeaderRoleArn,
            dataEngineerRoleArn: this.dataEngineerRoleArn,
        });
    }
}
