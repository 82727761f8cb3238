import { execFile } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
// The loader every npm script uses: a CLI test starts its subprocess the way `npm run` does.
const REGISTER = path.join(ROOT, "tools/register.js");

export interface CliRun {
    /** The exit code; null when the process was killed by a signal. */
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * Runs one of the project's commands (`tools/plan.ts`, `tools/policy.ts`) in a fresh Node.js, as
 * `npm run plan -- ...` does without npm, and resolves with its exit code and output; never rejects.
 */
export function runTool(script: string, args: string[], cwd: string = ROOT): Promise<CliRun> {
    return new Promise((resolve) => {
        execFile(process.execPath, ["-r", REGISTER, path.resolve(ROOT, script), ...args], { cwd, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error ? (error as { code?: unknown }).code : 0;
            resolve({ code: typeof code === "number" ? code : null, stdout, stderr });
        });
    });
}
