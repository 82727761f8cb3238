import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { alertTopic } from "../../components/common/alertTopic";
import { Plan, planProgram } from "../../tools/engine/run";
import { named, ofType, statements } from "../helpers/resources";

const ACCOUNT = "123456789012";

/** A program with nothing but an alert topic, as a component would make it. */
function planTopic(opts: { alarmNames?: string[]; eventRuleNames?: string[]; emails?: string[]; protection?: { protectData: boolean; versioning: boolean } }): Promise<Plan> {
    return planProgram({
        project: "analytics-platform",
        stack: "dev",
        config: { "aws:region": "eu-west-1" },
        program: () => {
            const parent = new pulumi.ComponentResource("analytics:test:Holder", "holder");
            alertTopic("alerts", {
                placement: { project: "analytics-platform", stack: "dev", tags: {} },
                region: "eu-west-1",
                accountId: ACCOUNT,
                partition: "aws",
                logical: "alerts",
                description: "test alerts",
                kmsDeletionWindowDays: 30,
                ...opts,
            }, parent);
            return {};
        },
    });
}

describe("alertTopic (components/common)", function () {
    let plan: Plan;
    before(async () => {
        plan = await planTopic({ alarmNames: ["analytics-platform-dev-5xx"], eventRuleNames: ["analytics-platform-dev-build-failed"], emails: ["qa@example.com", "ops@example.com"] });
    });

    it("encrypts the topic with its own rotating key, not the AWS managed alias/aws/sns", () => {
        const topic = named(plan, "alerts").outputs;
        const key = named(plan, "alerts-key").outputs;
        expect(topic.kmsMasterKeyId).to.equal(key.arn);
        expect(key.enableKeyRotation).to.equal(true);
        expect(topic.name).to.equal("analytics-platform-dev-alerts");
    });

    it("lets only the named alarms of this account publish, and the named rules, and refuses plain HTTP", () => {
        const document = statements(named(plan, "alerts-policy").outputs.policy);
        const topicArn = named(plan, "alerts").outputs.arn;
        expect(document.find((s) => s.Sid === "DenyInsecureTransport")).to.deep.include({
            Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: topicArn, Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
        expect(document.find((s) => s.Sid === "CloudWatchAlarmsPublish")?.Condition).to.deep.equal({
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnLike: { "aws:SourceArn": [`arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:analytics-platform-dev-5xx`] },
        });
        expect(document.find((s) => s.Sid === "EventBridgeRulesPublish")?.Condition).to.deep.equal({
            ArnEquals: { "aws:SourceArn": [`arn:aws:events:eu-west-1:${ACCOUNT}:rule/analytics-platform-dev-build-failed`] },
        });
        expect(document.filter((s) => s.Effect === "Allow").map((s) => s.Principal)).to.deep.equal([
            { Service: "cloudwatch.amazonaws.com" }, { Service: "events.amazonaws.com" },
        ]);
    });

    it("lets CloudWatch use the key only for this account's named alarms; EventBridge without conditions it cannot meet", () => {
        const key = statements(named(plan, "alerts-key").outputs.policy);
        expect(key.find((s) => s.Sid === "CloudWatchAlarmsPublish")?.Condition).to.have.keys("StringEquals", "ArnLike");
        expect(key.find((s) => s.Sid === "EventBridgePublishes")).to.not.have.property("Condition");
        expect(key.find((s) => s.Sid === "EventBridgePublishes")?.Action).to.deep.equal(["kms:Decrypt", "kms:GenerateDataKey*"]);
    });

    it("subscribes each address once, named by the address so that reordering keeps the subscriptions", async () => {
        const subscriptions = ofType(plan, "aws:sns/topicSubscription:TopicSubscription");
        expect(subscriptions.map((s) => s.outputs.endpoint).sort()).to.deep.equal(["ops@example.com", "qa@example.com"]);
        expect(subscriptions.every((s) => s.outputs.protocol === "email")).to.equal(true);
        const reordered = await planTopic({ alarmNames: ["analytics-platform-dev-5xx"], emails: ["ops@example.com", "qa@example.com"] });
        expect(ofType(reordered, "aws:sns/topicSubscription:TopicSubscription").map((s) => s.urn).sort()).to.deep.equal(subscriptions.map((s) => s.urn).sort());
        expect(subscriptions.map((s) => s.urn).join()).not.to.include("example.com");
    });

    it("grants no service anything when nothing publishes", async () => {
        const quiet = await planTopic({});
        expect(statements(named(quiet, "alerts-policy").outputs.policy).map((s) => s.Effect)).to.deep.equal(["Deny"]);
        expect(statements(named(quiet, "alerts-key").outputs.policy).map((s) => s.Sid)).to.deep.equal(["AccountAdministersThroughIam"]);
    });

    it("protects its key (and retains it on delete) where the stack keeps data, so that no encrypted message is lost", async () => {
        const kept = await planTopic({ protection: { protectData: true, versioning: true } });
        expect(named(kept, "alerts-key")).to.deep.include({ protect: true, retainOnDelete: true });
        expect(named(plan, "alerts-key").protect).to.equal(false);
    });
});
