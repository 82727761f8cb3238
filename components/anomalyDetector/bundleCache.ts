import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isPrivateDirectory } from "../common/privateDirectory";

/**
 * An on-disk cache of bundles, so that a plan or `pulumi up` whose handler sources did not change
 * neither loads esbuild nor starts its worker thread and service process (about 0.1 s of CPU per
 * process, a tenth of a plan above its floor).
 *
 * An entry is found by a key that names everything besides the sources that shapes the output
 * (esbuild's version, the build options, the tsconfig.json esbuild reads, the files of the
 * function's folder) and is used only if every file esbuild read for it (its metafile's inputs,
 * the handler's modules and the dependencies bundled in) still has the same SHA-256. A changed
 * handler or dependency is therefore rebuilt; the bytes of a hit are those a build would give,
 * since the bundle is a pure function of those inputs (bundle.ts builds deterministically). The
 * directory is used only if it is this user's alone (common/privateDirectory.ts).
 */

/** What a build gives: the bundle's text and the files it read, relative to the working directory. */
export interface BuildOutput {
    code: string;
    inputs: string[];
}

interface CacheEntry {
    inputs: Record<string, string>;
    code: string;
}

/** Per user, in the system's temporary directory, beside Node's own compile cache. */
export const DEFAULT_BUNDLE_CACHE_DIR = path.join(
    os.tmpdir(),
    `analytics-platform-bundles-${typeof process.getuid === "function" ? process.getuid() : "user"}`,
);

function sha256(data: string | Buffer): string {
    return createHash("sha256").update(data).digest("hex");
}

function fileHash(root: string, input: string): string | undefined {
    try {
        return sha256(fs.readFileSync(path.join(root, input)));
    } catch {
        return undefined;
    }
}

function readEntry(file: string): CacheEntry | undefined {
    try {
        const entry = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<CacheEntry>;
        if (typeof entry.code !== "string" || typeof entry.inputs !== "object" || entry.inputs === null) return undefined;
        return entry as CacheEntry;
    } catch {
        // Missing, partly written by a crashed process or not JSON: built again below.
        return undefined;
    }
}

/**
 * The bundle for `key`: read back when every input of the cached build is unchanged under `root`,
 * built (and kept) otherwise. A cache that cannot be written only costs the next process a build.
 */
export function cachedBundle(key: string, root: string, build: () => BuildOutput, cacheDir = DEFAULT_BUNDLE_CACHE_DIR): string {
    // A directory someone else could write is not a cache: build, and keep nothing.
    if (!isPrivateDirectory(cacheDir)) return build().code;
    const file = path.join(cacheDir, `${sha256(key)}.json`);
    const entry = readEntry(file);
    if (entry && Object.entries(entry.inputs).every(([input, hash]) => fileHash(root, input) === hash)) {
        return entry.code;
    }
    const output = build();
    const inputs: Record<string, string> = {};
    for (const input of output.inputs) {
        const hash = fileHash(root, input);
        // An input that cannot be read back cannot be checked next time: keep no entry.
        if (hash === undefined) return output.code;
        inputs[input] = hash;
    }
    try {
        // Written aside and renamed, so that a process beside this one reads a whole entry or none.
        const partial = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(partial, JSON.stringify({ inputs, code: output.code } satisfies CacheEntry));
        fs.renameSync(partial, file);
    } catch {
        // Read-only or full temporary directory: the build stands, uncached.
    }
    return output.code;
}
