import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { labelLines, planSample, sampleLines } from "../../../tools/backtest/sample/generate";
import { scratchDir, writeCsv } from "./support/sample";

const ROOT = path.resolve(__dirname, "../../..");
const REGISTER = path.join(ROOT, "tools/register.js");
const BACKTEST = path.join(ROOT, "tools/backtest/cli.ts");
const SAMPLE = path.join(ROOT, "tools/backtest/sample/cli.ts");

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

function run(script: string, ...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, ["-r", REGISTER, script, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
            const code = err ? ((err as { code?: unknown }).code as number | null) : 0;
            resolve({ code: typeof code === "number" ? code : null, stdout, stderr });
        });
    });
}

const COLUMNS = ["--timestamp", "timestamp", "--measures", "views,revenue", "--dimensions", "platform,marketplace", "--interval", "PT1H"];

describe("backtest and backtest:sample commands", function () {
    this.timeout(60000);
    const scratch = scratchDir();
    const data = path.join(scratch.dir, "data.csv");
    let json: Run;
    let text: Run;
    let malformed: Run;
    let badInterval: Run;

    // Spawned commands take a second or two each: two at a time.
    before(async () => {
        const generated = await run(SAMPLE, "--out", data, "--seed", "5", "--days", "49");
        expect(generated.stderr).to.equal("");
        expect(generated.stdout).to.match(/^wrote \d+ rows to .*data\.csv and \d+ labelled anomalies to .*data\.labels\.csv\n$/);
        [json, text] = await Promise.all([run(BACKTEST, "--file", data, ...COLUMNS, "--json"), run(BACKTEST, "--file", data, ...COLUMNS, "--threshold", "50")]);
        const bad = writeCsv(scratch.dir, "bad.csv", "platform,marketplace,timestamp,views,revenue\npc_web,us,2021-01-01T00:00:00Z,1,1\npc_web,us,2021-01-01T01:00:00Z,1,\"1\n");
        [malformed, badInterval] = await Promise.all([run(BACKTEST, "--file", bad, ...COLUMNS), run(BACKTEST, "--file", data, ...COLUMNS.slice(0, -1), "PT2H")]);
    });
    after(() => scratch.cleanup());

    it("writes the same sample and labels for the same seed, and another for another seed", () => {
        const read = (f: string) => fs.readFileSync(f, "utf8");
        const inProcess = (seed: number) => {
            const plan = planSample({ seed, days: 49 });
            return [`${[...sampleLines(plan)].join("\n")}\n`, `${labelLines(plan).join("\n")}\n`];
        };
        expect(inProcess(5)).to.deep.equal([read(data), read(data.replace(".csv", ".labels.csv"))]);
        expect(inProcess(6)[0]).to.not.equal(read(data));
        const lines = read(data).trim().split("\n");
        expect(lines[0]).to.equal("platform,marketplace,timestamp,views,revenue");
        // 49 days x 24 hours x 21 series, less the rows left out on purpose.
        expect(lines.length - 1).to.be.within(49 * 24 * 21 - 300, 49 * 24 * 21);
        const labels = read(data.replace(".csv", ".labels.csv")).trim().split("\n");
        expect(labels[0]).to.equal("start,end,measure,platform,marketplace,kind,factor");
        expect(labels.length).to.be.greaterThan(5);
    });

    it("prints the --json shape of docs/commands.md, anomalies most severe first", () => {
        expect(json.stderr).to.equal("");
        expect(json.code).to.equal(0);
        const out = JSON.parse(json.stdout);
        expect(Object.keys(out)).to.deep.equal(["rows", "series", "trainIntervals", "testIntervals", "anomalies"]);
        expect(out.series).to.equal(42);
        expect(out.trainIntervals).to.equal(Math.floor(49 * 24 * 0.7));
        expect(out.testIntervals).to.equal(49 * 24 - out.trainIntervals);
        expect(out.anomalies.length).to.be.greaterThan(0);
        for (const a of out.anomalies) {
            expect(Object.keys(a)).to.deep.equal(["timestamp", "measure", "dimensions", "expected", "actual", "severity", "contributions"]);
            expect(a.timestamp).to.match(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
            expect(["views", "revenue"]).to.include(a.measure);
            expect(Object.keys(a.dimensions)).to.deep.equal(["platform", "marketplace"]);
            expect(a.severity).to.be.a("number").within(70, 100);
            expect(Number.isInteger(a.severity)).to.equal(true);
            for (const c of a.contributions) {
                expect(Object.keys(c)).to.deep.equal(["dimension", "value", "share"]);
                expect(c.share).to.be.within(0, 1);
            }
            expect(a.contributions).to.deep.include({ dimension: "marketplace", value: a.dimensions.marketplace, share: a.contributions.find((c: { value: string }) => c.value === a.dimensions.marketplace).share });
        }
        const severities = out.anomalies.map((a: { severity: number }) => a.severity);
        expect(severities).to.deep.equal([...severities].sort((x: number, y: number) => y - x));
    });

    it("prints readable text: a summary, then one line of at most 120 characters per anomaly", () => {
        expect(text.code).to.equal(0);
        const lines = text.stdout.trimEnd().split("\n");
        expect(lines[0]).to.match(/^Backtest of .*data\.csv: [\d,]+ rows, 42 series, interval PT1H$/);
        expect(lines[2]).to.match(/threshold 50 \(outside expected ± 3.5 standard deviations\): \d+ anomal/);
        for (const line of lines) expect(line.length, line).to.be.at.most(120);
        const anomalyLines = lines.filter((l) => /^ {0,2}\d{1,3} {2}\d{4}-/.test(l));
        const reported = Number(/(\d+) anomal/.exec(lines[2])![1]);
        expect(anomalyLines).to.have.length(reported);
        // A lower threshold reports at least what the default does.
        expect(reported).to.be.at.least(JSON.parse(json.stdout).anomalies.length);
        expect(anomalyLines[0]).to.match(/expected [\d,.]+ actual [\d,.]+ \([+-]\d+%\) {2}\| \w+ \d+%/);
    });

    it("exits 2 naming the line of a malformed file, or with the usage for an unknown interval", () => {
        expect(malformed.code).to.equal(2);
        expect(malformed.stdout).to.equal("");
        expect(malformed.stderr).to.match(/^error: .*bad\.csv:3: malformed CSV: Quote Not Closed/);
        expect(malformed.stderr).to.not.match(/\n\s+at /);
        expect(badInterval.code).to.equal(2);
        expect(badInterval.stderr).to.match(/^error: --interval: expected one of PT5M, PT10M, PT1H, P1D, found "PT2H"\nusage: npm run backtest/);
    });
});
