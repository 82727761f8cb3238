import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { bandWidth } from "../../components/anomalyDetector/bandWidth";
import { buildFunction, bundleFunction } from "../../components/anomalyDetector/bundle";
import { detectorEstimates } from "../../tools/engine/estimates/anomalyDetector";
import type { ExportedResource, Plan } from "../../tools/engine/stackExport";
import { planOf } from "../helpers/plans";
import { list, named, ofType as ofPlanType, statements, tag } from "../helpers/resources";

/** The resources of a type, of a plan or of a list. */
function ofType(from: Plan | ExportedResource[], type: string): ExportedResource[] {
    return Array.isArray(from) ? from.filter((r) => r.type === type) : ofPlanType(from, type);
}

/** The resources below a component (its children, theirs, ...). */
function below(plan: Plan, componentName: string): ExportedResource[] {
    const component = plan.resources.find((r) => r.type === "analytics:index:AnomalyDetector" && r.urn.endsWith(`::${componentName}`));
    if (!component) throw new Error(`no AnomalyDetector ${componentName}`);
    const urns = new Set([component.urn]);
    const found: ExportedResource[] = [];
    for (const r of plan.resources) {
        if (r.parent && urns.has(r.parent)) {
            urns.add(r.urn);
            found.push(r);
        }
    }
    return found;
}

describe("AnomalyDetector", function () {
    let dev: Plan;
    let prod: Plan;
    before(async () => {
        [dev, prod] = await Promise.all([planOf("dev"), planOf("prod")]);
    });

    describe("alarms", () => {
        it("makes one anomaly-detection alarm per measure and dimension-value combination: the seed's 2 x 3 x 7 = 42", () => {
            const alarms = ofType(below(dev, "anomaly-ecommerce"), "aws:cloudwatch/metricAlarm:MetricAlarm");
            expect(alarms).to.have.length(42);
            const series = alarms.map((a) => {
                const m1 = (a.inputs.metricQueries as { id: string; metric?: { metricName: string; dimensions: Record<string, string> } }[]).find((q) => q.id === "m1");
                const dims = m1?.metric?.dimensions ?? {};
                return `${m1?.metric?.metricName} platform=${dims.platform} marketplace=${dims.marketplace}`;
            });
            expect(new Set(series).size).to.equal(42);
            expect(series).to.include("revenue platform=mobile_web marketplace=de");
            expect(ofType(below(dev, "anomaly-sales-daily"), "aws:cloudwatch/metricAlarm:MetricAlarm")).to.have.length(2 * 5);
        });

        it("watches the hourly Sum against ANOMALY_DETECTION_BAND with the threshold's width, and notifies the detector's topic", () => {
            const topic = named(dev, "anomaly-ecommerce-alerts").outputs.arn;
            for (const alarm of ofType(below(dev, "anomaly-ecommerce"), "aws:cloudwatch/metricAlarm:MetricAlarm")) {
                const inputs = alarm.inputs as Record<string, unknown>;
                expect(inputs).to.include({ comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold", thresholdMetricId: "ad1", evaluationPeriods: 1 });
                const [m1, ad1] = inputs.metricQueries as Record<string, unknown>[];
                expect(m1).to.deep.include({ id: "m1", returnData: true });
                expect(m1.metric).to.deep.include({ namespace: "analytics-platform/dev/ecommerce", period: 3600, stat: "Sum" });
                expect(ad1).to.deep.include({ id: "ad1", expression: "ANOMALY_DETECTION_BAND(m1, 4.5)" });
                expect(inputs.alarmActions).to.deep.equal([topic]);
                expect(inputs.okActions).to.deep.equal([topic]);
                expect(inputs.threshold).to.equal(undefined);
            }
        });

        it("averages AVG measures and takes the daily period and prod's wider threshold", () => {
            const alarms = ofType(below(prod, "anomaly-sales-daily"), "aws:cloudwatch/metricAlarm:MetricAlarm");
            const price = alarms.map((a) => (a.inputs.metricQueries as Record<string, { metricName?: string; stat?: string; period?: number }>[])[0].metric).find((m) => m?.metricName === "item_price");
            expect(price).to.deep.include({ stat: "Average", period: 86400 });
            expect((alarms[0].inputs.metricQueries as { expression?: string }[])[1].expression).to.equal(`ANOMALY_DETECTION_BAND(m1, ${bandWidth(80)})`);
        });

        it("maps the severity threshold to a band from 1 to 6 standard deviations, wider as the threshold rises", () => {
            expect([0, 20, 70, 100].map(bandWidth)).to.deep.equal([1, 2, 4.5, 6]);
            for (let t = 1; t <= 100; t++) expect(bandWidth(t)).to.be.greaterThan(bandWidth(t - 1));
        });

        it("lets exactly its alarms publish to its encrypted topic", () => {
            const alarmNames = ofType(below(dev, "anomaly-ecommerce"), "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.outputs.name);
            const policy = statements(named(dev, "anomaly-ecommerce-alerts-policy").outputs.policy).find((s) => s.Sid === "CloudWatchAlarmsPublish");
            const arns = list(policy?.Condition?.ArnLike["aws:SourceArn"] as string | string[]);
            expect(arns.map((a) => a.split(":alarm:")[1]).sort()).to.deep.equal([...alarmNames].sort());
            expect(named(dev, "anomaly-ecommerce-alerts").outputs.kmsMasterKeyId).to.equal(named(dev, "anomaly-ecommerce-alerts-key").outputs.arn);
        });
    });

    describe("ingestion function", () => {
        it("reads only its source prefix, decrypts through S3 only, and puts metrics only in its namespace", () => {
            const document = statements(named(dev, "anomaly-sales-daily-ingest-policy").outputs.policy);
            const lake = named(dev, "lake").outputs.arn as string;
            const lakeKey = ofType(dev, "aws:kms/key:Key").find((k) => k.urn.endsWith("::lake-key"))?.outputs.arn;
            const sid = (s: string) => document.find((x) => x.Sid === s);
            expect(sid("ReadSourceObjects")).to.deep.include({ Action: "s3:GetObject", Resource: `${lake}/sales/*` });
            expect(sid("ListSourcePrefix")).to.deep.include({ Action: "s3:ListBucket", Resource: lake, Condition: { StringLike: { "s3:prefix": ["sales/*"] } } });
            expect(sid("DecryptSourceThroughS3")).to.deep.include({ Action: "kms:Decrypt", Resource: lakeKey, Condition: { StringEquals: { "kms:ViaService": "s3.ap-northeast-1.amazonaws.com" } } });
            expect(sid("PutMetricsInOwnNamespace")).to.deep.include({ Action: "cloudwatch:PutMetricData", Condition: { StringEquals: { "cloudwatch:namespace": "analytics-platform/dev/sales-daily" } } });
            // Nothing writes: no S3 write, no wildcard action.
            const actions = document.flatMap((s) => list(s.Action));
            expect(actions.filter((a) => /^s3:(Put|Delete)|(^|:)\*$/.test(a))).to.deep.equal([]);
            // Another bucket's detector reads its bucket and prefix, with no key statement it does not need.
            const other = statements(named(dev, "anomaly-ecommerce-ingest-policy").outputs.policy);
            expect(other.find((s) => s.Sid === "ReadSourceObjects")?.Resource).to.equal("arn:aws:s3:::analytics-dev-ecommerce-exports/lookout/ecommerce/*");
            expect(other.find((s) => s.Sid === "DecryptSourceThroughS3")).to.equal(undefined);
        });

        it("creates its encrypted log group with the stack's retention before the function, runs with reserved concurrency, and sends failed events to the alert topic", () => {
            const fn = named(dev, "anomaly-ecommerce-ingest");
            const logs = named(dev, "anomaly-ecommerce-ingest-logs");
            expect(logs.outputs).to.deep.include({ name: `/aws/lambda/${fn.outputs.name}`, retentionInDays: 14, kmsKeyId: named(dev, "anomaly-ecommerce-logs-key").outputs.arn });
            expect(fn.dependencies).to.include(logs.urn);
            expect(fn.dependencies).to.include(named(dev, "anomaly-ecommerce-ingest-policy").urn);
            expect(fn.outputs).to.deep.include({ reservedConcurrentExecutions: 1, runtime: "nodejs22.x", handler: "index.handler" });
            expect(named(dev, "anomaly-ecommerce-ingest-async").outputs.destinationConfig).to.deep.equal({ onFailure: { destination: named(dev, "anomaly-ecommerce-alerts").outputs.arn } });
            expect(tag(named(dev, "anomaly-ecommerce-ingest-role"), "persona")).to.equal("anomaly-ingestion");
        });

        it("runs each interval in dev, and on each new object of the lake's prefix in prod (the lake bucket sends events to EventBridge)", () => {
            expect(named(dev, "anomaly-ecommerce-trigger").outputs.scheduleExpression).to.equal("rate(1 hour)");
            expect(named(dev, "anomaly-sales-daily-trigger").outputs.scheduleExpression).to.equal("rate(1 day)");
            const pattern = JSON.parse(named(prod, "anomaly-sales-daily-trigger").outputs.eventPattern as string);
            expect(pattern).to.deep.equal({ source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [named(prod, "lake").outputs.bucket] }, object: { key: [{ prefix: "sales/" }] } } });
            expect(named(prod, "data-lake-eventbridge").outputs).to.deep.include({ eventbridge: true, bucket: named(prod, "lake").outputs.bucket });
            const permission = named(dev, "anomaly-ecommerce-trigger-invoke").outputs;
            expect(permission).to.deep.include({ principal: "events.amazonaws.com", sourceArn: named(dev, "anomaly-ecommerce-trigger").outputs.arn });
        });

        it("tells the function its detector in one settings variable", () => {
            const settings = JSON.parse((named(dev, "anomaly-ecommerce-ingest").outputs.environment as { variables: Record<string, string> }).variables.DETECTOR_SETTINGS);
            expect(settings).to.deep.include({ namespace: "analytics-platform/dev/ecommerce", bucket: "analytics-dev-ecommerce-exports", prefix: "lookout/ecommerce/", intervalSeconds: 3600, timestampFormat: "yyyy-MM-dd HH:mm:ss" });
        });
    });

    describe("channels", () => {
        it("subscribes the e-mail addresses, the Lambda functions (with SNS's invoke permission) and the webhook function", () => {
            const subs = ofType(below(prod, "anomaly-ecommerce"), "aws:sns/topicSubscription:TopicSubscription").map((s) => `${s.outputs.protocol} ${s.outputs.endpoint}`);
            expect(subs).to.have.members([
                "email analytics-oncall@example.com",
                "lambda arn:aws:lambda:ap-northeast-1:123456789012:function:incident-intake",
                `lambda ${named(prod, "anomaly-ecommerce-alert").outputs.arn}`,
            ]);
            const topic = named(prod, "anomaly-ecommerce-alerts").outputs.arn;
            const permissions = ofType(below(prod, "anomaly-ecommerce"), "aws:lambda/permission:Permission").filter((p) => p.outputs.principal === "sns.amazonaws.com");
            expect(permissions.map((p) => p.outputs.function)).to.have.members(["arn:aws:lambda:ap-northeast-1:123456789012:function:incident-intake", named(prod, "anomaly-ecommerce-alert").outputs.name]);
            expect(permissions.every((p) => p.outputs.sourceArn === topic)).to.equal(true);
        });

        it("lets the webhook function read only its parameter, and keeps its failed events in an encrypted queue", () => {
            const document = statements(named(dev, "anomaly-ecommerce-alert-policy").outputs.policy);
            expect(document.find((s) => s.Sid === "ReadWebhookParameter")).to.deep.include({
                Action: "ssm:GetParameter", Resource: "arn:aws:ssm:ap-northeast-1:123456789012:parameter/analytics-platform/dev/anomaly-webhook-url",
            });
            expect(document.flatMap((s) => list(s.Action)).sort()).to.deep.equal(["logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage", "ssm:GetParameter"]);
            const fn = named(dev, "anomaly-ecommerce-alert").outputs;
            expect((fn.environment as { variables: Record<string, string> }).variables).to.deep.equal({ URL_PARAMETER: "/analytics-platform/dev/anomaly-webhook-url" });
            const queue = named(dev, "anomaly-ecommerce-alert-failures").outputs;
            expect(queue.sqsManagedSseEnabled).to.equal(true);
            expect(named(dev, "anomaly-ecommerce-alert-async").outputs.destinationConfig).to.deep.equal({ onFailure: { destination: queue.arn } });
            expect(tag(named(dev, "anomaly-ecommerce-alert-role"), "persona")).to.equal("anomaly-alert");
        });

        it("makes no webhook function for a detector without a webhook", () => {
            expect(ofType(below(dev, "anomaly-sales-daily"), "aws:lambda/function:Function")).to.have.length(1);
        });
    });

    describe("protection", () => {
        it("protects the detector's keys where the stack keeps data, not in dev", () => {
            for (const key of ["anomaly-ecommerce-alerts-key", "anomaly-ecommerce-logs-key"]) {
                expect(named(prod, key).protect, key).to.equal(true);
                expect(named(dev, key).protect, key).to.equal(false);
            }
        });
    });

    describe("plan summary", () => {
        it("counts the seed's 42 metrics and prices them beside Lookout for Metrics' $31.50", () => {
            const estimate = detectorEstimates(dev).find((e) => e.detector === "anomaly-ecommerce");
            expect(estimate).to.deep.include({ metrics: 42, alarms: 42, runsAMonth: 730 });
            expect(estimate?.lookoutMonthly).to.equal(31.5);
            // 46 custom metrics at $0.30, 42 alarms of 3 alarm metrics at $0.10, two keys: about $28.
            expect(estimate?.monthly.metrics).to.be.closeTo(13.8, 1e-9);
            expect(estimate?.monthly.alarms).to.be.closeTo(12.6, 1e-9);
            expect(estimate?.monthly.total).to.be.within(28, 29);
        });
    });

    describe("bundle", () => {
        it("is the same bytes from two separate esbuild runs (an unchanged handler gives no diff), and names no machine path", () => {
            // buildFunction runs esbuild itself, past the on-disk cache of bundleFunction.
            const script = `require("./tools/register.js"); const b = require("./components/anomalyDetector/bundle.ts"); const x = b.buildFunction("anomalyIngest"); process.stdout.write(require("node:crypto").createHash("sha256").update(x.code).digest("hex") + " " + x.code.includes(process.cwd()));`;
            const run = () => execFileSync(process.execPath, ["-e", script], { cwd: path.resolve(__dirname, "..", ".."), encoding: "utf8" });
            const [first, second] = [run(), run()];
            expect(first).to.equal(second);
            expect(first.split(" ")[1]).to.equal("false");
        });

        it("deploys the bytes esbuild gives now, whether or not they came from the on-disk cache", () => {
            for (const [name, fn] of [["anomalyIngest", "anomaly-ecommerce-ingest"], ["anomalyAlert", "anomaly-ecommerce-alert"]]) {
                const fresh = buildFunction(name).code;
                expect(bundleFunction(name).code, name).to.equal(fresh);
                const archive = named(dev, fn).inputs.code as { assets: Record<string, { text: string }> };
                expect(archive.assets["index.js"].text, fn).to.equal(fresh);
            }
        });
    });
});
