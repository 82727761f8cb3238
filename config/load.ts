import * as pulumi from "@pulumi/pulumi";
import * as runtimeConfig from "@pulumi/pulumi/runtime/config";
import { z } from "zod";
import { ConfigError } from "./errors";
import { partitionOf, REGION_PARTITIONS } from "./regions";
import { PlatformConfig, platformConfigSchema } from "./schema";
import { sageMakerRegionProblems } from "./sageMakerEndpointPipeline";

export const NAMESPACE = "analytics-platform";

/** The validated configuration plus what the program needs to know about where it runs. */
export interface StackSettings {
    project: string;
    stack: string;
    region: string;
    config: PlatformConfig;
}

/**
 * Reads and validates the running stack's configuration, before any resource is registered.
 * Throws a ConfigError naming file, key, expectation and finding for each mistake.
 *
 * Values are read through `pulumi.Config` of the project's namespace, as any Pulumi program
 * reads them, so the same code runs under `pulumi up`, the Automation API and the offline
 * engine. Only the key names come from the runtime's config map, to report keys the schema does
 * not know.
 */
export function loadStackSettings(): StackSettings {
    const stack = pulumi.getStack();
    const file = `Pulumi.${stack}.yaml`;
    const region = new pulumi.Config("aws").get("region");
    const problems: string[] = [];
    // The region is validated with the platform's keys (the partition of every ARN follows from it).
    const values = { ...readNamespace(file, problems), ...(region === undefined ? {} : { "aws:region": region }) };
    try {
        const config = parsePlatformConfig(file, values);
        if (problems.length > 0 || !region) throw new ConfigError(problems);
        return { project: pulumi.getProject(), stack, region, config };
    } catch (err) {
        if (err instanceof ConfigError) throw new ConfigError([...problems, ...err.problems]);
        throw err;
    }
}

/**
 * The `analytics-platform:*` values as `pulumi.Config` returns them. No key of the platform is a
 * secret: every value becomes a resource name, tag, schedule or policy, which Pulumi stores in
 * plain text. A value set with `--secret` is reported rather than read, so that it never leaves
 * the secret it was put in.
 */
// What `pulumi.Config` itself asks (marked @internal in the SDK's typings): whether a key was set
// with `--secret`.
const isConfigSecret = (runtimeConfig as unknown as { isConfigSecret(fullKey: string): boolean }).isConfigSecret;

function readNamespace(file: string, problems: string[]): Record<string, string> {
    const config = new pulumi.Config(NAMESPACE);
    const values: Record<string, string> = {};
    const keys = Object.keys(pulumi.runtime.allConfig()).filter((fullKey) => fullKey.startsWith(`${NAMESPACE}:`));
    for (const fullKey of keys) {
        const key = fullKey.slice(NAMESPACE.length + 1);
        if (isConfigSecret(fullKey)) {
            problems.push(`${file}: ${fullKey}: expected a plain value (the platform's settings end up in resource properties, which are not secret), found a secret value`);
            continue;
        }
        const value = config.get(key);
        if (value !== undefined) values[fullKey] = value;
    }
    return values;
}

/**
 * Validates the `analytics-platform:*` keys of a flat config map as the Pulumi CLI hands it to a
 * program: plain strings as they are, numbers, booleans and objects as JSON text.
 */
export function parsePlatformConfig(file: string, values: Record<string, string>): PlatformConfig {
    const problems: string[] = [];
    const region = values["aws:region"];
    const partition = region === undefined ? undefined : partitionOf(region);
    if (partition === undefined) {
        problems.push(`${file}: aws:region: expected an AWS region such as ap-northeast-1 (one of ${Object.keys(REGION_PARTITIONS).length} in config/regions.ts), found ${region === undefined ? "nothing" : JSON.stringify(region)}`);
    }
    const known = Object.keys(platformConfigSchema.shape);
    const raw: Record<string, unknown> = {};
    for (const [fullKey, text] of Object.entries(values)) {
        if (!fullKey.startsWith(`${NAMESPACE}:`)) continue;
        const key = fullKey.slice(NAMESPACE.length + 1);
        if (!known.includes(key)) {
            problems.push(`${file}: ${fullKey}: unknown key; expected one of ${known.join(", ")}, found "${key}"`);
            continue;
        }
        raw[key] = parseValue(text);
    }
    const result = platformConfigSchema.safeParse(raw, { reportInput: true });
    if (!result.success) problems.push(...result.error.issues.flatMap((issue) => describeIssue(file, issue)));
    else if (partition !== undefined) problems.push(...foreignArns(file, result.data, partition, region));
    if (result.success && partition !== undefined) {
        // Rules that depend on the region: a built-in image or Model Monitor published there.
        problems.push(...sageMakerRegionProblems(result.data.sageMakerEndpointPipelines, region).map((p) => `${file}: ${keyPath(["sageMakerEndpointPipelines", ...p.path])}: ${p.message}`));
    }
    if (problems.length > 0) throw new ConfigError(problems);
    return (result as { data: PlatformConfig }).data;
}

/**
 * Every ARN in the config must be in the region's partition (arn:aws-cn:... in China, and so
 * on): IAM refuses a principal of another partition. Walks all values, so new keys are covered.
 */
function foreignArns(file: string, value: unknown, partition: string, region: string, path: PropertyKey[] = []): string[] {
    if (typeof value === "string") {
        const found = /^arn:([^:]*):/.exec(value)?.[1];
        return found !== undefined && found !== partition
            ? [`${file}: ${keyPath(path)}: expected an ARN in partition ${partition} (that of aws:region ${region}), found ${show(value)}`]
            : [];
    }
    if (Array.isArray(value)) return value.flatMap((v, i) => foreignArns(file, v, partition, region, [...path, i]));
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => foreignArns(file, v, partition, region, [...path, k]));
    }
    return [];
}

function parseValue(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text; // a plain string value
    }
}

/** One line per problem: `<file>: <namespace>:<key.path>: expected ..., found ...`. */
function describeIssue(file: string, issue: z.core.$ZodIssue): string[] {
    if (issue.code === "unrecognized_keys") {
        const expected = knownKeysAt(issue.path).join(", ");
        return issue.keys.map((k) => `${file}: ${keyPath([...issue.path, k])}: unknown key; expected one of ${expected}, found "${k}"`);
    }
    return [`${file}: ${keyPath(issue.path)}: ${describeFinding(issue)}`];
}

function keyPath(path: PropertyKey[]): string {
    const [top, ...rest] = path;
    return `${NAMESPACE}:${String(top ?? "")}${rest.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`;
}

/** The keys the schema knows for the object at `path`, to suggest what a typo meant. */
function knownKeysAt(path: PropertyKey[]): string[] {
    let schema: z.core.$ZodType = platformConfigSchema;
    for (const step of [undefined, ...path]) {
        schema = unwrap(schema);
        if (step === undefined) continue;
        const def = schema._zod.def;
        if (def.type === "object") schema = (def as z.core.$ZodObjectDef).shape[String(step)];
        else if (def.type === "array") schema = (def as z.core.$ZodArrayDef).element;
        if (!schema) return [];
    }
    const def = unwrap(schema)._zod.def;
    return def.type === "object" ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

/** Looks through defaults, optionals, preprocessing and a switchable's union (its "on" branch). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
    const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; out?: z.core.$ZodType; options?: z.core.$ZodType[] };
    if ((def.type === "default" || def.type === "optional") && def.innerType) return unwrap(def.innerType);
    if (def.type === "pipe" && def.out) return unwrap(def.out);
    if (def.type === "union" && def.options?.[0]) return unwrap(def.options[0]);
    return schema;
}

function describeFinding(issue: z.core.$ZodIssue): string {
    const found = "input" in issue ? show(issue.input) : "nothing";
    switch (issue.code) {
        case "invalid_type":
            return issue.input === undefined
                ? `expected ${issue.expected}, found nothing (the key is required)`
                : `expected ${issue.expected}, found ${typeName(issue.input)} ${found}`;
        case "too_small":
            return `expected ${issue.origin === "number" ? "a value >=" : "at least"} ${String(issue.minimum)}${unit(issue.origin, issue.minimum)}, found ${found}`;
        case "too_big":
            return `expected ${issue.origin === "number" ? "a value <=" : "at most"} ${String(issue.maximum)}${unit(issue.origin, issue.maximum)}, found ${found}`;
        case "invalid_union": {
            // A switchable's discriminator: zod reports the whole object, the user wrote one value.
            const discriminator = (issue as { discriminator?: string }).discriminator;
            const value = discriminator && typeof issue.input === "object" && issue.input !== null
                ? show((issue.input as Record<string, unknown>)[discriminator])
                : found;
            const options = (issue as { options?: unknown[] }).options;
            return options ? `expected ${options.map((o) => JSON.stringify(o)).join(" or ")}, found ${value}` : `expected ${issue.message}, found ${value}`;
        }
        case "invalid_key":
            // A record's key (a tag key): the inner issue says what the key breaks.
            return issue.issues.length > 0 ? describeFinding({ ...issue.issues[0], input: issue.input } as z.core.$ZodIssue) : `expected ${issue.message}, found ${found}`;
        case "custom":
            // Cross-field checks write their whole finding; single-value refinements name the expectation.
            return /\bexpected\b.*\bfound\b/.test(issue.message) ? issue.message : `expected ${issue.message}, found ${found}`;
        default:
            return `expected ${issue.message}, found ${found}`;
    }
}

function unit(origin: string, count: unknown): string {
    const one = Number(count) === 1;
    return origin === "array" ? (one ? " entry" : " entries") : origin === "string" ? (one ? " character" : " characters") : "";
}

function typeName(value: unknown): string {
    if (Array.isArray(value)) return "array";
    if (value === null) return "null";
    return typeof value;
}

function show(value: unknown): string {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
