import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT_OK, EXIT_UNEXPECTED, UsageError, parseCliArgs, runCli } from "./cli";
import { checkDeployOrder, deployerPolicy, formatDeployOrder } from "./deployOrder";
import { configuredDeployerArn } from "./deployOrder/deployerArn";
import { planStack } from "./engine/run";
import { toStackExport } from "./engine/stackExport";
import { formatSummary } from "./engine/summary";
import { formatBriefSummary } from "./engine/briefSummary";
import { graphFormatOf, toDot, toMermaid } from "./engine/graph";

const USAGE = "usage: npm run plan -- --stack <name> [--out <file.json>] [--graph <file.dot|file.mmd> [--graph-detail resources|types]] [--policy [--explain]] [--deployer-arn <arn>] [--deployer-policy]";

runCli(async () => {
    const args = parseCliArgs(
        {
            stack: { type: "string" },
            out: { type: "string" },
            // The resource graph, as Graphviz DOT (.dot, .gv) or Mermaid (.mmd), by the extension.
            graph: { type: "string" },
            // resources (default): a node per resource; types: a node per type within a component.
            "graph-detail": { type: "string" },
            // What `npm start` adds: the policy report on the same plan, and policy's exit code.
            policy: { type: "boolean" },
            // Who runs `pulumi up`, for the deployment-order check; default: personas.deployerRoleArn.
            "deployer-arn": { type: "string" },
            // Print only the deploying identity's least-privilege policy (JSON) for this stack.
            "deployer-policy": { type: "boolean" },
            // With --policy: every reason of the persona matrix, not only those of failing cells.
            explain: { type: "boolean" },
            help: { type: "boolean", short: "h" },
        },
        USAGE,
    );
    if (args.help) {
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
    }
    if (!args.stack) {
        throw new UsageError("--stack is required", USAGE);
    }
    const graphFormat = args.graph === undefined ? undefined : graphFormatOf(args.graph);
    if (args.graph !== undefined && !graphFormat) throw new UsageError(`--graph takes a .dot, .gv or .mmd file, found "${args.graph}"`, USAGE);
    const graphDetail = args["graph-detail"] ?? "resources";
    if (graphDetail !== "resources" && graphDetail !== "types") throw new UsageError(`--graph-detail is resources or types, found "${graphDetail}"`, USAGE);
    const plan = await planStack(args.stack);
    if (args["deployer-policy"]) {
        const policy = deployerPolicy(plan.resources);
        if (policy.uncovered.length > 0) {
            process.stderr.write(`error: no deployer actions are known for ${policy.uncovered.join(", ")}: add them to tools/deployOrder/deployerActions.ts\n`);
            return EXIT_UNEXPECTED;
        }
        process.stdout.write(`${JSON.stringify(policy.document, null, 2)}\n`);
        return EXIT_OK;
    }
    // With the policy report after it, the plan is told in brief: the whole output fits a screen.
    process.stdout.write(args.policy ? formatBriefSummary(plan) : formatSummary(plan));
    if (args.out) {
        const file = path.resolve(args.out);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(toStackExport(plan), null, 2)}\n`);
        process.stdout.write(`\nWrote the stack export (${plan.resources.length} resources) to ${file}\n`);
    }
    if (args.graph && graphFormat) {
        const file = path.resolve(args.graph);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const title = `${plan.project}/${plan.stack}`;
        fs.writeFileSync(file, graphFormat === "dot" ? toDot(plan.resources, title, graphDetail) : toMermaid(plan.resources, title, graphDetail));
        process.stdout.write(`\nWrote the resource graph (${graphFormat === "dot" ? "Graphviz DOT" : "Mermaid"}) to ${file}\n`);
    }
    const order = await checkDeployOrder(plan.resources, { deployerArn: args["deployer-arn"] ?? configuredDeployerArn(args.stack) });
    process.stdout.write(`\n${formatDeployOrder(order)}`);
    const orderCode = order.findings.length > 0 ? EXIT_UNEXPECTED : EXIT_OK;
    if (args.policy) {
        // Loaded only when asked: the packs and the IAM simulator double the start-up of a plain plan.
        const { checkResources } = await import("./policyRunner/checkResources");
        const { EXIT_MANDATORY_VIOLATION, formatReport, hasMandatoryViolation } = await import("./policyRunner/report");
        const result = await checkResources(plan.resources);
        process.stdout.write(`\n${formatReport(result, { explain: args.explain })}`);
        return hasMandatoryViolation(result.violations) ? EXIT_MANDATORY_VIOLATION : orderCode;
    }
    return orderCode;
});
