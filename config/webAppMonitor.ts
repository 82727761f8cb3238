import { z } from "zod";
import { switchable, uniqueBy } from "./primitives";

/**
 * The WebAppMonitor's settings (`analytics-platform:webAppMonitor`): a CloudWatch RUM app monitor
 * for one web app, its Cognito guest access, and alarms on what its users feel.
 */

/**
 * `localhost` (local development, as the seed did), `app.example.com`, or `*.example.com`: RUM
 * accepts events from pages of these domains only. No bare "*" and no wildcard but a whole first
 * label of a domain with two more (the baseline's rum-app-monitor-domain-restricted rule says the same).
 */
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
export const rumDomain = z.string().refine((domain) => {
    if (domain === "localhost") return true;
    const labels = domain.split(".");
    if (domain.length > 253 || labels.length < 2) return false;
    const [first, ...rest] = labels;
    return (first === "*" ? rest.length >= 2 : LABEL.test(first)) && rest.every((l) => LABEL.test(l));
}, "localhost or a domain name such as app.example.com or *.example.com (a wildcard only as the whole first label)");

/** What the RUM web client collects (RUM's AppMonitorConfiguration.Telemetries). */
export const RUM_TELEMETRIES = ["errors", "performance", "http"] as const;

/**
 * The "frustrating" (web.dev "poor") thresholds, the upper edge of "tolerable" in RUM's console:
 * LCP 4 s, FID 300 ms, INP 500 ms, CLS 0.25 (web.dev, "Defining the Core Web Vitals metrics thresholds").
 */
export const FRUSTRATING_THRESHOLDS = {
    largestContentfulPaintMs: 4000,
    firstInputDelayMs: 300,
    interactionToNextPaintMs: 500,
    cumulativeLayoutShift: 0.25,
} as const;

const milliseconds = (max: number) => z.number().int().min(1).max(max);

const alarmsSchema = z
    .strictObject({
        /** 75th percentile (as web.dev judges a page) of the largest contentful paint, in ms. */
        largestContentfulPaintMs: milliseconds(60_000).default(FRUSTRATING_THRESHOLDS.largestContentfulPaintMs),
        firstInputDelayMs: milliseconds(60_000).default(FRUSTRATING_THRESHOLDS.firstInputDelayMs),
        interactionToNextPaintMs: milliseconds(60_000).default(FRUSTRATING_THRESHOLDS.interactionToNextPaintMs),
        /** A score without unit: 0 is a page that never moves. */
        cumulativeLayoutShift: z.number().gt(0).max(10).default(FRUSTRATING_THRESHOLDS.cumulativeLayoutShift),
        /** JavaScript errors (RUM's JsErrorCount) per period above which the alarm fires. */
        jsErrorsPerPeriod: z.number().int().min(0).default(10),
        /** HTTP 5xx responses the pages received (RUM's Http5xxCount) per period above which the alarm fires. */
        http5xxPerPeriod: z.number().int().min(0).default(5),
        /** Seconds each datapoint covers: a multiple of 60 (RUM publishes no high-resolution metrics). */
        periodSeconds: z.number().int().min(60).max(86_400).multipleOf(60).default(300),
        /** Consecutive breaching periods before the alarm fires. */
        evaluationPeriods: z.number().int().min(1).max(1440).default(3),
        /** Addresses subscribed to the alert topic (each confirms the subscription AWS mails it). */
        emails: uniqueBy(z.array(z.email({ error: "an e-mail address" })), (e) => e.toLowerCase(), "e-mail address").default([]),
    })
    // CloudWatch: "the maximum evaluation period is one day" (PutMetricAlarm: Period x EvaluationPeriods <= 86,400 s).
    .refine((a) => a.periodSeconds * a.evaluationPeriods <= 86_400, {
        path: ["evaluationPeriods"],
        message: "periodSeconds x evaluationPeriods of at most 86400 (CloudWatch evaluates at most one day)",
    });

export const webAppMonitorSchema = switchable({
    /** The web app's domains (RUM's domain list: 1 to 5). */
    domains: uniqueBy(z.array(rumDomain).min(1).max(5), (d) => d.toLowerCase(), "domain"),
    /** The share of user sessions RUM records, 0 to 1 (RUM's default is 0.1). */
    sessionSampleRate: z.number().min(0).max(1),
    telemetries: uniqueBy(z.array(z.enum(RUM_TELEMETRIES, { error: `one of ${RUM_TELEMETRIES.join(", ")}` })).min(1), (t) => t, "telemetry").default([...RUM_TELEMETRIES]),
    /**
     * The web client sets a session and a user cookie, so that RUM counts users and journeys.
     * Off by default: cookies may need the visitor's consent.
     */
    allowCookies: z.boolean().default(false),
    /** RUM adds an X-Ray trace header to the pages' HTTP requests and records segments. */
    enableXray: z.boolean().default(false),
    /**
     * RUM also copies events to CloudWatch Logs (kept beyond RUM's 30 days). RUM creates that log
     * group itself, without retention: see the README before switching it on.
     */
    cloudWatchLogs: z.boolean().default(false),
    /** The application version the snippet reports. */
    applicationVersion: z.string().regex(/^[\w.+-]{1,64}$/, "a version of 1-64 letters, digits, dots, dashes, pluses or underscores").default("1.0.0"),
    /** Sessions a month the web app expects (before sampling), for the plan's cost estimate. */
    expectedSessionsPerMonth: z.number().int().min(0),
    /**
     * RUM events a recorded session sends, for the estimate. 50 stands for about five page views,
     * each a page-view, a navigation, three web vitals, a few resource timings and an error or HTTP event.
     */
    eventsPerSession: z.number().int().min(1).max(10_000).default(50),
    alarms: alarmsSchema.default(() => alarmsSchema.parse({})),
});

/** The WebAppMonitor's settings when it is switched on. */
export type WebAppMonitorConfig = Extract<z.infer<typeof webAppMonitorSchema>, { enabled: true }>;
export type WebAppMonitorAlarmsConfig = WebAppMonitorConfig["alarms"];
export type RumTelemetry = (typeof RUM_TELEMETRIES)[number];
