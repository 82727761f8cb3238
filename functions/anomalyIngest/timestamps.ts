/**
 * Parses a CSV timestamp in one of the detector's formats (config/anomalyDetector.ts,
 * TIMESTAMP_FORMATS) to epoch milliseconds in UTC, or undefined when the text does not match.
 */
const PATTERNS: Record<string, RegExp> = {
    "yyyy-MM-dd HH:mm:ss": /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/,
    "yyyy-MM-dd HH:mm": /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})()$/,
    "yyyy/MM/dd HH:mm:ss": /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/,
    "yyyy-MM-dd": /^(\d{4})-(\d{2})-(\d{2})()()()$/,
};

// ISO 8601 as CSV exports write it: a date, "T" or a space, a time, optional fraction and zone.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseTimestamp(text: string, format: string): number | undefined {
    const value = text.trim();
    switch (format) {
        case "iso8601": {
            if (!ISO_8601.test(value)) return undefined;
            // A date-time without a zone is UTC (Date.parse would read it as local time).
            const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) || value.length === 10 ? value : `${value}Z`;
            const ms = Date.parse(zoned.replace(" ", "T"));
            return Number.isNaN(ms) ? undefined : ms;
        }
        case "epochSeconds":
        case "epochMillis": {
            if (!/^\d{1,16}(\.\d+)?$/.test(value)) return undefined;
            const n = Number(value);
            return format === "epochSeconds" ? Math.round(n * 1000) : Math.round(n);
        }
        default: {
            const pattern = PATTERNS[format];
            const m = pattern?.exec(value);
            if (!m) return undefined;
            const [year, month, day, hour, minute, second] = m.slice(1).map((p) => (p === "" ? 0 : Number(p)));
            const ms = Date.UTC(year, month - 1, day, hour, minute, second);
            // Date.UTC rolls 2021-02-30 over to March: a date that does not exist is malformed.
            const back = new Date(ms);
            if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
            return ms;
        }
    }
}
