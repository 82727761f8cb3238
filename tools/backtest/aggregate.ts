import * as fs from "node:fs";
import { CsvError, parse } from "csv-parse";
import { InputError } from "../engine/errors";
import { IntervalTable } from "./intervalTable";
import { intervalIndex, parseTimestamp } from "./intervals";
import type { BacktestOptions } from "./options";

/**
 * Reads the CSV as a stream and keeps only aggregates: one cell per interval and series (a
 * dimension-value combination), holding each measure's sum and row count. No row outlives its
 * line, so memory grows with intervals x series (32 bytes a cell for two measures), never with
 * the size of the file.
 */

export interface Series {
    /** The dimension values, in the order of --dimensions. */
    values: string[];
    /** Per interval index: [sum of measure 0, ..., count of measure 0, ...]. */
    cells: IntervalTable;
}

export interface Aggregates {
    rows: number;
    series: Series[];
    /** The first and last interval index with any row, over all series. */
    firstInterval: number;
    lastInterval: number;
}

// The most intervals a file may span: 9.5 years of PT5M, a century of PT1H. A mistyped year
// (1921 for 2021) would otherwise make every series' table a century long.
export const MAX_SPAN_INTERVALS = 1_000_000;

// A plain decimal number: Number() would also take "0x1f", "Infinity" and "" (as 0).
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

interface Columns {
    names: string[];
    timestamp: number;
    measures: number[];
    dimensions: number[];
}

function locateColumns(header: string[], options: BacktestOptions, where: string): Columns {
    const names = header.map((h) => h.trim());
    const find = (column: string, role: string): number => {
        const at = names.indexOf(column);
        if (at < 0) {
            throw new InputError(`${where}: no column ${JSON.stringify(column)} (named by --${role}); the header has: ${names.join(", ")}`);
        }
        return at;
    };
    return {
        names,
        timestamp: find(options.timestamp, "timestamp"),
        measures: options.measures.map((m) => find(m.name, "measures")),
        dimensions: options.dimensions.map((d) => find(d, "dimensions")),
    };
}

/** Aggregates the file per interval and series; a malformed row is an InputError naming its line. */
export async function aggregateFile(options: BacktestOptions): Promise<Aggregates> {
    const file = options.file;
    const measureCount = options.measures.length;
    const bySeries = new Map<string, Series>();
    let columns: Columns | undefined;
    let rows = 0;
    let lastTimestampText: string | undefined;
    let cachedInterval = 0;
    let firstInterval = Infinity;
    let latestInterval = -Infinity;

    const onRecord = (record: string[], info: { lines: number }): null => {
        // Built only for an error: most rows never need it.
        const where = () => `${file}:${info.lines}`;
        if (columns === undefined) {
            columns = locateColumns(record, options, where());
            return null;
        }
        rows++;
        const fieldError = (column: number, expected: string): InputError =>
            new InputError(`${where()}: column ${column + 1} (${columns!.names[column]}): expected ${expected}, found ${JSON.stringify(record[column])}`);
        // Rows come in runs of one timestamp (every series of an hour): parse each text once.
        const text = record[columns.timestamp];
        if (text !== lastTimestampText) {
            const ms = parseTimestamp(text);
            if (ms === undefined) {
                throw fieldError(columns.timestamp, "an ISO 8601 timestamp such as 2021-09-04T00:00:00Z");
            }
            lastTimestampText = text;
            cachedInterval = intervalIndex(ms, options.intervalMs);
            const span = Math.max(latestInterval, cachedInterval) - Math.min(firstInterval, cachedInterval) + 1;
            if (span > MAX_SPAN_INTERVALS) {
                throw fieldError(columns.timestamp, `a timestamp within ${MAX_SPAN_INTERVALS.toLocaleString("en-US")} intervals of the others (a mistyped year?)`);
            }
        }
        const interval = cachedInterval;
        if (interval < firstInterval) firstInterval = interval;
        if (interval > latestInterval) latestInterval = interval;

        const values = columns.dimensions.map((c) => record[c].trim());
        const key = values.join("\u0000");
        let series = bySeries.get(key);
        if (series === undefined) {
            series = { values, cells: new IntervalTable(2 * measureCount) };
            bySeries.set(key, series);
        }
        const at = series.cells.offsetFor(interval);
        const cell = series.cells.numbers;
        for (let m = 0; m < measureCount; m++) {
            const column = columns.measures[m];
            const text = record[column].trim();
            // An empty field is a missing value, not a zero: only a written 0 is a zero.
            if (text === "") continue;
            if (!NUMBER.test(text)) {
                throw fieldError(column, "a number");
            }
            cell[at + m] += Number(text);
            cell[at + measureCount + m] += 1;
        }
        return null;
    };

    const input = fs.createReadStream(file);
    const parser = parse({ bom: true, skip_empty_lines: true, on_record: onRecord });
    await new Promise<void>((resolve, reject) => {
        const fail = (err: unknown) => {
            input.destroy();
            reject(describeReadError(err, file));
        };
        input.on("error", fail);
        parser.on("error", fail);
        parser.on("end", resolve);
        parser.resume();
        input.pipe(parser);
    });
    if (columns === undefined) {
        throw new InputError(`${file}: the file is empty; expected a header line naming the columns`);
    }
    if (rows === 0) {
        throw new InputError(`${file}: the file has a header but no rows`);
    }
    return { rows, series: [...bySeries.values()], firstInterval, lastInterval: latestInterval };
}

function describeReadError(err: unknown, file: string): Error {
    if (err instanceof InputError) return err;
    if (err instanceof CsvError) {
        const line = (err as CsvError & { lines?: number }).lines;
        return new InputError(`${file}:${line ?? "?"}: malformed CSV: ${err.message}`);
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
        return new InputError(`cannot read ${file}: ${(err as Error).message}`);
    }
    return err as Error;
}
