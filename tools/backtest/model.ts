import { DAY_MS, WEEK_MS } from "./intervals";
import { MAD_TO_SIGMA, median } from "./stats";

/**
 * The baseline of one series (one measure of one dimension-value combination): a robust seasonal
 * profile learned from the training intervals plus a level that follows the trend, on a scale
 * where the noise is the same size at every hour.
 *
 * Why this model rather than Holt-Winters: the training data holds anomalies of its own (the sample
 * injects them across all nine months, as real history has outages), and Holt-Winters' least
 * squares fit and smoothed state absorb them: a zero hour pulls its slot's seasonal index down for
 * weeks. Medians ignore them. Concretely:
 *
 *   - scale: amounts (sum measures that are never negative: views, revenue) vary by a share of
 *     their size, so they are modelled as log(value + c), with c a tenth of the series' typical
 *     value: a 40% rise at the evening peak and at 4 am is then the same step, and the step to a
 *     zero stays finite. Averages and measures with negative values are modelled as they are.
 *   - period: a week of intervals when the training part covers at least two weeks (the hour of the
 *     week carries both the daily and the weekly pattern: a Saturday 3 am is compared with other
 *     Saturday 3 ams, so a normal weekend dip is expected), else a day, else no seasonality.
 *   - profile: per slot of the period, the median over the training weeks of the difference from
 *     the centred moving mean over one period.
 *   - level: the median of the deseasonalised values of the period before the current day,
 *     recomputed once a day. It follows growth and slow shifts without look-ahead, and a few
 *     anomalous hours do not move it.
 *   - spread: the residuals of that same forecast over the training part (after its first period),
 *     per time of day pooled with its two neighbours (night hours can be noisier than evening
 *     ones), measured with the median absolute deviation so that training anomalies do not widen it.
 *
 * A missing interval (no row for the series) is NaN throughout: it is skipped when learning, and
 * it is neither scored nor taken for a zero. Only a row that says 0 is a zero.
 */

export interface Baseline {
    /** The expected value at absolute interval index `i`, in the measure's unit. */
    expectedAt(i: number): number;
    /** How many standard deviations `actual` lies from the expectation at `i` (negative: below). */
    deviationAt(i: number, actual: number): number;
}

export interface SeriesHistory {
    /** Values per interval from `first` on; NaN where the series has no row. */
    values: Float64Array;
    first: number;
    /** How many of the values are training data (the rest is the test part). */
    trainCount: number;
    intervalMs: number;
    /** Model log(value + c) (amounts) rather than the value itself (averages, signed values). */
    logScale: boolean;
}

/** The seasonal period in intervals: a week if training covers two, else a day if it covers two, else 1. */
export function seasonalPeriod(trainCount: number, intervalMs: number): number {
    for (const span of [WEEK_MS, DAY_MS]) {
        const period = Math.round(span / intervalMs);
        if (period > 1 && trainCount >= 2 * period) return period;
    }
    return 1;
}

// The shift c of log(value + c), as a share of the series' typical (median) training value.
const LOG_SHIFT_SHARE = 0.1;
// The per-slot spread never drops below this share of the series' overall spread (a slot where the
// training values were all equal has a MAD of 0).
const SLOT_SPREAD_FLOOR_SHARE = 0.5;
// Fewer training values than this in a series: too little to learn from, the series is not scored.
export const MIN_TRAINING_VALUES = 14;

function mod(a: number, n: number): number {
    return ((a % n) + n) % n;
}

/** Learns a baseline; undefined when the series has fewer than MIN_TRAINING_VALUES training values. */
export function learnBaseline(history: SeriesHistory): Baseline | undefined {
    const { first, trainCount, intervalMs } = history;
    const training = Array.from(history.values.subarray(0, trainCount));
    if (training.filter(Number.isFinite).length < MIN_TRAINING_VALUES) return undefined;

    const typical = Math.abs(median(training));
    const shift = LOG_SHIFT_SHARE * typical > 0 ? LOG_SHIFT_SHARE * typical : 1;
    const toModel = history.logScale ? (v: number) => Math.log(Math.max(v, 0) + shift) : (v: number) => v;
    const fromModel = history.logScale ? (y: number) => Math.max(0, Math.exp(y) - shift) : (y: number) => y;
    const values = history.values.map(toModel);

    const period = seasonalPeriod(trainCount, intervalMs);
    const slotOf = (t: number) => mod(first + t, period);

    // Centred moving mean over one period (prefix sums over the present values).
    const sums = new Float64Array(trainCount + 1);
    const counts = new Float64Array(trainCount + 1);
    for (let t = 0; t < trainCount; t++) {
        const ok = Number.isFinite(values[t]);
        sums[t + 1] = sums[t] + (ok ? values[t] : 0);
        counts[t + 1] = counts[t] + (ok ? 1 : 0);
    }
    const half = Math.floor(period / 2);
    const profileOf = (include: (t: number) => boolean): number[] => {
        const bySlot: number[][] = Array.from({ length: period }, () => []);
        for (let t = 0; t < trainCount; t++) {
            if (!Number.isFinite(values[t]) || !include(t)) continue;
            const hi = Math.min(trainCount, Math.max(0, t - half) + period);
            const lo = Math.max(0, hi - period);
            bySlot[slotOf(t)].push(values[t] - (sums[hi] - sums[lo]) / (counts[hi] - counts[lo]));
        }
        return bySlot.map((deltas) => {
            const m = median(deltas);
            return Number.isFinite(m) ? m : 0;
        });
    };
    const profile = profileOf(() => true);

    // The level for the day that starts at relative index `dayStart`: the median of the
    // deseasonalised values of the period before it. Cached per day.
    const intervalsPerDay = Math.max(1, Math.round(DAY_MS / intervalMs));
    const window = Math.max(period, 7);
    const levels = new Map<number, number>();
    let lastLevel = sums[trainCount] / counts[trainCount];
    const levelFor = (t: number): number => {
        const dayStart = t - mod(first + t, intervalsPerDay);
        const cached = levels.get(dayStart);
        if (cached !== undefined) return cached;
        const recent: number[] = [];
        for (let u = Math.max(0, dayStart - window); u < dayStart && u < values.length; u++) {
            if (Number.isFinite(values[u])) recent.push(values[u] - profile[slotOf(u)]);
        }
        // A window with less than a third of its values present keeps the level it had.
        if (recent.length * 3 >= window) lastLevel = median(recent);
        levels.set(dayStart, lastLevel);
        return lastLevel;
    };
    const forecast = (t: number) => levelFor(t) + profile[slotOf(t)];

    // Out-of-sample training residuals, from the second period on (the first has no past): the
    // profile of the odd periods forecasts the even ones and vice versa. A value's residual from a
    // profile that saw it is too small (the median leans towards it): measured in-sample, the
    // spread came out a tenth too narrow on the test part, and so did every severity.
    // Per time of day: with a week of hourly slots each slot would have only one residual a week,
    // and a spread estimated from a few dozen values is often a fifth too small, which turns
    // ordinary noise into 'anomalies'. The time of day (with its neighbours) has seven times more.
    const spreadSlots = period > intervalsPerDay && period % intervalsPerDay === 0 ? intervalsPerDay : period;
    const spreadSlotOf = (i: number) => mod(i, spreadSlots);
    const residualsBySlot: number[][] = Array.from({ length: spreadSlots }, () => []);
    const allResiduals: number[] = [];
    const parityOf = (t: number) => Math.floor((first + t) / period) % 2;
    const crossProfiles = [profileOf((t) => parityOf(t) === 1), profileOf((t) => parityOf(t) === 0)];
    for (let t = Math.min(window, trainCount - MIN_TRAINING_VALUES); t < trainCount; t++) {
        if (!Number.isFinite(values[t])) continue;
        const residual = values[t] - levelFor(t) - crossProfiles[parityOf(t)][slotOf(t)];
        residualsBySlot[spreadSlotOf(first + t)].push(residual);
        allResiduals.push(residual);
    }
    const overall = spreadOf(allResiduals);
    // A constant training series has no spread: any change is then far out, measured against a
    // tiny positive spread rather than divided by zero.
    const overallSpread = overall > 0 ? overall : history.logScale ? 1e-3 : Math.max(1e-9, 1e-3 * typical);
    const slotSpread = residualsBySlot.map((_, s) => {
        const pooled = [-1, 0, 1].flatMap((d) => residualsBySlot[mod(s + d, spreadSlots)]);
        const spread = spreadOf(pooled);
        return Math.max(Number.isFinite(spread) ? spread : 0, SLOT_SPREAD_FLOOR_SHARE * overallSpread);
    });

    return {
        expectedAt: (i) => fromModel(forecast(i - first)),
        deviationAt: (i, actual) => (toModel(actual) - forecast(i - first)) / slotSpread[spreadSlotOf(i)],
    };
}

/** A robust standard deviation: the median absolute deviation from the median, scaled. */
function spreadOf(residuals: number[]): number {
    const centre = median(residuals);
    return MAD_TO_SIGMA * median(residuals.map((r) => Math.abs(r - centre)));
}
