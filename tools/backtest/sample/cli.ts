import * as path from "node:path";
import { EXIT_OK, UsageError, parseCliArgs, runCli } from "../../cli";
import { InputError } from "../../engine/errors";
import { labelLines, planSample, sampleLines } from "./generate";
import { FULL_DAYS } from "./shape";
import { writeLines } from "./write";

/**
 * `npm run backtest:sample -- --out data.csv [--labels labels.csv] [--seed N] [--days N]`:
 * writes the e-commerce sample (README, "Backtest") and the labels of its injected anomalies.
 */
const USAGE = "usage: npm run backtest:sample -- --out <data.csv> [--labels <labels.csv>] [--seed N] [--days 14-273]";

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) throw new UsageError(`--${name}: expected an integer from ${min} to ${max}, found ${JSON.stringify(value)}`, USAGE);
    return n;
}

async function main(): Promise<number> {
    const values = parseCliArgs({ out: { type: "string" }, labels: { type: "string" }, seed: { type: "string" }, days: { type: "string" } }, USAGE);
    if (!values.out) throw new UsageError("--out is required", USAGE);
    const out = values.out;
    const labels = values.labels ?? path.join(path.dirname(out), `${path.basename(out, path.extname(out))}.labels.csv`);
    if (path.resolve(labels) === path.resolve(out)) throw new UsageError("--labels must differ from --out", USAGE);
    const plan = planSample({
        seed: integer("seed", values.seed, 1, 0, 2 ** 32 - 1),
        days: integer("days", values.days, FULL_DAYS, 14, FULL_DAYS),
    });
    let rows: number;
    try {
        rows = (await writeLines(out, sampleLines(plan))) - 1;
        await writeLines(labels, labelLines(plan));
    } catch (err) {
        throw new InputError(`cannot write: ${(err as Error).message}`);
    }
    process.stdout.write(`wrote ${rows} rows to ${out} and ${plan.labels.length} labelled anomalies to ${labels}\n`);
    return EXIT_OK;
}

runCli(main);
