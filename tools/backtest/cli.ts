import { EXIT_OK, parseCliArgs, runCli } from "../cli";
import { aggregateFile } from "./aggregate";
import { runBacktest } from "./detect";
import { OPTION_SPEC, USAGE, backtestOptions } from "./options";
import { toJson, toText } from "./report";

/**
 * `npm run backtest -- --file data.csv --timestamp timestamp --measures views,revenue
 *  --dimensions platform,marketplace --interval PT1H [--threshold 70] [--json]`:
 * the offline counterpart of Lookout for Metrics' backtest mode (README, "Backtest").
 */
async function main(): Promise<number> {
    const options = backtestOptions(parseCliArgs(OPTION_SPEC, USAGE));
    const result = runBacktest(await aggregateFile(options), options);
    process.stdout.write(options.json ? `${JSON.stringify(toJson(result, options), null, 2)}\n` : toText(result, options));
    return EXIT_OK;
}

runCli(main);
