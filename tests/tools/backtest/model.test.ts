import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { BacktestResult } from "../../../tools/backtest/detect";
import { HOUR_MS } from "../../../tools/backtest/intervals";
import { Random } from "../../../tools/backtest/sample/random";
import { backtest, sampleOptions, scratchDir, writeCsv, writeSample } from "./support/sample";

// Eight weeks of two pc_web series: the training part holds five full weeks, enough for the
// weekly profile. No anomalies injected unless a test writes them.
const SMALL = { seed: 7, days: 56, platforms: ["pc_web", "mobile_app"] as const, marketplaces: ["us", "de"] as const, eventsPer30Days: 0, missingRowShare: 0, feedGaps: 0 };
const TRAIN_HOURS = Math.floor(56 * 24 * 0.7);

/** The sample as rows, to edit before writing it back. */
function readRows(file: string): string[][] {
    return fs.readFileSync(file, "utf8").trim().split("\n").map((line) => line.split(","));
}

function writeRows(file: string, rows: string[][]): void {
    fs.writeFileSync(file, `${rows.map((r) => r.join(",")).join("\n")}\n`);
}

describe("backtest model", function () {
    this.timeout(30000);
    const scratch = scratchDir();
    let clean: string;
    let cleanResult: BacktestResult;
    before(async () => {
        clean = path.join(scratch.dir, "clean.csv");
        await writeSample(clean, { ...SMALL });
        cleanResult = await backtest(sampleOptions(clean));
    });
    const describeAll = (r: BacktestResult) => r.anomalies.map((a) => [a.measure, a.peak.series.values.join("/"), a.peak.interval * HOUR_MS]);
    after(() => scratch.cleanup());

    it("expects the weekend dip: pc_web's weekend traffic is far below weekdays, and no anomaly is reported", async () => {
        const rows = readRows(clean).slice(1);
        // In the data: pc_web weekend hours are well under half a weekday's same hour, far more
        // than the noise (6%), so a model without the weekly pattern would flag every weekend.
        const weekdayOf = (ts: string) => new Date(ts).getUTCDay();
        const noon = rows.filter((r) => r[0] === "pc_web" && r[1] === "de" && r[2].endsWith("T11:00:00Z"));
        const mean = (xs: string[][]) => xs.reduce((s, r) => s + Number(r[3]), 0) / xs.length;
        const weekend = mean(noon.filter((r) => [0, 6].includes(weekdayOf(r[2]))));
        const weekday = mean(noon.filter((r) => ![0, 6].includes(weekdayOf(r[2]))));
        expect(weekend / weekday).to.be.below(0.65);

        const result = cleanResult;
        expect(result.testIntervals).to.equal(56 * 24 - TRAIN_HOURS);
        const weekendAnomalies = result.anomalies.filter((a) => [0, 6].includes(new Date(a.peak.interval * HOUR_MS).getUTCDay()));
        expect(weekendAnomalies.map((a) => `${a.measure} ${a.peak.series.values} ${a.peak.interval}`)).to.deep.equal([]);
        expect(result.anomalies.length).to.be.at.most(1);
    });

    it("takes a missing interval for missing, not for zero: rows left out report nothing, the same rows at 0 do", async () => {
        const rows = readRows(clean);
        // Six hours of pc_web/us on a weekday evening in the test part.
        const start = Date.UTC(2021, 1, 17, 17);
        const inWindow = (r: string[]) => r[0] === "pc_web" && r[1] === "us" && Date.parse(r[2]) >= start && Date.parse(r[2]) < start + 6 * HOUR_MS;
        expect(rows.filter(inWindow)).to.have.length(6);
        expect(Date.parse(rows[1][2]) + TRAIN_HOURS * HOUR_MS).to.be.below(start);

        const gap = path.join(scratch.dir, "gap.csv");
        writeRows(gap, rows.filter((r) => !inWindow(r)));
        const zero = path.join(scratch.dir, "zero.csv");
        writeRows(zero, rows.map((r) => (inWindow(r) ? [r[0], r[1], r[2], "0", "0"] : r)));
        // The whole feed missing for a day: no series is scored there, and nothing is reported.
        const feedGap = path.join(scratch.dir, "feed-gap.csv");
        writeRows(feedGap, rows.filter((r, i) => i === 0 || !(Date.parse(r[2]) >= start && Date.parse(r[2]) < start + 24 * HOUR_MS)));

        const [gapResult, zeroResult, feedResult] = await Promise.all([gap, zero, feedGap].map((f) => backtest(sampleOptions(f))));
        const inside = (interval: number) => interval * HOUR_MS >= start && interval * HOUR_MS < start + 24 * HOUR_MS;
        expect(gapResult.anomalies.filter((a) => inside(a.peak.interval))).to.deep.equal([]);
        expect(feedResult.anomalies.filter((a) => inside(a.peak.interval))).to.deep.equal([]);
        expect(feedResult.testIntervals).to.equal(gapResult.testIntervals);
        const zeros = zeroResult.anomalies.filter((a) => inside(a.peak.interval));
        expect(zeros.map((a) => [a.measure, a.peak.series.values.join("/"), a.peak.actual, a.end - a.start + 1])).to.have.deep.members([
            ["views", "pc_web/us", 0, 6],
            ["revenue", "pc_web/us", 0, 6],
        ]);
        expect(zeros.every((a) => a.peak.severity === 100)).to.equal(true);
    });

    it("follows the trend: steady growth in the test part is not an anomaly, a step of +150% is", async () => {
        const rows = readRows(clean);
        const testStart = Date.parse(rows[1][2]) + TRAIN_HOURS * HOUR_MS;
        const spike = Date.UTC(2021, 1, 20, 12);
        const edited = rows.map((r, i) => {
            if (i === 0) return r;
            const t = Date.parse(r[2]);
            // +1% a day from the start of the test part (17% more by its end; the sample itself grows
            // by 0.1% a day): the level, re-estimated daily from the past week, follows.
            const growth = t >= testStart ? 1 + (0.01 * (t - testStart)) / (24 * HOUR_MS) : 1;
            const bump = r[0] === "mobile_app" && r[1] === "de" && t === spike ? 2.5 : 1;
            return [r[0], r[1], r[2], String(Math.round(Number(r[3]) * growth * bump)), (Number(r[4]) * growth).toFixed(2)];
        });
        const file = path.join(scratch.dir, "growth.csv");
        writeRows(file, edited);
        // Threshold 80 (5 standard deviations): the clean sample has points not far under the default
        // band, and a little growth lifts one over. Without a level that follows, 17% growth would be
        // 2.5 standard deviations of views by the end, and the ordinary noise on top of it would cross 80.
        const [result, cleanAt80] = await Promise.all([file, clean].map((f) => backtest(sampleOptions(f, { threshold: "80" }))));
        expect(describeAll(result)).to.have.deep.members([...describeAll(cleanAt80), ["views", "mobile_app/de", spike]]);
    });

    it("gives the same result for the rows in any order (the aggregates grow at either end)", async () => {
        const ordered = path.join(scratch.dir, "ordered.csv");
        await writeSample(ordered, { ...SMALL, eventsPer30Days: 10 });
        const [header, ...rows] = readRows(ordered);
        const random = new Random(11);
        for (let i = rows.length - 1; i > 0; i--) {
            const j = Math.floor(random.next() * (i + 1));
            [rows[i], rows[j]] = [rows[j], rows[i]];
        }
        const shuffled = path.join(scratch.dir, "shuffled.csv");
        writeRows(shuffled, [header, ...rows]);
        const [inOrder, result] = await Promise.all([ordered, shuffled].map((f) => backtest(sampleOptions(f))));
        const seen = (r: BacktestResult) => r.anomalies.map((a) => [a.measure, a.peak.series.values, a.peak.interval, a.peak.expected, a.peak.actual, a.peak.severity]);
        expect(inOrder.anomalies.length).to.be.greaterThan(2);
        expect(result.rows).to.equal(inOrder.rows);
        expect(result.trainIntervals).to.equal(inOrder.trainIntervals);
        expect(seen(result)).to.deep.equal(seen(inOrder));
    });

    it("without dimensions scores one series per measure (the totals), and lists a series too short to learn from", async () => {
        const rows = readRows(clean);
        // A marketplace that appears only in the test part has no history to learn from.
        const newcomer = rows.slice(1).filter((r) => Date.parse(r[2]) >= Date.parse(rows[1][2]) + (TRAIN_HOURS + 24) * HOUR_MS && r[1] === "us" && r[0] === "pc_web").map((r) => [r[0], "nl", ...r.slice(2)]);
        const file = path.join(scratch.dir, "newcomer.csv");
        writeRows(file, [...rows, ...newcomer]);
        const totals = await backtest(sampleOptions(file, { dimensions: "" }));
        expect(totals.series).to.equal(2);
        expect(totals.unscored).to.deep.equal([]);
        for (const a of totals.anomalies) expect(a.contributions).to.deep.equal([]);
        const perSeries = await backtest(sampleOptions(file));
        expect(perSeries.series).to.equal(10);
        expect(perSeries.unscored).to.deep.equal([
            { measure: "views", values: ["pc_web", "nl"] },
            { measure: "revenue", values: ["pc_web", "nl"] },
        ]);
    });

    it("averages an avg measure and sums a sum measure within an interval", async () => {
        const lines = ["ts,region,temperature,orders"];
        // Four weeks of 10-minute readings aggregated per hour: temperature averages to 20 (+/- a
        // daily wave), orders sum to 6 per hour; the last reading of one hour is off by 30 degrees.
        const start = Date.UTC(2024, 0, 1);
        const random = new Random(3);
        for (let i = 0; i < 28 * 24 * 6; i++) {
            const t = start + i * 600000;
            const hour = new Date(t).getUTCHours();
            const wobble = 0.5 * random.normal();
            let temperature = 20 + 5 * Math.sin((2 * Math.PI * hour) / 24) + wobble;
            if (i === 26 * 24 * 6 + 5) temperature += 30;
            lines.push(`${new Date(t).toISOString()},"north, upper",${temperature.toFixed(2)},1`);
        }
        const file = writeCsv(scratch.dir, "readings.csv", `${lines.join("\n")}\n`);
        const options = sampleOptions(file, { measures: "temperature:avg,orders", dimensions: "region" });
        const result = await backtest({ ...options, timestamp: "ts" });
        expect(result.series).to.equal(2);
        expect(result.anomalies).to.have.length(1);
        const [anomaly] = result.anomalies;
        expect(anomaly.measure).to.equal("temperature");
        expect(anomaly.peak.series.values).to.deep.equal(["north, upper"]);
        // The hour's six readings average to about 25 degrees more than usual, not 30 and not a sum.
        expect(anomaly.peak.actual - anomaly.peak.expected).to.be.within(3, 7);
    });
});
