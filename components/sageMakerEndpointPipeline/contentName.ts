import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { NameKind, Placement, physicalName } from "../common/naming";

/** JSON with every object's keys in sorted order: the same settings give the same text. */
function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) =>
        v !== null && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
            : v);
}

/** 8 hex characters of the SHA-256 of the settings' canonical JSON (absent and undefined fields alike). */
export function contentHash(settings: unknown): string {
    return createHash("sha256").update(canonicalJson(settings)).digest("hex").slice(0, 8);
}

/** The readable `<project>-<stack>-<logical>` plus the hash of `settings`. */
export function contentName(placement: Placement, logical: string, kind: NameKind, settings: unknown): string {
    return physicalName(placement, `${logical}-${contentHash(settings)}`, kind);
}

/**
 * The physical name of an immutable SageMaker resource (a model, a job definition), from every
 * input it is created with but its name and tags (the only field SageMaker updates in place):
 * any change that replaces it, a value known only at deploy time included (a replaced key's ARN),
 * changes its name. Pulumi can then create the new one before deleting the old without a name
 * collision, and what uses it (an endpoint config, a monitoring schedule) moves to the new one
 * before the old is deleted. Pass the very object the resource is created from.
 */
export function contentNameOf(placement: Placement, logical: string, kind: NameKind, settings: object): pulumi.Output<string> {
    return pulumi.output(settings).apply((resolved) => contentName(placement, logical, kind, resolved));
}
