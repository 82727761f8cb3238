import { UsageError } from "../cli";
import { DEFAULT_THRESHOLD, MAX_SEVERITY } from "./severity";
import { INTERVALS, IntervalName, isIntervalName } from "./intervals";

/**
 * How a measure's rows are combined within one interval and series. `sum` for additive measures
 * (views, revenue, orders: the hour's total is the sum of its rows); `avg` for measures that are
 * levels rather than amounts (a temperature, a latency, a price), where a sum would only count rows.
 * Lookout for Metrics asked the same per measure; the backtest takes `name:avg`, default sum.
 */
export type Aggregation = "sum" | "avg";
const AGGREGATIONS: readonly Aggregation[] = ["sum", "avg"];

export interface Measure {
    name: string;
    aggregation: Aggregation;
}

export interface BacktestOptions {
    file: string;
    timestamp: string;
    measures: Measure[];
    dimensions: string[];
    interval: IntervalName;
    intervalMs: number;
    threshold: number;
    json: boolean;
}

export const USAGE = [
    "usage: npm run backtest -- --file <data.csv> --timestamp <column> --measures <a[:sum|avg],b,...>",
    "                           --dimensions <x,y,...> --interval <PT5M|PT10M|PT1H|P1D> [--threshold 0-100] [--json]",
].join("\n");

export const OPTION_SPEC = {
    file: { type: "string" },
    timestamp: { type: "string" },
    measures: { type: "string" },
    dimensions: { type: "string" },
    interval: { type: "string" },
    threshold: { type: "string" },
    json: { type: "boolean" },
} as const;

function list(option: string, value: string | undefined, allowEmpty = false): string[] {
    const items = (value ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
    if (items.length === 0 && !allowEmpty) {
        throw new UsageError(`--${option} needs at least one column name`, USAGE);
    }
    const duplicate = items.find((item, i) => items.indexOf(item) !== i);
    if (duplicate !== undefined) {
        throw new UsageError(`--${option} names ${JSON.stringify(duplicate)} twice`, USAGE);
    }
    return items;
}

function measureOf(item: string): Measure {
    const [name, aggregation = "sum", ...rest] = item.split(":").map((s) => s.trim());
    if (rest.length > 0 || !(AGGREGATIONS as readonly string[]).includes(aggregation)) {
        throw new UsageError(`--measures: ${JSON.stringify(item)} has an unknown aggregation; expected name, name:sum or name:avg`, USAGE);
    }
    return { name, aggregation: aggregation as Aggregation };
}

/** Checks the parsed arguments and turns them into options; every mistake is a UsageError. */
export function backtestOptions(values: { [K in keyof typeof OPTION_SPEC]?: (typeof OPTION_SPEC)[K]["type"] extends "boolean" ? boolean : string }): BacktestOptions {
    for (const required of ["file", "timestamp", "measures", "interval"] as const) {
        if (values[required] === undefined || values[required] === "") {
            throw new UsageError(`--${required} is required`, USAGE);
        }
    }
    const interval = values.interval!;
    if (!isIntervalName(interval)) {
        throw new UsageError(`--interval: expected one of ${Object.keys(INTERVALS).join(", ")}, found ${JSON.stringify(interval)}`, USAGE);
    }
    let threshold = DEFAULT_THRESHOLD;
    if (values.threshold !== undefined) {
        threshold = /^\d+(\.\d+)?$/.test(values.threshold) ? Number(values.threshold) : NaN;
        if (!(threshold >= 0 && threshold <= MAX_SEVERITY)) {
            throw new UsageError(`--threshold: expected a number from 0 to ${MAX_SEVERITY}, found ${JSON.stringify(values.threshold)}`, USAGE);
        }
    }
    const measures = list("measures", values.measures).map(measureOf);
    const dimensions = list("dimensions", values.dimensions, true);
    const columns = [values.timestamp!, ...measures.map((m) => m.name), ...dimensions];
    const twice = columns.find((c, i) => columns.indexOf(c) !== i);
    if (twice !== undefined) {
        throw new UsageError(`column ${JSON.stringify(twice)} is named in two roles (timestamp, measure, dimension)`, USAGE);
    }
    return {
        file: values.file!,
        timestamp: values.timestamp!,
        measures,
        dimensions,
        interval,
        intervalMs: INTERVALS[interval],
        threshold,
        json: values.json ?? false,
    };
}
