import { expect } from "chai";
import { Readable } from "node:stream";
import { CloudWatchClient, MetricDatum, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { handler } from "../../functions/anomalyIngest";
import { MAX_DATA_PER_CALL, MAX_REQUEST_BYTES, batches, encodedSize } from "../../functions/anomalyIngest/publish";
import { HEALTH_METRICS, IngestSettings, SETTINGS_VARIABLE } from "../../functions/anomalyIngest/settings";
import { parseTimestamp } from "../../functions/anomalyIngest/timestamps";

const s3 = mockClient(S3Client);
const cloudwatch = mockClient(CloudWatchClient);

const HOUR = 3600 * 1000;
/** "Now" for the handler: the rows below are an hour or two old, well inside CloudWatch's two weeks. */
const NOW = Date.UTC(2026, 11, 3, 12, 30, 0);

const SETTINGS: IngestSettings = {
    namespace: "analytics-platform/dev/ecommerce",
    bucket: "exports",
    prefix: "lookout/ecommerce/",
    timestampColumn: "timestamp",
    timestampFormat: "yyyy-MM-dd HH:mm:ss",
    measures: [{ column: "views", aggregation: "SUM" }, { column: "revenue", aggregation: "AVG" }],
    dimensions: [{ column: "platform", values: ["pc_web", "mobile_web"] }, { column: "marketplace", values: ["us", "de"] }],
    intervalSeconds: 3600,
};

/** An S3 object's body: a Node.js stream, as the SDK gives it in Lambda (the handler only pipes it). */
function body(text: string) {
    return Readable.from([Buffer.from(text)]);
}

function published(): MetricDatum[] {
    return cloudwatch.commandCalls(PutMetricDataCommand).flatMap((c) => c.args[0].input.MetricData ?? []);
}

function datum(data: MetricDatum[], name: string, dims: Record<string, string>, at: number): MetricDatum | undefined {
    return data.find((d) => d.MetricName === name && d.Timestamp?.getTime() === at &&
        JSON.stringify(d.Dimensions) === JSON.stringify(Object.entries(dims).map(([Name, Value]) => ({ Name, Value }))));
}

function health(data: MetricDatum[], name: string): number | undefined {
    return data.find((d) => d.MetricName === name && d.Dimensions === undefined)?.Value;
}

describe("anomaly ingestion function (functions/anomalyIngest)", () => {
    const realNow = Date.now;
    beforeEach(() => {
        s3.reset();
        cloudwatch.reset();
        cloudwatch.on(PutMetricDataCommand).resolves({});
        process.env[SETTINGS_VARIABLE] = JSON.stringify(SETTINGS);
        Date.now = () => NOW;
    });
    afterEach(() => {
        Date.now = realNow;
        delete process.env[SETTINGS_VARIABLE];
    });

    it("aggregates an object's rows per interval and dimension combination, with the interval's start as timestamp", async () => {
        s3.on(GetObjectCommand).resolves({ Body: body([
            "platform,marketplace,timestamp,views,revenue",
            "pc_web,us,2026-12-03 10:00:00,10,100",
            "pc_web,us,2026-12-03 10:59:59,5,50",
            "pc_web,us,2026-12-03 11:00:00,7,70",
            "mobile_web,de,2026-12-03 10:15:00,3,0",
        ].join("\n")) as never });
        const report = await handler({ "detail-type": "Object Created", detail: { bucket: { name: "exports" }, object: { key: "lookout/ecommerce/a.csv" } } });
        expect(report).to.include({ objects: 1, rows: 4, malformed: 0 });
        const data = published();
        const tenOClock = Date.UTC(2026, 11, 3, 10);
        // SUM and AVG both travel as statistic sets: CloudWatch sums them across objects exactly.
        expect(datum(data, "views", { platform: "pc_web", marketplace: "us" }, tenOClock)?.StatisticValues).to.deep.equal({ SampleCount: 2, Sum: 15, Minimum: 5, Maximum: 10 });
        expect(datum(data, "revenue", { platform: "pc_web", marketplace: "us" }, tenOClock)?.StatisticValues).to.deep.equal({ SampleCount: 2, Sum: 150, Minimum: 50, Maximum: 100 });
        expect(datum(data, "views", { platform: "pc_web", marketplace: "us" }, tenOClock + HOUR)?.StatisticValues?.Sum).to.equal(7);
        expect(datum(data, "revenue", { platform: "mobile_web", marketplace: "de" }, tenOClock)?.StatisticValues?.Sum).to.equal(0);
        expect(cloudwatch.commandCalls(PutMetricDataCommand).every((c) => c.args[0].input.Namespace === SETTINGS.namespace)).to.equal(true);
        expect(health(data, HEALTH_METRICS.rows)).to.equal(4);
    });

    it("counts and logs malformed rows with their line, and still publishes the good rows of the object", async () => {
        s3.on(GetObjectCommand).resolves({ Body: body([
            "platform,marketplace,timestamp,views,revenue",
            "pc_web,us,2026-12-03 10:00:00,10,100",
            "pc_web,us,not a time,1,1",
            "pc_web,us,2026-12-03 10:00:00,ten,1",
            "pc_web,us,2026-12-03 10:00:00,1",
            "pc_web,us,2026-02-30 10:00:00,1,1",
            "pc_web,\"us\"x,2026-12-03 10:00:00,1,1",
            "\"pc_web,us,2026-12-03 10:00:00,1,1",
            "tablet,us,2026-12-03 10:00:00,1,1",
            "pc_web,us,2026-11-01 10:00:00,1,1",
            "mobile_web,us,2026-12-03 10:30:00,2,20",
        ].join("\n")) as never });
        const logged: string[] = [];
        const log = console.log;
        console.log = (line: string) => logged.push(line);
        let report;
        try {
            report = await handler({ "detail-type": "Object Created", detail: { bucket: { name: "exports" }, object: { key: "lookout/ecommerce/b.csv" } } });
        } finally {
            console.log = log;
        }
        expect(report).to.include({ rows: 2, unlisted: 1, outOfRange: 1 });
        expect(report.malformed).to.equal(6);
        const data = published();
        expect(health(data, HEALTH_METRICS.malformed)).to.equal(report.malformed);
        expect(health(data, HEALTH_METRICS.unlisted)).to.equal(1);
        expect(datum(data, "views", { platform: "pc_web", marketplace: "us" }, Date.UTC(2026, 11, 3, 10))?.StatisticValues?.Sum).to.equal(10);
        expect(datum(data, "views", { platform: "mobile_web", marketplace: "us" }, Date.UTC(2026, 11, 3, 10))?.StatisticValues?.Sum).to.equal(2);
        const line = JSON.parse(logged.find((l) => l.includes("ingestion run")) ?? "{}");
        expect(line.level).to.equal("WARN");
        expect(line.malformedExamples.map((e: { line: number }) => e.line)).to.deep.equal([3, 4, 5, 6, 7, 8]);
        expect(line.malformedExamples.find((e: { line: number }) => e.line === 3).reason).to.contain("not yyyy-MM-dd HH:mm:ss");
    });

    it("skips an object whose header lacks the detector's columns, naming them, without failing the run", async () => {
        s3.on(GetObjectCommand).resolves({ Body: body("platform,market,timestamp,views,revenue\npc_web,us,2026-12-03 10:00:00,1,1\n") as never });
        const log = console.log;
        console.log = () => undefined;
        try {
            const report = await handler({ "detail-type": "Object Created", detail: { bucket: { name: "exports" }, object: { key: "lookout/ecommerce/c.csv" } } });
            expect(report).to.include({ rows: 0, malformed: 1 });
        } finally {
            console.log = log;
        }
    });

    it("on its schedule, reads only the objects written during the interval before, under its prefix", async () => {
        const at = (ms: number) => new Date(ms);
        const tenOClock = Date.UTC(2026, 11, 3, 10);
        s3.on(ListObjectsV2Command).resolvesOnce({
            IsTruncated: true, NextContinuationToken: "page-2",
            Contents: [{ Key: "lookout/ecommerce/old.csv", LastModified: at(tenOClock - 1) }, { Key: "lookout/ecommerce/in.csv", LastModified: at(tenOClock + 5 * 60_000) }],
        }).resolvesOnce({ Contents: [{ Key: "lookout/ecommerce/new.csv", LastModified: at(tenOClock + HOUR) }, { Key: "lookout/ecommerce/", LastModified: at(tenOClock + 1) }] });
        s3.on(GetObjectCommand).resolves({ Body: body("platform,marketplace,timestamp,views,revenue\npc_web,us,2026-12-03 10:00:00,1,1\n") as never });
        const report = await handler({ "detail-type": "Scheduled Event", time: "2026-12-03T11:07:00Z" });
        expect(report.objects).to.equal(1);
        expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input.Key)).to.deep.equal(["lookout/ecommerce/in.csv"]);
        expect(s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input)).to.deep.equal([
            { Bucket: "exports", Prefix: "lookout/ecommerce/", ContinuationToken: undefined },
            { Bucket: "exports", Prefix: "lookout/ecommerce/", ContinuationToken: "page-2" },
        ]);
    });

    it("ignores an event for an object outside its bucket or prefix", async () => {
        const log = console.log;
        console.log = () => undefined;
        try {
            const report = await handler({ "detail-type": "Object Created", detail: { bucket: { name: "exports" }, object: { key: "other/x.csv" } } });
            expect(report.objects).to.equal(0);
            expect(s3.commandCalls(GetObjectCommand)).to.have.length(0);
        } finally {
            console.log = log;
        }
    });

    it("splits a run's data into PutMetricData calls of at most 1000 data and 1 MB, in order, none lost", async () => {
        const many = { ...SETTINGS, dimensions: [{ column: "platform", values: Array.from({ length: 1200 }, (_, i) => `p${i}`) }, { column: "marketplace", values: ["us"] }] };
        process.env[SETTINGS_VARIABLE] = JSON.stringify(many);
        const rows = many.dimensions[0].values.map((p) => `${p},us,2026-12-03 10:00:00,1,2`);
        s3.on(GetObjectCommand).resolves({ Body: body(["platform,marketplace,timestamp,views,revenue", ...rows].join("\n")) as never });
        const log = console.log;
        console.log = () => undefined;
        try {
            const report = await handler({ "detail-type": "Object Created", detail: { bucket: { name: "exports" }, object: { key: "lookout/ecommerce/d.csv" } } });
            expect(report.metricData).to.equal(2 * 1200 + 4);
            const calls = cloudwatch.commandCalls(PutMetricDataCommand).map((c) => c.args[0].input.MetricData ?? []);
            expect(calls.map((c) => c.length)).to.deep.equal([1000, 1000, 404]);
            expect(calls.flat()).to.have.length(report.metricData);
        } finally {
            console.log = log;
        }
    });

    it("keeps each call under 1 MB when the data are large (long dimension values, 30 dimensions)", () => {
        const dims = Array.from({ length: 30 }, (_, i) => ({ Name: `dimension_${i}`.padEnd(60, "x"), Value: "v".repeat(250) }));
        const data: MetricDatum[] = Array.from({ length: 1000 }, (_, i) => ({ MetricName: `m${i}`, Dimensions: dims, Timestamp: new Date(NOW), Value: i }));
        const split = batches(data);
        expect(split.length).to.be.greaterThan(1);
        for (const batch of split) {
            expect(batch.length).to.be.at.most(MAX_DATA_PER_CALL);
            expect(batch.reduce((n, d, i) => n + encodedSize(d, i + 1), 0)).to.be.below(MAX_REQUEST_BYTES);
        }
        expect(split.flat()).to.deep.equal(data);
    });

    it("fails the run after publishing the other batches when PutMetricData fails (Lambda retries, then the alert topic hears)", async () => {
        cloudwatch.reset();
        cloudwatch.on(PutMetricDataCommand).rejectsOnce(new Error("Throttling")).resolves({});
        const many = { ...SETTINGS, dimensions: [{ column: "platform", values: Array.from({ length: 600 }, (_, i) => `p${i}`) }, { column: "marketplace", values: ["us"] }] };
        process.env[SETTINGS_VARIABLE] = JSON.stringify(many);
        const rows = many.dimensions[0].values.map((p) => `${p},us,2026-12-03 10:00:00,1,2`);
        s3.on(GetObjectCommand).resolves({ Body: body(["platform,marketplace,timestamp,views,revenue", ...rows].join("\n")) as never });
        let error: Error | undefined;
        try {
            await handler({ "detail-type": "Object Created", detail: { bucket: { name: "exports" }, object: { key: "lookout/ecommerce/e.csv" } } });
        } catch (err) {
            error = err as Error;
        }
        expect(error?.message).to.equal("PutMetricData failed for 1 of 2 calls to namespace analytics-platform/dev/ecommerce");
        expect(cloudwatch.commandCalls(PutMetricDataCommand)).to.have.length(2);
    });
});

describe("timestamp formats (functions/anomalyIngest/timestamps.ts)", () => {
    const cases: [string, string, number | undefined][] = [
        ["2021-09-04 00:00:00", "yyyy-MM-dd HH:mm:ss", Date.UTC(2021, 8, 4)],
        ["2021-09-04T01:30:00Z", "iso8601", Date.UTC(2021, 8, 4, 1, 30)],
        ["2021-09-04T01:30:00+09:00", "iso8601", Date.UTC(2021, 8, 3, 16, 30)],
        ["2021-09-04 01:30", "iso8601", Date.UTC(2021, 8, 4, 1, 30)],
        ["02.01.2013", "dd.MM.yyyy", Date.UTC(2013, 0, 2)],
        ["2021/09/04 23:59:59", "yyyy/MM/dd HH:mm:ss", Date.UTC(2021, 8, 4, 23, 59, 59)],
        ["1630713600", "epochSeconds", Date.UTC(2021, 8, 4)],
        ["1630713600000", "epochMillis", Date.UTC(2021, 8, 4)],
        ["2021-02-29", "yyyy-MM-dd", undefined],
        ["2021-09-04 24:00:00", "yyyy-MM-dd HH:mm:ss", undefined],
        ["04/09/2021", "iso8601", undefined],
        ["", "epochSeconds", undefined],
    ];
    for (const [text, format, expected] of cases) {
        it(`reads "${text}" as ${format}: ${expected === undefined ? "malformed" : new Date(expected).toISOString()}`, () => {
            expect(parseTimestamp(text, format)).to.equal(expected);
        });
    }
});
