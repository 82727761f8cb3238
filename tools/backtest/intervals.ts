/**
 * The detector intervals the backtest knows (the same set as the AnomalyDetector component and as
 * Lookout for Metrics offered), and how a row's timestamp falls into one.
 */

const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

export const INTERVALS = { PT5M: 5 * MINUTE_MS, PT10M: 10 * MINUTE_MS, PT1H: HOUR_MS, P1D: DAY_MS } as const;
export type IntervalName = keyof typeof INTERVALS;

export function isIntervalName(value: string): value is IntervalName {
    return Object.hasOwn(INTERVALS, value);
}

// ISO 8601 date and time, "T" or a space between them (the e-commerce sample of the Lookout for
// Metrics examples writes "2021-01-01 00:00:00"), seconds and fraction optional, "Z" or an offset
// optional. A timestamp without a zone is read as UTC, as Lookout did.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch, or undefined when `text` is not such a timestamp or no real date. */
export function parseTimestamp(text: string): number | undefined {
    const m = TIMESTAMP.exec(text.trim());
    if (!m) return undefined;
    const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) as number[];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
    let ms = Date.UTC(year, month - 1, day, hour, minute, second, m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0);
    // Date.UTC rolls 31 April over into 1 May: a date that does not exist is an error, not a guess.
    if (new Date(ms).getUTCDate() !== day) return undefined;
    const zone = m[8];
    if (zone && zone.toUpperCase() !== "Z") {
        const sign = zone.startsWith("-") ? -1 : 1;
        const digits = zone.slice(1).replace(":", "");
        ms -= sign * (Number(digits.slice(0, 2)) * HOUR_MS + Number(digits.slice(2)) * MINUTE_MS);
    }
    return ms;
}

/** The interval a moment falls into, counted from the epoch (intervals start on UTC boundaries). */
export function intervalIndex(ms: number, intervalMs: number): number {
    return Math.floor(ms / intervalMs);
}

/** ISO 8601 in UTC without milliseconds, as --json prints timestamps (docs/commands.md). */
export function formatTimestamp(ms: number): string {
    return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}
