/**
 * Severity: how far an actual value lies from the expected one, on Lookout for Metrics' 0-100
 * scale, defined so that the alert threshold means the same thing here as in the AnomalyDetector
 * component's CloudWatch alarms.
 *
 * CloudWatch's ANOMALY_DETECTION_BAND(m, width) draws expected ± width standard deviations, and an
 * alarm fires outside the band. The component turns a threshold T into the band width 1 + T/20
 * (1 at threshold 0, 4.5 at Lookout's default 70, 6 at 100). The backtest measures a deviation in
 * (robust) standard deviations, z = |actual - expected| / sigma (for amounts on the log scale of
 * tools/backtest/model.ts), and inverts that line:
 *
 *     severity = clamp(20 * (z - 1), 0, 100)        band width for a threshold T = 1 + T / 20
 *
 * so a point is reported at threshold T exactly when it lies outside the band the component's
 * alarm draws for T: 70 is a band of 4.5 standard deviations, 50 is 3.5, 20 is CloudWatch's
 * console default of 2. Linear, so a reader can turn a severity back into "so many standard
 * deviations" in their head. Why the default sits this far out: a detector of 42 hourly metrics
 * scores about 1,000 values a day; at 3 standard deviations ordinary noise alone would raise
 * several alarms a day.
 */

export const MAX_SEVERITY = 100;
export const DEFAULT_THRESHOLD = 70;
/** Severity points per standard deviation, and the width (standard deviations) of severity 0. */
const SEVERITY_PER_SIGMA = 20;
const BAND_AT_ZERO = 1;

/** The 0-100 severity of a deviation of `z` standard deviations (either direction), unrounded. */
export function severityOf(z: number): number {
    return Math.min(MAX_SEVERITY, Math.max(0, SEVERITY_PER_SIGMA * (Math.abs(z) - BAND_AT_ZERO)));
}

/** The CloudWatch band width (standard deviations) that a severity threshold stands for. */
export function bandWidthFor(threshold: number): number {
    return BAND_AT_ZERO + threshold / SEVERITY_PER_SIGMA;
}

/** Whether a deviation of `z` lies outside the band of `threshold` (for T = 0 too, unlike severity >= T). */
export function isOutsideBand(z: number, threshold: number): boolean {
    return Math.abs(z) >= bandWidthFor(threshold);
}
