/**
 * The S3 bucket resource types, and those of the separate resources that configure a bucket: since
 * AWS provider 4, encryption, versioning, logging, policy and public access block are resources of
 * their own that name the bucket in their `bucket` property. Each with the type tokens of its
 * current and deprecated (`...V2`) names, so that the baseline's bucket rules and the evaluator's
 * bucket facts recognise the same resources.
 */

/** `aws.s3.Bucket` and its deprecated alias `aws.s3.BucketV2`. */
const BUCKET_TYPES: readonly string[] = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

const BUCKET_SETTINGS = {
    encryption: ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"],
    publicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    policy: ["aws:s3/bucketPolicy:BucketPolicy"],
    versioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
    logging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
    lifecycle: ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"],
    ownership: ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"],
} as const;

export type BucketSetting = keyof typeof BUCKET_SETTINGS;

/** What a bucket setting's `bucket` property holds when it names a bucket: its name (= its id). */
export const BUCKET_IDENTIFIERS: readonly string[] = ["bucket", "id"];

export function isBucket(resource: { type: string }): boolean {
    return BUCKET_TYPES.includes(resource.type);
}

/** Whether a resource is a bucket setting of this kind (a BucketPolicy for "policy"). */
export function isBucketSetting(resource: { type: string }, setting: BucketSetting): boolean {
    return (BUCKET_SETTINGS[setting] as readonly string[]).includes(resource.type);
}
