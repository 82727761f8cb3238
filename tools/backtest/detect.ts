import type { Aggregates, Series } from "./aggregate";
import { learnBaseline } from "./model";
import type { BacktestOptions } from "./options";
import { isOutsideBand, severityOf } from "./severity";

/**
 * The backtest proper: split the intervals 70/30 as Lookout for Metrics' backtest mode did, learn
 * each series' baseline from the first part, score every present value of the second part, and
 * gather the points at or above the threshold into anomalies.
 */

export const TRAINING_SHARE = 0.7;

/** One scored value of the test part that reached the threshold. */
export interface AnomalousPoint {
    measure: string;
    series: Series;
    interval: number;
    expected: number;
    actual: number;
    /** Deviation in standard deviations (signed: negative is a drop). */
    z: number;
    severity: number;
}

export interface Contribution {
    dimension: string;
    value: string;
    share: number;
}

/**
 * An anomaly as Lookout showed one: the points of one measure that are anomalous together (at the
 * same interval, or in consecutive intervals of the same series), presented by its most severe
 * point, with each dimension value's share of the group's total absolute deviation.
 */
export interface Anomaly {
    measure: string;
    peak: AnomalousPoint;
    points: AnomalousPoint[];
    /** First and last interval index of the group. */
    start: number;
    end: number;
    contributions: Contribution[];
}

export interface BacktestResult {
    rows: number;
    series: number;
    firstInterval: number;
    trainIntervals: number;
    testIntervals: number;
    anomalies: Anomaly[];
    /** Series that had too few training values to learn from, by measure and dimension values. */
    unscored: { measure: string; values: string[] }[];
}

/** The series' values per interval from `first` for `count` intervals, NaN where it has no row. */
function seriesValues(series: Series, measure: number, measureCount: number, average: boolean, first: number, count: number): Float64Array {
    const values = new Float64Array(count).fill(NaN);
    const { numbers, firstIndex, length, width } = series.cells;
    for (let k = 0; k < length; k++) {
        const at = k * width;
        const rows = numbers[at + measureCount + measure];
        const t = firstIndex + k - first;
        if (rows > 0 && t >= 0 && t < count) values[t] = average ? numbers[at + measure] / rows : numbers[at + measure];
    }
    return values;
}

export function runBacktest(aggregates: Aggregates, options: BacktestOptions): BacktestResult {
    const first = aggregates.firstInterval;
    const total = aggregates.lastInterval - first + 1;
    const trainCount = Math.floor(total * TRAINING_SHARE);
    const points: AnomalousPoint[] = [];
    const unscored: BacktestResult["unscored"] = [];
    const measureCount = options.measures.length;

    options.measures.forEach((measure, m) => {
        for (const series of aggregates.series) {
            const average = measure.aggregation === "avg";
            const values = seriesValues(series, m, measureCount, average, first, total);
            let negative = false;
            for (let t = 0; t < trainCount && !negative; t++) negative = values[t] < 0;
            const baseline = learnBaseline({ values, first, trainCount, intervalMs: options.intervalMs, logScale: !average && !negative });
            if (baseline === undefined) {
                unscored.push({ measure: measure.name, values: series.values });
                continue;
            }
            for (let t = trainCount; t < total; t++) {
                const actual = values[t];
                if (!Number.isFinite(actual)) continue;
                const z = baseline.deviationAt(first + t, actual);
                if (isOutsideBand(z, options.threshold)) {
                    const severity = severityOf(z);
                    const expected = baseline.expectedAt(first + t);
                    points.push({ measure: measure.name, series, interval: first + t, expected, actual, z, severity });
                }
            }
        }
    });

    return {
        rows: aggregates.rows,
        series: aggregates.series.length * measureCount,
        firstInterval: first,
        trainIntervals: trainCount,
        testIntervals: total - trainCount,
        anomalies: groupPoints(points, options.dimensions),
        unscored,
    };
}

/** Groups anomalous points (union-find over same measure and interval, or same series and next interval). */
export function groupPoints(points: AnomalousPoint[], dimensions: string[]): Anomaly[] {
    const parent = points.map((_, i) => i);
    const root = (i: number): number => {
        while (parent[i] !== i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    };
    const union = (a: number, b: number) => {
        parent[root(a)] = root(b);
    };
    const atInterval = new Map<string, number>();
    const bySeriesInterval = new Map<Series, Map<string, Map<number, number>>>();
    points.forEach((p, i) => {
        const sameTime = `${p.measure}\u0000${p.interval}`;
        const other = atInterval.get(sameTime);
        if (other === undefined) atInterval.set(sameTime, i);
        else union(i, other);
        let byMeasure = bySeriesInterval.get(p.series);
        if (byMeasure === undefined) bySeriesInterval.set(p.series, (byMeasure = new Map()));
        let byInterval = byMeasure.get(p.measure);
        if (byInterval === undefined) byMeasure.set(p.measure, (byInterval = new Map()));
        byInterval.set(p.interval, i);
    });
    points.forEach((p, i) => {
        const previous = bySeriesInterval.get(p.series)!.get(p.measure)!.get(p.interval - 1);
        if (previous !== undefined) union(i, previous);
    });

    const groups = new Map<number, AnomalousPoint[]>();
    points.forEach((p, i) => {
        const r = root(i);
        const group = groups.get(r);
        if (group === undefined) groups.set(r, [p]);
        else group.push(p);
    });
    const anomalies = [...groups.values()].map((group): Anomaly => {
        const peak = group.reduce((best, p) => (Math.abs(p.z) > Math.abs(best.z) ? p : best));
        return {
            measure: peak.measure,
            peak,
            points: group,
            start: Math.min(...group.map((p) => p.interval)),
            end: Math.max(...group.map((p) => p.interval)),
            contributions: contributionsOf(group, dimensions),
        };
    });
    return anomalies.sort(
        (a, b) => b.peak.severity - a.peak.severity || Math.abs(b.peak.z) - Math.abs(a.peak.z) || a.peak.interval - b.peak.interval,
    );
}

/**
 * Lookout's "Dimension values" panel: for each dimension, how the group's deviation divides among
 * its values. Each point weighs its absolute deviation |actual - expected| in the measure's unit
 * (the revenue that went missing, the extra views), so within one dimension the shares add up to 1:
 * revenue missing in mobile_web/de and, less of it, in mobile_web/uk gives marketplace de 0.71,
 * uk 0.29 and platform mobile_web 1. Sorted by share, largest first.
 */
export function contributionsOf(group: AnomalousPoint[], dimensions: string[]): Contribution[] {
    const total = group.reduce((sum, p) => sum + Math.abs(p.actual - p.expected), 0);
    const contributions: Contribution[] = [];
    dimensions.forEach((dimension, d) => {
        const byValue = new Map<string, number>();
        for (const p of group) {
            const value = p.series.values[d];
            byValue.set(value, (byValue.get(value) ?? 0) + Math.abs(p.actual - p.expected));
        }
        for (const [value, weight] of byValue) {
            contributions.push({ dimension, value, share: total > 0 ? weight / total : 1 / byValue.size });
        }
    });
    return contributions.sort((a, b) => b.share - a.share);
}
