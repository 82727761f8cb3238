import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isPrivateDirectory } from "../../components/common/privateDirectory";
import { ROOT, run } from "./tempPackage";

const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
const TSC_ARGS = ["-p", "tsconfig.build.json"];
// Raise when what is cached or how it is keyed changes.
const FORMAT = "1";
// Per user, in the system's temporary directory (beside Node's compile cache).
const CACHE = path.join(os.tmpdir(), `analytics-platform-build-${typeof process.getuid === "function" ? process.getuid() : "user"}`);
const MANIFEST = path.join(CACHE, "manifest.json");

interface Manifest {
    key: string;
    /** The project's files the build read, relative to the root. */
    sources: string[];
}

/** Everything the output depends on besides the project's sources: the compiler, its settings, the installed packages. */
function fixedInputs(): string {
    const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
    const typescript = (JSON.parse(read("node_modules/typescript/package.json")) as { version: string }).version;
    return [FORMAT, typescript, TSC_ARGS.join(" "), read("tsconfig.json"), read("tsconfig.build.json"), read("package-lock.json")].join("\0");
}

function keyOf(sources: string[]): string {
    const hash = crypto.createHash("sha256").update(fixedInputs());
    for (const source of [...sources].sort()) {
        const file = path.join(ROOT, source);
        hash.update(`\0${source}\0`).update(fs.existsSync(file) ? fs.readFileSync(file) : "(missing)");
    }
    return hash.digest("hex");
}

/** The project's sources of a build's output: each .js and .d.ts came from the .ts of the same path (rootDir "."). */
function sourcesOf(outDir: string): string[] {
    const emitted = fs.readdirSync(outDir, { recursive: true, encoding: "utf8" });
    const sources = emitted.filter((f) => f.endsWith(".js") || f.endsWith(".d.ts") || f.endsWith(".json"))
        .map((f) => (f.endsWith(".json") ? f : f.replace(/(\.d)?\.ts$|\.js$/, ".ts")));
    return [...new Set(sources)].sort();
}

function readManifest(): Manifest | undefined {
    try {
        return JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Manifest;
    } catch {
        return undefined;
    }
}

/**
 * `npm run build`'s compilation (tsc -p tsconfig.build.json) into `outDir`, or a copy of an
 * earlier build's output when nothing it depends on changed: about 7 s of CPU, a fifth of the
 * suite. tsc's output is a function of the compiler, the tsconfig files, the installed packages
 * (package-lock.json) and the project's files the build reaches from components/index.ts; those
 * are the files whose .js and .d.ts it emitted, remembered with the output. While none of them
 * changed, neither did the set of files they import, so the output is the same; a change to any
 * of them (a new import included) builds again. The cache directory is used only while it is
 * this user's alone (components/common/privateDirectory.ts).
 */
export async function buildPackage(outDir: string): Promise<"built" | "cached"> {
    // The tests run the cached JavaScript: only from a directory no one else may write.
    const usable = isPrivateDirectory(CACHE);
    const manifest = usable ? readManifest() : undefined;
    if (manifest && keyOf(manifest.sources) === manifest.key && fs.existsSync(path.join(CACHE, manifest.key))) {
        fs.cpSync(path.join(CACHE, manifest.key), outDir, { recursive: true });
        return "cached";
    }
    if (!usable) {
        await run(process.execPath, [TSC, ...TSC_ARGS, "--outDir", outDir]);
        return "built";
    }
    const fresh = fs.mkdtempSync(path.join(CACHE, "build-"));
    try {
        await run(process.execPath, [TSC, ...TSC_ARGS, "--outDir", fresh]);
        const sources = sourcesOf(fresh);
        const key = keyOf(sources);
        fs.cpSync(fresh, outDir, { recursive: true });
        // Renamed into place whole, and the manifest after it: a suite running beside this one
        // (the same machine's CI) reads a complete entry or none.
        if (!fs.existsSync(path.join(CACHE, key))) fs.renameSync(fresh, path.join(CACHE, key));
        const partial = `${MANIFEST}.${process.pid}`;
        fs.writeFileSync(partial, JSON.stringify({ key, sources } satisfies Manifest));
        fs.renameSync(partial, MANIFEST);
    } finally {
        fs.rmSync(fresh, { recursive: true, force: true });
    }
    return "built";
}
