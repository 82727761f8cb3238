import type { PolicyResource } from "@pulumi/policy";
import { Referrers, identifiersOf, referrersOf } from "./references";
import { readKnown } from "./unknowns";

/** The bucket resource types: `aws.s3.Bucket` and its deprecated alias `aws.s3.BucketV2`. */
export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/**
 * The separate resources that configure a bucket (since AWS provider 4, encryption, versioning,
 * logging, policy and public access block are resources of their own), each with the type tokens
 * of its current and deprecated (`...V2`) names.
 */
export const BUCKET_SETTINGS = {
    encryption: ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"],
    publicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    policy: ["aws:s3/bucketPolicy:BucketPolicy"],
    versioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
    logging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
} as const;

export type BucketSetting = keyof typeof BUCKET_SETTINGS;

/** What a bucket setting's `bucket` property holds when it names this bucket: its name (= its id). */
export function bucketIdentifiers(bucket: PolicyResource): string[] {
    return identifiersOf(bucket, ["bucket", "id"]);
}

/** The bucket's ARN, or undefined when preview does not know it yet (a bucket not created). */
export function bucketArn(bucket: PolicyResource): string | undefined {
    const arn = readKnown(() => bucket.props.arn as unknown);
    return typeof arn === "string" && arn.length > 0 ? arn : undefined;
}

export function isBucket(resource: PolicyResource): boolean {
    return BUCKET_TYPES.includes(resource.type);
}

/** The resources of one setting (e.g. the BucketVersionings) that configure this bucket. */
export function bucketSettingsOf(bucket: PolicyResource, setting: BucketSetting, resources: readonly PolicyResource[], property = "bucket"): Referrers {
    const types: readonly string[] = BUCKET_SETTINGS[setting];
    return referrersOf(bucket, bucketIdentifiers(bucket), resources.filter((r) => types.includes(r.type)), property);
}
