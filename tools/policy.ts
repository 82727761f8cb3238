import { EXIT_OK, UsageError, parseCliArgs, runCli } from "./cli";
import { EXIT_DEPLOY_ORDER_FAILED, checkDeployOrder, formatDeployOrder } from "./deployOrder";
import { configuredDeployerArn } from "./deployOrder/deployerArn";
import { planStack } from "./engine/run";
import { checkResources } from "./policyRunner/checkResources";
import { toJunit, toSarif } from "./policyRunner/ciFormats";
import { readStackExport, stackOf } from "./policyRunner/loadExport";
import { EXIT_MANDATORY_VIOLATION, formatReport, hasMandatoryViolation, toJsonReport } from "./policyRunner/report";

const USAGE = "usage: npm run policy -- (--stack <name> | --file <stack-export.json>) [--json | --format text|json|sarif|junit] [--explain] [--deployer-arn <arn>]";
const FORMATS = ["text", "json", "sarif", "junit"];

runCli(async () => {
    const args = parseCliArgs(
        {
            stack: { type: "string" },
            file: { type: "string" },
            json: { type: "boolean" },
            "deployer-arn": { type: "string" },
            // sarif and junit: reports CI systems annotate (code scanning, test views); see README.
            format: { type: "string" },
            explain: { type: "boolean" },
            help: { type: "boolean", short: "h" },
        },
        USAGE,
    );
    if (args.help) {
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
    }
    if (Boolean(args.stack) === Boolean(args.file)) throw new UsageError("give exactly one of --stack or --file", USAGE);
    const format = args.json ? "json" : (args.format ?? "text");
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, found "${format}"`, USAGE);
    if (args.json && args.format && args.format !== "json") throw new UsageError("--json and --format disagree", USAGE);
    const resources = args.stack ? (await planStack(args.stack)).resources : readStackExport(args.file as string);
    const result = await checkResources(resources);
    // For an export, the stack's own config (when this project has it) says who deploys.
    const deployerArn = args["deployer-arn"] ?? configuredDeployerArn(args.stack ?? stackOf(resources));
    const order = await checkDeployOrder(resources, { deployerArn });
    const output = {
        text: () => `${formatReport(result, { explain: args.explain })}\n${formatDeployOrder(order)}`,
        json: () => `${JSON.stringify({ ...toJsonReport(result), deployOrder: { passed: order.findings.length === 0, ...order } }, null, 2)}\n`,
        sarif: () => `${JSON.stringify(toSarif(result), null, 2)}\n`,
        junit: () => toJunit(result),
    }[format as "text"];
    process.stdout.write(output());
    if (hasMandatoryViolation(result.violations)) return EXIT_MANDATORY_VIOLATION;
    return order.findings.length > 0 ? EXIT_DEPLOY_ORDER_FAILED : EXIT_OK;
});
