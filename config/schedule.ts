import cron from "cron-validate";

const RATE = /^rate\((1 (minute|hour|day)|([2-9]|[1-9]\d+) (minutes|hours|days))\)$/;
const CRON = /^cron\((.+)\)$/;

/**
 * True for the schedule expressions Glue and EventBridge accept: `rate(1 day)`, `rate(5 minutes)`
 * or `cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)`, AWS's six-field cron
 * in which one of the two day fields must be `?`.
 */
export function isScheduleExpression(expression: string): boolean {
    if (RATE.test(expression)) return true;
    const match = CRON.exec(expression);
    return match !== null && cron(match[1], { preset: "aws-cloud-watch" }).isValid();
}
