import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { dataStoreOptions } from "../common/dataProtection";
import { checkName, physicalName, tagsFor } from "../common/naming";
import { deleteBeforeReplace } from "../common/replacement";
import { DataLakeArgs, Dataset } from "./dataLakeArgs";

/** The crawler's encrypted logs: created ahead so that their retention and key are ours. */
export interface CrawlerLogs {
    securityConfigurationName: string;
    logGroup: aws.cloudwatch.LogGroup;
}

/**
 * Glue writes the logs of a crawler that has a security configuration to a log group named after
 * its role and that configuration; making the group ourselves sets its retention and key.
 */
export function crawlerLogs(args: DataLakeArgs, workflowRoleName: string, keyArn: pulumi.Input<string>, parent: pulumi.Resource): CrawlerLogs {
    const securityConfigurationName = physicalName(args.placement, "lake", "glue-security-configuration");
    const logGroup = new aws.cloudwatch.LogGroup("crawler-logs", {
        name: checkName("log-group", `/aws-glue/crawlers-role/${workflowRoleName}-${securityConfigurationName}`, args.placement.stack),
        retentionInDays: args.logRetentionDays,
        kmsKeyId: keyArn,
        tags: tagsFor(args.placement),
    }, deleteBeforeReplace({ parent }));
    return { securityConfigurationName, logGroup };
}

export interface Catalog {
    database: aws.glue.CatalogDatabase;
    tables: Map<string, aws.glue.CatalogTable>;
}

/** Who creates the catalog objects, and what must exist first. */
export interface CatalogOwner {
    /** The data-lake admin: Lake Formation checks data-location permission for entries in the lake. */
    admin: aws.Provider;
    /** The settings making the role an admin, and the lake's registration. */
    dependsOn: pulumi.Resource[];
    /** Settles once the account's defaults give IAM_ALLOWED_PRINCIPALS nothing (accountDefaults.ts). */
    accountChecked: pulumi.Output<true>;
}

/**
 * The Glue database and one table per dataset. Tables are declared rather than discovered so that
 * Lake Formation grants (with column exclusions) can name them at deployment; the crawler only adds
 * their partitions. Both are created by the data-lake admin: Lake Formation checks data-location
 * permission when a catalog entry pointing into a registered location is created or altered, and
 * the deploying identity holds none. They keep that provider for good: a later change of provider
 * is a replacement whenever the provider's DiffConfig says so (pulumi/pulumi#18509), and in prod
 * the database is protected (README, "Replacements and upgrading a stack").
 */
export function catalog(args: DataLakeArgs, lakeBucket: pulumi.Input<string>, owner: CatalogOwner, opts: pulumi.CustomResourceOptions): Catalog {
    const description = `Data lake of ${args.placement.project} (${args.placement.stack})`;
    const database = new aws.glue.CatalogDatabase("catalog-database", {
        name: args.databaseName,
        // Waits for (and fails with) the account check, so the database is never created when new
        // tables would still give IAM_ALLOWED_PRINCIPALS ALL.
        description: owner.accountChecked.apply(() => description),
        // No IAM_ALLOWED_PRINCIPALS default on new tables: Lake Formation grants decide.
        createTableDefaultPermissions: [],
        tags: tagsFor(args.placement),
    }, deleteBeforeReplace(dataStoreOptions(args.protection, { ...opts, provider: owner.admin, dependsOn: owner.dependsOn })));
    const tables = new Map(args.datasets.map((dataset) => [dataset.name, datasetTable(dataset, database, lakeBucket, owner)]));
    return { database, tables };
}

function datasetTable(dataset: Dataset, database: aws.glue.CatalogDatabase, lakeBucket: pulumi.Input<string>, owner: CatalogOwner): aws.glue.CatalogTable {
    return new aws.glue.CatalogTable(`table-${dataset.name}`, {
        databaseName: database.name,
        name: dataset.name,
        tableType: "EXTERNAL_TABLE",
        parameters: {
            classification: "csv",
            ...(dataset.headerLine ? { "skip.header.line.count": "1" } : {}),
        },
        storageDescriptor: {
            location: pulumi.interpolate`s3://${lakeBucket}/${dataset.name}/`,
            inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
            outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            // OpenCSVSerde reads quoted fields: the seed's item and shop names contain commas.
            serDeInfo: {
                serializationLibrary: "org.apache.hadoop.hive.serde2.OpenCSVSerde",
                parameters: { separatorChar: ",", quoteChar: "\"" },
            },
            columns: dataset.columns.map((c) => ({ name: c.name, type: c.type })),
        },
    }, deleteBeforeReplace({ parent: database, provider: owner.admin, dependsOn: [database, ...owner.dependsOn] }));
}

/** The crawler's fixed name (policies name its ARN before it exists). */
export function lakeCrawlerName(args: DataLakeArgs): string {
    return physicalName(args.placement, "lake-crawler", "glue-crawler");
}

export interface CrawlerArgs {
    workflowRoleArn: pulumi.Input<string>;
    logs: CrawlerLogs;
    keyArn: pulumi.Input<string>;
    catalog: Catalog;
}

/** The crawler the workflow role runs on schedule over the declared tables, logging encrypted. */
export function crawler(args: DataLakeArgs, c: CrawlerArgs, opts: { parent: pulumi.Resource }, dependsOn: pulumi.Resource[]): aws.glue.Crawler {
    const security = new aws.glue.SecurityConfiguration("crawler-security", {
        name: c.logs.securityConfigurationName,
        encryptionConfiguration: {
            cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: c.keyArn },
            jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: c.keyArn },
            s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: c.keyArn },
        },
    }, deleteBeforeReplace(opts));
    return new aws.glue.Crawler("crawler", {
        name: lakeCrawlerName(args),
        description: "Keeps the data lake tables' schema and partitions in step with the lake bucket",
        role: c.workflowRoleArn,
        databaseName: c.catalog.database.name,
        schedule: args.crawlerSchedule,
        securityConfiguration: security.name,
        catalogTargets: [{ databaseName: c.catalog.database.name, tables: [...c.catalog.tables.values()].map((t) => t.name) }],
        // One writer per table: this program owns the tables' schema. With UPDATE_IN_DATABASE the
        // crawler would rewrite the columns, the next `pulumi up` would put them back, and so on.
        // LOG makes the crawler only add partitions and report schema changes in its log; a change
        // of columns is made in the stack config (dataLake.datasets). Deletions are only logged too.
        schemaChangePolicy: { deleteBehavior: "LOG", updateBehavior: "LOG" },
        configuration: JSON.stringify({ Version: 1.0, CrawlerOutput: { Partitions: { AddOrUpdateBehavior: "InheritFromTable" } } }),
        tags: tagsFor(args.placement),
    }, deleteBeforeReplace({ ...opts, dependsOn: [c.logs.logGroup, ...dependsOn] }));
}
