/**
 * The e-commerce sample of Lookout for Metrics' examples, as a 2021 walkthrough describes it:
 * views and revenue per hour, per platform (pc_web, mobile_web, mobile_app) and marketplace
 * (us, uk, de, fr, es, it, jp), 2021-01-01 to 2021-09-30. The volumes below are made up; the
 * shape (daily and weekly rhythm in each marketplace's local time, growth, noise) is what matters.
 */

export const PLATFORMS = ["pc_web", "mobile_web", "mobile_app"] as const;
export const MARKETPLACES = ["us", "uk", "de", "fr", "es", "it", "jp"] as const;
export const COLUMNS = ["platform", "marketplace", "timestamp", "views", "revenue"] as const;
export const START = Date.UTC(2021, 0, 1);
/** 2021-01-01 to 2021-09-30: 273 days, 6,552 hours, 137,592 rows for 21 series. */
export const FULL_DAYS = 273;

export interface Traffic {
    /** Views per hour at the busiest hour of a weekday. */
    views: number;
    /** Hours ahead of UTC (no daylight saving: a sample needs none). */
    utcOffset: number;
    /** Average order value. */
    orderValue: number;
}

export const MARKETPLACE_TRAFFIC: Record<(typeof MARKETPLACES)[number], Traffic> = {
    us: { views: 1200, utcOffset: -5, orderValue: 62 },
    uk: { views: 600, utcOffset: 0, orderValue: 48 },
    de: { views: 550, utcOffset: 1, orderValue: 51 },
    fr: { views: 400, utcOffset: 1, orderValue: 47 },
    es: { views: 250, utcOffset: 1, orderValue: 39 },
    it: { views: 300, utcOffset: 1, orderValue: 41 },
    jp: { views: 700, utcOffset: 9, orderValue: 54 },
};

export interface PlatformShape {
    share: number;
    conversion: number;
    /** Weekend traffic relative to a weekday: office PCs dip, phones rise. */
    weekend: number;
}

export const PLATFORM_SHAPE: Record<(typeof PLATFORMS)[number], PlatformShape> = {
    pc_web: { share: 0.35, conversion: 0.03, weekend: 0.55 },
    mobile_web: { share: 0.25, conversion: 0.02, weekend: 1.1 },
    mobile_app: { share: 0.4, conversion: 0.035, weekend: 1.2 },
};

/** Relative traffic per local hour: quiet nights, a working-day plateau, an evening peak. */
export const DAILY = [
    0.35, 0.25, 0.2, 0.18, 0.2, 0.3, 0.5, 0.7, 0.85, 0.95, 1.0, 1.0, 1.05, 1.0, 0.95, 0.95, 1.0, 1.1, 1.25, 1.35, 1.3, 1.1, 0.8, 0.55,
];

/** Growth over the nine months: a quarter more traffic at the end than at the start. */
export const GROWTH_OVER_FULL_PERIOD = 0.25;
/** Multiplicative noise (log-normal sigma) of views, and of revenue per view on top. */
export const VIEWS_NOISE = 0.06;
export const REVENUE_NOISE = 0.08;
