import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DataProtection, dataStoreOptions, mayEmptyOnDelete } from "./dataProtection";
import { Statement, bucketAndObjects, policyDocument } from "./policyDocument";

export interface SecureBucketArgs {
    /** Physical name prefix (AWS appends a unique suffix): `<project>-<stack>-<purpose>-`. */
    namePrefix: string;
    /** SSE-KMS with this key, or SSE-S3 where AWS requires it (server access log targets). */
    encryption: { kmsKeyArn: pulumi.Input<string> } | "SSE-S3";
    protection: DataProtection;
    /** Where this bucket's server access logs go; omitted only for the log bucket itself. */
    accessLogs?: { bucket: pulumi.Input<string>; prefix: string };
    /** Days after which current objects expire (query results, access logs). */
    expirationDays?: number;
    /** Statements added to the TLS-only bucket policy, e.g. to let a service write. */
    extraPolicyStatements?: (bucketArn: pulumi.Output<string>) => Statement[];
    tags: Record<string, string>;
}

export interface SecureBucket {
    bucket: aws.s3.Bucket;
    /** The last of the bucket's settings: depend on it to use the bucket fully set up. */
    ready: pulumi.Resource[];
}

/**
 * A private, encrypted, TLS-only S3 bucket with lifecycle rules and access logging: the only way
 * the platform makes a bucket, so that no caller can forget a setting. Owned by the bucket owner
 * (ACLs off), public access blocked, protected from deletion when the stack keeps data.
 */
export function secureBucket(name: string, args: SecureBucketArgs, parent: pulumi.Resource): SecureBucket {
    const opts = { parent };
    const bucket = new aws.s3.Bucket(
        name,
        { bucketPrefix: args.namePrefix, forceDestroy: mayEmptyOnDelete(args.protection), tags: args.tags },
        dataStoreOptions(args.protection, opts),
    );
    const bucketOpts = { parent: bucket };

    const publicAccess = new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, bucketOpts);

    const ownership = new aws.s3.BucketOwnershipControls(`${name}-ownership`, {
        bucket: bucket.id,
        rule: { objectOwnership: "BucketOwnerEnforced" },
    }, bucketOpts);

    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, {
        bucket: bucket.id,
        rules: [
            args.encryption === "SSE-S3"
                ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                : {
                      applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.encryption.kmsKeyArn },
                      // S3 Bucket Keys cut KMS requests (and their cost) by orders of magnitude.
                      bucketKeyEnabled: true,
                  },
        ],
    }, bucketOpts);

    const ready: pulumi.Resource[] = [publicAccess, ownership, encryption];

    if (args.protection.versioning) {
        ready.push(new aws.s3.BucketVersioning(`${name}-versioning`, {
            bucket: bucket.id,
            versioningConfiguration: { status: "Enabled" },
        }, bucketOpts));
    }

    ready.push(new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, {
        bucket: bucket.id,
        rules: [
            {
                id: "abort-incomplete-multipart-uploads",
                status: "Enabled",
                filter: {},
                abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
            },
            ...(args.expirationDays !== undefined
                ? [{ id: "expire-objects", status: "Enabled", filter: {}, expiration: { days: args.expirationDays } }]
                : []),
            ...(args.protection.versioning
                ? [{ id: "expire-noncurrent-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 90 } }]
                : []),
        ],
    }, bucketOpts));

    if (args.accessLogs) {
        ready.push(new aws.s3.BucketLogging(`${name}-logging`, {
            bucket: bucket.id,
            targetBucket: args.accessLogs.bucket,
            targetPrefix: args.accessLogs.prefix,
        }, bucketOpts));
    }

    const policy = new aws.s3.BucketPolicy(`${name}-policy`, {
        bucket: bucket.id,
        policy: policyDocument([
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: bucketAndObjects(bucket.arn),
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            ...(args.extraPolicyStatements?.(bucket.arn) ?? []),
        ]),
    }, { parent: bucket, dependsOn: [publicAccess] });
    ready.push(policy);

    return { bucket, ready };
}
