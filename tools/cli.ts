import { parseArgs } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { InputError, isProblemsError } from "./engine/errors";

/**
 * Plumbing shared by the command-line tools (plan now, policy later): argument parsing and the
 * CONTRACT's exit codes. 0 = success; 2 = bad input (usage, an unreadable file, invalid stack
 * config), reported without a stack trace; 1 = anything unexpected, with its stack.
 */

export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_BAD_INPUT = 2;

/** Wrong or missing command-line arguments. */
export class UsageError extends InputError {
    constructor(message: string, readonly usage: string) {
        super(message);
        this.name = "UsageError";
    }
}

type OptionsConfig = NonNullable<Parameters<typeof parseArgs>[0]>["options"] & object;
type ParsedValues<T extends OptionsConfig> = ReturnType<
    typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>
>["values"];

/** Strict parsing: unknown options, missing values and positionals are usage errors. */
export function parseCliArgs<T extends OptionsConfig>(
    options: T,
    usage: string,
    args: string[] = process.argv.slice(2),
): ParsedValues<T> {
    try {
        return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
    } catch (err) {
        throw new UsageError((err as Error).message, usage);
    }
}

/** Prints what the user needs to see about `err` and returns the exit code it maps to. */
export function reportError(err: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
    if (isProblemsError(err)) {
        for (const problem of err.problems) {
            stderr.write(`${problem}\n`);
        }
        return EXIT_BAD_INPUT;
    }
    if (err instanceof UsageError) {
        stderr.write(`error: ${err.message}\n${err.usage}\n`);
        return EXIT_BAD_INPUT;
    }
    if (err instanceof InputError) {
        stderr.write(`error: ${err.message}\n`);
        return EXIT_BAD_INPUT;
    }
    // Pulumi's convention: a RunError is a deliberate, user-facing failure, shown without a stack.
    if (pulumi.RunError.isInstance(err)) {
        stderr.write(`error: ${(err as Error).message}\n`);
        return EXIT_UNEXPECTED;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    stderr.write(`error: ${detail}\n`);
    return EXIT_UNEXPECTED;
}

/**
 * Runs a tool's main function and sets the process exit code from its result or its error.
 * It sets `process.exitCode` rather than calling `process.exit`, so buffered output is flushed.
 */
export function runCli(main: () => Promise<number>): void {
    let settled = false;
    // Node exits when nothing is left to do, even while a promise is pending: a program whose
    // outputs wait on something that never resolves would end with exit 0 and no output.
    const onBeforeExit = () => {
        if (settled) return;
        settled = true;
        process.stderr.write(`error: ${NEVER_SETTLED}\n`);
        process.exitCode = EXIT_UNEXPECTED;
    };
    process.once("beforeExit", onBeforeExit);
    main().then(
        (code) => {
            if (settled) return;
            settled = true;
            process.exitCode = code;
        },
        (err: unknown) => {
            if (settled) return;
            settled = true;
            process.exitCode = reportError(err);
        },
    );
}

/** What a run reports when the program's promises never settle. */
export const NEVER_SETTLED =
    "the program never finished: Node.js ran out of work while the program's promises (or resource registrations) were still pending. " +
    "A promise that never resolves or rejects, e.g. an output that waits on itself or on a resource that was never registered, causes this.";
