import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { label } from "../lib/resources";

/*
 * CloudWatch alarms: an alarm without an action changes state in the console and tells nobody
 * (the seed's point about RUM: it notifies no one by itself). Every alarm of the platform sends
 * its ALARM state somewhere, the components' encrypted alert topics.
 */

export const cloudwatchAlarmHasAction: ResourceValidationPolicy = {
    name: "cloudwatch-alarm-has-action",
    description: "CloudWatch metric alarms have actions enabled and at least one alarm action (an SNS topic, most often).",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.cloudwatch.MetricAlarm, (alarm, args, report) => {
        if (alarm.actionsEnabled === false) {
            report(`${label(args)} has actionsEnabled: false: it changes state and tells nobody; remove actionsEnabled or set it to true.`);
        } else if ((alarm.alarmActions ?? []).length === 0) {
            report(`${label(args)} has no alarmActions: it changes state and tells nobody; set alarmActions to the component's alert topic ARN.`);
        }
    }),
};

export const cloudwatchAlarmPolicies = [cloudwatchAlarmHasAction];
