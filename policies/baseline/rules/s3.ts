import * as aws from "@pulumi/aws";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { BUCKET_PURPOSES, PURPOSE_TAG } from "../../../personas/personaNames";
import { isBucket } from "../../lib/bucketTypes";
import { placementOf } from "../../access/stack/inventory";
import { coversAction, deniesInsecureTransport, matchesPattern, statementsOf } from "../../lib/policyDocuments";
import { checkEach } from "../../lib/unknownValues";
import { bucketArn, bucketSettingsOf } from "../lib/buckets";
import { DATA_PROTECTION_CONFIG, DataProtectionConfig, requireProtect, stackKeepsData } from "../lib/dataProtection";
import { hasAnyTag, label, stackOf, tagsOf } from "../lib/resources";

/*
 * S3: every bucket is encrypted, private, TLS-only and logged; in a stack that keeps data it is
 * also versioned and protected. Since AWS provider 4 a bucket's settings are separate resources
 * (BucketServerSideEncryptionConfiguration, ...) that name it in their `bucket` property, so most of
 * these are stack policies; the deprecated inline properties of the bucket count too.
 */

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];
const ALL_ALGORITHMS = [...KMS_ALGORITHMS, "AES256"];

type ByDefault = { sseAlgorithm?: string; kmsMasterKeyId?: string };

/** The default-encryption settings configured for a bucket, inline or by separate resources. */
function encryptionDefaultsOf(bucket: PolicyResource, settings: PolicyResource[]): ByDefault[] {
    const inline = bucket.props.serverSideEncryptionConfiguration?.rule?.applyServerSideEncryptionByDefault as ByDefault | undefined;
    const separate = settings.flatMap((s) => ((s.props.rules ?? []) as { applyServerSideEncryptionByDefault?: ByDefault }[])
        .map((rule) => rule.applyServerSideEncryptionByDefault));
    return [inline, ...separate].filter((d): d is ByDefault => typeof d?.sseAlgorithm === "string");
}

export const s3BucketEncrypted: StackValidationPolicy = {
    name: "s3-bucket-encrypted",
    description: "Every S3 bucket has default encryption: SSE-KMS, or SSE-S3 for buckets that may not use KMS (server access log targets).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requireKms: { type: "boolean", default: true, description: "Require SSE-KMS (aws:kms, aws:kms:dsse) except for the exempt buckets" },
            kmsExemptTags: {
                type: "object",
                additionalProperties: { type: "string" },
                default: { [PURPOSE_TAG]: BUCKET_PURPOSES.accessLogs },
                description: "Buckets with any of these tags may use SSE-S3: S3 server access logging cannot deliver to SSE-KMS buckets",
            },
        },
    },
    validateStack: async (args, report) => {
        const config = args.getConfig<{ requireKms: boolean; kmsExemptTags: Record<string, string> }>();
        await checkEach(args.resources.filter(isBucket), (bucket) => {
            const settings = bucketSettingsOf(bucket, "encryption", args.resources);
            const defaults = encryptionDefaultsOf(bucket, settings.referrers);
            const algorithms = defaults.map((d) => d.sseAlgorithm as string);
            if (algorithms.length === 0 && settings.undetermined.length > 0) return;
            const needsKms = config.requireKms && !hasAnyTag(tagsOf(bucket.props), config.kmsExemptTags);
            if (!algorithms.some((a) => ALL_ALGORITHMS.includes(a))) {
                report(`${label(bucket)} has no default encryption: add an aws.s3.BucketServerSideEncryptionConfiguration for it with sseAlgorithm "aws:kms" and a KMS key.`, bucket.urn);
            } else if (needsKms && !algorithms.some((a) => KMS_ALGORITHMS.includes(a))) {
                const exempt = Object.entries(config.kmsExemptTags).map(([k, v]) => `${k}=${v}`).join(", ");
                report(`${label(bucket)} is encrypted with SSE-S3 (AES256), not KMS: set sseAlgorithm "aws:kms" with a KMS key in its encryption configuration, or tag it ${exempt} if it is a server access log target.`, bucket.urn);
            } else if (needsKms && !defaults.some((d) => KMS_ALGORITHMS.includes(d.sseAlgorithm as string) && typeof d.kmsMasterKeyId === "string" && d.kmsMasterKeyId !== "")) {
                // Without kmsMasterKeyId S3 uses the AWS managed key aws/s3: no key policy of the
                // platform's, no rotation setting, and every principal of the account may use it through S3.
                report(`${label(bucket)} is SSE-KMS without a kmsMasterKeyId, so S3 uses the AWS managed key aws/s3: set kmsMasterKeyId to the platform's key.`, bucket.urn);
            }
        });
    },
};

const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

function flagsOff(block: PolicyResource): string[] {
    return PUBLIC_ACCESS_FLAGS.filter((flag) => block.props[flag] !== true);
}

export const s3BucketPublicAccessBlocked: StackValidationPolicy = {
    name: "s3-bucket-public-access-blocked",
    description: "Every S3 bucket has a public access block with all four flags on (or the account has one).",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        // An account's block counts only for the stack's own account (accountId defaults to the caller's).
        const account = placementOf(args.resources).account;
        const accountBlocks = args.resources.filter((r) => r.type === "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"
            && (typeof r.props.accountId !== "string" || r.props.accountId === "" || r.props.accountId === account));
        if (accountBlocks.some((block) => flagsOff(block).length === 0)) return;
        await checkEach(args.resources.filter(isBucket), (bucket) => {
            const blocks = bucketSettingsOf(bucket, "publicAccessBlock", args.resources);
            if (blocks.referrers.some((block) => flagsOff(block).length === 0)) return;
            if (blocks.referrers.length === 0) {
                if (blocks.undetermined.length > 0) return;
                report(`${label(bucket)} has no public access block: add an aws.s3.BucketPublicAccessBlock for it with ${PUBLIC_ACCESS_FLAGS.join(", ")} all true.`, bucket.urn);
                return;
            }
            const block = blocks.referrers[0];
            report(`${label(block)} of ${label(bucket)} leaves ${flagsOff(block).join(", ")} off: set ${PUBLIC_ACCESS_FLAGS.join(", ")} all true.`, bucket.urn);
        });
    },
};

/** The bucket's policy documents: its inline `policy` and those of the BucketPolicies naming it. */
/**
 * The policy S3 keeps for the bucket: a bucket has one policy, so of its own `policy` and its
 * BucketPolicy resources the last declared is the one applied last (as the access evaluator reads
 * it, policies/access/stack/dataFacts.ts); how many were declared, for the message.
 */
function bucketPolicyDocuments(bucket: PolicyResource, policies: PolicyResource[]): { kept: unknown[]; declared: number } {
    const all = [bucket.props.policy, ...policies.map((p) => p.props.policy)].filter((d) => d !== undefined && d !== "");
    return { kept: all.slice(-1), declared: all.length };
}

export const s3BucketTlsOnly: StackValidationPolicy = {
    name: "s3-bucket-tls-only",
    description: "Every S3 bucket's policy denies all S3 actions on the bucket and its objects to requests without TLS (aws:SecureTransport false).",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        await checkEach(args.resources.filter(isBucket), (bucket) => {
            const arn = bucketArn(bucket);
            const policies = bucketSettingsOf(bucket, "policy", args.resources);
            if (arn === undefined || (policies.referrers.length === 0 && policies.undetermined.length > 0)) return;
            const documents = bucketPolicyDocuments(bucket, policies.referrers);
            const tlsOnly = documents.kept.some((document) =>
                statementsOf(document).some((s) =>
                    deniesInsecureTransport(s) &&
                    coversAction(s, "s3:*") &&
                    (s.resources ?? []).some((r) => matchesPattern(r, arn)) &&
                    (s.resources ?? []).some((r) => matchesPattern(r, `${arn}/*`))),
            );
            if (!tlsOnly) {
                const several = documents.declared > 1 ? ` (${documents.declared} bucket policies are declared for it; S3 keeps one, the last applied, which lacks the deny: declare one)` : "";
                report(
                    `${label(bucket)} accepts requests without TLS${several}: add to its bucket policy a statement { Effect: "Deny", Principal: "*", Action: "s3:*", ` +
                    `Resource: [the bucket ARN, the bucket ARN + "/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }.`,
                    bucket.urn,
                );
            }
        });
    },
};

export const s3BucketVersioned: StackValidationPolicy = {
    name: "s3-bucket-versioned",
    description: "In a stack that keeps data (policy config protectedStacks), every S3 bucket is versioned.",
    enforcementLevel: "mandatory",
    configSchema: DATA_PROTECTION_CONFIG,
    validateStack: async (args, report) => {
        const config = args.getConfig<DataProtectionConfig>();
        const buckets = args.resources.filter((r) => isBucket(r) && stackKeepsData(r.urn, config));
        await checkEach(buckets, (bucket) => {
            const settings = bucketSettingsOf(bucket, "versioning", args.resources);
            const enabled = bucket.props.versioning?.enabled === true || settings.referrers.some((v) => v.props.versioningConfiguration?.status === "Enabled");
            if (enabled || (settings.referrers.length === 0 && settings.undetermined.length > 0)) return;
            report(`${label(bucket)} is not versioned, and stack ${stackOf(bucket.urn)} keeps data: add an aws.s3.BucketVersioning for it with versioningConfiguration.status "Enabled".`, bucket.urn);
        });
    },
};

export const s3BucketProtected: ResourceValidationPolicy = {
    name: "s3-bucket-protected",
    description: "In a stack that keeps data (policy config protectedStacks), every S3 bucket has the Pulumi protect option, so that `pulumi destroy` cannot delete it.",
    enforcementLevel: "mandatory",
    configSchema: DATA_PROTECTION_CONFIG,
    validateResource: [
        validateResourceOfType(aws.s3.Bucket, (_bucket, args, report) => requireProtect(args, report)),
        validateResourceOfType(aws.s3.BucketV2, (_bucket, args, report) => requireProtect(args, report)),
    ],
};

export const s3BucketAccessLogging: StackValidationPolicy = {
    name: "s3-bucket-access-logging",
    description: "Every S3 bucket writes server access logs, except the buckets that receive them.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            logBucketTags: {
                type: "object",
                additionalProperties: { type: "string" },
                default: { [PURPOSE_TAG]: BUCKET_PURPOSES.accessLogs },
                description: "Buckets with any of these tags receive logs (also from outside this stack) and need not log themselves",
            },
        },
    },
    validateStack: async (args, report) => {
        const { logBucketTags } = args.getConfig<{ logBucketTags: Record<string, string> }>();
        await checkEach(args.resources.filter(isBucket), (bucket) => {
            if (hasAnyTag(tagsOf(bucket.props), logBucketTags)) return;
            const logging = bucketSettingsOf(bucket, "logging", args.resources);
            if (logging.referrers.length > 0 || typeof bucket.props.logging?.targetBucket === "string") return;
            const asTarget = bucketSettingsOf(bucket, "logging", args.resources, "targetBucket");
            if (asTarget.referrers.length > 0 || logging.undetermined.length > 0 || asTarget.undetermined.length > 0) return;
            report(`${label(bucket)} has no server access logging: add an aws.s3.BucketLogging for it whose targetBucket is the stack's access-log bucket.`, bucket.urn);
        });
    },
};

export const s3Policies = [s3BucketEncrypted, s3BucketPublicAccessBlocked, s3BucketTlsOnly, s3BucketVersioned, s3BucketProtected, s3BucketAccessLogging];
