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
