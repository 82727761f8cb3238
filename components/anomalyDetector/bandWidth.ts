/**
 * The severity threshold (0-100, Lookout for Metrics' "severity score" an alert starts from) as the
 * width of CloudWatch's expected band, in standard deviations of the model
 * (ANOMALY_DETECTION_BAND(m1, width)): width = 1 + threshold / 20, from 1 (threshold 0: every value
 * outside one standard deviation alarms) to 6 (threshold 100: only extreme values). 70, Lookout's
 * default, gives 4.5; CloudWatch's console default of 2 is threshold 20. Linear, so that each step
 * of the threshold widens the band by the same amount.
 */
export function bandWidth(severityThreshold: number): number {
    return Math.round((1 + severityThreshold / 20) * 100) / 100;
}
