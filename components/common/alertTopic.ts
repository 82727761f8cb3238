import { createHash } from "node:crypto";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DataProtection } from "./dataProtection";
import { Placement, physicalName, tagsFor } from "./naming";
import { platformKey } from "./platformKey";
import { Statement, policyDocument } from "./policyDocument";
import { deleteBeforeReplace } from "./replacement";

/** Where the alert topic is: the account and partition its ARNs and conditions name. */
export interface AlertTopicArgs {
    placement: Placement;
    region: string;
    accountId: pulumi.Input<string>;
    /** "aws", "aws-cn", "aws-us-gov" (aws.getPartitionOutput). */
    partition: pulumi.Input<string>;
    /** The topic's part of the physical name (`<project>-<stack>-<logical>`), e.g. "build-alerts". */
    logical: string;
    /** What the topic is for, in the key's description. */
    description: string;
    /** Names of the CloudWatch alarms (physicalName(..., "cloudwatch-alarm")) that may publish; known before they exist. */
    alarmNames?: string[];
    /** Names of the EventBridge rules (physicalName(..., "eventbridge-rule")) that may publish. */
    eventRuleNames?: string[];
    /** E-mail addresses subscribed to the topic (each must confirm the subscription AWS mails them). */
    emails?: string[];
    kmsDeletionWindowDays: number;
    /** When the stack keeps data, its keys are protected (a deleted key makes its ciphertext unreadable). */
    protection?: DataProtection;
}

export interface AlertTopic {
    topic: aws.sns.Topic;
    key: aws.kms.Key;
    /** The topic policy: alarms and rules can publish once it exists. */
    policy: aws.sns.TopicPolicy;
}

/**
 * An encrypted SNS topic that the platform's CloudWatch alarms and EventBridge rules publish alerts
 * to: the only way a component makes one, so none forgets the key or the TLS deny.
 *
 * - Its own customer managed key: CloudWatch alarms and EventBridge cannot publish to a topic under
 *   the AWS managed alias/aws/sns key (SNS Developer Guide, "Enable compatibility between event
 *   sources from AWS services and encrypted topics"); the key policy lets those services use it.
 * - CloudWatch publishes as cloudwatch.amazonaws.com and sends aws:SourceAccount and aws:SourceArn
 *   (the alarm ARN): topic and key grants are pinned to this account's named alarms (the confused
 *   deputy). EventBridge's KMS request carries neither key, so its key grant has no condition (a
 *   condition would drop every event silently); its topic grant is pinned to the named rules.
 * - The topic policy replaces SNS's default one: IAM policies of this account still decide who may
 *   publish or subscribe (same-account access is the union of both), and a Deny refuses plain HTTP.
 */
export function alertTopic(name: string, args: AlertTopicArgs, parent: pulumi.Resource): AlertTopic {
    const { accountId, partition, region } = args;
    const alarmArns = (args.alarmNames ?? []).map((n) => pulumi.interpolate`arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${n}`);
    const ruleArns = (args.eventRuleNames ?? []).map((n) => pulumi.interpolate`arn:${partition}:events:${region}:${accountId}:rule/${n}`);
    const encryptDecrypt = ["kms:Decrypt", "kms:GenerateDataKey*"];

    const keyStatements: Statement[] = [];
    if (alarmArns.length > 0) {
        keyStatements.push({
            Sid: "CloudWatchAlarmsPublish",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: encryptDecrypt,
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": alarmArns } },
        });
    }
    if (ruleArns.length > 0) {
        keyStatements.push({
            Sid: "EventBridgePublishes",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: encryptDecrypt,
            Resource: "*",
        });
    }
    const key = platformKey(`${name}-key`, {
        placement: args.placement,
        accountId,
        partition,
        description: `Encrypts the ${args.placement.project} ${args.placement.stack} ${args.description}`,
        aliasLogical: args.logical,
        kmsDeletionWindowDays: args.kmsDeletionWindowDays,
        serviceStatements: keyStatements,
        protection: args.protection,
        tags: tagsFor(args.placement),
    }, parent);

    const topic = new aws.sns.Topic(name, {
        name: physicalName(args.placement, args.logical, "sns-topic"),
        kmsMasterKeyId: key.arn,
        tags: tagsFor(args.placement),
    }, deleteBeforeReplace({ parent })); // a fixed topic name: the old topic must go first

    const topicStatements: Statement[] = [{
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sns:Publish",
        Resource: topic.arn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    }];
    if (alarmArns.length > 0) {
        topicStatements.push({
            Sid: "CloudWatchAlarmsPublish",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "sns:Publish",
            Resource: topic.arn,
            Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": alarmArns } },
        });
    }
    if (ruleArns.length > 0) {
        topicStatements.push({
            Sid: "EventBridgeRulesPublish",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sns:Publish",
            Resource: topic.arn,
            Condition: { ArnEquals: { "aws:SourceArn": ruleArns } },
        });
    }
    const policy = new aws.sns.TopicPolicy(`${name}-policy`, {
        arn: topic.arn,
        policy: policyDocument(topicStatements),
    }, { parent: topic });

    for (const email of args.emails ?? []) {
        // Named by the address, not its position: reordering the config's list must not unsubscribe
        // (and make people confirm again); hashed, so that addresses do not appear in URNs.
        const id = createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 10);
        new aws.sns.TopicSubscription(`${name}-email-${id}`, {
            topic: topic.arn,
            protocol: "email",
            endpoint: email,
        }, { parent: topic });
    }
    return { topic, key, policy };
}
