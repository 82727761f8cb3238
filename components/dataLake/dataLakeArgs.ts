import type { LakeFormationSettingsConfig } from "../../config/schema";
import { DataProtection } from "../common/dataProtection";
import { Placement } from "../common/naming";
import { PeopleTrust } from "../common/personaTrust";

/** One dataset of the lake: a prefix of the lake bucket and the Glue table over it. */
export interface Dataset {
    /** The prefix (`<name>/`) and the table name. */
    name: string;
    columns: { name: string; type: string }[];
    /** CSV files start with a header line. */
    headerLine: boolean;
}

/** The arguments of a DataLake. Secure settings are not arguments: they are always on. */
export interface DataLakeArgs {
    placement: Placement;
    region: string;
    protection: DataProtection;
    /** The Glue database (a physical name, queries refer to it). */
    databaseName: string;
    datasets: Dataset[];
    /** When the crawler refreshes the tables' partitions and schema: an AWS cron or rate expression. */
    crawlerSchedule: string;
    queryResultsExpirationDays: number;
    accessLogExpirationDays: number;
    bytesScannedCutoffPerQuery: number;
    logRetentionDays: number;
    kmsDeletionWindowDays: number;
    /** Who may assume the persona roles. */
    peopleTrust: PeopleTrust;
    /** The identity running `pulumi up`, allowed to assume the data-lake admin role to make grants. */
    deployerRoleArn?: string;
    /** Other stacks' data-lake admin roles in the same account (the admin list is account-wide). */
    additionalLakeFormationAdmins: string[];
    /** The account-wide Lake Formation settings besides the admin list. */
    lakeFormationSettings: LakeFormationSettingsConfig;
    /** How long the admin provider waits for IAM to propagate the data-lake admin role. */
    adminRolePropagationSeconds: number;
    /** Grant the project leader DATA_LOCATION_ACCESS on the lake bucket. */
    projectLeaderDataLocationAccess: boolean;
}
