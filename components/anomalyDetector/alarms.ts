import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DETECTOR_INTERVAL_SECONDS, DetectorConfig } from "../../config/anomalyDetector";
import { DETECTOR_TAG } from "../../personas/personaNames";
import { Placement, physicalName, tagsFor } from "../common/naming";
import { deleteBeforeReplace } from "../common/replacement";
import { bandWidth } from "./bandWidth";

/** One watched series: a measure for one combination of dimension values. */
export interface Series {
    measure: DetectorConfig["measures"][number];
    dimensions: Record<string, string>;
    /** The alarm's physical name, known before it exists (the alert topic's policy names it). */
    alarmName: string;
}

/** Every combination of the dimensions' values, in config order. */
export function combinations(dimensions: DetectorConfig["dimensions"]): Record<string, string>[] {
    return dimensions.reduce<Record<string, string>[]>(
        (combos, d) => combos.flatMap((combo) => d.values.map((value) => ({ ...combo, [d.column]: value }))),
        [{}],
    );
}

/** Measures x dimension-value combinations, each with its alarm's name. */
export function seriesOf(placement: Placement, detector: DetectorConfig): Series[] {
    return detector.measures.flatMap((measure) =>
        combinations(detector.dimensions).map((dimensions) => ({
            measure,
            dimensions,
            alarmName: physicalName(placement, [detector.name, measure.column, ...Object.values(dimensions)].join("-"), "cloudwatch-alarm"),
        })));
}

/** The metric namespace of a detector: the ingestion role may put metrics here and nowhere else. */
export function metricNamespace(placement: Placement, detector: string): string {
    return `${placement.project}/${placement.stack}/${detector}`;
}

/**
 * A CloudWatch anomaly-detection alarm per series: m1 is the series' per-interval statistic (Sum for
 * SUM measures, Average for AVG; the ingestion publishes statistic sets, so both are exact), ad1 the
 * model's expected band with the width the severity threshold gives (bandWidth.ts). It alarms when
 * m1 leaves the band on either side and notifies the detector's alert topic, in ALARM and back in OK.
 * CloudWatch trains the model on the metric's history (up to two weeks) when the alarm is created.
 */
export function anomalyAlarms(name: string, args: { placement: Placement; detector: DetectorConfig; series: Series[]; topicArn: pulumi.Input<string>; namespace: string }, parent: pulumi.Resource): aws.cloudwatch.MetricAlarm[] {
    const { detector } = args;
    const period = DETECTOR_INTERVAL_SECONDS[detector.interval];
    const width = bandWidth(detector.severityThreshold);
    return args.series.map((s) => {
        const label = Object.entries(s.dimensions).map(([k, v]) => `${k}=${v}`).join(", ");
        return new aws.cloudwatch.MetricAlarm(`${name}-${s.measure.column}-${Object.values(s.dimensions).join("-")}`, {
            name: s.alarmName,
            alarmDescription: `Anomaly in ${s.measure.column} (${label}) of detector ${detector.name}: outside the expected band (width ${width}, severity threshold ${detector.severityThreshold})`,
            comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
            evaluationPeriods: 1,
            thresholdMetricId: "ad1",
            // No data in an interval is no evidence of an anomaly: the ingestion's own health metrics say whether data came.
            treatMissingData: "ignore",
            metricQueries: [
                {
                    id: "m1",
                    returnData: true,
                    metric: {
                        namespace: args.namespace,
                        metricName: s.measure.column,
                        dimensions: s.dimensions,
                        period,
                        stat: s.measure.aggregation === "SUM" ? "Sum" : "Average",
                    },
                },
                {
                    id: "ad1",
                    returnData: true,
                    expression: `ANOMALY_DETECTION_BAND(m1, ${width})`,
                    label: `${s.measure.column} (expected)`,
                },
            ],
            alarmActions: [args.topicArn],
            okActions: [args.topicArn],
            tags: tagsFor(args.placement, { [DETECTOR_TAG]: detector.name }),
        }, deleteBeforeReplace({ parent })); // a fixed alarm name: PutMetricAlarm would overwrite, then the old one's delete removes it
    });
}
