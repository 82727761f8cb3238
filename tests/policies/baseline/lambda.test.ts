import { lambdaAsyncFailureDestination, lambdaLogRetention, lambdaNoPublicFunctionUrl } from "../../../policies/baseline/rules/lambda";
import { asPolicyResources, check, crafted, expectNoViolations, expectOneViolation } from "./crafted";

const FUNCTION = "aws:lambda/function:Function";
const FUNCTION_ARN = "arn:aws:lambda:ap-northeast-1:123456789012:function:alert-handler";

function alertHandler(overrides: Record<string, unknown> = {}) {
    return crafted(FUNCTION, "alert-handler", { name: "alert-handler", arn: FUNCTION_ARN, runtime: "nodejs20.x", role: "r", ...overrides });
}

const snsInvokes = crafted("aws:lambda/permission:Permission", "sns-invokes", { function: "alert-handler", action: "lambda:InvokeFunction", principal: "sns.amazonaws.com" });

describe("baseline Lambda rules", () => {
    describe("lambda-no-public-function-url", () => {
        it("passes a URL that requires IAM", async () => {
            const url = crafted("aws:lambda/functionUrl:FunctionUrl", "url", { functionName: "alert-handler", authorizationType: "AWS_IAM" });
            expectNoViolations(await check(lambdaNoPublicFunctionUrl, asPolicyResources(url)));
        });

        it("fails a URL anyone can call", async () => {
            const url = crafted("aws:lambda/functionUrl:FunctionUrl", "url", { functionName: "alert-handler", authorizationType: "NONE" });
            expectOneViolation(await check(lambdaNoPublicFunctionUrl, asPolicyResources(url)), {
                policy: "lambda-no-public-function-url", urn: url.urn, change: 'set authorizationType: "AWS_IAM"',
            });
        });
    });

    describe("lambda-log-retention (advisory)", () => {
        it("passes a function whose default log group the stack creates with a retention, and one with a logging config", async () => {
            const group = crafted("aws:cloudwatch/logGroup:LogGroup", "alert-logs", { name: "/aws/lambda/alert-handler", retentionInDays: 30 });
            expectNoViolations(await check(lambdaLogRetention, asPolicyResources(alertHandler(), group)));
            const shared = crafted("aws:cloudwatch/logGroup:LogGroup", "shared", { name: "/platform/lambda", retentionInDays: 30 });
            const configured = alertHandler({ loggingConfig: { logFormat: "JSON", logGroup: "/platform/lambda" } });
            expectNoViolations(await check(lambdaLogRetention, asPolicyResources(configured, shared)));
        });

        it("reports a function whose log group Lambda would create itself", async () => {
            const fn = alertHandler();
            expectOneViolation(await check(lambdaLogRetention, asPolicyResources(fn)), {
                policy: "lambda-log-retention", urn: fn.urn, change: "create an aws.cloudwatch.LogGroup with that name and retentionInDays",
            });
        });
    });

    describe("lambda-async-failure-destination (advisory)", () => {
        it("passes an SNS-invoked function with an on-failure destination, and a function nothing invokes asynchronously", async () => {
            const onFailure = crafted("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "alert-handler-async", {
                functionName: "alert-handler", destinationConfig: { onFailure: { destination: "arn:aws:sqs:ap-northeast-1:123456789012:failed-alerts" } },
            });
            expectNoViolations(await check(lambdaAsyncFailureDestination, asPolicyResources(alertHandler(), snsInvokes, onFailure)));
            expectNoViolations(await check(lambdaAsyncFailureDestination, asPolicyResources(alertHandler())));
        });

        it("reports an SNS-invoked function that drops failed events", async () => {
            const fn = alertHandler();
            expectOneViolation(await check(lambdaAsyncFailureDestination, asPolicyResources(fn, snsInvokes)), {
                policy: "lambda-async-failure-destination", urn: fn.urn, change: "set deadLetterConfig.targetArn, or add an aws.lambda.FunctionEventInvokeConfig",
            });
        });
    });
});
