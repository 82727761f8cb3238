import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AthenaAnalystRole, DataLake, LakeForAnalysts, PeopleTrust, Placement } from "analytics-platform/components";

/** What the platform stack exports under `dataLake` (its index.ts). */
interface PlatformLake {
    database: string;
    resultsBucket: string;
    keyArn: string;
    dataLakeAdminRoleArn: string;
}

/**
 * The marketing team's program: a small lake of its own for campaign data, and two analyst
 * groups: one on that lake, one on the platform's lake, whose names and ARNs come from the
 * platform stack through a StackReference.
 */
function main() {
    const config = new pulumi.Config();
    const region = new pulumi.Config("aws").require("region");
    const placement: Placement = { project: pulumi.getProject(), stack: pulumi.getStack(), tags: { team: "marketing" } };
    const peopleTrust: PeopleTrust = { trustedPrincipals: [config.require("trustedPrincipal")] };

    const campaigns = new DataLake("campaigns", {
        placement,
        region,
        protection: { protectData: true, versioning: true },
        databaseName: "campaigns",
        datasets: [{ name: "clicks", headerLine: true, columns: [{ name: "campaign_id", type: "string" }, { name: "clicks", type: "int" }] }],
        crawlerSchedule: "cron(0 4 * * ? *)",
        queryResultsExpirationDays: 30,
        accessLogExpirationDays: 365,
        bytesScannedCutoffPerQuery: 1024 ** 3,
        logRetentionDays: 90,
        kmsDeletionWindowDays: 30,
        peopleTrust,
        additionalLakeFormationAdmins: [],
        // Account-wide Lake Formation settings this program owns (README: what is account-wide).
        lakeFormationSettings: {
            readOnlyAdmins: [],
            trustedResourceOwners: [],
            allowExternalDataFiltering: false,
            externalDataFilteringAllowList: [],
            authorizedSessionTagValueList: [],
            allowFullTableExternalDataAccess: false,
            crossAccountVersion: 4,
        },
        adminRolePropagationSeconds: 30,
        projectLeaderDataLocationAccess: false,
    });
    const campaignAnalysts = new AthenaAnalystRole("campaign-analysts", {
        placement,
        region,
        groupName: "campaign-analysts",
        peopleTrust,
        lake: campaigns,
        tables: [{ name: "clicks", excludedColumns: [] }],
        bytesScannedCutoffPerQuery: 1024 ** 3,
        forceDestroyWorkgroup: false,
    });

    // The platform's lake: its grants are made as the platform's data-lake admin, which the
    // identity running this program must be allowed to assume.
    const platform = new pulumi.StackReference(config.require("platformStack"));
    const platformLake = platform.requireOutput("dataLake") as pulumi.Output<PlatformLake>;
    const partition = aws.getPartitionOutput().partition;
    const platformAdmin = new aws.Provider("platform-lake-admin", {
        region: region as aws.Region,
        assumeRoles: [{ roleArn: platformLake.dataLakeAdminRoleArn, sessionName: `${placement.project}-${placement.stack}-grants` }],
    });
    const sharedLake: LakeForAnalysts = {
        accountId: aws.getCallerIdentityOutput().accountId,
        databaseName: platformLake.database,
        resultsBucketName: platformLake.resultsBucket,
        resultsBucketArn: pulumi.interpolate`arn:${partition}:s3:::${platformLake.resultsBucket}`,
        keyArn: platformLake.keyArn,
        lakeFormationAdmin: platformAdmin,
        // The platform stack has already made its settings and tables.
        grantPrerequisites: [],
    };
    const salesReaders = new AthenaAnalystRole("sales-readers", {
        placement,
        region,
        groupName: "marketing-sales-readers",
        peopleTrust,
        lake: sharedLake,
        tables: [{ name: "sales", excludedColumns: ["item_price"] }],
        bytesScannedCutoffPerQuery: 1024 ** 3,
        forceDestroyWorkgroup: false,
    });

    return {
        campaignAnalystsRoleArn: campaignAnalysts.roleArn,
        salesReadersRoleArn: salesReaders.roleArn,
        salesReadersWorkgroup: salesReaders.workgroupName,
    };
}

export = main;
