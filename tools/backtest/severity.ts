/**
 * Severity: how far an actual value lies from the expected one, on Lookout for Metrics' 0-100
 * scale, defined so that the alert threshold means the same thing here as in the AnomalyDetector
 * component's CloudWatch alarms.
 *
 * CloudWatch's ANOMALY_DETECTION_BAND(m, width) draws expected ± width standard deviations, and an
 * alarm fires outside the band. The backtest measures a deviation in (robust) standard deviations,
 * z = |actual - expected| / sigma (for amounts on the log scale of tools/backtest/model.ts), and
 * maps it linearly, 100 standing for 6 standard deviations:
 *
 *     severity = min(100, 100 * z / 6)        band width for a threshold T = 6 * T / 100
 *
 * so a point is reported at threshold T exactly when it lies outside a band of width 6T/100:
 * the default threshold 70 is a band of 4.2 standard deviations, 50 is 3, about 33 is CloudWatch's
 * default band of 2, and 100 reports only points beyond 6. Linear, because a reader can turn a
 * severity back into "so many standard deviations" in their head. Why 70 is 4.2 and not less: a
 * detector of 42 hourly metrics scores about 1,000 values a day; at 3.5 standard deviations even
 * well-behaved noise would raise an alarm every other day.
 */

export const SIGMAS_AT_MAX_SEVERITY = 6;
export const MAX_SEVERITY = 100;
export const DEFAULT_THRESHOLD = 70;

/** The 0-100 severity of a deviation of `z` standard deviations (either direction), unrounded. */
export function severityOf(z: number): number {
    return Math.min(MAX_SEVERITY, (MAX_SEVERITY * Math.abs(z)) / SIGMAS_AT_MAX_SEVERITY);
}

/** The CloudWatch band width (standard deviations) that a severity threshold stands for. */
export function bandWidthFor(threshold: number): number {
    return (SIGMAS_AT_MAX_SEVERITY * threshold) / MAX_SEVERITY;
}
