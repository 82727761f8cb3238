import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { aggregateFile } from "../../../../tools/backtest/aggregate";
import { BacktestResult, runBacktest } from "../../../../tools/backtest/detect";
import { BacktestOptions, backtestOptions } from "../../../../tools/backtest/options";
import { SampleOptions, SamplePlan, planSample, sampleLines } from "../../../../tools/backtest/sample/generate";
import { writeLines } from "../../../../tools/backtest/sample/write";

/** A scratch folder per test file, removed by `cleanup`. */
export function scratchDir(): { dir: string; cleanup: () => void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backtest-"));
    return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a generated sample to `file` and returns its plan (labels, gaps). */
export async function writeSample(file: string, options: SampleOptions): Promise<SamplePlan> {
    const plan = planSample(options);
    await writeLines(file, sampleLines(plan));
    return plan;
}

/** Writes literal CSV text. */
export function writeCsv(dir: string, name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
}

export function sampleOptions(file: string, extra: Partial<Record<"measures" | "dimensions" | "interval" | "threshold", string>> = {}): BacktestOptions {
    return backtestOptions({
        file,
        timestamp: "timestamp",
        measures: "views,revenue",
        dimensions: "platform,marketplace",
        interval: "PT1H",
        ...extra,
    });
}

export async function backtest(options: BacktestOptions): Promise<BacktestResult> {
    return runBacktest(await aggregateFile(options), options);
}

/** The error a promise rejects with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (err) {
        return err as Error;
    }
    throw new Error("expected a rejection");
}
