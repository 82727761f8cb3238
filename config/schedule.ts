import cron from "cron-validate";

const RATE = /^rate\((1 (minute|hour|day)|([2-9]|[1-9]\d+) (minutes|hours|days))\)$/;
const CRON = /^cron\((.+)\)$/;

/**
 * True for AWS's six-field cron, `cron(<minutes> <hours> <day-of-month> <month> <day-of-week>
 * <year>)`, in which one of the two day fields must be `?`. Glue crawler schedules take only this.
 */
export function isCronExpression(expression: string): boolean {
    const match = CRON.exec(expression);
    return match !== null && cron(match[1], { preset: "aws-cloud-watch" }).isValid();
}

/** True for the schedules EventBridge accepts: an AWS cron or `rate(1 day)`, `rate(5 minutes)`. */
export function isScheduleExpression(expression: string): boolean {
    return RATE.test(expression) || isCronExpression(expression);
}
