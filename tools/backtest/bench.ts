import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EXIT_OK, UsageError, parseCliArgs, runCli } from "../cli";
import { aggregateFile } from "./aggregate";
import { runBacktest } from "./detect";
import { backtestOptions } from "./options";
import { planSample, sampleLines } from "./sample/generate";
import { scoreAgainstLabels } from "./sample/score";
import { writeLines } from "./sample/write";

/**
 * `npm run bench:backtest [-- --runs N]`: the backtest on the e-commerce size (the full sample,
 * ~137,000 rows): rows per second, time and peak memory of a fresh process per run (median of
 * N), and the precision and recall of the result against the sample's labels.
 */
const USAGE = "usage: npm run bench:backtest -- [--runs N]";
const TARGET_SECONDS = 3;
const ROOT = path.resolve(__dirname, "../..");

interface Run {
    rows: number;
    anomalies: number;
    processSeconds: number;
    startupSeconds: number;
    readSeconds: number;
    modelSeconds: number;
    cpuSeconds: number;
    processCpuSeconds: number;
    maxRssMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<number> {
    const values = parseCliArgs({ runs: { type: "string" } }, USAGE);
    const runs = values.runs === undefined ? 5 : Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new UsageError(`--runs: expected 1 to 50, found ${JSON.stringify(values.runs)}`, USAGE);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-backtest-"));
    try {
        const file = path.join(dir, "data.csv");
        const plan = planSample({ seed: 1 });
        const generateStart = performance.now();
        const written = (await writeLines(file, sampleLines(plan))) - 1;
        const generateSeconds = (performance.now() - generateStart) / 1000;

        const measured: Run[] = [];
        for (let i = 0; i < runs; i++) {
            const child = spawnSync(process.execPath, ["-r", "./tools/register.js", "tools/backtest/benchRun.ts", file], { cwd: ROOT, encoding: "utf8" });
            if (child.status !== 0) throw new Error(`the measured backtest exited ${child.status}: ${child.stderr}`);
            measured.push(JSON.parse(child.stdout) as Run);
        }
        const m = (key: keyof Run) => median(measured.map((r) => r[key]));

        const options = backtestOptions({ file, timestamp: "timestamp", measures: "views,revenue", dimensions: "platform,marketplace", interval: "PT1H" });
        const result = runBacktest(await aggregateFile(options), options);
        const score = scoreAgainstLabels(result.anomalies, plan.labels, plan.start, result.firstInterval + result.trainIntervals);

        const rows = measured[0].rows;
        const lines = [
            `backtest of the e-commerce sample: ${rows.toLocaleString("en-US")} rows, 42 series, PT1H (median of ${runs} fresh processes)`,
            `  whole process (start-up included)  ${m("processSeconds").toFixed(2)} s   target < ${TARGET_SECONDS} s: ${m("processSeconds") < TARGET_SECONDS ? "met" : "MISSED"}`,
            `  start-up (loading the modules)     ${m("startupSeconds").toFixed(2)} s`,
            `  reading and aggregating the CSV    ${m("readSeconds").toFixed(2)} s   ${Math.round(rows / m("readSeconds")).toLocaleString("en-US")} rows/s`,
            `  learning and scoring               ${m("modelSeconds").toFixed(2)} s`,
            `  backtest rows per second           ${Math.round(rows / (m("readSeconds") + m("modelSeconds"))).toLocaleString("en-US")}`,
            `  CPU time: backtest / whole process ${m("cpuSeconds").toFixed(2)} s / ${m("processCpuSeconds").toFixed(2)} s` +
                ` (load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores: wall times stretch with it)`,
            `  peak memory (max RSS)              ${m("maxRssMb").toFixed(0)} MB`,
            `  generating the sample              ${generateSeconds.toFixed(2)} s for ${written.toLocaleString("en-US")} rows (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`,
            `  against the labels: recall ${(score.recall * 100).toFixed(0)}% (${score.found} of ${score.events} events), ` +
                `precision ${(score.precision * 100).toFixed(0)}% (${score.real} of ${score.reported} anomalies)`,
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        return EXIT_OK;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

runCli(main);
