import { expect } from "chai";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { SNSEvent } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { handler, resetCache } from "../../functions/anomalyAlert";
import { alarmFacts, alarmMessage } from "../../functions/anomalyAlert/message";

const ssm = mockClient(SSMClient);

/** A CloudWatch alarm notification as SNS delivers it for an anomaly-detection alarm (metric math). */
const NOTIFICATION = JSON.stringify({
    AlarmName: "analytics-platform-dev-ecommerce-revenue-mobile_web-de",
    AlarmDescription: "Anomaly in revenue (platform=mobile_web, marketplace=de) of detector ecommerce",
    NewStateValue: "ALARM",
    NewStateReason: "Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (04/09/21 00:00:00)] was less than the lower thresholds [312.5] or greater than the upper thresholds [512.5] (minimum 1 datapoint for OK -> ALARM transition).",
    StateChangeTime: "2021-09-04T01:00:12.345+0000",
    Trigger: {
        Metrics: [
            { Id: "m1", ReturnData: true, MetricStat: { Metric: { Namespace: "analytics-platform/dev/ecommerce", MetricName: "revenue", Dimensions: [{ name: "platform", value: "mobile_web" }, { name: "marketplace", value: "de" }] }, Period: 3600, Stat: "Sum" } },
            { Id: "ad1", Expression: "ANOMALY_DETECTION_BAND(m1, 4.5)", ReturnData: true },
        ],
        ThresholdMetricId: "ad1",
        ComparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
    },
});

function snsEvent(...messages: string[]): SNSEvent {
    return { Records: messages.map((Message) => ({ EventSource: "aws:sns", EventVersion: "1.0", EventSubscriptionArn: "arn", Sns: { Message, Subject: "ALARM", Type: "Notification", MessageId: "1", TopicArn: "arn", Timestamp: "", SignatureVersion: "1", Signature: "", SigningCertUrl: "", UnsubscribeUrl: "", MessageAttributes: {} } })) };
}

describe("anomaly alert function (functions/anomalyAlert)", () => {
    const realFetch = globalThis.fetch;
    let posts: { url: string; body: unknown }[];
    let status: number;
    beforeEach(() => {
        ssm.reset();
        resetCache();
        posts = [];
        status = 200;
        process.env.URL_PARAMETER = "/analytics-platform/dev/anomaly-webhook-url";
        ssm.on(GetParameterCommand, { Name: "/analytics-platform/dev/anomaly-webhook-url", WithDecryption: true }).resolves({ Parameter: { Value: "https://hooks.example.com/services/T0/B0/x" } });
        globalThis.fetch = (async (url: string, init: { body: string }) => {
            posts.push({ url, body: JSON.parse(init.body) });
            return new Response(null, { status, statusText: status === 200 ? "OK" : "Server Error" });
        }) as typeof fetch;
    });
    afterEach(() => {
        globalThis.fetch = realFetch;
        delete process.env.URL_PARAMETER;
    });

    it("reads measure, dimension values, expected band and actual value from the alarm notification", () => {
        expect(alarmFacts(NOTIFICATION)).to.deep.include({
            state: "ALARM", measure: "revenue", dimensions: { platform: "mobile_web", marketplace: "de" }, actual: 0, lower: 312.5, upper: 512.5,
        });
        expect(alarmMessage(NOTIFICATION)).to.equal(
            "Anomaly: revenue (platform=mobile_web, marketplace=de): actual 0, expected 312.5 to 512.5 at 2021-09-04T01:00:12.345+0000 [analytics-platform-dev-ecommerce-revenue-mobile_web-de]");
    });

    it("posts each message to the URL of its SecureString parameter, read with decryption once per container", async () => {
        await handler(snsEvent(NOTIFICATION, "Lambda failure record: {\"requestContext\":{}}"));
        await handler(snsEvent(NOTIFICATION));
        expect(posts.map((p) => p.url)).to.deep.equal(Array(3).fill("https://hooks.example.com/services/T0/B0/x"));
        expect((posts[0].body as { text: string }).text).to.match(/^Anomaly: revenue \(platform=mobile_web, marketplace=de\)/);
        // Anything else on the topic (an ingestion failure) is posted as it came.
        expect((posts[1].body as { text: string }).text).to.equal("ALARM: Lambda failure record: {\"requestContext\":{}}");
        expect(ssm.commandCalls(GetParameterCommand)).to.have.length(1);
    });

    it("fails (so that Lambda retries, then keeps the event) when the webhook refuses", async () => {
        status = 500;
        let error: Error | undefined;
        await handler(snsEvent(NOTIFICATION)).catch((err: Error) => { error = err; });
        expect(error?.message).to.equal("webhook answered 500 Server Error");
    });

    it("refuses a parameter that holds no https URL", async () => {
        ssm.reset();
        ssm.on(GetParameterCommand).resolves({ Parameter: { Value: "http://plain.example.com/hook" } });
        let error: Error | undefined;
        await handler(snsEvent(NOTIFICATION)).catch((err: Error) => { error = err; });
        expect(error?.message).to.equal("parameter /analytics-platform/dev/anomaly-webhook-url does not hold an https:// URL");
        expect(posts).to.have.length(0);
    });
});
