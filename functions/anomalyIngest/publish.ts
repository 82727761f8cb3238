import { CloudWatchClient, MetricDatum, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";

/**
 * PutMetricData's limits (Amazon CloudWatch API Reference, PutMetricData): at most 1000 metric data
 * per call and 1 MB per request. The request size is estimated as the Query protocol's form
 * encoding, the largest of the encodings the SDK may use, with room left for the envelope.
 */
export const MAX_DATA_PER_CALL = 1000;
export const MAX_REQUEST_BYTES = 1_048_576;
const ENVELOPE_BYTES = 4096;

/** The form-encoded size of one datum, as `MetricData.member.N.*` fields. */
export function encodedSize(datum: MetricDatum, index = 1000): number {
    const prefix = `MetricData.member.${index}.`;
    const fields: [string, string][] = [[`${prefix}MetricName`, datum.MetricName ?? ""]];
    (datum.Dimensions ?? []).forEach((d, j) => {
        fields.push([`${prefix}Dimensions.member.${j + 1}.Name`, d.Name ?? ""], [`${prefix}Dimensions.member.${j + 1}.Value`, d.Value ?? ""]);
    });
    if (datum.Timestamp) fields.push([`${prefix}Timestamp`, datum.Timestamp.toISOString()]);
    if (datum.Value !== undefined) fields.push([`${prefix}Value`, String(datum.Value)]);
    for (const [k, v] of Object.entries(datum.StatisticValues ?? {})) fields.push([`${prefix}StatisticValues.${k}`, String(v)]);
    if (datum.Unit) fields.push([`${prefix}Unit`, datum.Unit]);
    return fields.reduce((n, [k, v]) => n + encodeURIComponent(k).length + encodeURIComponent(v).length + 2, 0);
}

/** The data split into calls that keep both limits, in their order. */
export function batches(data: MetricDatum[]): MetricDatum[][] {
    const result: MetricDatum[][] = [];
    let current: MetricDatum[] = [];
    let bytes = ENVELOPE_BYTES;
    for (const datum of data) {
        const size = encodedSize(datum);
        if (current.length === MAX_DATA_PER_CALL || (current.length > 0 && bytes + size > MAX_REQUEST_BYTES)) {
            result.push(current);
            current = [];
            bytes = ENVELOPE_BYTES;
        }
        current.push(datum);
        bytes += size;
    }
    if (current.length > 0) result.push(current);
    return result;
}

/**
 * Publishes every batch; a failed call does not stop the others (their rows are good). Throws at
 * the end when any failed, so that Lambda retries the event and, after that, sends it to the
 * failure destination: the alert topic hears about it.
 */
export async function publish(client: CloudWatchClient, namespace: string, data: MetricDatum[]): Promise<{ calls: number; failed: number }> {
    const failures: unknown[] = [];
    const calls = batches(data);
    for (const batch of calls) {
        try {
            await client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: batch }));
        } catch (err) {
            failures.push(err);
        }
    }
    if (failures.length > 0) {
        throw new AggregateError(failures, `PutMetricData failed for ${failures.length} of ${calls.length} calls to namespace ${namespace}`);
    }
    return { calls: calls.length, failed: 0 };
}
