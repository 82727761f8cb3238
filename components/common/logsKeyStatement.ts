import * as pulumi from "@pulumi/pulumi";
import { Statement } from "./policyDocument";
import { regionalServicePrincipal } from "./servicePrincipal";

/** Where the log groups are: the ARN of each is built from these. */
export interface LogGroupScope {
    region: string;
    partition: pulumi.Input<string>;
    accountId: pulumi.Input<string>;
}

/**
 * The key policy statement that lets CloudWatch Logs encrypt with a key, for these log groups only
 * ("Encrypt log data in CloudWatch Logs using AWS KMS"): CloudWatch Logs names the group's ARN in
 * the encryption context (aws:logs:arn), which ArnLike matches against each group (a name may end
 * in * for every group under a prefix). Every key that encrypts log groups takes this statement.
 */
export function cloudWatchLogsKeyStatement(sid: string, scope: LogGroupScope, logGroupNames: string[]): Statement {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: regionalServicePrincipal("logs", scope.region) },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: {
            ArnLike: {
                "kms:EncryptionContext:aws:logs:arn": logGroupNames.map((name) => pulumi.interpolate`arn:${scope.partition}:logs:${scope.region}:${scope.accountId}:log-group:${name}`),
            },
        },
    };
}
