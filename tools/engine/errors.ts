/**
 * A problem with what the user handed us (a stack file, a project file, command-line
 * arguments), as opposed to a bug in the program or in the tools. Command-line tools map it to
 * exit code 2 and print only the message: a user mistake deserves no stack trace.
 */
export class InputError extends Error {
    constructor(message: string, readonly file?: string) {
        super(message);
        this.name = "InputError";
    }
}

/**
 * An error carrying one line per user-facing problem. The program's own config errors
 * (`ConfigError` in config/errors.ts) have this shape; tools recognise it structurally so that
 * nothing under tools/ depends on the program's modules.
 */
export interface ProblemsError {
    problems: string[];
}

export function isProblemsError(err: unknown): err is ProblemsError {
    return typeof err === "object" && err !== null && Array.isArray((err as { problems?: unknown }).problems);
}
