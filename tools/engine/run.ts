import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { disconnectSync } from "@pulumi/pulumi/runtime/settings";
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { InputError } from "./errors";
import { duplicateUrnMessage, installRecordingMonitor } from "./mockMonitor";
import { AwsMocks } from "./mocks";
import { waitForRPCs, withLocalStorage } from "./pulumiInternals";
import { readProject, readStackConfig } from "./stackFile";
import { withCheapAnonymousStackTraces, withStackTraces } from "./stackTraces";
import { Plan, toExportedResource } from "./stackExport";

export type { Plan } from "./stackExport";

export interface PlanProgramOptions {
    project: string;
    stack: string;
    /** Flat "namespace:key" -> string map, as from readStackConfig. */
    config: Record<string, string>;
    secretKeys?: string[];
    /** Outputs of the stacks the program reads through `pulumi.StackReference`, by stack name. */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** The Pulumi program: creates resources, returns the stack outputs (values may be Outputs). */
    program: () => unknown | Promise<unknown>;
    /** The mock AWS to plan against; by default `AwsMocks.fromConfig` (a prepared account). */
    mocks?: pulumi.runtime.Mocks;
}

/**
 * Runs a Pulumi program under the offline mock engine and returns everything it registered.
 *
 * Each call gets its own runtime store (as the Automation API does for inline programs), so
 * calls for different stacks in one process cannot see each other's resources, config or stack
 * resource. If the program fails, the promise rejects with the program's own error object, after
 * every registration already in flight has finished. The program runs without stack traces; one
 * that fails with anything but a RunError runs a second time with them (its logs show twice).
 */
export async function planProgram(opts: PlanProgramOptions): Promise<Plan> {
    try {
        return await withStackTraces("none", () => withLocalStorage(() => runIsolated(opts)));
    } catch (error) {
        // A deliberate, user-facing failure (a config mistake) is shown without a stack anyway.
        if (pulumi.RunError.isInstance(error) || error instanceof InputError) {
            throw error;
        }
        // Anything else may be a bug: plan again (offline, nothing but this run's store changes)
        // with stack traces, so that its error says where it happened.
        return withStackTraces("full", () => withLocalStorage(() => runIsolated(opts)));
    }
}

async function runIsolated(opts: PlanProgramOptions): Promise<Plan> {
    const previousStackResource = globalThis.stackResource;
    const monitor = installRecordingMonitor(opts.mocks ?? AwsMocks.fromConfig(opts.config, opts.stack, { stackOutputs: opts.stackReferences }), opts.project, opts.stack, opts.config);
    pulumi.runtime.setAllConfig(opts.config, opts.secretKeys ?? []);
    const stray = collectUnhandledRejections();
    try {
        const failure = await withCheapAnonymousStackTraces(async () => {
            let programError: { error: unknown } | undefined;
            try {
                await runInPulumiStack(async () => opts.program());
            } catch (error) {
                programError = { error };
            }
            // Registrations the outputs do not depend on may still be in flight.
            await waitForRPCs();
            await stray.settle();
            return programError;
        });
        // The engine fails the update on a duplicate URN with its own message; the SDK's error
        // reaches the program wrapped in "error serializing property ..." by every resource
        // whose inputs waited on the refused one.
        if (monitor.duplicateUrns.length > 0) {
            throw new pulumi.RunError(duplicateUrnMessage(monitor.duplicateUrns[0]));
        }
        if (failure) {
            throw failure.error;
        }
        if (stray.errors.length > 0) {
            throw stray.errors[0];
        }
        if (pulumi.log.hasErrors()) {
            throw new Error("the program logged errors (see above)");
        }
    } finally {
        stray.stop();
        // setMockOptions also parks the monitor in a module variable of runtime/settings.js,
        // outside any store; without this, a later resource created outside any mock setup would
        // be sent to this run's monitor.
        disconnectSync();
        // Written by the Stack resource beside the store; restore what the caller had.
        globalThis.stackResource = previousStackResource;
    }
    const resources = monitor.recordedResources().map(toExportedResource);
    const stackResource = resources.find((r) => r.parent === undefined && r.type === "pulumi:pulumi:Stack");
    return { project: opts.project, stack: opts.stack, resources, outputs: { ...stackResource?.outputs } };
}

/**
 * When a program throws, every Output built on the failed work rejects too, and nothing awaits
 * most of them: Node would report them as unhandled rejections and, outside mocha, exit. The
 * Pulumi language host installs the same kind of handler around a run.
 */
function collectUnhandledRejections(): { errors: unknown[]; settle(): Promise<void>; stop(): void } {
    const errors: unknown[] = [];
    const onRejection = (reason: unknown) => {
        if (!errors.includes(reason)) {
            errors.push(reason);
        }
    };
    process.on("unhandledRejection", onRejection);
    return {
        errors,
        // Node reports unhandled rejections once the microtask queue drains; one macrotask
        // later, every rejection of this run has been reported.
        settle: () => new Promise<void>((resolve) => setImmediate(resolve)),
        stop: () => {
            process.off("unhandledRejection", onRejection);
        },
    };
}

/**
 * Plans a stack of the project in `cwd`: reads Pulumi.yaml and Pulumi.<stack>.yaml, loads the
 * program from index.ts (which does `export = main`) and runs it offline. Loading index.ts needs
 * a TypeScript loader (tools/register.js) to be registered by whoever runs us.
 */
export async function planStack(stack: string, cwd: string = process.cwd()): Promise<Plan> {
    const project = readProject(cwd);
    const { config, secretKeys } = readStackConfig(stack, cwd);
    const program = loadProgram(cwd);
    return planProgram({ project: project.name, stack, config, secretKeys, program });
}

function loadProgram(cwd: string): () => unknown {
    const entry = path.resolve(cwd, "index.ts");
    if (!fs.existsSync(entry)) {
        throw new InputError(`index.ts: the program's entry point is missing in ${cwd}`, "index.ts");
    }
    const load = createRequire(__filename);
    if (!(".ts" in load.extensions)) {
        throw new Error("index.ts cannot be loaded: run with a TypeScript loader (node -r ./tools/register.js)");
    }
    const loaded = load(entry) as unknown;
    const main = typeof loaded === "function" ? loaded : (loaded as { default?: unknown } | null)?.default;
    if (typeof main !== "function") {
        throw new Error("index.ts must `export = main`, a function of no arguments returning the stack outputs");
    }
    return main as () => unknown;
}
