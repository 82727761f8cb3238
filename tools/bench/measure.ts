import { performance } from "node:perf_hooks";

/**
 * What one run reports beyond its wall time: the CPU time a subprocess spent (user + system of
 * it and its children; an in-process case is measured with process.cpuUsage), and for the
 * test suite how many tests ran.
 */
export interface RunOutcome {
    cpuSeconds?: number;
    tests?: number;
}

/** One row of the benchmark table. */
export interface BenchCase {
    name: string;
    /** How many timed runs, unless `--runs` overrides it. */
    runs: number;
    /** The goal from the issue, in seconds; shown beside the figures, never asserted. */
    targetSeconds?: number;
    /** Untimed, once before the timed runs (e.g. to load modules in-process). */
    warmUp?: () => Promise<void> | void;
    run: () => Promise<RunOutcome | void> | RunOutcome | void;
    /**
     * Measured in turns with the other interleaved cases (one run of each, then again), so that
     * a change in the machine's load weighs on all of them alike: for figures compared as ratios.
     */
    interleave?: boolean;
    /** Run only when `--only` names it (comparisons with former setups that cost minutes). */
    onRequest?: boolean;
}

export interface BenchResult {
    name: string;
    /** Wall seconds per run, in run order; empty when the case failed. */
    seconds: number[];
    /** CPU seconds (user + system) per run, in run order. */
    cpuSeconds: number[];
    /** Tests counted per run (the test suite). */
    tests: number[];
    targetSeconds?: number;
    error?: string;
}

export async function measure(c: BenchCase, runs: number = c.runs): Promise<BenchResult> {
    const result: BenchResult = { name: c.name, seconds: [], cpuSeconds: [], tests: [], targetSeconds: c.targetSeconds };
    try {
        await c.warmUp?.();
        for (let i = 0; i < runs; i++) {
            const cpuStart = process.cpuUsage();
            const start = performance.now();
            const outcome = (await c.run()) ?? {};
            result.seconds.push((performance.now() - start) / 1000);
            const own = process.cpuUsage(cpuStart);
            // A subprocess reports its own CPU time; an in-process case spends this process's.
            result.cpuSeconds.push(outcome.cpuSeconds ?? (own.user + own.system) / 1e6);
            if (outcome.tests !== undefined) result.tests.push(outcome.tests);
        }
    } catch (err) {
        result.seconds = [];
        result.cpuSeconds = [];
        result.error = err instanceof Error ? err.message : String(err);
    }
    return result;
}

/** Measures the cases in turns: run i of every case before run i + 1 of any. */
export async function measureInTurns(cases: BenchCase[], runs?: number): Promise<BenchResult[]> {
    const results: BenchResult[] = cases.map((c) => ({ name: c.name, seconds: [], cpuSeconds: [], tests: [], targetSeconds: c.targetSeconds }));
    const rounds = Math.max(...cases.map((c) => runs ?? c.runs));
    for (let round = 0; round < rounds; round++) {
        for (const [i, c] of cases.entries()) {
            if (results[i].error !== undefined || round >= (runs ?? c.runs)) continue;
            const one = await measure(round === 0 ? c : { ...c, warmUp: undefined }, 1);
            if (one.error !== undefined) {
                results[i] = { ...results[i], seconds: [], cpuSeconds: [], error: one.error };
            } else {
                results[i].seconds.push(...one.seconds);
                results[i].cpuSeconds.push(...one.cpuSeconds);
                results[i].tests.push(...one.tests);
            }
        }
    }
    return results;
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const HEADER = ["case", "runs", "wall median", "wall min", "CPU median", "CPU min", "target", ""];

export function formatTable(results: BenchResult[]): string {
    const rows = results.map((r) => {
        const target = r.targetSeconds === undefined ? "" : `< ${r.targetSeconds} s`;
        const name = r.tests.length > 0 ? `${r.name}: ${median(r.tests)} tests` : r.name;
        if (r.error !== undefined) {
            return [name, "0", "-", "-", "-", "-", target, `FAILED: ${r.error.split("\n")[0]}`];
        }
        const med = median(r.seconds);
        const verdict = r.targetSeconds === undefined ? "" : med < r.targetSeconds ? "ok" : "over target";
        return [
            name,
            String(r.seconds.length),
            secs(med),
            secs(Math.min(...r.seconds)),
            secs(median(r.cpuSeconds)),
            secs(Math.min(...r.cpuSeconds)),
            target,
            verdict,
        ];
    });
    const all = [HEADER, ...rows];
    const widths = HEADER.map((_, col) => Math.max(...all.map((row) => row[col].length)));
    return all
        .map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))))
        .map((cells) => cells.join("  ").trimEnd())
        .join("\n");
}

function secs(value: number): string {
    return `${value.toFixed(2)} s`;
}
