import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ANALYST_GROUP_TAG, PERSONA_TAG } from "../../personas/personaNames";
import { athenaQueryStatements } from "../common/athenaAccess";
import { athenaWorkgroup } from "../common/athenaWorkgroup";
import { grant } from "../common/lakeFormationGrant";
import { physicalName, tagsFor } from "../common/naming";
import { policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { peopleTrustPolicy } from "../common/personaTrust";
import { AthenaAnalystRoleArgs } from "./athenaAnalystRoleArgs";

export type { AthenaAnalystRoleArgs, AnalystTable, LakeForAnalysts } from "./athenaAnalystRoleArgs";

/**
 * The data-analyst persona for one analyst group: Athena in the group's own workgroup, its own
 * prefix of the query-results bucket, and SELECT on the tables Lake Formation grants it (minus
 * excluded columns). Not AmazonAthenaFullAccess: that allows glue:CreateDatabase, which let the
 * seed's analyst create a database once granted a data location.
 */
export class AthenaAnalystRole extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;
    public readonly roleName: pulumi.Output<string>;
    public readonly workgroupName: pulumi.Output<string>;
    /** The results bucket prefix the group reads and writes, `analysts/<group>/`. */
    public readonly resultsPrefix: string;

    constructor(name: string, args: AthenaAnalystRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:AthenaAnalystRole", name, {}, opts);
        const parent: pulumi.Resource = this;
        const { lake } = args;
        this.resultsPrefix = `analysts/${args.groupName}/`;

        const workgroup = athenaWorkgroup(`${name}-workgroup`, {
            name: physicalName(args.placement, `analysts-${args.groupName}`, "athena-workgroup"),
            resultsBucket: lake.resultsBucketName,
            resultsPrefix: this.resultsPrefix,
            kmsKeyArn: lake.keyArn,
            bytesScannedCutoffPerQuery: args.bytesScannedCutoffPerQuery,
            forceDestroy: args.forceDestroyWorkgroup,
            tags: tagsFor(args.placement, { [ANALYST_GROUP_TAG]: args.groupName }),
        }, { parent });

        const role = new aws.iam.Role(`${name}-role`, {
            name: physicalName(args.placement, `analyst-${args.groupName}`, "iam-role"),
            description: `Data-analyst persona of group ${args.groupName}: Athena in its workgroup, SELECT on granted tables`,
            assumeRolePolicy: peopleTrustPolicy(args.peopleTrust),
            maxSessionDuration: 3600,
            tags: tagsFor(args.placement, { [PERSONA_TAG]: "analyst", [ANALYST_GROUP_TAG]: args.groupName }),
        }, deleteBeforeReplace({ parent }));
        new aws.iam.RolePolicy(`${name}-athena`, {
            role: role.name,
            name: "athena-own-workgroup",
            policy: policyDocument(athenaQueryStatements({
                region: args.region,
                partition: aws.getPartitionOutput({}, { parent }).partition,
                accountId: lake.accountId,
                workgroupArn: workgroup.arn,
                resultsBucketArn: lake.resultsBucketArn,
                resultsPrefix: this.resultsPrefix,
                kmsKeyArn: lake.keyArn,
                databaseName: lake.databaseName,
            })),
        }, deleteBeforeReplace({ parent: role }));

        const grantOpts = { parent, admin: lake.lakeFormationAdmin, dependsOn: lake.grantPrerequisites };
        grant(`${name}-database`, role.arn, ["DESCRIBE"], { database: { name: lake.databaseName } }, grantOpts);
        // One grant per table (principal and resource), never a DESCRIBE grant beside the SELECT:
        // the provider's read-back would merge the two. SELECT alone is enough: a column-filtered
        // grant (TableWithColumnsResource) is "only used when granting a SELECT permission" (Lake
        // Formation API reference), and the Data Catalog returns the metadata of every table a
        // principal holds a permission on ("Metadata permissions", Lake Formation developer guide).
        for (const table of args.tables) {
            grant(`${name}-${table.name}`, role.arn, ["SELECT"], {
                tableWithColumns: {
                    databaseName: lake.databaseName,
                    name: table.name,
                    wildcard: true,
                    excludedColumnNames: table.excludedColumns,
                },
            }, grantOpts);
        }

        this.roleArn = role.arn;
        this.roleName = role.name;
        this.workgroupName = workgroup.name;
        this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName, workgroupName: this.workgroupName, resultsPrefix: this.resultsPrefix });
    }
}
