import { createHash } from "node:crypto";

/**
 * Deterministic stand-ins for what AWS and Pulumi would generate at random (auto-name suffixes,
 * key ids, unique ids). Each derives from a hash of a seed that identifies the resource (its
 * stack, type and logical name), so a plan is reproducible byte for byte, while two resources,
 * or one resource in two stacks, get different values as they would for real.
 */

/** Identifies one resource for the functions below. */
export function namingSeed(stack: string, type: string, name: string): string {
    return [stack, type, name].join("\u0000");
}

function digest(purpose: string, seed: string): string {
    return createHash("sha256").update(`${purpose}\u0000${seed}`).digest("hex");
}

/** The 7 hex characters Pulumi appends when it auto-names a resource. */
export function autoNameSuffix(seed: string): string {
    return digest("autoname", seed).slice(0, 7);
}

export interface AutoNameOptions {
    /** AWS's limit on the physical name; Pulumi shortens the logical part to fit. */
    maxLength?: number;
    /** S3 bucket and Glue names must be lowercase; Pulumi lowercases them. */
    lowercase?: boolean;
    /** Prepended to the whole name (a KMS alias must start with "alias/"). */
    prefix?: string;
}

/** `<logical name>-<7 hex>`, as Pulumi's auto-naming does. */
export function autoName(name: string, seed: string, opts: AutoNameOptions = {}): string {
    const suffix = `-${autoNameSuffix(seed)}`;
    const prefix = opts.prefix ?? "";
    let base = name;
    if (opts.maxLength !== undefined && prefix.length + base.length + suffix.length > opts.maxLength) {
        base = base.slice(0, Math.max(0, opts.maxLength - prefix.length - suffix.length));
    }
    const full = prefix + base + suffix;
    return opts.lowercase ? full.toLowerCase() : full;
}

/** Terraform's `name_prefix` behaviour: the prefix plus a 26-digit unique suffix. */
export function prefixedName(prefix: string, seed: string): string {
    const digits = BigInt(`0x${digest("prefix", seed).slice(0, 24)}`).toString().padStart(26, "0");
    return prefix + digits.slice(0, 26);
}

/** A version-4-shaped UUID, e.g. for KMS key ids and provider ids. */
export function deterministicUuid(seed: string): string {
    const h = digest("uuid", seed);
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The numeric hash-code ids Terraform gives resources AWS does not name (e.g. grants). */
export function numericId(seed: string): string {
    return String(parseInt(digest("numeric", seed).slice(0, 8), 16));
}

const UNIQUE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** IAM unique ids: a 4-letter kind prefix ("AROA" role, "AIDA" user, "ANPA" policy) + 17 chars. */
export function iamUniqueId(kind: "AROA" | "AIDA" | "ANPA", seed: string): string {
    const bytes = Buffer.from(digest("iam", seed), "hex");
    let id = kind;
    for (let i = 0; i < 17; i++) {
        id += UNIQUE_ID_ALPHABET[bytes[i] % UNIQUE_ID_ALPHABET.length];
    }
    return id;
}

/** The partition a region belongs to ("aws", "aws-cn", "aws-us-gov"). */
export function partitionOf(region: string): { partition: string; dnsSuffix: string; reverseDnsPrefix: string } {
    if (region.startsWith("cn-")) {
        return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
    }
    if (region.startsWith("us-gov-")) {
        return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
    }
    return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}
