import type { Anomaly, BacktestResult } from "./detect";
import { DAY_MS, HOUR_MS, formatTimestamp } from "./intervals";
import { MIN_TRAINING_VALUES } from "./model";
import type { BacktestOptions } from "./options";
import { bandWidthFor } from "./severity";

/** The --json shape of docs/commands.md (backtest): numbers rounded for reading, nothing added. */
export interface BacktestJson {
    rows: number;
    series: number;
    trainIntervals: number;
    testIntervals: number;
    anomalies: {
        timestamp: string;
        measure: string;
        dimensions: Record<string, string>;
        expected: number;
        actual: number;
        severity: number;
        contributions: { dimension: string; value: string; share: number }[];
    }[];
}

const round = (value: number, digits: number) => {
    const factor = 10 ** digits;
    // + 0 turns -0 into 0.
    return Math.round(value * factor) / factor + 0;
};

export function toJson(result: BacktestResult, options: BacktestOptions): BacktestJson {
    return {
        rows: result.rows,
        series: result.series,
        trainIntervals: result.trainIntervals,
        testIntervals: result.testIntervals,
        anomalies: result.anomalies.map((a) => ({
            timestamp: formatTimestamp(a.peak.interval * options.intervalMs),
            measure: a.measure,
            dimensions: Object.fromEntries(options.dimensions.map((d, i) => [d, a.peak.series.values[i]])),
            expected: round(a.peak.expected, 2),
            actual: round(a.peak.actual, 2),
            severity: Math.round(a.peak.severity),
            contributions: a.contributions.map((c) => ({ dimension: c.dimension, value: c.value, share: round(c.share, 2) })),
        })),
    };
}

const LINE_WIDTH = 120;

function fit(line: string): string {
    return line.length <= LINE_WIDTH ? line : `${line.slice(0, LINE_WIDTH - 1)}…`;
}

function number(value: number): string {
    return round(value, 2).toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** "2021-09-04 00:00" (--json has the full ISO form; here the seconds say nothing). */
function shortTime(ms: number): string {
    return formatTimestamp(ms).replace("T", " ").replace(/:00Z$/, "");
}

/** "5h", "50m", "3d": how long an anomaly lasted. */
function duration(ms: number): string {
    if (ms % DAY_MS === 0) return `${ms / DAY_MS}d`;
    if (ms % HOUR_MS === 0) return `${ms / HOUR_MS}h`;
    return `${ms / 60_000}m`;
}

function anomalyLine(a: Anomaly, options: BacktestOptions): string {
    const p = a.peak;
    const change = p.expected !== 0 ? ` (${p.actual >= p.expected ? "+" : ""}${Math.round(((p.actual - p.expected) / Math.abs(p.expected)) * 100)}%)` : "";
    const span = a.end > a.start ? ` (${duration((a.end - a.start + 1) * options.intervalMs)})` : "";
    const where = p.series.values.length > 0 ? p.series.values.join("/") : "(all)";
    const shares = a.contributions.map((c) => `${c.value} ${Math.round(c.share * 100)}%`).join(", ");
    return fit(
        `${String(Math.round(p.severity)).padStart(3)}  ${shortTime(p.interval * options.intervalMs)}${span}  ${p.measure}  ${where}  ` +
            `expected ${number(p.expected)} actual ${number(p.actual)}${change}${shares === "" ? "" : `  | ${shares}`}`,
    );
}

export function toText(result: BacktestResult, options: BacktestOptions): string {
    const ms = options.intervalMs;
    const trainEnd = result.firstInterval + result.trainIntervals;
    const testEnd = trainEnd + result.testIntervals - 1;
    const lines = [
        fit(`Backtest of ${options.file}: ${result.rows.toLocaleString("en-US")} rows, ${result.series} series, interval ${options.interval}`),
        fit(`  learned from ${result.trainIntervals} intervals (${shortTime(result.firstInterval * ms)} to ${shortTime((trainEnd - 1) * ms)}), ` +
            `tested ${result.testIntervals} (to ${shortTime(testEnd * ms)})`),
        fit(`  threshold ${options.threshold} (outside expected ± ${bandWidthFor(options.threshold)} standard deviations): ` +
            `${result.anomalies.length} anomal${result.anomalies.length === 1 ? "y" : "ies"}, most severe first`),
    ];
    for (const u of result.unscored) {
        lines.push(fit(`  not scored (fewer than ${MIN_TRAINING_VALUES} training values): ${u.measure} ${u.values.join("/")}`));
    }
    if (result.anomalies.length > 0) {
        const dims = options.dimensions.length > 0 ? options.dimensions.join("/") : "series";
        lines.push("", fit(`sev  peak time (UTC) (duration)  measure  ${dims}  expected actual (change)  | dimension value shares`));
        for (const a of result.anomalies) lines.push(anomalyLine(a, options));
    }
    return `${lines.join("\n")}\n`;
}
