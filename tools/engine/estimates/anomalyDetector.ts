import type { IngestSettings } from "../../../functions/anomalyIngest/settings";
import type { ExportedResource, Plan } from "../stackExport";
import type { SummarySection } from "./index";

/**
 * Monthly list prices, US East (N. Virginia), from AWS's pricing pages as the author knew them in
 * December 2026 (not fetched at plan time: check the pages before quoting; other regions differ by a
 * few per cent):
 * - Amazon CloudWatch pricing: custom metrics $0.30 per metric-month (first 10,000); alarms $0.10 per
 *   standard-resolution alarm metric, and an anomaly-detection alarm counts 3 alarm metrics (the
 *   metric and the band's two bounds); API requests (PutMetricData) $0.01 per 1,000.
 * - AWS Lambda pricing: $0.20 per million requests, $0.0000133334 per GB-second on arm64.
 * - AWS KMS pricing: $1 per customer managed key-month.
 * - Amazon Lookout for Metrics (closed in 2025; the seed's article, 2021): $0.75 per metric-month for
 *   the first 1,000 metrics.
 * Free tiers are left out: they are per account, shared by everything in it.
 */
export const PRICES = {
    customMetric: 0.3,
    alarmMetric: 0.1,
    anomalyAlarmMetrics: 3,
    apiRequest: 0.01 / 1000,
    lambdaRequest: 0.2 / 1_000_000,
    lambdaGbSecond: 0.0000133334,
    kmsKey: 1,
    lookoutMetric: 0.75,
} as const;

/** A run's duration assumed for the Lambda line (seconds): reading one interval's CSV files. */
const ASSUMED_RUN_SECONDS = 5;
const HOURS_A_MONTH = 730;

export interface DetectorEstimate {
    detector: string;
    /** Measures x dimension-value combinations (the seed's formula). */
    metrics: number;
    alarms: number;
    /** The function's own health metrics, published every run. */
    healthMetrics: number;
    runsAMonth: number;
    monthly: { metrics: number; alarms: number; requests: number; lambda: number; keys: number; total: number };
    lookoutMonthly: number;
}

function children(plan: Plan, component: ExportedResource, type: string): ExportedResource[] {
    const below = new Set([component.urn]);
    const found: ExportedResource[] = [];
    for (const r of plan.resources) {
        if (r.parent && below.has(r.parent)) {
            below.add(r.urn);
            if (r.type === type) found.push(r);
        }
    }
    return found;
}

/** Each AnomalyDetector of the plan, from what `pulumi up` would send: the ingestion's settings and the alarms. */
export function detectorEstimates(plan: Plan): DetectorEstimate[] {
    return plan.resources.filter((r) => r.type === "analytics:index:AnomalyDetector").flatMap((component) => {
        const fn = children(plan, component, "aws:lambda/function:Function").find((f) => typeof (f.inputs.environment as { variables?: Record<string, unknown> } | undefined)?.variables?.DETECTOR_SETTINGS === "string");
        if (!fn) return [];
        const variables = (fn.inputs.environment as { variables: Record<string, string> }).variables;
        const settings = JSON.parse(variables.DETECTOR_SETTINGS) as IngestSettings;
        const memoryGb = Number(fn.inputs.memorySize ?? 128) / 1024;
        const metrics = settings.measures.length * settings.dimensions.reduce((n, d) => n * d.values.length, 1);
        const alarms = children(plan, component, "aws:cloudwatch/metricAlarm:MetricAlarm").length;
        const keys = children(plan, component, "aws:kms/key:Key").length;
        const healthMetrics = 4;
        // A scheduled run each interval; an object-triggered detector is assumed to get one object per interval.
        const runsAMonth = Math.round((HOURS_A_MONTH * 3600) / settings.intervalSeconds);
        const callsPerRun = Math.ceil((metrics + healthMetrics) / 1000);
        const monthly = {
            metrics: (metrics + healthMetrics) * PRICES.customMetric,
            alarms: alarms * PRICES.anomalyAlarmMetrics * PRICES.alarmMetric,
            requests: runsAMonth * callsPerRun * PRICES.apiRequest,
            lambda: runsAMonth * (PRICES.lambdaRequest + ASSUMED_RUN_SECONDS * memoryGb * PRICES.lambdaGbSecond),
            keys: keys * PRICES.kmsKey,
            total: 0,
        };
        monthly.total = monthly.metrics + monthly.alarms + monthly.requests + monthly.lambda + monthly.keys;
        const name = component.urn.split("::").pop() ?? "";
        return [{ detector: name, metrics, alarms, healthMetrics, runsAMonth, monthly, lookoutMonthly: metrics * PRICES.lookoutMetric }];
    });
}

const usd = (n: number) => `$${n.toFixed(2)}`;

export function anomalyDetectorSection(plan: Plan): SummarySection | undefined {
    const estimates = detectorEstimates(plan);
    if (estimates.length === 0) return undefined;
    return {
        title: "Anomaly detectors (monthly estimate, US East list prices; Lookout for Metrics charged $0.75 a metric)",
        lines: estimates.flatMap((e) => [
            `${e.detector}: ${e.metrics} metrics (measures x dimension-value combinations), ${e.alarms} anomaly-detection alarms, ${e.runsAMonth} runs`,
            `  ${usd(e.monthly.total)} a month: metrics ${usd(e.monthly.metrics)} (${e.metrics} + ${e.healthMetrics} health), alarms ${usd(e.monthly.alarms)}, ` +
            `PutMetricData ${usd(e.monthly.requests)}, Lambda ${usd(e.monthly.lambda)}, keys ${usd(e.monthly.keys)}; Lookout for Metrics: ${usd(e.lookoutMonthly)}`,
        ]),
    };
}
