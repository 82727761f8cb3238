import * as pulumi from "@pulumi/pulumi";
import { Statement } from "./policyDocument";
import { kmsViaService } from "./servicePrincipal";

/** What a person needs to query the lake with Athena in one workgroup. */
export interface AthenaAccessArgs {
    region: string;
    /** The partition of the account ("aws", "aws-cn", ...): the first field of every ARN. */
    partition: pulumi.Input<string>;
    accountId: pulumi.Input<string>;
    workgroupArn: pulumi.Input<string>;
    resultsBucketArn: pulumi.Input<string>;
    /** The workgroup's prefix of the results bucket, ending in "/". */
    resultsPrefix: string;
    kmsKeyArn: pulumi.Input<string>;
    databaseName: pulumi.Input<string>;
}

/**
 * IAM statements for running Athena queries in one workgroup, reading the catalog of one database,
 * and reading and writing that workgroup's query results, nothing more. Table data is not readable
 * through IAM: Lake Formation vends it per grant (lakeformation:GetDataAccess).
 */
export function athenaQueryStatements(a: AthenaAccessArgs): Statement[] {
    const catalog = pulumi.interpolate`arn:${a.partition}:glue:${a.region}:${a.accountId}:catalog`;
    return [
        {
            Sid: "AthenaInOwnWorkgroup",
            Effect: "Allow",
            Action: [
                "athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution",
                "athena:GetQueryResults", "athena:GetQueryResultsStream", "athena:ListQueryExecutions",
                "athena:BatchGetQueryExecution", "athena:GetWorkGroup", "athena:GetQueryRuntimeStatistics",
                "athena:ListNamedQueries", "athena:GetNamedQuery", "athena:BatchGetNamedQuery",
                "athena:CreateNamedQuery", "athena:DeleteNamedQuery",
            ],
            Resource: a.workgroupArn,
        },
        {
            Sid: "AthenaDataCatalog",
            Effect: "Allow",
            Action: ["athena:GetDataCatalog", "athena:ListDatabases", "athena:GetDatabase", "athena:ListTableMetadata", "athena:GetTableMetadata"],
            Resource: pulumi.interpolate`arn:${a.partition}:athena:${a.region}:${a.accountId}:datacatalog/AwsDataCatalog`,
        },
        {
            // Listing workgroups has no resource-level permission; it shows names only.
            Sid: "AthenaListWorkgroups",
            Effect: "Allow",
            Action: ["athena:ListWorkGroups"],
            Resource: "*",
        },
        {
            Sid: "GlueCatalogRead",
            Effect: "Allow",
            Action: [
                "glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables",
                "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition",
            ],
            Resource: [
                catalog,
                pulumi.interpolate`arn:${a.partition}:glue:${a.region}:${a.accountId}:database/${a.databaseName}`,
                pulumi.interpolate`arn:${a.partition}:glue:${a.region}:${a.accountId}:table/${a.databaseName}/*`,
            ],
        },
        {
            // Lake Formation's credential vending has no resource-level permission: grants decide.
            Sid: "LakeFormationDataAccess",
            Effect: "Allow",
            Action: ["lakeformation:GetDataAccess"],
            Resource: "*",
        },
        {
            Sid: "QueryResultsBucket",
            Effect: "Allow",
            Action: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
            Resource: a.resultsBucketArn,
        },
        {
            Sid: "QueryResultsListOwnPrefix",
            Effect: "Allow",
            Action: ["s3:ListBucket"],
            Resource: a.resultsBucketArn,
            Condition: { StringLike: { "s3:prefix": [`${a.resultsPrefix}*`] } },
        },
        {
            Sid: "QueryResultsReadWriteOwnPrefix",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
            Resource: pulumi.interpolate`${a.resultsBucketArn}/${a.resultsPrefix}*`,
        },
        {
            Sid: "LakeKeyThroughS3",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: a.kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": kmsViaService("s3", a.region) } },
        },
    ];
}
