// The same modules the command loads (tools/cli.ts brings @pulumi/pulumi with it), so that the
// measured start-up is the command's.
import "../cli";
import { aggregateFile } from "./aggregate";
import { runBacktest } from "./detect";
import { backtestOptions } from "./options";
import { toJson } from "./report";

/**
 * One measured backtest in a fresh process, for `npm run bench:backtest`: runs the e-commerce
 * backtest on the file given and prints its figures as JSON. Not a user command.
 */
async function measureOnce(file: string): Promise<void> {
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const options = backtestOptions({ file, timestamp: "timestamp", measures: "views,revenue", dimensions: "platform,marketplace", interval: "PT1H", json: true });
    const aggregates = await aggregateFile(options);
    const readAt = performance.now();
    const result = runBacktest(aggregates, options);
    const output = JSON.stringify(toJson(result, options));
    const doneAt = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    const usage = process.resourceUsage();
    process.stdout.write(
        `${JSON.stringify({
            rows: result.rows,
            anomalies: result.anomalies.length,
            outputBytes: output.length,
            // performance.now() counts from the start of the process: start-up included.
            processSeconds: doneAt / 1000,
            startupSeconds: startedAt / 1000,
            readSeconds: (readAt - startedAt) / 1000,
            modelSeconds: (doneAt - readAt) / 1000,
            cpuSeconds: (cpu.user + cpu.system) / 1e6,
            processCpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
            maxRssMb: usage.maxRSS / 1024,
        })}\n`,
    );
}

void measureOnce(process.argv[2]);
