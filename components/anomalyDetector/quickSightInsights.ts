import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DataLake, Dataset } from "../dataLake/dataLake";
import { grant } from "../common/lakeFormationGrant";
import { Placement, physicalName, tagsFor } from "../common/naming";
import { deleteBeforeReplace } from "../common/replacement";

export interface QuickSightInsightsArgs {
    placement: Placement;
    lake: DataLake;
    datasets: Dataset[];
    /** The QuickSight user or group that owns the data source and datasets, and SELECTs the tables. */
    ownerArn: string;
}

const DATA_SOURCE_OWNER = [
    "quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:PassDataSource",
    "quicksight:UpdateDataSource", "quicksight:DeleteDataSource", "quicksight:UpdateDataSourcePermissions",
];
const DATA_SET_OWNER = [
    "quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet", "quicksight:DescribeIngestion",
    "quicksight:ListIngestions", "quicksight:UpdateDataSet", "quicksight:DeleteDataSet", "quicksight:CreateIngestion",
    "quicksight:CancelIngestion", "quicksight:UpdateDataSetPermissions",
];

/** A Glue (Hive) column type as QuickSight's input column types (QuickSight API Reference, InputColumn). */
export function quickSightType(glueType: string): string {
    const t = glueType.toLowerCase();
    if (/^(tinyint|smallint|int|integer|bigint)$/.test(t)) return "INTEGER";
    if (/^(float|double|decimal)/.test(t)) return "DECIMAL";
    if (/^(date|timestamp)$/.test(t)) return "DATETIME";
    if (t === "boolean") return "BOOLEAN";
    return "STRING";
}

/**
 * The seed's QuickSight ML Insights article on the lake: an Athena data source on the lake's
 * workgroup and a DIRECT_QUERY dataset per lake table, owned by one QuickSight user or group, which
 * Lake Formation grants SELECT on each table (QuickSight passes the user's identity to Lake
 * Formation: "Authorizing connections through AWS Lake Formation", QuickSight User Guide).
 *
 * Needs, outside this program: a QuickSight Enterprise subscription (ML Insights' anomaly detection
 * and forecasting are Enterprise features; the seed: "choose Enterprise"), and QuickSight's access
 * to Athena and to the query-results bucket and its key (QuickSight console, Security & permissions).
 */
export class QuickSightInsights extends pulumi.ComponentResource {
    public readonly dataSourceArn: pulumi.Output<string>;

    constructor(name: string, args: QuickSightInsightsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:QuickSightInsights", name, {}, opts);
        const parent: pulumi.Resource = this;
        const { placement, lake } = args;
        const dataSource = new aws.quicksight.DataSource(`${name}-athena`, {
            dataSourceId: physicalName(placement, "lake-athena", "quicksight-id"),
            name: `${placement.project} ${placement.stack} lake (Athena)`,
            type: "ATHENA",
            parameters: { athena: { workGroup: lake.workgroupName } },
            sslProperties: { disableSsl: false },
            permissions: [{ principal: args.ownerArn, actions: DATA_SOURCE_OWNER }],
            tags: tagsFor(placement),
        }, deleteBeforeReplace({ parent }));
        const grantOpts = { parent, admin: lake.lakeFormationAdmin, dependsOn: lake.grantPrerequisites };
        for (const dataset of args.datasets) {
            const select = grant(`${name}-${dataset.name}-select`, args.ownerArn, ["SELECT"], {
                table: { databaseName: lake.databaseName, name: dataset.name },
            }, grantOpts);
            new aws.quicksight.DataSet(`${name}-${dataset.name}`, {
                dataSetId: physicalName(placement, `lake-${dataset.name}`, "quicksight-id"),
                name: `${placement.stack} ${dataset.name}`,
                importMode: "DIRECT_QUERY",
                physicalTableMaps: [{
                    physicalTableMapId: dataset.name.replace(/_/g, "-"),
                    relationalTable: {
                        dataSourceArn: dataSource.arn,
                        catalog: "AwsDataCatalog",
                        schema: lake.databaseName,
                        name: dataset.name,
                        inputColumns: dataset.columns.map((c) => ({ name: c.name, type: quickSightType(c.type) })),
                    },
                }],
                permissions: [{ principal: args.ownerArn, actions: DATA_SET_OWNER }],
                tags: tagsFor(placement),
            }, deleteBeforeReplace({ parent, dependsOn: [select] }));
        }
        this.dataSourceArn = dataSource.arn;
        this.registerOutputs({ dataSourceArn: this.dataSourceArn });
    }
}
