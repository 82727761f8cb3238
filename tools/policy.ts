import { EXIT_OK, UsageError, parseCliArgs, runCli } from "./cli";
import { planStack } from "./engine/run";
import { checkResources } from "./policyRunner/checkResources";
import { readStackExport } from "./policyRunner/loadExport";
import { EXIT_MANDATORY_VIOLATION, formatReport, hasMandatoryViolation, toJsonReport } from "./policyRunner/report";

const USAGE = "usage: npm run policy -- (--stack <name> | --file <stack-export.json>) [--json]";

runCli(async () => {
    const args = parseCliArgs(
        { stack: { type: "string" }, file: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
        USAGE,
    );
    if (args.help) {
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
    }
    if (Boolean(args.stack) === Boolean(args.file)) throw new UsageError("give exactly one of --stack or --file", USAGE);
    const resources = args.stack ? (await planStack(args.stack)).resources : readStackExport(args.file as string);
    const result = await checkResources(resources);
    process.stdout.write(args.json ? `${JSON.stringify(toJsonReport(result), null, 2)}\n` : formatReport(result));
    return hasMandatoryViolation(result.violations) ? EXIT_MANDATORY_VIOLATION : EXIT_OK;
});
