import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EXIT_OK, EXIT_UNEXPECTED, UsageError, parseCliArgs, runCli } from "./cli";
import { BenchCase, BenchResult, RunOutcome, formatTable, measure, measureInTurns, median } from "./bench/measure";
import { runSubprocess } from "./bench/subprocess";
import { forgetPersonaMatrix } from "../policies/access";
import { generateExport } from "./bench/generateExport";
import { planStack } from "./engine/run";
import type { ExportedResource } from "./engine/stackExport";
import { checkResources } from "./policyRunner/checkResources";

/**
 * `npm run bench [-- --runs N] [--only <substring>,...]`: times the everyday commands against the
 * targets of the issue, in wall and CPU time. Add a row by adding a case to `cases`.
 */

const USAGE = "usage: npm run bench -- [--runs N] [--only <substring>[,<substring>...]]";
const ROOT = path.resolve(__dirname, "..");
const PLAN_TARGET_SECONDS = 2.5;
const TESTS_TARGET_SECONDS = 20;
const POLICY_TARGET_SECONDS = 2;

/** Runs a command in the project root, fails with its stderr when it fails, and gives its CPU time. */
function runCommand(command: string, args: string[]): RunOutcome {
    return { cpuSeconds: runSubprocess(command, args, ROOT).cpuSeconds };
}

// The project's TypeScript loader (tools/register.js), and the one it replaced, for comparison.
const LOADER = "./tools/register.js";
const FORMER_LOADER = "ts-node/register/transpile-only";
const PLAN_NAME = "plan --stack";

/**
 * The Node.js options `npm run plan` starts Node with (package.json's "plan" script: `node
 * <options> -r ./tools/register.js tools/plan.ts`), so that the bench times the plan users run.
 */
function planNodeOptions(): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const words = manifest.scripts["plan"].split(/\s+/);
    const end = words.indexOf("-r");
    if (words[0] !== "node" || end < 0) throw new Error(`package.json's "plan" script is not "node [options] -r <loader> <file>": ${manifest.scripts["plan"]}`);
    return words.slice(1, end);
}

// The same work as `npm run plan`, without npm's own start-up.
function planSubprocess(stack: string, loader = LOADER): BenchCase {
    return {
        name: `${PLAN_NAME} ${stack} (subprocess${loader === LOADER ? "" : `, ${loader}`})`,
        runs: 7,
        interleave: true,
        targetSeconds: PLAN_TARGET_SECONDS,
        run: () => runCommand(process.execPath, [...planNodeOptions(), "-r", loader, "tools/plan.ts", "--stack", stack]),
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

/**
 * A second floor, for a stack of this size: the Pulumi SDK alone (tools/bench/sdkFloor.ts) plans
 * as many custom resources as the dev plan holds, with nothing of the program around them. The
 * SDK's work grows with the resources while the first floor does not; the plan's ratio to this
 * one is what the program, its config and its checks add.
 */
const SDK_FLOOR_NAME = "the Pulumi SDK alone plans the dev plan's count of resources";
let sdkFloorCount: number | undefined;
const sdkFloorCase: BenchCase = {
    name: SDK_FLOOR_NAME,
    runs: 7,
    interleave: true,
    warmUp: async () => {
        sdkFloorCount ??= (await planStack("dev", ROOT)).resources.filter((r) => r.custom).length;
    },
    run: () => runCommand(process.execPath, [...planNodeOptions(), "-r", LOADER, "tools/bench/sdkFloor.ts", String(sdkFloorCount)]),
};

const RATIO_TARGET = 1.3;

/**
 * Each subprocess plan's median over each floor's median, in wall and in CPU time: how close a
 * plan comes to loading the SDK. The verdict is the CPU ratio's: it does not move with the load.
 */
function formatRatios(results: BenchResult[]): string {
    const floorOf = (name: string) => results.find((r) => r.name === name && r.seconds.length > 0);
    const floors = [floorOf(FLOOR_NAME), floorOf(FLOOR_CACHED_NAME), floorOf(SDK_FLOOR_NAME)].filter((r): r is BenchResult => r !== undefined);
    const plans = results.filter((r) => r.name.startsWith(PLAN_NAME) && r.name.includes("subprocess") && r.seconds.length > 0);
    return plans
        .flatMap((plan) => floors.map((floor) => {
            const wall = median(plan.seconds) / median(floor.seconds);
            const cpu = median(plan.cpuSeconds) / median(floor.cpuSeconds);
            const verdict = floor.name === FLOOR_NAME ? `  (target ${RATIO_TARGET}x: ${cpu <= RATIO_TARGET ? "ok" : "over"})` : "";
            return `${plan.name} / ${floor.name}: CPU ${cpu.toFixed(2)}x, wall ${wall.toFixed(2)}x${verdict}`;
        }))
        .join("\n");
}

/** The machine's load average over the last minute, per core. */
function loadNote(): string {
    return `load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`;
}

const HOW_TO_READ = [
    "Wall time is what a user waits: it grows with whatever else the machine runs. CPU time is user +",
    "system time of the process and the processes it waited for (in-process cases: this process's),",
    "and moves little with the load: compare CPU figures between runs, and read the plan/floor ratio in CPU.",
].join("\n");

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
        // The former loader's suite costs minutes of CPU: only with --only.
        onRequest: loader !== LOADER,
        run: () => {
            const { stdout, cpuSeconds } = runSubprocess("npx", mocha, ROOT);
            // Mocha's closing lines: "  N passing (12s)", in serial and parallel mode alike.
            const passing = /^\s*(\d+) passing/m.exec(stdout);
            if (!passing) throw new Error("mocha printed no count of passing tests");
            return { cpuSeconds, tests: Number(passing[1]) };
        },
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
    sdkFloorCase,
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
    const wanted = args.only?.split(",").map((part) => part.trim()).filter((part) => part !== "");
    const selected = cases.filter((c) => (wanted === undefined ? !c.onRequest : wanted.some((part) => c.name.includes(part))));
    const loadBefore = loadNote();
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
    process.stdout.write(`${formatTable(results)}\n\n${HOW_TO_READ}\nMachine: ${loadBefore} at the start, ${loadNote()} at the end.\n`);
    const ratios = formatRatios(results);
    if (ratios !== "") {
        process.stdout.write(`\n${ratios}\n`);
    }
    return results.some((r) => r.error !== undefined) ? EXIT_UNEXPECTED : EXIT_OK;
});
