import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { EXIT_OK, EXIT_UNEXPECTED, UsageError, parseCliArgs, runCli } from "./cli";
import { BenchCase, BenchResult, formatTable, measure, measureInTurns, median } from "./bench/measure";
import { forgetPersonaMatrix } from "../policies/access";
import { generateExport } from "./bench/generateExport";
import { planStack } from "./engine/run";
import type { ExportedResource } from "./engine/stackExport";
import { checkResources } from "./policyRunner/checkResources";

/**
 * `npm run bench [-- --runs N] [--only <substring>]`: times the everyday commands against the
 * targets of the issue. Add a row by adding a case to `cases`.
 */

const USAGE = "usage: npm run bench -- [--runs N] [--only <substring>]";
const ROOT = path.resolve(__dirname, "..");
const PLAN_TARGET_SECONDS = 2.5;
const TESTS_TARGET_SECONDS = 20;
const POLICY_TARGET_SECONDS = 2;

/** Runs a command in the project root and fails with its stderr when it fails. */
function runCommand(command: string, args: string[]): void {
    const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    if (result.error) {
        throw result.error;
    }
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr.trim()}`);
    }
}

// The project's TypeScript loader (tools/register.js), and the one it replaced, for comparison.
const LOADER = "./tools/register.js";
const FORMER_LOADER = "ts-node/register/transpile-only";
const PLAN_NAME = "plan --stack";

// The same work as `npm run plan`, without npm's own start-up.
function planSubprocess(stack: string, loader = LOADER): BenchCase {
    return {
        name: `${PLAN_NAME} ${stack} (subprocess${loader === LOADER ? "" : `, ${loader}`})`,
        runs: 7,
        interleave: true,
        targetSeconds: PLAN_TARGET_SECONDS,
        run: () => runCommand(process.execPath, ["-r", loader, "tools/plan.ts", "--stack", stack]),
    };
}

/**
 * The floor of any plan: a fresh Node.js that loads @pulumi/aws and nothing else. Measured both
 * as plain Node starts it and with the compile cache that tools/register.js switches on.
 */
const FLOOR_NAME = "node loads @pulumi/aws alone";
const FLOOR_CACHED_NAME = `${FLOOR_NAME}, compile cache on`;
const floorCases: BenchCase[] = [
    { name: FLOOR_NAME, runs: 7, interleave: true, run: () => runCommand(process.execPath, ["-e", 'require("@pulumi/aws")']) },
    {
        name: FLOOR_CACHED_NAME,
        runs: 7,
        interleave: true,
        run: () => runCommand(process.execPath, ["-e", 'require("node:module").enableCompileCache?.(); require("@pulumi/aws")']),
    },
];

/** Each subprocess plan's median over each floor's median: how close a plan comes to loading the SDK. */
function formatRatios(results: BenchResult[]): string {
    const floorOf = (name: string) => results.find((r) => r.name === name && r.seconds.length > 0);
    const floors = [floorOf(FLOOR_NAME), floorOf(FLOOR_CACHED_NAME)].filter((r): r is BenchResult => r !== undefined);
    const plans = results.filter((r) => r.name.startsWith(PLAN_NAME) && r.name.includes("subprocess") && r.seconds.length > 0);
    return plans
        .flatMap((plan) => floors.map((floor) => `${plan.name} / ${floor.name}: ${(median(plan.seconds) / median(floor.seconds)).toFixed(2)}x`))
        .join("\n");
}

function testSuite(loader = LOADER): BenchCase {
    // --no-config: .mocharc.json's loader would be registered too. The CLI tests start their
    // subprocesses with the project's loader either way.
    const mocha = loader === LOADER
        ? ["mocha", "--reporter", "dot"]
        : ["mocha", "--no-config", "--require", loader, "--extension", "ts", "--timeout", "20000", "--reporter", "dot", "tests/**/*.test.ts"];
    return {
        name: `test suite (npx mocha${loader === LOADER ? "" : `, ${loader}`})`,
        runs: 3,
        targetSeconds: TESTS_TARGET_SECONDS,
        run: () => runCommand("npx", mocha),
    };
}

function planInProcess(stack: string): BenchCase {
    return {
        name: `planStack("${stack}") (in-process, warm)`,
        runs: 5,
        targetSeconds: PLAN_TARGET_SECONDS,
        warmUp: async () => {
            await planStack(stack, ROOT);
        },
        run: async () => {
            await planStack(stack, ROOT);
        },
    };
}

/** Both packs and the persona matrix on a set of resources, evaluated cold each run. */
function policyInProcess(name: string, load: () => Promise<ExportedResource[]>): BenchCase {
    let resources: ExportedResource[] = [];
    return {
        name: `policy on ${name} (in-process)`,
        runs: 5,
        targetSeconds: POLICY_TARGET_SECONDS,
        warmUp: async () => {
            resources = await load();
            await checkResources(resources);
        },
        run: async () => {
            forgetPersonaMatrix();
            await checkResources(resources);
        },
    };
}

const cases: BenchCase[] = [
    ...floorCases,
    planSubprocess("dev"),
    planSubprocess("prod"),
    planSubprocess("dev", FORMER_LOADER),
    planInProcess("dev"),
    planInProcess("prod"),
    policyInProcess("the dev plan", async () => (await planStack("dev", ROOT)).resources),
    policyInProcess("the prod plan", async () => (await planStack("prod", ROOT)).resources),
    policyInProcess("a generated export of 1,000 resources", async () => generateExport(1000)),
    testSuite(),
    testSuite(FORMER_LOADER),
];

runCli(async () => {
    const args = parseCliArgs(
        { runs: { type: "string" }, only: { type: "string" }, help: { type: "boolean", short: "h" } },
        USAGE,
    );
    if (args.help) {
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
    }
    const runs = args.runs === undefined ? undefined : Number(args.runs);
    if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) {
        throw new UsageError(`--runs must be a positive integer, found "${args.runs}"`, USAGE);
    }
    const selected = cases.filter((c) => args.only === undefined || c.name.includes(args.only));
    const inTurns = selected.filter((c) => c.interleave);
    const byName = new Map<string, BenchResult>();
    if (inTurns.length > 0) {
        process.stderr.write(`running in turns: ${inTurns.map((c) => c.name).join("; ")} ...\n`);
        for (const result of await measureInTurns(inTurns, runs)) byName.set(result.name, result);
    }
    for (const c of selected.filter((c) => !c.interleave)) {
        process.stderr.write(`running ${c.name} ...\n`);
        byName.set(c.name, await measure(c, runs ?? c.runs));
    }
    const results = selected.map((c) => byName.get(c.name) as BenchResult);
    process.stdout.write(`${formatTable(results)}\n`);
    const ratios = formatRatios(results);
    if (ratios !== "") {
        process.stdout.write(`\n${ratios}\n`);
    }
    return results.some((r) => r.error !== undefined) ? EXIT_UNEXPECTED : EXIT_OK;
});
