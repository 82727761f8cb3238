import type { PolicyResource, ReportViolation, StackValidation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { BUCKET_PURPOSES, PURPOSE_TAG } from "../../../personas/personaNames";
import { isBucket } from "../../lib/bucketTypes";
import { locationCovers } from "../../access/stack/arns";
import { checkEach, rawProps } from "../../lib/unknownValues";
import { bucketArn, bucketSettingsOf } from "../lib/buckets";
import { DATA_PROTECTION_CONFIG, DataProtectionConfig, KeepsData, stackKeepsDataByConfig } from "../lib/dataProtection";
import { label, tagsOf } from "../lib/resources";

/*
 * Keeping data in a stack whose config says so (environment.protectData): the Glue database is
 * protected and retained, no bucket can be emptied by `pulumi destroy` (forceDestroy), the data
 * buckets' lifecycle rules never expire current objects, and every bucket's objects belong to it
 * (ownership controls BucketOwnerEnforced: ACLs off, in every stack).
 */

const GLUE_DATABASE = "aws:glue/catalogDatabase:CatalogDatabase";

/** A stack validation that runs only when the stack keeps its data, with what says so. */
function whenKeepingData(check: (args: StackValidationArgs, report: ReportViolation, keeps: KeepsData) => void | Promise<void>): StackValidation {
    return async (args, report) => {
        const keeps = stackKeepsDataByConfig(args.resources, args.getConfig<DataProtectionConfig>());
        if (keeps.keeps) await check(args, report, keeps);
    };
}
const LAKE_LOCATION = "aws:lakeformation/resource:Resource";

export const glueDatabaseProtected: StackValidationPolicy = {
    name: "glue-database-protected",
    description: "When the stack config sets environment.protectData, every Glue database has the Pulumi options protect and retainOnDelete: deleting it drops every table definition and Lake Formation grant on it.",
    enforcementLevel: "mandatory",
    configSchema: DATA_PROTECTION_CONFIG,
    validateStack: whenKeepingData((args, report, keeps) => {
        for (const database of args.resources.filter((r) => r.type === GLUE_DATABASE)) {
            // CrossGuard hands policies no retainOnDelete; the offline runner does (false when unset).
            const retain = (database.opts as { retainOnDelete?: boolean }).retainOnDelete;
            const missing = [!database.opts.protect ? "protect" : undefined, retain === false ? "retainOnDelete" : undefined].filter((o): o is string => o !== undefined);
            if (missing.length > 0) {
                report(`${label(database)} lacks the resource option${missing.length > 1 ? "s" : ""} ${missing.join(" and ")}, and ${keeps.because}: create it with ${missing.map((o) => `${o}: true`).join(", ")}.`, database.urn);
            }
        }
    }),
};

export const s3BucketNoForceDestroy: StackValidationPolicy = {
    name: "s3-bucket-no-force-destroy",
    description: "When the stack config sets environment.protectData, no bucket has forceDestroy: `pulumi destroy` would delete every object and version in it.",
    enforcementLevel: "mandatory",
    configSchema: DATA_PROTECTION_CONFIG,
    validateStack: whenKeepingData((args, report, keeps) => checkEach(args.resources.filter(isBucket), (bucket) => {
        if (bucket.props.forceDestroy === true) report(`${label(bucket)} has forceDestroy: true, and ${keeps.because}: remove forceDestroy (or set it false).`, bucket.urn);
    })),
};

export const s3BucketOwnerEnforced: StackValidationPolicy = {
    name: "s3-bucket-owner-enforced",
    description: "Every S3 bucket has ownership controls with objectOwnership BucketOwnerEnforced: ACLs are off, the bucket owns every object, and only policies decide access.",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        await checkEach(args.resources.filter(isBucket), (bucket) => {
            const controls = bucketSettingsOf(bucket, "ownership", args.resources);
            const settings = controls.referrers.map((c) => objectOwnershipOf(c));
            if (settings.includes("BucketOwnerEnforced")) return;
            if (controls.referrers.length === 0) {
                if (controls.undetermined.length > 0) return;
                report(`${label(bucket)} has no ownership controls: add an aws.s3.BucketOwnershipControls for it with rule.objectOwnership "BucketOwnerEnforced".`, bucket.urn);
                return;
            }
            report(`${label(controls.referrers[0])} of ${label(bucket)} sets objectOwnership ${settings.map(String).join(", ")}, which keeps ACLs in force: set rule.objectOwnership "BucketOwnerEnforced".`, bucket.urn);
        });
    },
};

function objectOwnershipOf(controls: PolicyResource): unknown {
    const rule = rawProps(controls.props).rule;
    const first = Array.isArray(rule) ? rule[0] : rule;
    return (first as { objectOwnership?: unknown } | undefined)?.objectOwnership;
}

interface LifecycleRule {
    id?: string;
    status?: string;
    expiration?: { days?: number; date?: string; expiredObjectDeleteMarker?: boolean } | { days?: number; date?: string; expiredObjectDeleteMarker?: boolean }[];
}

/** Whether a lifecycle rule, enabled, expires current object versions (not only delete markers). */
function expiresCurrentObjects(rule: LifecycleRule): boolean {
    if (rule.status !== undefined && rule.status !== "Enabled") return false;
    const expirations = Array.isArray(rule.expiration) ? rule.expiration : rule.expiration ? [rule.expiration] : [];
    return expirations.some((e) => (typeof e.days === "number" && e.days > 0) || (typeof e.date === "string" && e.date !== ""));
}

/**
 * The data buckets: those the stack registers with Lake Formation, or tagged as the lake
 * (query results and access logs expire by design).
 */
function isDataBucket(bucket: PolicyResource, locations: PolicyResource[]): boolean {
    if (tagsOf(bucket.props)[PURPOSE_TAG] === BUCKET_PURPOSES.lake) return true;
    const arn = bucketArn(bucket);
    return arn !== undefined && locations.some((l) => {
        const registered = rawProps(l.props).arn;
        return typeof registered === "string" && (locationCovers(arn, registered) || locationCovers(registered, arn));
    });
}

export const s3DataNotExpired: StackValidationPolicy = {
    name: "s3-data-not-expired",
    description: "When the stack config sets environment.protectData, no lifecycle rule of a data bucket (registered with Lake Formation, or tagged as the lake) expires current objects; noncurrent versions and delete markers may expire.",
    enforcementLevel: "mandatory",
    configSchema: DATA_PROTECTION_CONFIG,
    validateStack: whenKeepingData(async (args, report, keeps) => {
        const locations = args.resources.filter((r) => r.type === LAKE_LOCATION);
        await checkEach(args.resources.filter((b) => isBucket(b) && isDataBucket(b, locations)), (bucket) => {
            const lifecycles = bucketSettingsOf(bucket, "lifecycle", args.resources).referrers;
            const rules: { from: PolicyResource; rule: LifecycleRule }[] = [
                ...((bucket.props.lifecycleRules ?? []) as LifecycleRule[]).map((rule) => ({ from: bucket, rule: { ...rule, status: (rule as { enabled?: boolean }).enabled === false ? "Disabled" : "Enabled" } })),
                ...lifecycles.flatMap((l) => ((l.props.rules ?? []) as LifecycleRule[]).map((rule) => ({ from: l, rule }))),
            ];
            for (const { from, rule } of rules.filter((r) => expiresCurrentObjects(r.rule))) {
                report(`${label(from)} of ${label(bucket)} expires current objects (rule ${rule.id ?? "without id"}), and ${keeps.because}: expire only noncurrent versions (noncurrentVersionExpiration) in a data bucket.`, bucket.urn);
            }
        });
    }),
};

export const dataRetentionPolicies = [glueDatabaseProtected, s3BucketNoForceDestroy, s3BucketOwnerEnforced, s3DataNotExpired];
