import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { parse } from "csv-parse/sync";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { IntervalAggregator, Indexes } from "./aggregate";
import { publish } from "./publish";
import { IngestSettings, readSettings } from "./settings";

/**
 * The anomaly detector's ingestion function. EventBridge invokes it each interval (a scheduled
 * event: it reads the objects written during the interval before) or for each new object (an S3
 * "Object Created" event). It streams each CSV object, aggregates the rows per interval and
 * dimension combination, and publishes custom metrics that the detector's anomaly-detection alarms
 * watch. A malformed row is counted and logged with its line; it never stops the run, and the good
 * rows of the same object are published.
 */

const s3 = new S3Client({});
const cloudwatch = new CloudWatchClient({});

/** The part of an EventBridge event the function reads. */
export interface DetectorEvent {
    "detail-type"?: string;
    time?: string;
    detail?: { bucket?: { name?: string }; object?: { key?: string } };
}

export interface RunReport {
    objects: number;
    rows: number;
    malformed: number;
    unlisted: number;
    outOfRange: number;
    metricData: number;
    calls: number;
}

export async function handler(event: DetectorEvent): Promise<RunReport> {
    const settings = readSettings(process.env);
    const now = Date.now();
    const keys = await objectsOf(event, settings);
    const aggregator = new IntervalAggregator(settings, now);
    for (const key of keys) await readObject(settings, key, aggregator);
    const data = [...aggregator.metricData(), ...aggregator.healthData()];
    const { calls } = await publish(cloudwatch, settings.namespace, data);
    const report: RunReport = { objects: keys.length, ...aggregator.counts, metricData: data.length, calls };
    log(aggregator.counts.malformed > 0 ? "WARN" : "INFO", "ingestion run", { ...report, malformedExamples: aggregator.examples });
    return report;
}

/** The object of an S3 event (if under the detector's prefix), else the objects of the interval before the scheduled time. */
async function objectsOf(event: DetectorEvent, settings: IngestSettings): Promise<string[]> {
    if (event["detail-type"] === "Object Created") {
        const bucket = event.detail?.bucket?.name;
        const key = event.detail?.object?.key;
        if (bucket !== settings.bucket || key === undefined || !key.startsWith(settings.prefix)) {
            log("INFO", "event for another bucket or prefix ignored", { bucket, key });
            return [];
        }
        return [key];
    }
    const intervalMs = settings.intervalSeconds * 1000;
    const scheduled = event.time ? Date.parse(event.time) : Date.now();
    const end = Math.floor(scheduled / intervalMs) * intervalMs;
    const start = end - intervalMs;
    const keys: string[] = [];
    let token: string | undefined;
    do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: settings.prefix, ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
            const modified = object.LastModified?.getTime();
            if (object.Key && !object.Key.endsWith("/") && modified !== undefined && modified >= start && modified < end) keys.push(object.Key);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
}

/**
 * Streams one object line by line into the aggregator: memory stays bounded by the aggregates. Each
 * line is parsed as a CSV record on its own, so that a broken line (a stray or unclosed quote) is
 * one malformed row and never swallows the good lines after it, as a stream parser's quote state
 * would. The cost: a quoted value spanning lines is not supported (metric exports have none).
 */
async function readObject(settings: IngestSettings, key: string, aggregator: IntervalAggregator): Promise<void> {
    const object = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }));
    const stream = object.Body as Readable;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let indexes: Indexes | undefined;
    let number = 0;
    for await (const raw of lines) {
        number++;
        const line = number === 1 ? raw.replace(/^\uFEFF/, "") : raw;
        if (line.trim() === "") continue;
        let record: string[];
        try {
            const records = parse(line, { relax_column_count: true }) as string[][];
            record = records[0] ?? [];
        } catch (err) {
            aggregator.malformed(number, (err as Error).message);
            continue;
        }
        if (indexes === undefined) {
            const header = aggregator.columnsOf(record);
            if ("missing" in header) {
                // The whole object is unreadable for this detector: say so and go on with the next.
                lines.close();
                stream.destroy();
                aggregator.malformed(number, `${key}: the header lacks column(s) ${header.missing.join(", ")}`);
                log("ERROR", "object skipped: header lacks the detector's columns", { key, missing: header.missing });
                return;
            }
            indexes = header.indexes;
            continue;
        }
        aggregator.add(record, number, indexes);
    }
}

function log(level: "INFO" | "WARN" | "ERROR", message: string, fields: Record<string, unknown>): void {
    // One JSON line: the function's log format is JSON, so Logs Insights can query the counts.
    console.log(JSON.stringify({ level, message, ...fields }));
}
