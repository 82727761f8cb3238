import * as pulumi from "@pulumi/pulumi";
import { BUCKET_PURPOSES, PURPOSE_TAG } from "../../personas/personaNames";
import { DataProtection } from "./dataProtection";
import { Placement, physicalName, tagsFor } from "./naming";
import { SecureBucket, secureBucket } from "./secureBucket";

export interface AccessLogBucketArgs {
    placement: Placement;
    /** The bucket name prefix's logical part (`<project>-<stack>-<logical>-`). */
    logical: string;
    protection: DataProtection;
    expirationDays: number;
    accountId: pulumi.Input<string>;
}

/**
 * The bucket that receives S3 server access logs of a component's buckets. SSE-S3, because S3
 * server access logging cannot write to SSE-KMS buckets; the logging service may put objects for
 * this account's buckets only.
 */
export function accessLogBucket(name: string, args: AccessLogBucketArgs, parent: pulumi.Resource): SecureBucket {
    return secureBucket(name, {
        namePrefix: physicalName(args.placement, args.logical, "s3-bucket-prefix"),
        encryption: "SSE-S3",
        protection: args.protection,
        expirationDays: args.expirationDays,
        extraPolicyStatements: (arn) => [{
            Sid: "S3ServerAccessLogDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: pulumi.interpolate`${arn}/*`,
            Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
        }],
        tags: tagsFor(args.placement, { [PURPOSE_TAG]: BUCKET_PURPOSES.accessLogs }),
    }, parent);
}
