import type { Anomaly } from "../detect";
import type { Label } from "./generate";
import { HOUR_MS } from "../intervals";

/**
 * Precision and recall of a backtest against the sample's labels, as the issue defines them: an
 * injected event is found when an anomaly of its measure has a point of its series inside its
 * window; a reported anomaly is real when one of its points lies inside a labelled window of its
 * own series and measure. Only labels that overlap the test part count.
 */
export interface Score {
    events: number;
    found: number;
    reported: number;
    real: number;
    recall: number;
    precision: number;
    missed: Label[];
    falseAlarms: Anomaly[];
}

export function scoreAgainstLabels(anomalies: Anomaly[], labels: Label[], sampleStart: number, testStartInterval: number, intervalMs = HOUR_MS): Score {
    const hourOf = (interval: number) => (interval * intervalMs - sampleStart) / HOUR_MS;
    const testStartHour = hourOf(testStartInterval);
    const inTest = labels.filter((l) => l.end >= testStartHour);
    const covers = (l: Label, a: Anomaly) =>
        l.measure === a.measure &&
        a.points.some((p) => p.series.values[0] === l.platform && p.series.values[1] === l.marketplace && hourOf(p.interval) >= l.start && hourOf(p.interval) <= l.end);
    const missed = inTest.filter((l) => !anomalies.some((a) => covers(l, a)));
    const falseAlarms = anomalies.filter((a) => !inTest.some((l) => covers(l, a)));
    const found = inTest.length - missed.length;
    const real = anomalies.length - falseAlarms.length;
    return {
        events: inTest.length,
        found,
        reported: anomalies.length,
        real,
        recall: inTest.length === 0 ? 1 : found / inTest.length,
        precision: anomalies.length === 0 ? 1 : real / anomalies.length,
        missed,
        falseAlarms,
    };
}
