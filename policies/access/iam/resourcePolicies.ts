import type { ValidatedPolicy } from "@cloud-copilot/iam-policy";
import { Maybe, isUnknown } from "../../lib/unknownValues";
import { bucketOfArn, parseArn } from "../stack/arns";
import { BucketFacts, KeyFacts } from "../stack/dataFacts";
import { resourcePolicy } from "./validatedPolicies";

export interface ResourcePolicySource {
    label: string;
    policy: ValidatedPolicy;
}

/**
 * The resource policy AWS evaluates with a request, when it is not the caller's account alone:
 * a bucket's policy, a key's policy. A KMS key needs its key policy to allow at all; a key the
 * stack does not declare is taken to have the default key policy (the account delegates to IAM).
 */
export class ResourcePolicies {
    private readonly bucketsByName = new Map<string, BucketFacts>();
    private readonly keysByArn = new Map<string, KeyFacts>();

    constructor(buckets: BucketFacts[], keys: KeyFacts[]) {
        for (const bucket of buckets) {
            if (typeof bucket.bucketName === "string") this.bucketsByName.set(bucket.bucketName, bucket);
        }
        for (const key of keys) {
            if (typeof key.arn === "string") this.keysByArn.set(key.arn, key);
        }
    }

    /** The policy for a request on `arn`; undefined when none applies; Unknown when it is not known yet. */
    forResource(arn: string): Maybe<ResourcePolicySource> | undefined {
        const parts = parseArn(arn);
        if (parts?.service === "s3") {
            const bucket = this.bucketsByName.get(bucketOfArn(arn) ?? "");
            if (!bucket?.policy) return undefined;
            return this.validated(bucket.policy, `the bucket policy of ${bucket.name}`);
        }
        if (parts?.service === "kms") {
            const key = this.keysByArn.get(arn);
            if (key?.policy) return this.validated(key.policy, `the key policy of ${key.name}`);
            if (key && !key.policy) return this.validated(defaultKeyPolicy(parts.partition, parts.account), `the default key policy of ${key.name}`);
            return this.validated(defaultKeyPolicy(parts.partition, parts.account), "the default key policy of a key outside the stack");
        }
        return undefined;
    }

    private validated(document: Maybe<object>, label: string): Maybe<ResourcePolicySource> {
        if (isUnknown(document)) return document;
        const policy = resourcePolicy(document, label);
        return isUnknown(policy) ? policy : { label, policy };
    }
}

/** What KMS gives a key created without a policy: the account's IAM policies decide. */
function defaultKeyPolicy(partition: string, account: string): object {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: "kms:*", Resource: "*" }],
    };
}
