import cron from "cron-validate";

const CRON = /^cron\((.+)\)$/;

/**
 * True for AWS's six-field cron, `cron(<minutes> <hours> <day-of-month> <month> <day-of-week>
 * <year>)`, in which one of the two day fields must be `?`. Glue crawler schedules take only this.
 */
export function isCronExpression(expression: string): boolean {
    const match = CRON.exec(expression);
    return match !== null && cron(match[1], { preset: "aws-cloud-watch" }).isValid();
}
