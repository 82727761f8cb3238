import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyResource } from "@pulumi/policy";
import { parse } from "yaml";
import { NAMESPACE, parsePlatformConfig } from "../../../config/load";
import { PlatformConfig } from "../../../config/schema";

/** The stack's configuration, where the expectations of the persona checks come from, and whence. */
export interface StackConfigSource {
    config: PlatformConfig;
    /** "the stack config the Pulumi CLI sent" or the file it was read from. */
    from: string;
    /** `aws:region` of the stack config (the config itself refuses a missing or unknown one). */
    region?: string;
}

/** The stack the resources belong to, from their URNs (`urn:pulumi:<stack>::<project>::...`). */
export function stackOf(resources: readonly PolicyResource[]): string | undefined {
    const urn = resources.find((r) => r.urn.startsWith("urn:pulumi:"))?.urn;
    return urn?.slice("urn:pulumi:".length).split("::")[0];
}

/**
 * The configuration of the stack under check, so that expectations (which group excludes which
 * columns) come from what the stack was asked to be, never from the resources being checked:
 * - under `pulumi preview --policy-pack`, the engine sends the stack's config to the policy pack
 *   (pulumi/pulumi#19392 and #20570: a Node pack reads it through `@pulumi/pulumi`'s runtime
 *   config, as the program does), and the offline engine sets the same runtime config when it
 *   plans a stack in-process;
 * - otherwise (`npm run policy -- --file export.json` of a stack of this project) from
 *   `Pulumi.<stack>.yaml` in the project directory.
 * Undefined when neither is there (an export of another project): the checks then fall back to the
 * model's conventions and say so.
 */
export function stackConfigFor(resources: readonly PolicyResource[], projectDirs = PROJECT_DIRS): StackConfigSource | undefined {
    const stack = stackOf(resources);
    if (!stack) return undefined;
    const fromRuntime = runtimeConfig(stack);
    if (fromRuntime) return { config: parsePlatformConfig(`Pulumi.${stack}.yaml`, fromRuntime), from: "the stack config the Pulumi engine sent", region: fromRuntime["aws:region"] };
    const file = projectDirs.map((dir) => path.join(dir, `Pulumi.${stack}.yaml`)).find((f) => fs.existsSync(f));
    if (!file) return undefined;
    const text = fs.readFileSync(file, "utf8");
    const known = readFromFile.get(file);
    if (known?.text === text) return known.source;
    const document = parse(text) as { config?: Record<string, unknown> } | null;
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(document?.config ?? {})) {
        if (key.startsWith(`${NAMESPACE}:`) || key === "aws:region") flat[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    const source = { config: parsePlatformConfig(`Pulumi.${stack}.yaml`, flat), from: `Pulumi.${stack}.yaml`, region: flat["aws:region"] };
    readFromFile.set(file, { text, source });
    return source;
}

/**
 * Each stack file's last text and what it gave: a policy run evaluates the stack in several rules
 * (and the mutation corpus hundreds of times), each asking for the config. The file is read each
 * time, so an edited one is parsed again; callers only read the config.
 */
const readFromFile = new Map<string, { text: string; source: StackConfigSource }>();

/**
 * Where Pulumi.<stack>.yaml may be: the working directory (the offline runner runs from the
 * project), and the project root this file sits in (the CLI runs a pack from its own folder).
 */
const PROJECT_DIRS = [process.cwd(), path.resolve(__dirname, "..", "..", "..")];

/** The runtime's config, when it is this stack's and holds the platform's keys. */
function runtimeConfig(stack: string): Record<string, string> | undefined {
    try {
        if (pulumi.getStack() !== stack) return undefined;
        const values = pulumi.runtime.allConfig();
        return Object.keys(values).some((k) => k.startsWith(`${NAMESPACE}:`)) ? values : undefined;
    } catch {
        return undefined;
    }
}

/** The columns the config excludes for an analyst group, per table (undefined: the group is not configured). */
export function excludedColumnsOf(source: StackConfigSource, group: string): { database: string; table: string; columns: string[] }[] | undefined {
    const { athenaAnalysts, dataLake } = source.config;
    if (!athenaAnalysts.enabled || !dataLake.enabled) return undefined;
    const configured = athenaAnalysts.groups.find((g) => g.name === group);
    if (!configured) return undefined;
    return configured.tables.map((t) => ({ database: dataLake.databaseName, table: t.name, columns: t.excludedColumns ?? [] }));
}

/** An anomaly detector's source as the config states it: the bucket (or the lake, "lake") and prefix, its namespace's detector name. */
export function detectorOf(source: StackConfigSource, detector: string): { dataset?: string; bucket?: string; prefix: string; webhookParameter?: string } | undefined {
    const { anomalyDetector } = source.config;
    if (!anomalyDetector.enabled) return undefined;
    const found = anomalyDetector.detectors.find((d) => d.name === detector);
    if (!found) return undefined;
    const { dataset, bucket, prefix } = found.source;
    return {
        ...(dataset !== undefined ? { dataset, prefix: `${dataset}/` } : { bucket, prefix: prefix ?? "" }),
        webhookParameter: found.alerts.webhook?.urlParameterName,
    };
}

/** The analyst groups the config declares. */
export function analystGroupsOf(source: StackConfigSource): string[] {
    return source.config.athenaAnalysts.enabled ? source.config.athenaAnalysts.groups.map((g) => g.name) : [];
}
