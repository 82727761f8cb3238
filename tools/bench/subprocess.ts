import { spawnSync } from "node:child_process";

export interface SubprocessRun {
    stdout: string;
    /** User + system CPU seconds of the command and every process it waited for. */
    cpuSeconds: number;
}

// bash's `times` prints the shell's own user and system time, then its children's: the
// getrusage(RUSAGE_CHILDREN) figures, which include the grandchildren a child waited for (npx's
// node, mocha's workers, the CLI tests' plans). The `echo` ends the command's last line, so that
// the last two lines of stdout are the shell's.
const SCRIPT = '"$@"; status=$?; echo; times; exit $status';

/**
 * Runs a command in `cwd`, as the bench times it, and returns its stdout and its CPU time; fails
 * with its stderr when it fails. CPU time counts what the command did whatever else the machine
 * runs (the wall time counts the waiting too).
 */
export function runSubprocess(command: string, args: string[], cwd: string): SubprocessRun {
    const result = spawnSync("bash", ["-c", SCRIPT, "bench", command, ...args], {
        cwd,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) {
        throw result.error;
    }
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr.trim()}`);
    }
    return parseTimes(result.stdout);
}

export function parseTimes(stdout: string): SubprocessRun {
    const lines = stdout.trimEnd().split("\n");
    const children = lines.at(-1) ?? "";
    const match = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(children.trim());
    if (!match) {
        throw new Error(`bash's times printed no CPU times: "${children}"`);
    }
    const [, userMin, userSec, sysMin, sysSec] = match;
    return {
        stdout: lines.slice(0, -2).join("\n").trimEnd(),
        cpuSeconds: Number(userMin) * 60 + Number(userSec) + Number(sysMin) * 60 + Number(sysSec),
    };
}
