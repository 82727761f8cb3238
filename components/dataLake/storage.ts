import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BUCKET_PURPOSES, PURPOSE_TAG, WORKFLOW_ROLE_BASE_NAME } from "../../personas/personaNames";
import { dataStoreOptions } from "../common/dataProtection";
import { Placement, physicalName, tagsFor } from "../common/naming";
import { policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { accessLogBucket } from "../common/accessLogBucket";
import { SecureBucket, secureBucket } from "../common/secureBucket";
import { DataLakeArgs } from "./dataLakeArgs";
import { cloudWatchLogsKeyStatement } from "../common/logsKeyStatement";

/**
 * The log groups of this stack that the lake key encrypts: the crawler's (Glue names it after the
 * workflow role and the security configuration, both `<project>-<stack>-...`), and the
 * `/<project>/<stack>/` tree for the platform's other log groups.
 */
export function platformLogGroupPatterns(placement: Placement): string[] {
    // The workflow role's physical name, as naming.ts makes it for any stack name (lower-cased or hashed where it must be).
    const workflowRole = physicalName(placement, WORKFLOW_ROLE_BASE_NAME, "iam-role");
    return [`/aws-glue/crawlers-role/${workflowRole}-*`, `/${placement.project}/${placement.stack}/*`];
}

export interface LakeStorage {
    key: aws.kms.Key;
    lake: SecureBucket;
    results: SecureBucket;
    accessLogs: SecureBucket;
}

/**
 * The lake's key and buckets: raw data, Athena query results, and the server access logs of both.
 * The log bucket uses SSE-S3 because S3 server access logging cannot write to SSE-KMS buckets.
 */
export function lakeStorage(args: DataLakeArgs, account: { accountId: pulumi.Output<string>; partition: pulumi.Output<string> }, parent: pulumi.Resource): LakeStorage {
    const { accountId, partition } = account;
    const tags = tagsFor(args.placement);
    const key = new aws.kms.Key("lake-key", {
        description: `Encrypts the ${args.placement.project} ${args.placement.stack} data lake, its query results and logs`,
        enableKeyRotation: true,
        deletionWindowInDays: args.kmsDeletionWindowDays,
        policy: policyDocument([
            {
                // The account administers the key through IAM, so a key policy mistake cannot lock it out.
                Sid: "AccountAdministersThroughIam",
                Effect: "Allow",
                Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            // Only the platform's own log groups of this stack, not any group of the account.
            cloudWatchLogsKeyStatement("CloudWatchLogsEncryptsPlatformLogGroups", { region: args.region, partition, accountId }, platformLogGroupPatterns(args.placement)),
        ]),
        tags,
    }, dataStoreOptions(args.protection, { parent }));
    new aws.kms.Alias("lake-key-alias", {
        name: physicalName(args.placement, "lake", "kms-alias"),
        targetKeyId: key.keyId,
    }, deleteBeforeReplace({ parent: key }));

    // A bucket name prefix: the provider appends 26 unique characters (nameRules.ts).
    const prefix = (purpose: string) => physicalName(args.placement, purpose, "s3-bucket-prefix");
    const accessLogs = accessLogBucket("access-logs", {
        placement: args.placement,
        logical: "logs",
        protection: args.protection,
        expirationDays: args.accessLogExpirationDays,
        accountId,
    }, parent);
    const logsTo = (name: string) => ({ bucket: accessLogs.bucket.bucket, prefix: `${name}/` });

    const lake = secureBucket("lake", {
        namePrefix: prefix("lake"),
        encryption: { kmsKeyArn: key.arn },
        protection: args.protection,
        accessLogs: logsTo("lake"),
        tags: tagsFor(args.placement, { [PURPOSE_TAG]: BUCKET_PURPOSES.lake }),
    }, parent);

    // The seed's layout: one prefix per dataset (sales/, items/, ...), where its CSV files go.
    for (const dataset of args.datasets) {
        new aws.s3.BucketObjectv2(`lake-prefix-${dataset.name}`, {
            bucket: lake.bucket.id,
            key: `${dataset.name}/`,
            content: "",
            serverSideEncryption: "aws:kms",
            kmsKeyId: key.arn,
        }, deleteBeforeReplace({ parent: lake.bucket, dependsOn: lake.ready })); // put then delete would remove the key
    }

    const results = secureBucket("query-results", {
        namePrefix: prefix("results"),
        encryption: { kmsKeyArn: key.arn },
        protection: args.protection,
        accessLogs: logsTo("query-results"),
        expirationDays: args.queryResultsExpirationDays,
        tags: tagsFor(args.placement, { [PURPOSE_TAG]: BUCKET_PURPOSES.queryResults }),
    }, parent);

    return { key, lake, results, accessLogs };
}
