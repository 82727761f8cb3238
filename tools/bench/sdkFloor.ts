import * as aws from "@pulumi/aws";
import { planProgram } from "../engine/run";

/**
 * `node -r ./tools/register.js tools/bench/sdkFloor.ts <count>`: the offline engine plans <count>
 * CloudWatch metric alarms (about 30 properties each, near the stack's average) and nothing else:
 * no config, no components, no checks. What is left is the Pulumi SDK's own work for that many
 * resources (an Output and four tracked promises per property of each, its serialization), which
 * any plan of a stack that size pays on top of loading @pulumi/aws. `npm run bench` compares the
 * plan with it.
 */
const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 0) {
    process.stderr.write("usage: node -r ./tools/register.js tools/bench/sdkFloor.ts <count of resources>\n");
    process.exit(2);
}

void planProgram({
    project: "sdk-floor",
    stack: "bench",
    config: { "aws:region": "ap-northeast-1" },
    program: () => {
        for (let i = 0; i < count; i++) {
            new aws.cloudwatch.MetricAlarm(`alarm-${i}`, {
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 1,
                metricName: "Errors",
                namespace: "SdkFloor",
                period: 60,
                statistic: "Sum",
                threshold: 1,
            });
        }
        return {};
    },
}).then((plan) => process.stdout.write(`${plan.resources.length} resources\n`));
