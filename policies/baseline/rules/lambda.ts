import * as aws from "@pulumi/aws";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { identifiersOf, referrersOf } from "../../lib/references";
import { checkEach } from "../../lib/unknownValues";
import { PERSONA_TAG, isServicePersona } from "../../../personas/personaNames";
import { label } from "../lib/resources";

/*
 * Lambda (the anomaly detector's alert handlers, issue to come): no function is callable by anyone
 * on the internet, logs do not pile up forever, and events a function fails on are not lost.
 */

export const lambdaNoPublicFunctionUrl: ResourceValidationPolicy = {
    name: "lambda-no-public-function-url",
    description: "Lambda function URLs require IAM authentication: no URL that anyone on the internet can call (authorizationType NONE).",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.lambda.FunctionUrl, (url, args, report) => {
        if (url.authorizationType === "NONE") {
            report(`${label(args)} lets anyone on the internet invoke ${url.functionName}: set authorizationType: "AWS_IAM" (and sign requests), or put the function behind an authenticated API.`);
        }
    }),
};

/** What another resource's `function`/`functionName` holds when it refers to a function. */
const FUNCTION_IDENTIFIERS = ["name", "arn", "id"];

function functionsOf(resources: readonly PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => r.type === "aws:lambda/function:Function");
}

export const lambdaLogRetention: StackValidationPolicy = {
    name: "lambda-log-retention",
    description: "Every Lambda function logs to a log group this stack creates with a retention (its loggingConfig.logGroup, or /aws/lambda/<name>).",
    // Advisory: without it Lambda creates the group itself on first run, with no retention; the
    // logs still exist, they are only kept too long. The log group's own rule is mandatory.
    enforcementLevel: "advisory",
    validateStack: async (args, report) => {
        const logGroups = args.resources.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup");
        await checkEach(functionsOf(args.resources), (fn) => {
            const name: unknown = fn.props.name;
            const groupName: string | undefined = fn.props.loggingConfig?.logGroup ?? (typeof name === "string" ? `/aws/lambda/${name}` : undefined);
            const fromLoggingConfig = fn.propertyDependencies?.loggingConfig ?? [];
            if (groupName === undefined && fromLoggingConfig.length === 0) return;
            const group = logGroups.find((g) => fromLoggingConfig.includes(g) || g.props.name === groupName);
            if (!group) {
                report(`${label(fn)} logs to ${groupName ?? "its log group"}, which this stack does not create: create an aws.cloudwatch.LogGroup with that name and retentionInDays, or set loggingConfig.logGroup to one.`, fn.urn);
            } else if (!(group.props.retentionInDays > 0)) {
                report(`${label(fn)} logs to ${label(group)}, which keeps logs forever: set retentionInDays on it.`, fn.urn);
            }
        });
    },
};

/** Services that invoke a function asynchronously (Lambda queues the event, retries, then drops it). */
const ASYNC_INVOKERS = [
    "sns.amazonaws.com",
    "s3.amazonaws.com",
    "events.amazonaws.com",
    "lambda.alarms.cloudwatch.amazonaws.com",
    "logs.amazonaws.com",
    "ses.amazonaws.com",
    "iot.amazonaws.com",
    "codecommit.amazonaws.com",
];

export const lambdaAsyncFailureDestination: StackValidationPolicy = {
    name: "lambda-async-failure-destination",
    description: "A Lambda function that a service invokes asynchronously (SNS, S3, EventBridge, CloudWatch alarms, ...) has a dead-letter queue or an on-failure destination.",
    // Advisory: whether a lost event matters depends on the function (an alert that also went by
    // e-mail, say); the finding asks the author to decide.
    enforcementLevel: "advisory",
    validateStack: async (args, report) => {
        const permissions = args.resources.filter((r) => r.type === "aws:lambda/permission:Permission");
        const invokeConfigs = args.resources.filter((r) => r.type === "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
        await checkEach(functionsOf(args.resources), (fn) => {
            const ids = identifiersOf(fn, FUNCTION_IDENTIFIERS);
            const asyncInvoker = referrersOf(fn, ids, permissions, "function").referrers.find((p) => ASYNC_INVOKERS.includes(p.props.principal));
            if (!asyncInvoker) return;
            const onFailure = referrersOf(fn, ids, invokeConfigs, "functionName").referrers.some((c) => !!c.props.destinationConfig?.onFailure?.destination);
            if (!fn.props.deadLetterConfig?.targetArn && !onFailure) {
                report(
                    `${label(fn)} is invoked asynchronously (${label(asyncInvoker)} lets ${asyncInvoker.props.principal} invoke it) and drops events it fails on: ` +
                    "set deadLetterConfig.targetArn, or add an aws.lambda.FunctionEventInvokeConfig with destinationConfig.onFailure.",
                    fn.urn,
                );
            }
        });
    },
};

export const lambdaRolePerFunction: StackValidationPolicy = {
    name: "lambda-role-per-function",
    description: "Each Lambda function runs as a role of its own, which no person's persona role is: a shared role gives every function the permissions of all of them.",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        const roles = args.resources.filter((r) => r.type === "aws:iam/role:Role");
        const byRole = new Map<string, PolicyResource[]>();
        await checkEach(functionsOf(args.resources), (fn) => {
            const role: unknown = fn.props.role;
            if (typeof role !== "string") return;
            byRole.set(role, [...(byRole.get(role) ?? []), fn]);
        });
        for (const [roleArn, fns] of byRole) {
            const role = roles.find((r) => r.props.arn === roleArn);
            const persona: unknown = role?.props.tags?.[PERSONA_TAG];
            if (fns.length > 1) {
                report(`${fns.map(label).join(", ")} share the role ${roleArn}: give each function its own role with only what it needs.`, fns[1].urn);
            }
            if (typeof persona === "string" && !isServicePersona(persona)) {
                report(`${label(fns[0])} runs as the ${persona} persona's role, a role for people: give it a service role of its own.`, fns[0].urn);
            }
        }
    },
};

export const lambdaReservedConcurrency: ResourceValidationPolicy = {
    name: "lambda-reserved-concurrency",
    description: "Lambda functions set reserved concurrency, so that a burst of events cannot take the account's concurrency from other functions (nor run up a bill).",
    // Advisory: reserving concurrency needs unreserved room in the account (100 at least stays unreserved).
    enforcementLevel: "advisory",
    validateResource: validateResourceOfType(aws.lambda.Function, (fn, args, report) => {
        if (fn.reservedConcurrentExecutions === undefined || fn.reservedConcurrentExecutions < 0) {
            report(`${label(args)} has no reserved concurrency: set reservedConcurrentExecutions to the most runs it needs at once.`);
        }
    }),
};

export const lambdaPolicies = [lambdaNoPublicFunctionUrl, lambdaLogRetention, lambdaAsyncFailureDestination, lambdaRolePerFunction, lambdaReservedConcurrency];
