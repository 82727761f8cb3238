import * as pulumi from "@pulumi/pulumi";
import program from "../../../index";
import { planProgram } from "../../../tools/engine/run";
import type { Plan } from "../../../tools/engine/stackExport";
import { readStackConfig } from "../../../tools/engine/stackFile";

/** One resource as the program asked for it: its options as given, with resources named. */
export interface Registration {
    type: string;
    name: string;
    custom: boolean;
    props: Record<string, unknown>;
    opts: pulumi.CustomResourceOptions;
    /** The registration names of `opts.provider` and of each `opts.dependsOn` entry. */
    provider?: string;
    dependsOn: string[];
}

export interface RecordedPlan {
    plan: Plan;
    registrations: Registration[];
    /** The registration of the resource named `name` (one only). */
    named(name: string): Registration;
}

export interface PlanVariant {
    /** Replaces or adds flat config values ("namespace:key" -> JSON or plain text). */
    config?: Record<string, string>;
    /** Edits the parsed value of one `analytics-platform:` key. */
    editKey?: { key: string; change: (value: Record<string, unknown>) => void };
    mocks?: pulumi.runtime.Mocks;
}

/**
 * Plans a stack of this repository while a stack transformation records what each resource was
 * registered with (provider, dependsOn, deleteBeforeReplace, ...): the options, read from the
 * program's own requests, independent of what the export format records.
 */
export async function planRecorded(stack: "dev" | "prod", variant: PlanVariant = {}): Promise<RecordedPlan> {
    const { config } = readStackConfig(stack);
    const edited = { ...config, ...variant.config };
    if (variant.editKey) {
        const full = `analytics-platform:${variant.editKey.key}`;
        const value = JSON.parse(edited[full] ?? "{}") as Record<string, unknown>;
        variant.editKey.change(value);
        edited[full] = JSON.stringify(value);
    }
    const registrations: Registration[] = [];
    const names = new Map<pulumi.Resource, string>();
    const recording = () => {
        pulumi.runtime.registerStackTransformation((args) => {
            names.set(args.resource, args.name);
            registrations.push({
                type: args.type,
                name: args.name,
                custom: args.resource instanceof pulumi.CustomResource,
                props: args.props as Record<string, unknown>,
                opts: args.opts as pulumi.CustomResourceOptions,
                dependsOn: [],
            });
            return undefined;
        });
        return program();
    };
    const plan = await planProgram({ project: "analytics-platform", stack, config: edited, program: recording, mocks: variant.mocks });
    for (const r of registrations) {
        const provider = r.opts.provider;
        r.provider = provider ? names.get(provider) : undefined;
        const dependsOn = r.opts.dependsOn;
        r.dependsOn = (Array.isArray(dependsOn) ? dependsOn : dependsOn ? [dependsOn] : [])
            .map((d) => names.get(d as pulumi.Resource))
            .filter((n): n is string => n !== undefined);
    }
    return {
        plan,
        registrations,
        named(name) {
            const found = registrations.filter((r) => r.name === name);
            if (found.length !== 1) throw new Error(`expected one registration named ${name}, found ${found.length}`);
            return found[0];
        },
    };
}
