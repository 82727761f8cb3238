import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { label } from "../lib/resources";

/*
 * CloudWatch alarms, of any component (anomaly detectors, endpoint alarms, web-app monitors): an
 * alarm that notifies nobody changes state unseen. General, not tied to one component.
 */

export const cloudwatchAlarmHasActions: ResourceValidationPolicy = {
    name: "cloudwatch-alarm-has-actions",
    description: "CloudWatch alarms have actions enabled and at least one alarm action (an SNS topic, an automation).",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.cloudwatch.MetricAlarm, (alarm, args, report) => {
        if (alarm.actionsEnabled === false) {
            report(`${label(args)} has actionsEnabled: false, so it notifies nobody when it fires: remove actionsEnabled (it defaults to true).`);
        } else if ((alarm.alarmActions ?? []).length === 0) {
            report(`${label(args)} has no alarmActions, so it notifies nobody when it fires: add the component's alert topic ARN (components/common/alertTopic.ts) to alarmActions.`);
        }
    }),
};

export const cloudwatchAlarmPolicies = [cloudwatchAlarmHasActions];
