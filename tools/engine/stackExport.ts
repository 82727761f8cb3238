import * as fs from "node:fs";
import type { RecordedResource } from "./mockMonitor";
import type { JsonObject } from "./plainValues";

/** One resource in Pulumi's stack-export format (`pulumi stack export`, deployment version 3). */
export interface ExportedResource {
    urn: string;
    custom: boolean;
    type: string;
    /** Custom resources only. */
    id?: string;
    inputs: JsonObject;
    outputs: JsonObject;
    /** Absent for the root stack resource. */
    parent?: string;
    dependencies: string[];
    protect: boolean;
    /** Present only when set. */
    retainOnDelete?: true;
    /** Present only for resources read with `Resource.get`. */
    external?: true;
    /** "<provider urn>::<provider id>": the provider that creates it (custom resources). */
    provider?: string;
    /** The following are present only when set, as in a real export. */
    additionalSecretOutputs?: string[];
    deletedWith?: string;
    ignoreChanges?: string[];
    replaceOnChanges?: string[];
    /**
     * What the program asked of the engine that a real export does not keep (apitype.ResourceV3
     * has no deleteBeforeReplace): recorded by the offline engine only, absent from a real
     * `pulumi stack export`. Present only when something is set.
     */
    registrationOptions?: { deleteBeforeReplace?: true };
}

export interface StackExport {
    version: 3;
    deployment: {
        manifest: { time: string; version: string };
        resources: ExportedResource[];
    };
}

/** What an offline run of a stack's program produced. */
export interface Plan {
    project: string;
    stack: string;
    /** In registration order; the root stack resource first. */
    resources: ExportedResource[];
    /** The stack outputs, as plain JSON. */
    outputs: Record<string, unknown>;
}

/** Builds the export entry with the key order of the CONTRACT and of a real export. */
export function toExportedResource(r: RecordedResource): ExportedResource {
    return {
        urn: r.urn,
        custom: r.custom,
        type: r.type,
        ...(r.custom ? { id: r.id ?? "" } : {}),
        inputs: r.inputs,
        outputs: r.outputs,
        ...(r.parent ? { parent: r.parent } : {}),
        dependencies: [...r.dependencies],
        protect: r.protect,
        ...(r.retainOnDelete ? { retainOnDelete: true as const } : {}),
        ...(r.external ? { external: true as const } : {}),
        ...(r.provider ? { provider: r.provider } : {}),
        ...nonEmpty("additionalSecretOutputs", r.options.additionalSecretOutputs),
        ...(r.options.deletedWith ? { deletedWith: r.options.deletedWith } : {}),
        ...nonEmpty("ignoreChanges", r.options.ignoreChanges),
        ...nonEmpty("replaceOnChanges", r.options.replaceOnChanges),
        ...(r.options.deleteBeforeReplace ? { registrationOptions: { deleteBeforeReplace: true as const } } : {}),
    };
}

function nonEmpty<K extends string>(key: K, list: string[]): Partial<Record<K, string[]>> {
    return list.length > 0 ? ({ [key]: [...list] } as Record<K, string[]>) : {};
}

export function toStackExport(plan: Plan, time: Date = new Date()): StackExport {
    return {
        version: 3,
        deployment: {
            manifest: { time: time.toISOString(), version: pulumiSdkVersion() },
            // A deep copy: the export must not share objects with the plan a caller may keep using.
            resources: JSON.parse(JSON.stringify(plan.resources)) as ExportedResource[],
        },
    };
}

let sdkVersion: string | undefined;

/** The @pulumi/pulumi version that ran the program, as a real export's manifest records it. */
export function pulumiSdkVersion(): string {
    if (sdkVersion === undefined) {
        const file = require.resolve("@pulumi/pulumi/package.json");
        sdkVersion = (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
    }
    return sdkVersion;
}
