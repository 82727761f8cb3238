/**
 * Parses a CSV timestamp in one of the detector's formats (config/anomalyDetector.ts,
 * TIMESTAMP_FORMATS) to epoch milliseconds in UTC, or undefined when the text does not match.
 */
const PATTERNS: Record<string, RegExp> = {
    "yyyy-MM-dd HH:mm:ss": /^(?<y>\d{4})-(?<M>\d{2})-(?<d>\d{2}) (?<H>\d{2}):(?<m>\d{2}):(?<s>\d{2})$/,
    "yyyy-MM-dd HH:mm": /^(?<y>\d{4})-(?<M>\d{2})-(?<d>\d{2}) (?<H>\d{2}):(?<m>\d{2})$/,
    "yyyy/MM/dd HH:mm:ss": /^(?<y>\d{4})\/(?<M>\d{2})\/(?<d>\d{2}) (?<H>\d{2}):(?<m>\d{2}):(?<s>\d{2})$/,
    "yyyy-MM-dd": /^(?<y>\d{4})-(?<M>\d{2})-(?<d>\d{2})$/,
    // Kaggle's "Predict Future Sales" (the lake's sales dataset) writes 02.01.2013.
    "dd.MM.yyyy": /^(?<d>\d{2})\.(?<M>\d{2})\.(?<y>\d{4})$/,
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
            const g = pattern?.exec(value)?.groups;
            if (!g) return undefined;
            const [year, month, day, hour, minute, second] = [g.y, g.M, g.d, g.H, g.m, g.s].map((p) => (p === undefined ? 0 : Number(p)));
            const ms = Date.UTC(year, month - 1, day, hour, minute, second);
            // Date.UTC rolls 2021-02-30 over to March: a date that does not exist is malformed.
            const back = new Date(ms);
            if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
            return ms;
        }
    }
}
