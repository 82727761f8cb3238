import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { coversAction, deniesInsecureTransport, statementsOf } from "../../lib/policyDocuments";
import { identifiersOf, referrersOf } from "../../lib/references";
import { checkEach } from "../../lib/unknownValues";
import { label } from "../lib/resources";

/*
 * SNS (the anomaly detector's alert channels, issue to come): alert messages describe the
 * business (revenue per market), so topics are encrypted with KMS and refuse plain-HTTP publishing.
 */

export const snsTopicEncrypted: ResourceValidationPolicy = {
    name: "sns-topic-encrypted",
    description: "SNS topics are encrypted with a KMS key (kmsMasterKeyId).",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.sns.Topic, (topic, args, report) => {
        if (!topic.kmsMasterKeyId) {
            // CloudWatch alarms cannot publish to a topic under the AWS managed alias/aws/sns key.
            report(`${label(args)} is not encrypted: set kmsMasterKeyId to a KMS key whose policy lets the publishing services (e.g. cloudwatch.amazonaws.com) use it.`);
        }
    }),
};

export const snsTopicTlsOnly: StackValidationPolicy = {
    name: "sns-topic-tls-only",
    description: "SNS topic policies deny publishing without TLS (aws:SecureTransport false).",
    // Advisory: AWS SDKs and the services that publish alerts use HTTPS already; the Deny closes the
    // remaining path, a hand-made plain-HTTP request with valid credentials.
    enforcementLevel: "advisory",
    validateStack: async (args, report) => {
        const topicPolicies = args.resources.filter((r) => r.type === "aws:sns/topicPolicy:TopicPolicy");
        const topics = args.resources.filter((r) => r.type === "aws:sns/topic:Topic");
        await checkEach(topics, (topic) => {
            const attached = referrersOf(topic, identifiersOf(topic, ["arn", "id"]), topicPolicies, "arn");
            if (attached.referrers.length === 0 && attached.undetermined.length > 0) return;
            const documents = [topic.props.policy, ...attached.referrers.map((p) => p.props.policy)].filter((d) => d !== undefined && d !== "");
            const tlsOnly = documents.some((d) => statementsOf(d).some((s) => deniesInsecureTransport(s) && coversAction(s, "sns:Publish")));
            if (!tlsOnly) {
                report(
                    `${label(topic)} accepts messages published without TLS: add an aws.sns.TopicPolicy with a statement { Effect: "Deny", Principal: "*", ` +
                    `Action: "sns:Publish", Resource: the topic ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } }.`,
                    topic.urn,
                );
            }
        });
    },
};

export const snsPolicies = [snsTopicEncrypted, snsTopicTlsOnly];
