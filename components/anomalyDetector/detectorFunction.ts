import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DETECTOR_TAG, PERSONA_TAG } from "../../personas/personaNames";
import { Placement, physicalName, tagsFor } from "../common/naming";
import { serviceTrustPolicy } from "../common/personaTrust";
import { Statement, policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { FunctionBundle, functionArchive } from "./bundle";

export interface DetectorFunctionArgs {
    placement: Placement;
    /** `<detector>-ingest`, `<detector>-alert`: the function's, role's and log group's logical name. */
    logical: string;
    persona: string;
    detector: string;
    bundle: FunctionBundle;
    description: string;
    environment: Record<string, pulumi.Input<string>>;
    /** What the function may do beyond writing its logs. */
    statements: Statement[];
    logRetentionDays: number;
    logKeyArn: pulumi.Input<string>;
    reservedConcurrency: number;
    timeoutSeconds: number;
    memoryMb: number;
    /** Where Lambda sends an asynchronous event it gave up on (an SNS topic or SQS queue ARN). */
    onFailureArn: pulumi.Input<string>;
    maximumRetryAttempts: number;
}

export interface DetectorFunction {
    fn: aws.lambda.Function;
    role: aws.iam.Role;
    logGroup: aws.cloudwatch.LogGroup;
}

/** The physical name of a detector function (the log group's name derives from it). */
export function functionName(placement: Placement, logical: string): string {
    return physicalName(placement, logical, "lambda-function");
}

/**
 * A detector's Lambda function with least privilege: its own role (Lambda only, tagged with its
 * persona), an inline policy of exactly `statements` plus writing its own log stream, a log group
 * created BEFORE the function (else Lambda creates /aws/lambda/<name> itself on the first run, with
 * no retention and no key, and the stack's own group then fails with ResourceAlreadyExists), reserved
 * concurrency, and an on-failure destination for asynchronous events. The log group, role and
 * function have fixed names: each is replaced delete-first.
 */
export function detectorFunction(name: string, args: DetectorFunctionArgs, parent: pulumi.Resource): DetectorFunction {
    const fnName = functionName(args.placement, args.logical);
    const tags = tagsFor(args.placement, { [DETECTOR_TAG]: args.detector });
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
        name: `/aws/lambda/${fnName}`,
        retentionInDays: args.logRetentionDays,
        kmsKeyId: args.logKeyArn,
        tags,
    }, deleteBeforeReplace({ parent }));
    const role = new aws.iam.Role(`${name}-role`, {
        name: physicalName(args.placement, args.logical, "iam-role"),
        description: `Runs the ${args.description}`,
        assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com"),
        tags: { ...tags, [PERSONA_TAG]: args.persona },
    }, deleteBeforeReplace({ parent }));
    const policy = new aws.iam.RolePolicy(`${name}-policy`, {
        role: role.name,
        policy: policyDocument([
            {
                Sid: "WriteOwnLogs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: pulumi.interpolate`${logGroup.arn}:log-stream:*`,
            },
            ...args.statements,
        ]),
    }, { parent: role });
    const fn = new aws.lambda.Function(name, {
        name: fnName,
        description: args.description,
        role: role.arn,
        runtime: aws.lambda.Runtime.NodeJS22dX,
        architectures: ["arm64"],
        handler: "index.handler",
        // No sourceCodeHash: Pulumi diffs the archive by its contents already, and the provider
        // expects that field to be the base64 SHA-256 of the zip it builds, which a program cannot know.
        code: functionArchive(args.bundle),
        memorySize: args.memoryMb,
        timeout: args.timeoutSeconds,
        reservedConcurrentExecutions: args.reservedConcurrency,
        environment: { variables: args.environment },
        loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
        tags,
    }, deleteBeforeReplace({ parent, dependsOn: [logGroup, policy] }));
    new aws.lambda.FunctionEventInvokeConfig(`${name}-async`, {
        functionName: fn.name,
        maximumRetryAttempts: args.maximumRetryAttempts,
        destinationConfig: { onFailure: { destination: args.onFailureArn } },
    }, { parent: fn });
    return { fn, role, logGroup };
}
