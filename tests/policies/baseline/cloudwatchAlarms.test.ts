import { expect } from "chai";
import { cloudwatchAlarmHasActions } from "../../../policies/baseline/rules/cloudwatchAlarms";
import { iamNoWildcardResources, iamRoleTrustMatchesPersona } from "../../../policies/baseline/rules/iam";
import { lambdaReservedConcurrency, lambdaRolePerFunction } from "../../../policies/baseline/rules/lambda";
import { WILDCARD_RESOURCE_WITH_CONDITION } from "../../../policies/baseline/rules/wildcardResourceActions";
import { isWildcardResourceOnly } from "../../../policies/baseline/lib/iamActionNames";
import { asPolicyResources, check, crafted, expectNoViolations, expectOneViolation, exportOf } from "./crafted";

/** The baseline rules the anomaly detector brought: alarms with actions, Lambda least privilege, PutMetricData's namespace. */

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:alerts";

describe("baseline rules of the anomaly detector's resources", () => {
    describe("cloudwatch-alarm-has-actions", () => {
        it("passes both stacks' alarms", async () => {
            for (const stack of ["dev", "prod"] as const) expectNoViolations(await check(cloudwatchAlarmHasActions, asPolicyResources(...(await exportOf(stack)))));
        });

        it("fails an alarm with no alarm action, and one whose actions are disabled", async () => {
            const silent = crafted(ALARM, "silent", { name: "silent", alarmActions: [] });
            expectOneViolation(await check(cloudwatchAlarmHasActions, asPolicyResources(silent)), { policy: "cloudwatch-alarm-has-actions", urn: silent.urn, change: "add the component's alert topic ARN" });
            const disabled = crafted(ALARM, "disabled", { name: "disabled", alarmActions: [TOPIC], actionsEnabled: false });
            expectOneViolation(await check(cloudwatchAlarmHasActions, asPolicyResources(disabled)), { policy: "cloudwatch-alarm-has-actions", urn: disabled.urn, change: "remove actionsEnabled" });
            expectNoViolations(await check(cloudwatchAlarmHasActions, asPolicyResources(crafted(ALARM, "heard", { name: "heard", alarmActions: [TOPIC] }))));
        });
    });

    describe("lambda-role-per-function", () => {
        const role = (name: string, tags: Record<string, string> = {}) => crafted("aws:iam/role:Role", name, { name, arn: `arn:aws:iam::123456789012:role/${name}`, tags });
        const fn = (name: string, roleName: string) => crafted("aws:lambda/function:Function", name, { name, role: `arn:aws:iam::123456789012:role/${roleName}`, reservedConcurrentExecutions: 1 });

        it("passes both stacks: each function has a role of its own", async () => {
            for (const stack of ["dev", "prod"] as const) expectNoViolations(await check(lambdaRolePerFunction, asPolicyResources(...(await exportOf(stack)))));
        });

        it("fails two functions sharing a role", async () => {
            const second = fn("b", "shared");
            expectOneViolation(await check(lambdaRolePerFunction, asPolicyResources(role("shared"), fn("a", "shared"), second)), {
                policy: "lambda-role-per-function", urn: second.urn, change: "give each function its own role",
            });
        });

        it("fails a function running as a people's persona role", async () => {
            const f = fn("a", "analyst");
            expectOneViolation(await check(lambdaRolePerFunction, asPolicyResources(role("analyst", { persona: "analyst" }), f)), {
                policy: "lambda-role-per-function", urn: f.urn, change: "runs as the analyst persona's role",
            });
        });
    });

    describe("lambda-reserved-concurrency (advisory)", () => {
        it("reports a function without reserved concurrency", async () => {
            const f = crafted("aws:lambda/function:Function", "unbounded", { name: "unbounded", role: "r" });
            expectOneViolation(await check(lambdaReservedConcurrency, asPolicyResources(f)), { policy: "lambda-reserved-concurrency", urn: f.urn, change: "set reservedConcurrentExecutions" });
            expectNoViolations(await check(lambdaReservedConcurrency, asPolicyResources(...(await exportOf("prod")))));
        });
    });

    describe("cloudwatch:PutMetricData on \"*\" (iam-no-wildcard-resources)", () => {
        const policy = (name: string, statement: Record<string, unknown>) =>
            crafted("aws:iam/rolePolicy:RolePolicy", name, { role: "r", policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) });

        it("passes with the cloudwatch:namespace condition, fails without it", async () => {
            const scoped = policy("scoped", { Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "analytics-platform/prod/ecommerce" } } });
            expectNoViolations(await check(iamNoWildcardResources, asPolicyResources(scoped)));
            const open = policy("open", { Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*" });
            expectOneViolation(await check(iamNoWildcardResources, asPolicyResources(open)), { policy: "iam-no-wildcard-resources", urn: open.urn, change: "allows cloudwatch:PutMetricData on every resource" });
        });

        it("lists only actions whose resource type is optional, each with its condition key and reason", async () => {
            for (const [action, { conditionKey, why }] of Object.entries(WILDCARD_RESOURCE_WITH_CONDITION)) {
                expect(why, action).to.have.length.greaterThan(20);
                expect(conditionKey).to.match(/^[a-z0-9-]+:[A-Za-z]+$/);
                // Not wildcard-only (it has an optional resource type), which is why it needs a list of its own.
                expect(await isWildcardResourceOnly(action), action).to.equal(false);
            }
        });
    });

    describe("iam-role-trust-matches-persona, for the function roles", () => {
        it("fails an ingestion role people may assume", async () => {
            const r = crafted("aws:iam/role:Role", "ingest", {
                tags: { persona: "anomaly-ingestion" },
                assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com", AWS: "arn:aws:iam::123456789012:root" } }] }),
            });
            expectOneViolation(await check(iamRoleTrustMatchesPersona, asPolicyResources(r)), { policy: "iam-role-trust-matches-persona", urn: r.urn, change: "is a service role" });
        });
    });
});
