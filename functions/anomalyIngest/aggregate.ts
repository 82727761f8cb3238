import type { MetricDatum } from "@aws-sdk/client-cloudwatch";
import { HEALTH_METRICS, IngestSettings } from "./settings";
import { parseTimestamp } from "./timestamps";

/** CloudWatch accepts data points up to two weeks old and two hours ahead (PutMetricData, Timestamp). */
export const OLDEST_ACCEPTED_MS = 14 * 24 * 3600 * 1000;
export const NEWEST_ACCEPTED_MS = 2 * 3600 * 1000;
/** Malformed rows logged with their line and reason, per object: the count covers the rest. */
const LOGGED_EXAMPLES = 10;

interface Stats {
    count: number;
    sum: number;
    min: number;
    max: number;
}

interface Cell {
    /** Start of the interval, epoch ms. */
    start: number;
    dimensionValues: string[];
    stats: Stats[];
}

export interface RowProblem {
    line: number;
    reason: string;
}

/** Row counts of one run, the function's health metrics and its log line. */
export interface Counts {
    rows: number;
    malformed: number;
    unlisted: number;
    outOfRange: number;
}

/**
 * Aggregates CSV rows per interval and dimension combination: SUM and AVG both come from the
 * statistic set (count, sum, min, max) CloudWatch stores, so two objects with rows of the same
 * interval add up correctly (CloudWatch merges statistic sets; averages of averages would not).
 */
export class IntervalAggregator {
    readonly counts: Counts = { rows: 0, malformed: 0, unlisted: 0, outOfRange: 0 };
    readonly examples: RowProblem[] = [];
    private readonly cells = new Map<string, Cell>();
    private readonly intervalMs: number;
    private readonly listed: Set<string>[];

    constructor(private readonly settings: IngestSettings, private readonly now: number) {
        this.intervalMs = settings.intervalSeconds * 1000;
        this.listed = settings.dimensions.map((d) => new Set(d.values));
    }

    /** Column positions of the header row, or the columns it lacks. */
    columnsOf(header: string[]): { indexes: Indexes } | { missing: string[] } {
        const names = header.map((h) => h.trim());
        const at = (column: string) => names.indexOf(column);
        const wanted = [this.settings.timestampColumn, ...this.settings.measures.map((m) => m.column), ...this.settings.dimensions.map((d) => d.column)];
        const missing = wanted.filter((c) => at(c) < 0);
        if (missing.length > 0) return { missing };
        return {
            indexes: {
                timestamp: at(this.settings.timestampColumn),
                measures: this.settings.measures.map((m) => at(m.column)),
                dimensions: this.settings.dimensions.map((d) => at(d.column)),
                width: names.length,
            },
        };
    }

    /** Counts a row that could not be read at all (a CSV syntax error). */
    malformed(line: number, reason: string): void {
        this.counts.malformed++;
        if (this.examples.length < LOGGED_EXAMPLES) this.examples.push({ line, reason });
    }

    add(row: string[], line: number, indexes: Indexes): void {
        if (row.length !== indexes.width) return this.malformed(line, `expected ${indexes.width} fields, found ${row.length}`);
        const time = parseTimestamp(row[indexes.timestamp], this.settings.timestampFormat);
        if (time === undefined) return this.malformed(line, `timestamp ${JSON.stringify(row[indexes.timestamp])} is not ${this.settings.timestampFormat}`);
        const values: number[] = [];
        for (const [i, at] of indexes.measures.entries()) {
            const text = row[at].trim();
            const value = text === "" ? NaN : Number(text);
            if (!Number.isFinite(value)) return this.malformed(line, `measure ${this.settings.measures[i].column} ${JSON.stringify(row[at])} is not a number`);
            values.push(value);
        }
        const dimensionValues = indexes.dimensions.map((at) => row[at].trim());
        if (dimensionValues.some((v, i) => !this.listed[i].has(v))) {
            this.counts.unlisted++;
            return;
        }
        if (time < this.now - OLDEST_ACCEPTED_MS || time > this.now + NEWEST_ACCEPTED_MS) {
            this.counts.outOfRange++;
            return;
        }
        this.counts.rows++;
        const start = Math.floor(time / this.intervalMs) * this.intervalMs;
        const key = JSON.stringify([start, ...dimensionValues]);
        let cell = this.cells.get(key);
        if (!cell) {
            cell = { start, dimensionValues, stats: values.map(() => ({ count: 0, sum: 0, min: Infinity, max: -Infinity })) };
            this.cells.set(key, cell);
        }
        values.forEach((v, i) => {
            const s = cell.stats[i];
            s.count++;
            s.sum += v;
            s.min = Math.min(s.min, v);
            s.max = Math.max(s.max, v);
        });
    }

    /** One datum per measure, interval and combination, then the health counts of the run. */
    metricData(): MetricDatum[] {
        const data: MetricDatum[] = [];
        for (const cell of this.cells.values()) {
            const dimensions = this.settings.dimensions.map((d, i) => ({ Name: d.column, Value: cell.dimensionValues[i] }));
            this.settings.measures.forEach((m, i) => {
                const s = cell.stats[i];
                data.push({
                    MetricName: m.column,
                    Dimensions: dimensions,
                    Timestamp: new Date(cell.start),
                    StatisticValues: { SampleCount: s.count, Sum: s.sum, Minimum: s.min, Maximum: s.max },
                    Unit: "None",
                });
            });
        }
        return data;
    }

    healthData(): MetricDatum[] {
        const at = new Date(this.now);
        return (Object.keys(HEALTH_METRICS) as (keyof Counts)[]).map((k) => ({ MetricName: HEALTH_METRICS[k], Value: this.counts[k], Timestamp: at, Unit: "Count" }));
    }
}

export interface Indexes {
    timestamp: number;
    measures: number[];
    dimensions: number[];
    width: number;
}
