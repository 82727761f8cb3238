import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Placement } from "../common/naming";
import { PeopleTrust } from "../common/personaTrust";

/** What an analyst group needs of the data lake (a DataLake provides all of it). */
export interface LakeForAnalysts {
    accountId: pulumi.Output<string>;
    databaseName: pulumi.Output<string>;
    resultsBucketName: pulumi.Output<string>;
    resultsBucketArn: pulumi.Output<string>;
    keyArn: pulumi.Output<string>;
    /** Grants are made by the data-lake admin. */
    lakeFormationAdmin: aws.Provider;
    grantPrerequisites: pulumi.Resource[];
}

/** A table the group may query, and the columns it may not see. */
export interface AnalystTable {
    name: string;
    excludedColumns: string[];
}

export interface AthenaAnalystRoleArgs {
    placement: Placement;
    region: string;
    /** The analyst group: names its role, workgroup and results prefix. */
    groupName: string;
    peopleTrust: PeopleTrust;
    lake: LakeForAnalysts;
    tables: AnalystTable[];
    bytesScannedCutoffPerQuery: number;
    /** Whether deleting the workgroup may delete its saved queries (true only for disposable stacks). */
    forceDestroyWorkgroup: boolean;
}
