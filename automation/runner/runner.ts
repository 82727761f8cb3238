/**
 * How the library runs a stack: the Pulumi Automation API (`pulumi`, needs the CLI) or the offline
 * engine (`offline`, a dry run). Both take the same targets and report progress the same way.
 */

/** A stack whose program is a function in this process: a pipeline's stack. */
export interface InlineTarget {
    kind: "inline";
    projectName: string;
    stackName: string;
    /** Flat "namespace:key" -> string stack config, as `pulumi config set` stores it. */
    config: Record<string, string>;
    program: () => unknown | Promise<unknown>;
    /**
     * Where `program` comes from: `require(module)[exportName](...args)` returns it. A runner that
     * plans in another thread (which cannot receive a function) builds the program from this.
     */
    programSource?: { module: string; exportName: string; args: unknown[] };
}

/** A stack of a Pulumi project on disk (Pulumi.yaml, Pulumi.<stack>.yaml, index.ts): the platform's stacks. */
export interface ProjectTarget {
    kind: "project";
    workDir: string;
    stackName: string;
}

export type StackTarget = InlineTarget | ProjectTarget;

export interface RunnerEvent {
    /** `output`: a line of the engine's text; `engine`: a structured engine event, summarised. */
    kind: "output" | "engine";
    message: string;
}

export type OnRunnerEvent = (event: RunnerEvent) => void;

export interface RunResult {
    /** The stack outputs (secrets as "[secret]"). */
    outputs: Record<string, unknown>;
    /** Resource operations by kind ("create", "same", "update", ...), as the engine counts them. */
    changes: Record<string, number>;
}

export interface Runner {
    readonly name: "pulumi" | "offline";
    /** How many stack operations may run at once. */
    readonly concurrency: number;
    up(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult>;
    preview(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult>;
    destroy(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult>;
    outputs(target: StackTarget): Promise<Record<string, unknown>>;
}
