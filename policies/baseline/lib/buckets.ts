import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_IDENTIFIERS, BucketSetting, isBucketSetting } from "../../lib/bucketTypes";
import { Referrers, identifiersOf, referrersOf } from "../../lib/references";

/** The bucket's ARN, or undefined when preview does not know it yet (a bucket not created). */
export function bucketArn(bucket: PolicyResource): string | undefined {
    return identifiersOf(bucket, ["arn"])[0];
}

/** The resources of one setting (e.g. the BucketVersionings) that configure this bucket. */
export function bucketSettingsOf(bucket: PolicyResource, setting: BucketSetting, resources: readonly PolicyResource[], property = "bucket"): Referrers {
    return referrersOf(bucket, identifiersOf(bucket, BUCKET_IDENTIFIERS), resources.filter((r) => isBucketSetting(r, setting)), property);
}
