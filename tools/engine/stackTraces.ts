/**
 * Pulumi takes a full stack trace for every resource (`Resource.callsites`, to send source
 * positions to the engine) and for every internal promise (`debuggablePromise`), by reading
 * `new Error().stack`. Under ts-node each of those traces is source-mapped frame by frame; that
 * was well over half the time of a plan, for data the mock monitor throws away.
 *
 * While `run` runs, message-less plain `Error`s (the only kind those two create) format to just
 * "Error". Any other error keeps its full, source-mapped trace: V8 formats a stack when it is
 * first read, so errors the program throws are formatted later, with the usual formatter.
 */
export async function withCheapAnonymousStackTraces<T>(run: () => Promise<T>): Promise<T> {
    const original = Error.prepareStackTrace;
    Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => {
        if (error.message === "" && error.name === "Error" && Object.getPrototypeOf(error) === Error.prototype) {
            return "Error";
        }
        if (original) {
            return original(error, frames);
        }
        return `${String(error)}${frames.map((frame) => `\n    at ${String(frame)}`).join("")}`;
    };
    try {
        return await run();
    } finally {
        Error.prepareStackTrace = original;
    }
}

// How many runs want no stack traces captured at all, and how many want full ones (those win).
let runsWithoutTraces = 0;
let runsWithTraces = 0;
let usualLimit = Error.stackTraceLimit;

function applyStackTraceLimit(): void {
    Error.stackTraceLimit = runsWithoutTraces > 0 && runsWithTraces === 0 ? 0 : usualLimit;
}

/**
 * Runs `run` with `Error.stackTraceLimit` 0 ("none") or as it was ("full"). With none, V8 does not
 * even collect the frames of the stack traces Pulumi takes per resource and per promise: about a
 * tenth of a fresh `plan`. Runs may overlap (tests plan several stacks at once): the limit is 0
 * only while no overlapping run asked for full traces, and is restored when the last one ends.
 */
export async function withStackTraces<T>(traces: "none" | "full", run: () => Promise<T>): Promise<T> {
    if (runsWithoutTraces === 0 && runsWithTraces === 0) {
        usualLimit = Error.stackTraceLimit;
    }
    if (traces === "none") runsWithoutTraces++;
    else runsWithTraces++;
    applyStackTraceLimit();
    try {
        return await run();
    } finally {
        if (traces === "none") runsWithoutTraces--;
        else runsWithTraces--;
        applyStackTraceLimit();
    }
}
