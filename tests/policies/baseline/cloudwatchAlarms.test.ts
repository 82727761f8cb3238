import { cloudwatchAlarmHasAction } from "../../../policies/baseline/rules/cloudwatchAlarms";
import { asPolicyResources, check, crafted, expectNoViolations, expectOneViolation, exportOf } from "./crafted";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:alerts";
const alarm = (props: Record<string, unknown>) => crafted(ALARM, "slow-pages", { name: "slow-pages", namespace: "AWS/RUM", metricName: "WebVitalsLargestContentfulPaint", comparisonOperator: "GreaterThanThreshold", threshold: 4000, evaluationPeriods: 1, ...props });

describe("baseline CloudWatch alarm rules", () => {
    describe("cloudwatch-alarm-has-action", () => {
        it("passes every alarm of both planned stacks and an alarm that notifies a topic", async () => {
            for (const stack of ["dev", "prod"] as const) expectNoViolations(await check(cloudwatchAlarmHasAction, asPolicyResources(...(await exportOf(stack)))));
            expectNoViolations(await check(cloudwatchAlarmHasAction, asPolicyResources(alarm({ alarmActions: [TOPIC] }))));
        });

        it("fails an alarm without an action", async () => {
            const silent = alarm({});
            expectOneViolation(await check(cloudwatchAlarmHasAction, asPolicyResources(silent)), { policy: "cloudwatch-alarm-has-action", urn: silent.urn, change: "has no alarmActions" });
        });

        it("fails an alarm whose actions are switched off", async () => {
            const off = alarm({ alarmActions: [TOPIC], actionsEnabled: false });
            expectOneViolation(await check(cloudwatchAlarmHasAction, asPolicyResources(off)), { policy: "cloudwatch-alarm-has-action", urn: off.urn, change: "has actionsEnabled: false" });
        });
    });
});
