import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** Runs a command and resolves with its output; rejects with stdout and stderr when it fails. */
export function run(command: string, args: string[], cwd: string = ROOT): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(command, args, { cwd, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
            error ? reject(new Error(`${command} ${args.join(" ")} failed:\n${stdout}\n${stderr}`)) : resolve(stdout));
    });
}

/** A fresh temporary directory, removed by `cleanUp`. */
export function tempDir(prefix: string): { dir: string; cleanUp(): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    return { dir, cleanUp: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Links `node_modules/<name>` of `dir` to `target`. Node resolves a module to its real path, so a
 * package linked from the repository's node_modules is the very instance the tests use (one
 * @pulumi/pulumi, as npm's deduplication gives a real consumer).
 */
export function link(dir: string, name: string, target: string): void {
    const at = path.join(dir, "node_modules", name);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(target, at, "dir");
}

/**
 * Starts `work` now, as mocha loads the file, so that its child processes (tsc, npm pack) run
 * beside the rest of the suite; .mocharc.json hands tests/build to its parallel workers first
 * (tests/suiteConfig.test.ts). A failure is kept for the test that awaits the result, not
 * reported as an unhandled rejection.
 */
export function startEarly<T>(work: () => Promise<T>): () => Promise<T> {
    const started = work();
    started.catch(() => undefined);
    return () => started;
}
