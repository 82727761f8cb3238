import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as semver from "semver";
import { EXIT_OK, EXIT_UNEXPECTED, runCli } from "./cli";

/**
 * `npm run deps:check`: are the Pulumi packages and the runtime current? For each package below it
 * prints the range in package.json, the installed version and the newest release in the npm
 * registry, and the one `npm install` command that moves every stale package to its newest
 * release. Exits 1 when a package is behind, or when a policy pack's package.json asks for another
 * range than the root's (the packs run on the same SDK as the program).
 */

const ROOT = path.resolve(__dirname, "..");
const PACK_FOLDERS = ["policies/baseline", "policies/personas"];

/** What is kept current, and why a package stays on a line rather than on the newest release. */
const TRACKED: { name: string; line?: string; why?: string }[] = [
    { name: "@pulumi/pulumi" },
    { name: "@pulumi/aws" },
    { name: "@pulumi/awsx" },
    { name: "@pulumi/policy" },
    { name: "node", line: "24", why: "the runtime of the npm scripts: the newest LTS line (docs/runtime.md)" },
];

interface Manifest {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
}

function readManifest(folder: string): Manifest {
    return JSON.parse(fs.readFileSync(path.join(ROOT, folder, "package.json"), "utf8")) as Manifest;
}

function rangeIn(manifest: Manifest, name: string): string | undefined {
    return manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
}

function installedVersion(name: string): string {
    const file = path.join(ROOT, "node_modules", name, "package.json");
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version : "-";
}

/**
 * The newest release, from every published version: the registry's `latest` tag can lag (or lead)
 * a package's own release line, so it is not used.
 */
function newestRelease(name: string, line?: string): string | undefined {
    const out = execFileSync("npm", ["view", name, "versions", "--json"], { cwd: ROOT, encoding: "utf8" });
    const versions = ([] as string[]).concat(JSON.parse(out) as string | string[]);
    const releases = versions.filter((v) => semver.prerelease(v) === null && (line === undefined || semver.major(v) === Number(line)));
    return semver.maxSatisfying(releases, "*") ?? undefined;
}

/** Keeps the kind of range package.json uses (`~`, `^` or exact) for the new version. */
function rangeFor(current: string, version: string): string {
    const prefix = /^[~^]/.exec(current)?.[0] ?? "";
    return `${prefix}${version}`;
}

runCli(async () => {
    const root = readManifest(".");
    const stale: string[] = [];
    const lines: string[] = [];
    for (const { name, line, why } of TRACKED) {
        const range = rangeIn(root, name) ?? "-";
        const installed = installedVersion(name);
        const newest = newestRelease(name, line);
        const current = newest === undefined || (installed !== "-" && semver.gte(installed, newest));
        lines.push(`${current ? "ok   " : "stale"}  ${name.padEnd(16)} ${range.padEnd(12)} installed ${installed.padEnd(10)} newest ${newest ?? "?"}${why ? `  (${why})` : ""}`);
        if (!current && newest) stale.push(`${name}@${rangeFor(range, newest)}`);
    }
    const mismatched: string[] = [];
    for (const folder of PACK_FOLDERS) {
        const pack = readManifest(folder);
        for (const [name, range] of Object.entries(pack.dependencies ?? {})) {
            const rootRange = rangeIn(root, name);
            if (rootRange !== undefined && rootRange !== range) {
                mismatched.push(`${folder}/package.json: ${name} is "${range}", the root package.json has "${rootRange}"`);
            }
        }
    }
    process.stdout.write(`${lines.join("\n")}\n`);
    if (stale.length > 0) {
        process.stdout.write(`\nto update (then run npm test and npm run bench):\n  npm install ${stale.join(" ")}\n`);
    }
    if (mismatched.length > 0) {
        process.stdout.write(`\n${mismatched.join("\n")}\n`);
    }
    return stale.length > 0 || mismatched.length > 0 ? EXIT_UNEXPECTED : EXIT_OK;
});
