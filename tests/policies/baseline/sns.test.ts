import { snsTopicEncrypted, snsTopicTlsOnly } from "../../../policies/baseline/rules/sns";
import { asPolicyResources, check, crafted, expectNoViolations, expectOneViolation } from "./crafted";

const TOPIC_ARN = "arn:aws:sns:ap-northeast-1:123456789012:alerts";
const topic = (props: Record<string, unknown> = {}) => crafted("aws:sns/topic:Topic", "alerts", { name: "alerts", arn: TOPIC_ARN, kmsMasterKeyId: "arn:aws:kms:ap-northeast-1:123456789012:key/k", ...props });

const tlsOnlyPolicy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: TOPIC_ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } }],
});

describe("baseline SNS rules", () => {
    describe("sns-topic-encrypted", () => {
        it("passes a topic with a KMS key", async () => {
            expectNoViolations(await check(snsTopicEncrypted, asPolicyResources(topic())));
        });

        it("fails a topic without one", async () => {
            const plain = topic({ kmsMasterKeyId: undefined });
            expectOneViolation(await check(snsTopicEncrypted, asPolicyResources(plain)), { policy: "sns-topic-encrypted", urn: plain.urn, change: "set kmsMasterKeyId to a KMS key" });
        });
    });

    describe("sns-topic-tls-only (advisory)", () => {
        it("passes a topic whose TopicPolicy denies publishing without TLS", async () => {
            const policy = crafted("aws:sns/topicPolicy:TopicPolicy", "alerts-policy", { arn: TOPIC_ARN, policy: tlsOnlyPolicy });
            expectNoViolations(await check(snsTopicTlsOnly, asPolicyResources(topic(), policy)));
        });

        it("reports a topic without that Deny", async () => {
            const t = topic();
            expectOneViolation(await check(snsTopicTlsOnly, asPolicyResources(t)), { policy: "sns-topic-tls-only", urn: t.urn, change: "add an aws.sns.TopicPolicy with a statement" });
        });
    });
});
