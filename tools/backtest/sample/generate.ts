import { HOUR_MS, formatTimestamp } from "../intervals";
import { Random } from "./random";
import {
    COLUMNS, DAILY, FULL_DAYS, GROWTH_OVER_FULL_PERIOD, MARKETPLACES, MARKETPLACE_TRAFFIC, PLATFORMS, PLATFORM_SHAPE, REVENUE_NOISE, START, VIEWS_NOISE,
} from "./shape";

/**
 * The sample generator: the seed's e-commerce data with labelled anomalies injected, deterministic
 * for a seed. Anomalies are spread over the whole period, training part included (real history has
 * outages too, and the model must not learn them as normal); the backtest is scored on the labels
 * that fall into its test part.
 */

export type Platform = (typeof PLATFORMS)[number];
export type Marketplace = (typeof MARKETPLACES)[number];
export type Measure = "views" | "revenue";

export type AnomalyKind =
    | "revenue-zero" // checkout broken: views as usual, revenue 0
    | "revenue-drop" // a payment method fails: revenue falls to 30-50%
    | "views-spike" // a campaign or a bot: views 2.5-4 times the usual, revenue unchanged
    | "outage"; // the site is down: views and revenue 0

/** One labelled anomaly of one series: its hours from `start` to `end`, both included. */
export interface Label {
    start: number;
    end: number;
    measure: Measure;
    platform: Platform;
    marketplace: Marketplace;
    kind: AnomalyKind;
    /** What the anomaly multiplies its measure by (0 for a drop to zero). */
    factor: number;
}

export interface SampleOptions {
    seed: number;
    /** Length in days from 2021-01-01 (273: to 2021-09-30, the seed's period). */
    days?: number;
    platforms?: readonly Platform[];
    marketplaces?: readonly Marketplace[];
    /** Anomalous events injected per 30 days (each is one or two labels). */
    eventsPer30Days?: number;
    /** Share of rows left out at random (missing intervals), outside the injected events. */
    missingRowShare?: number;
    /** Hours in which the whole feed is missing (no row for any series), outside the injected events. */
    feedGaps?: number;
}

export interface SamplePlan {
    start: number;
    hours: number;
    platforms: readonly Platform[];
    marketplaces: readonly Marketplace[];
    labels: Label[];
    /** Hours (from `start`) with no rows at all. */
    gapHours: Set<number>;
    seed: number;
    missingRowShare: number;
}

const KINDS: readonly AnomalyKind[] = ["revenue-zero", "revenue-drop", "views-spike", "outage"];
const DURATION: Record<AnomalyKind, [number, number]> = {
    "revenue-zero": [2, 6],
    "revenue-drop": [3, 8],
    "views-spike": [1, 3],
    outage: [1, 3],
};
// Events of one measure keep this many hours apart, so that each stays its own anomaly.
const SEPARATION_HOURS = 12;

/** Picks the events, labels and gaps of a sample (no values yet). */
export function planSample(options: SampleOptions): SamplePlan {
    const days = options.days ?? FULL_DAYS;
    const platforms = options.platforms ?? PLATFORMS;
    const marketplaces = options.marketplaces ?? MARKETPLACES;
    const hours = days * 24;
    const random = new Random(options.seed);
    const labels: Label[] = [];
    const busy = (measure: Measure, start: number, end: number) =>
        labels.some((l) => l.measure === measure && start <= l.end + SEPARATION_HOURS && end >= l.start - SEPARATION_HOURS);

    // The anomaly of the published Lookout walkthrough (2021-09-03 21:00 to 2021-09-04 01:00 UTC): mobile_web revenue
    // in de falls to 0 and in uk to 60%, one anomaly spread over two marketplaces; the walkthrough's
    // "Dimension values" panel showed it as marketplace de 71%, uk 28%, platform mobile_web 100%.
    const seedStart = (Date.UTC(2021, 8, 3, 21) - START) / HOUR_MS;
    if (seedStart + 5 <= hours && platforms.includes("mobile_web") && marketplaces.includes("de") && marketplaces.includes("uk")) {
        for (const marketplace of ["de", "uk"] as const) {
            const zero = marketplace === "de";
            labels.push({ start: seedStart, end: seedStart + 4, measure: "revenue", platform: "mobile_web", marketplace, kind: zero ? "revenue-zero" : "revenue-drop", factor: zero ? 0 : 0.6 });
        }
    }

    const events = Math.round(((options.eventsPer30Days ?? 7) * days) / 30);
    // The first two weeks stay clean: the model needs a first week of history before it can score.
    const earliest = 14 * 24;
    for (let e = 0, attempts = 0; e < events && attempts < events * 50 && earliest < hours - 8; attempts++) {
        const kind = random.pick(KINDS);
        const [shortest, longest] = DURATION[kind];
        const start = random.int(earliest, hours - longest - 1);
        const end = start + random.int(shortest, longest) - 1;
        const platform = random.pick(platforms);
        const marketplace = random.pick(marketplaces);
        const measures: Measure[] = kind === "outage" ? ["views", "revenue"] : kind === "views-spike" ? ["views"] : ["revenue"];
        if (measures.some((m) => busy(m, start, end))) continue;
        const factor = kind === "views-spike" ? random.between(2.5, 4) : kind === "revenue-drop" ? random.between(0.3, 0.5) : 0;
        for (const measure of measures) labels.push({ start, end, measure, platform, marketplace, kind, factor });
        e++;
    }

    const gapHours = new Set<number>();
    for (let g = 0, attempts = 0; g < (options.feedGaps ?? 3) && attempts < 100; attempts++) {
        const hour = random.int(earliest, hours - 1);
        if (labels.some((l) => hour >= l.start - 1 && hour <= l.end + 1)) continue;
        gapHours.add(hour);
        g++;
    }
    labels.sort((a, b) => a.start - b.start || a.measure.localeCompare(b.measure));
    return { start: START, hours, platforms, marketplaces, labels, gapHours, seed: options.seed, missingRowShare: options.missingRowShare ?? 0.002 };
}

/** The values of one series at one hour without anomalies: daily and weekly rhythm, growth, noise. */
function normalValues(random: Random, platform: Platform, marketplace: Marketplace, time: number, progress: number): { views: number; revenue: number } {
    const traffic = MARKETPLACE_TRAFFIC[marketplace];
    const shape = PLATFORM_SHAPE[platform];
    const local = new Date(time + traffic.utcOffset * HOUR_MS);
    const weekday = local.getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? shape.weekend : 1;
    const expectedViews = traffic.views * shape.share * DAILY[local.getUTCHours()] * weekend * (1 + GROWTH_OVER_FULL_PERIOD * progress);
    const views = Math.max(0, Math.round(expectedViews * Math.exp(VIEWS_NOISE * random.normal())));
    const revenue = views * shape.conversion * traffic.orderValue * Math.exp(REVENUE_NOISE * random.normal());
    return { views, revenue };
}

/** The sample's CSV lines, header first, one line per row (no line ending). */
export function* sampleLines(plan: SamplePlan): Generator<string> {
    // Values draw from their own stream, so that the plan (labels) of a seed does not change when
    // the value model does, and vice versa.
    const random = new Random(plan.seed ^ 0x5eed);
    yield COLUMNS.join(",");
    const fullSpanHours = FULL_DAYS * 24;
    for (let hour = 0; hour < plan.hours; hour++) {
        const time = plan.start + hour * HOUR_MS;
        const active = plan.labels.filter((l) => hour >= l.start && hour <= l.end);
        const timestamp = formatTimestamp(time);
        for (const platform of plan.platforms) {
            for (const marketplace of plan.marketplaces) {
                // Draw before deciding to skip, so that a gap does not shift the noise of later rows.
                let { views, revenue } = normalValues(random, platform, marketplace, time, hour / fullSpanHours);
                const missing = random.next() < plan.missingRowShare;
                const labelled = active.filter((l) => l.platform === platform && l.marketplace === marketplace);
                if (plan.gapHours.has(hour) || (missing && labelled.length === 0)) continue;
                for (const label of labelled) {
                    if (label.measure === "views") views = Math.round(views * label.factor);
                    else revenue *= label.factor;
                }
                yield `${platform},${marketplace},${timestamp},${views},${revenue.toFixed(2)}`;
            }
        }
    }
}

/** The labels file: one line per labelled series, hours from start to end included. */
export function labelLines(plan: SamplePlan): string[] {
    return [
        "start,end,measure,platform,marketplace,kind,factor",
        ...plan.labels.map((l) =>
            [formatTimestamp(plan.start + l.start * HOUR_MS), formatTimestamp(plan.start + l.end * HOUR_MS), l.measure, l.platform, l.marketplace, l.kind, l.factor.toFixed(2)].join(","),
        ),
    ];
}
