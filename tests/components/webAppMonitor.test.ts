import { expect } from "chai";
import * as vm from "node:vm";
import { expandIamActions } from "@cloud-copilot/iam-expand";
import { AccessEvaluator, evaluatePersonas } from "../../policies/access";
import { rolePolicies } from "../../policies/access/iam/identityPolicies";
import { ResourcePolicies } from "../../policies/access/iam/resourcePolicies";
import { RoleSimulator } from "../../policies/access/iam/roleSimulator";
import { alarmMetricsFor } from "../../components/webAppMonitor/rumAlarms";
import { webClientSnippet } from "../../components/webAppMonitor/webClientSnippet";
import { rumMonthlyEstimate, webAppMonitorSection } from "../../tools/engine/estimates/webAppMonitor";
import type { ExportedResource, Plan } from "../../tools/engine/stackExport";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { planOf } from "../helpers/plans";
import { list, named, ofType, statements, tag } from "../helpers/resources";

const COGNITO = "cognito-identity.amazonaws.com";

describe("WebAppMonitor", () => {
    let dev: Plan;
    let prod: Plan;
    before(async () => {
        [dev, prod] = await Promise.all([planOf("dev"), planOf("prod")]);
    });
    const monitorOf = (plan: Plan) => named(plan, "web-app-monitor-monitor");
    /** The monitor's own alarms (the stack's other components have alarms of their own). */
    const monitorAlarms = () => ofType(prod, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.urn.includes("analytics:index:WebAppMonitor$"));

    describe("the app monitor", () => {
        it("watches the configured domains with each stack's sample rate, cookies and X-Ray", () => {
            expect(named(prod, "web-app-monitor").type).to.equal("analytics:index:WebAppMonitor");
            const d = monitorOf(dev).inputs;
            const p = monitorOf(prod).inputs;
            expect(d.name).to.equal("analytics-platform-dev-web-app");
            expect(d.domainLists).to.deep.equal(["localhost"]);
            expect(p.domainLists).to.deep.equal(["app.example.com"]);
            expect(d.appMonitorConfiguration).to.deep.include({ sessionSampleRate: 1, allowCookies: true, enableXray: false, telemetries: ["errors", "performance", "http"] });
            expect(p.appMonitorConfiguration).to.deep.include({ sessionSampleRate: 0.1, allowCookies: false, enableXray: true });
            // No CloudWatch Logs copy unless configured: RUM would create a log group without retention.
            expect(d.cwLogEnabled).to.equal(false);
            expect(p.cwLogEnabled).to.equal(false);
        });

        it("hands the web client its identity pool and guest role, the pool's guests the role", () => {
            const pool = named(prod, "web-app-monitor-pool");
            const role = named(prod, "web-app-monitor-guest-role");
            expect(pool.inputs).to.deep.include({ identityPoolName: "analytics-platform-prod-rum-guests", allowUnauthenticatedIdentities: true, allowClassicFlow: true });
            expect(monitorOf(prod).inputs.appMonitorConfiguration).to.deep.include({ identityPoolId: pool.id, guestRoleArn: role.outputs.arn });
            const attachment = named(prod, "web-app-monitor-pool-roles");
            expect(attachment.inputs).to.deep.equal({ identityPoolId: pool.id, roles: { unauthenticated: role.outputs.arn } });
        });
    });

    describe("the guest role", () => {
        let role: ExportedResource;
        before(() => {
            role = named(prod, "web-app-monitor-guest-role");
        });

        it("is trusted only by the pool's unauthenticated Cognito identities", () => {
            const pool = named(prod, "web-app-monitor-pool");
            expect(tag(role, "persona")).to.equal("rum-guest");
            expect(statements(role.outputs.assumeRolePolicy)).to.deep.equal([{
                Sid: "OwnPoolGuestsOnly",
                Effect: "Allow",
                Principal: { Federated: COGNITO },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: { StringEquals: { [`${COGNITO}:aud`]: pool.id }, "ForAnyValue:StringLike": { [`${COGNITO}:amr`]: "unauthenticated" } },
            }]);
        });

        it("holds one statement: rum:PutRumEvents on its monitor, and no managed policy", () => {
            const policies = ofType(prod, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.outputs.role === role.outputs.name);
            expect(policies.flatMap((p) => statements(p.outputs.policy))).to.deep.equal([
                { Sid: "SendEventsToItsMonitor", Effect: "Allow", Action: "rum:PutRumEvents", Resource: monitorOf(prod).outputs.arn },
            ]);
            expect(ofType(prod, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.outputs.role === role.outputs.name)).to.deep.equal([]);
        });

        it("cannot do anything but PutRumEvents on its own monitor (simulated over every RUM and Cognito action)", async () => {
            const access = new AccessEvaluator(toPolicyResources(prod.resources));
            const guest = access.personaRoles().find((p) => p.persona === "rum-guest")!.role;
            const iam = new RoleSimulator(guest, await rolePolicies(guest), new ResourcePolicies(access.inventory.buckets, access.inventory.keys), access.inventory.placement);
            const allowedOn = async (action: string, resource: string) => (await iam.request({ action, resource, anyContext: true })).allowed === true;
            const own = String(monitorOf(prod).outputs.arn);
            expect(await allowedOn("rum:PutRumEvents", own)).to.equal(true);
            expect(await allowedOn("rum:PutRumEvents", own.replace(/appmonitor\/.*$/, "appmonitor/another-app"))).to.equal(false);
            const actions = (await expandIamActions(["rum:*", "cognito-identity:*", "iam:PassRole", "sts:AssumeRole", "s3:GetObject"])).filter((a) => a.toLowerCase() !== "rum:putrumevents");
            expect(actions.length).to.be.greaterThan(20);
            for (const action of actions) {
                for (const resource of [own, "*"]) expect(await allowedOn(action, resource), `${action} on ${resource}`).to.equal(false);
            }
        });

        it("is missed, not skipped, when a stack whose config switches the monitor on lacks it", async () => {
            const withoutMonitor = prod.resources.filter((r) => !r.urn.includes("analytics:index:WebAppMonitor"));
            const { rows } = await evaluatePersonas(toPolicyResources(withoutMonitor), undefined, ["rum-guest"]);
            expect(rows.map((r) => [r.role, r.holds, r.why])).to.deep.equal([["(none)", false, "no role of the stack carries persona=rum-guest"]]);
        });

        it("holds every row of its persona in both stacks", async () => {
            for (const plan of [dev, prod]) {
                const { rows } = await evaluatePersonas(toPolicyResources(plan.resources), undefined, ["rum-guest"]);
                expect(rows.length).to.be.greaterThan(10);
                expect(rows.filter((r) => !r.holds).map((r) => `${r.capability}: ${r.why}`)).to.deep.equal([]);
            }
        });
    });

    describe("the alarms", () => {
        it("watch the AWS/RUM web vitals at the frustrating thresholds, and JS and HTTP 5xx errors", () => {
            const alarms = monitorAlarms().map((a) => a.inputs);
            const byMetric = Object.fromEntries(alarms.map((a) => [a.metricName as string, a]));
            expect(Object.keys(byMetric)).to.have.members(["WebVitalsLargestContentfulPaint", "WebVitalsFirstInputDelay", "WebVitalsInteractionToNextPaint", "WebVitalsCumulativeLayoutShift", "JsErrorCount", "Http5xxCount"]);
            const thresholds = Object.fromEntries(alarms.map((a) => [a.metricName as string, a.threshold]));
            expect(thresholds).to.deep.equal({
                WebVitalsLargestContentfulPaint: 4000, WebVitalsFirstInputDelay: 300, WebVitalsInteractionToNextPaint: 500, WebVitalsCumulativeLayoutShift: 0.25,
                JsErrorCount: 10, Http5xxCount: 5,
            });
            for (const name of ["WebVitalsLargestContentfulPaint", "WebVitalsFirstInputDelay", "WebVitalsInteractionToNextPaint", "WebVitalsCumulativeLayoutShift"]) {
                expect(byMetric[name], name).to.deep.include({ extendedStatistic: "p75" });
            }
            for (const name of ["JsErrorCount", "Http5xxCount"]) expect(byMetric[name], name).to.deep.include({ statistic: "Sum" });
            for (const a of alarms) {
                expect(a).to.deep.include({ namespace: "AWS/RUM", comparisonOperator: "GreaterThanThreshold", dimensions: { application_name: "analytics-platform-prod-web-app" }, treatMissingData: "notBreaching" });
            }
        });

        it("notify the encrypted alert topic, whose policy lets exactly these alarms publish", () => {
            const topic = named(prod, "web-app-monitor-alerts");
            expect(topic.inputs.kmsMasterKeyId).to.be.a("string").and.match(/^arn:aws:kms:/);
            const alarms = monitorAlarms();
            for (const a of alarms) expect(a.inputs.alarmActions).to.deep.equal([topic.outputs.arn]);
            const publish = statements(named(prod, "web-app-monitor-alerts-policy").outputs.policy).find((s) => s.Sid === "CloudWatchAlarmsPublish")!;
            expect(list((publish.Condition as Record<string, Record<string, unknown>>).ArnLike["aws:SourceArn"])).to.have.members(alarms.map((a) => a.outputs.arn as string));
            const subscriptions = ofType(prod, "aws:sns/topicSubscription:TopicSubscription").filter((s) => s.inputs.topic === topic.outputs.arn);
            expect(subscriptions.map((s) => s.inputs.endpoint)).to.deep.equal(["web-team@example.com"]);
        });

        it("are made only for the telemetries collected (no data, no alarm)", () => {
            expect(alarmMetricsFor(["errors"]).map((m) => m.metricName)).to.deep.equal(["JsErrorCount"]);
            expect(alarmMetricsFor(["http", "performance"]).map((m) => m.metricName)).to.not.include("JsErrorCount");
        });
    });

    describe("the web client snippet", () => {
        it("is the stack output, naming the monitor, version, region, pool, role, telemetries and sample rate", () => {
            const output = (prod.outputs.webAppMonitor as Record<string, string>);
            const client = runSnippet(output.webClientSnippet);
            expect(client).to.deep.equal({
                n: "cwr",
                i: monitorOf(prod).outputs.appMonitorId,
                v: "1.0.0",
                r: "ap-northeast-1",
                c: {
                    sessionSampleRate: 0.1,
                    identityPoolId: named(prod, "web-app-monitor-pool").id,
                    guestRoleArn: named(prod, "web-app-monitor-guest-role").outputs.arn,
                    endpoint: "https://dataplane.rum.ap-northeast-1.amazonaws.com",
                    telemetries: ["errors", "performance", "http"],
                    allowCookies: false,
                    enableXRay: true,
                },
            });
            expect(output.appMonitorId).to.equal(monitorOf(prod).outputs.appMonitorId);
        });

        it("loads the web client from RUM's address and queues calls until it has loaded", () => {
            const html = webClientSnippet({ appMonitorId: "id", applicationVersion: "2.3.4", region: "eu-west-1", identityPoolId: "eu-west-1:p", guestRoleArn: "arn:aws:iam::123456789012:role/g", telemetries: ["errors"], sessionSampleRate: 0.5, allowCookies: false, enableXray: false });
            const loaded: string[] = [];
            const window: Record<string, unknown> = {};
            const context = vm.createContext({ window, document: fakeDocument(loaded) });
            vm.runInContext(html.replace(/^<script>|<\/script>$/g, ""), context);
            (window.cwr as (c: string, p: unknown) => void)("recordError", new Error("boom"));
            expect(loaded).to.deep.equal(["https://client.rum.us-east-1.amazonaws.com/1.x/cwr.js"]);
            expect((window.AwsRumClient as { q: { c: string }[] }).q.map((q) => q.c)).to.deep.equal(["recordError"]);
        });
    });

    describe("the plan's cost estimate", () => {
        it("is sessions x sample rate x events a session at $1 per 100,000 events", () => {
            expect(rumMonthlyEstimate(500_000, 0.1, 50)).to.deep.equal({ sessionsPerMonth: 500_000, sampleRate: 0.1, eventsPerSession: 50, eventsPerMonth: 2_500_000, dollarsPerMonth: 25 });
            expect(webAppMonitorSection(prod)?.lines[0]).to.contain("500,000 sessions a month x 10% recorded x 50 events a session = 2,500,000 events, about $25.00 a month");
            expect(webAppMonitorSection(dev)?.lines[0]).to.contain("= 50,000 events, about $0.50 a month");
        });
    });
});

function fakeDocument(loaded: string[]) {
    return {
        createElement: () => ({}),
        head: { getElementsByTagName: () => [], insertBefore: (el: { src: string }) => loaded.push(el.src) },
    };
}

/** Runs the snippet as a browser would (without loading the client) and returns what it queued for it. */
function runSnippet(html: string): unknown {
    const window: Record<string, unknown> = {};
    vm.runInContext(html.replace(/^<script>|<\/script>$/g, ""), vm.createContext({ window, document: fakeDocument([]) }));
    const { n, i, v, r, c } = window.AwsRumClient as Record<string, unknown>;
    return JSON.parse(JSON.stringify({ n, i, v, r, c }));
}
