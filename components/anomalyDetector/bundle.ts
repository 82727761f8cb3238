import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { BuildOutput, cachedBundle } from "./bundleCache";

/**
 * The folder that holds functions/<name>/index.ts: the repository root, found upwards from here
 * (components/anomalyDetector in the sources, dist/components/anomalyDetector once built). Bundles
 * name their sources relative to it, never by a machine's path.
 */
function sourceRoot(name: string): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "functions", name, "index.ts"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`functions/${name}/index.ts not found above ${__dirname}`);
    }
}

/** A function's handler bundled into one file, and the SHA-256 of its text. */
export interface FunctionBundle {
    code: string;
    sha256: string;
}

const built = new Map<string, FunctionBundle>();

// The build options, and through them the cache key: a change here rebuilds every bundle.
const BUILD_OPTIONS = {
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    external: ["@aws-sdk/*"],
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "silent",
} as const;

/** Everything besides the files esbuild reads that shapes a function's bundle. */
function cacheKey(name: string, root: string): string {
    const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
    return JSON.stringify({
        esbuild: JSON.parse(read(require.resolve("esbuild/package.json"))).version,
        options: BUILD_OPTIONS,
        name,
        // esbuild reads the nearest tsconfig.json.
        tsconfig: [path.join(root, "functions", name, "tsconfig.json"), path.join(root, "tsconfig.json")].map(read),
        // A file added to the folder may change what an import resolves to (index.js beside
        // index.ts) without changing any file the cached build read.
        files: fs.readdirSync(path.join(root, "functions", name)).sort(),
    });
}

/** Bundles with esbuild, loaded only here: a plan whose bundles are all cached never loads it. */
export function buildFunction(name: string, root = sourceRoot(name)): BuildOutput {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require("esbuild") as typeof import("esbuild");
    const result = esbuild.buildSync({
        ...BUILD_OPTIONS,
        external: [...BUILD_OPTIONS.external],
        entryPoints: [path.join("functions", name, "index.ts")],
        absWorkingDir: root,
        metafile: true,
    });
    return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

/**
 * Bundles `functions/<name>/index.ts` with esbuild at plan time, deterministically: the same
 * sources give the same bytes (no timestamps, no absolute paths, no source map), so an unchanged
 * handler gives an unchanged archive and no diff. The AWS SDK v3 stays out of the bundle: the
 * Lambda Node.js runtimes bring it, and a bundle without it is small enough to sit in the plan.
 * Kept on disk between processes (bundleCache.ts) and once per process and function.
 */
export function bundleFunction(name: string): FunctionBundle {
    const cached = built.get(name);
    if (cached) return cached;
    const root = sourceRoot(name);
    const code = cachedBundle(cacheKey(name, root), root, () => buildFunction(name, root));
    const bundle = { code, sha256: createHash("sha256").update(code).digest("hex") };
    built.set(name, bundle);
    return bundle;
}

/**
 * The Lambda deployment package: one entry, index.js, from the bundle's text. An AssetArchive of a
 * StringAsset has no file on disk, so no modification time or file order can differ between two
 * builds; the engine zips its entries itself.
 */
export function functionArchive(bundle: FunctionBundle): pulumi.asset.AssetArchive {
    return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundle.code) });
}
