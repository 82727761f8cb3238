import type { EngineEvent, LocalWorkspaceOptions, OutputMap, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import type { OnRunnerEvent, Runner, RunResult, StackTarget } from "./runner";

/** The part of a Pulumi Automation API stack the runner uses (a fake in tests). */
export type AutomationStack = Pick<Stack, "name" | "setAllConfig" | "up" | "preview" | "destroy" | "outputs">;

/** Opens a stack: LocalWorkspace.createOrSelectStack, or a fake. */
export interface WorkspaceFactory {
    inline(args: { stackName: string; projectName: string; program: PulumiFn }, opts: LocalWorkspaceOptions): Promise<AutomationStack>;
    project(args: { stackName: string; workDir: string }, opts: LocalWorkspaceOptions): Promise<AutomationStack>;
}

export interface PulumiRunnerOptions {
    /** PULUMI_BACKEND_URL: `file://<dir>`, `s3://<bucket>`, or a Pulumi Cloud URL. */
    backendUrl: string;
    /** `passphrase` (PULUMI_CONFIG_PASSPHRASE) or `awskms://<key>`, for new stacks. */
    secretsProvider: string;
    concurrency: number;
    /** Default: the real LocalWorkspace (needs the `pulumi` CLI on PATH). */
    workspace?: WorkspaceFactory;
}

/** The Automation API's LocalWorkspace, loaded on first use so that the offline runner never loads it. */
export const localWorkspace: WorkspaceFactory = {
    async inline(args, opts) {
        const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
        return LocalWorkspace.createOrSelectStack(args, opts);
    },
    async project(args, opts) {
        const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
        return LocalWorkspace.createOrSelectStack(args, opts);
    },
};

/**
 * Each stack through the Pulumi Automation API: an inline program (a pipeline) or the project on
 * disk (the platform's dev and prod), with the configured backend and secrets provider. The
 * CLI reads PULUMI_BACKEND_URL and PULUMI_CONFIG_PASSPHRASE from the environment it is given.
 */
export class PulumiRunner implements Runner {
    readonly name = "pulumi" as const;
    readonly concurrency: number;
    private readonly workspace: WorkspaceFactory;

    constructor(private readonly options: PulumiRunnerOptions) {
        this.concurrency = options.concurrency;
        this.workspace = options.workspace ?? localWorkspace;
    }

    async up(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        const stack = await this.open(target);
        const result = await stack.up({ onOutput: output(onEvent), onEvent: engine(onEvent) });
        return { outputs: plainOutputs(result.outputs), changes: { ...result.summary.resourceChanges } };
    }

    async preview(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        const stack = await this.open(target);
        const result = await stack.preview({ onOutput: output(onEvent), onEvent: engine(onEvent) });
        return { outputs: {}, changes: { ...result.changeSummary } };
    }

    async destroy(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        const stack = await this.open(target);
        const result = await stack.destroy({ onOutput: output(onEvent), onEvent: engine(onEvent) });
        return { outputs: {}, changes: { ...result.summary.resourceChanges } };
    }

    async outputs(target: StackTarget): Promise<Record<string, unknown>> {
        return plainOutputs(await (await this.open(target)).outputs());
    }

    /** The stack, created if new, with the target's config (inline stacks) set before each run. */
    async open(target: StackTarget): Promise<AutomationStack> {
        const opts: LocalWorkspaceOptions = {
            secretsProvider: this.options.secretsProvider,
            envVars: { PULUMI_BACKEND_URL: this.options.backendUrl },
        };
        if (target.kind === "project") {
            return this.workspace.project({ stackName: target.stackName, workDir: target.workDir }, opts);
        }
        const stack = await this.workspace.inline(
            { stackName: target.stackName, projectName: target.projectName, program: async () => (await target.program()) as Record<string, unknown> | void },
            { ...opts, projectSettings: { name: target.projectName, runtime: "nodejs", backend: { url: this.options.backendUrl } } },
        );
        await stack.setAllConfig(Object.fromEntries(Object.entries(target.config).map(([key, value]) => [key, { value }])));
        return stack;
    }
}

function output(onEvent: OnRunnerEvent) {
    return (text: string) => {
        for (const line of text.split("\n")) if (line.trim() !== "") onEvent({ kind: "output", message: line.trimEnd() });
    };
}

/** The engine events worth a line: resource steps, diagnostics and the closing summary. */
function engine(onEvent: OnRunnerEvent) {
    return (event: EngineEvent) => {
        const message = describe(event);
        if (message) onEvent({ kind: "engine", message });
    };
}

export function describe(event: EngineEvent): string | undefined {
    if (event.resourcePreEvent) {
        const { op, type, urn } = event.resourcePreEvent.metadata;
        return `${op} ${type} ${urn.split("::").at(-1)}`;
    }
    if (event.resOutputsEvent) {
        const { op, type, urn } = event.resOutputsEvent.metadata;
        return `${op} done ${type} ${urn.split("::").at(-1)}`;
    }
    if (event.diagnosticEvent && event.diagnosticEvent.severity !== "info") {
        return `${event.diagnosticEvent.severity}: ${event.diagnosticEvent.message.trim()}`;
    }
    if (event.summaryEvent) {
        const changes = Object.entries(event.summaryEvent.resourceChanges ?? {}).map(([op, n]) => `${op} ${n}`).join(", ");
        return `summary: ${changes || "no changes"} in ${event.summaryEvent.durationSeconds} s`;
    }
    return undefined;
}

/** Stack outputs as plain JSON; a secret stays a secret ("[secret]") in every answer and record. */
function plainOutputs(outputs: OutputMap): Record<string, unknown> {
    return Object.fromEntries(Object.entries(outputs).map(([key, { value, secret }]) => [key, secret ? "[secret]" : value]));
}
