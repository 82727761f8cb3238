import { RumTelemetry, WebAppMonitorAlarms } from "./webAppMonitorArgs";

/** One alarm of the monitor: an AWS/RUM metric, how it is summarised, and its threshold in the args. */
export interface RumAlarmMetric {
    /** The alarm's part of its physical name (`<project>-<stack>-web-app-<logical>`). */
    logical: string;
    /** The metric in the AWS/RUM namespace. */
    metricName: string;
    /** A percentile (p75, as web.dev judges a page's vitals) or a sum (error counts). */
    statistic: { extendedStatistic: string } | { statistic: "Sum" };
    threshold: keyof Pick<WebAppMonitorAlarms, "largestContentfulPaintMs" | "firstInputDelayMs" | "interactionToNextPaintMs" | "cumulativeLayoutShift" | "jsErrorsPerPeriod" | "http5xxPerPeriod">;
    /** The telemetry that produces the metric: without it the alarm would never see data. */
    telemetry: RumTelemetry;
    what: string;
}

export const RUM_NAMESPACE = "AWS/RUM";
/** Every AWS/RUM metric carries the app monitor's name in this dimension. */
export const RUM_APPLICATION_DIMENSION = "application_name";

const P75 = { extendedStatistic: "p75" };
const SUM = { statistic: "Sum" } as const;

/**
 * The metrics the seed reads on RUM's web vitals page, and the errors it lists (AWS/RUM metric
 * names from "CloudWatch metrics that you can collect with CloudWatch RUM", CloudWatch User Guide).
 */
export const RUM_ALARM_METRICS: readonly RumAlarmMetric[] = [
    { logical: "lcp", metricName: "WebVitalsLargestContentfulPaint", statistic: P75, threshold: "largestContentfulPaintMs", telemetry: "performance", what: "largest contentful paint (p75, ms)" },
    { logical: "fid", metricName: "WebVitalsFirstInputDelay", statistic: P75, threshold: "firstInputDelayMs", telemetry: "performance", what: "first input delay (p75, ms)" },
    { logical: "inp", metricName: "WebVitalsInteractionToNextPaint", statistic: P75, threshold: "interactionToNextPaintMs", telemetry: "performance", what: "interaction to next paint (p75, ms)" },
    { logical: "cls", metricName: "WebVitalsCumulativeLayoutShift", statistic: P75, threshold: "cumulativeLayoutShift", telemetry: "performance", what: "cumulative layout shift (p75)" },
    { logical: "js-errors", metricName: "JsErrorCount", statistic: SUM, threshold: "jsErrorsPerPeriod", telemetry: "errors", what: "JavaScript errors" },
    { logical: "http-5xx", metricName: "Http5xxCount", statistic: SUM, threshold: "http5xxPerPeriod", telemetry: "http", what: "HTTP 5xx responses" },
];

/** The alarms a monitor collecting these telemetries gets. */
export function alarmMetricsFor(telemetries: readonly RumTelemetry[]): RumAlarmMetric[] {
    return RUM_ALARM_METRICS.filter((m) => telemetries.includes(m.telemetry));
}
