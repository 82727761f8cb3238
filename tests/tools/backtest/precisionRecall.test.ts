import { expect } from "chai";
import * as path from "node:path";
import { BacktestResult } from "../../../tools/backtest/detect";
import { SamplePlan } from "../../../tools/backtest/sample/generate";
import { FULL_DAYS } from "../../../tools/backtest/sample/shape";
import { Score, scoreAgainstLabels } from "../../../tools/backtest/sample/score";
import { backtest, sampleOptions, scratchDir, writeSample } from "./support/sample";

// The one full-size run of the suite: nine months of the e-commerce shape (~137,000 rows).
describe("backtest on the full e-commerce sample (precision and recall)", function () {
    this.timeout(120000);
    const scratch = scratchDir();
    let plan: SamplePlan;
    let result: BacktestResult;
    let score: Score;

    before(async () => {
        const file = path.join(scratch.dir, "data.csv");
        plan = await writeSample(file, { seed: 1 });
        result = await backtest(sampleOptions(file));
        score = scoreAgainstLabels(result.anomalies, plan.labels, plan.start, result.firstInterval + result.trainIntervals);
    });
    after(() => scratch.cleanup());

    it("splits the seed's nine months 70/30 over 42 series", () => {
        expect(result.series).to.equal(42);
        expect(result.trainIntervals + result.testIntervals).to.equal(FULL_DAYS * 24);
        expect(result.trainIntervals).to.equal(Math.floor(FULL_DAYS * 24 * 0.7));
        expect(result.rows).to.be.within(136000, FULL_DAYS * 24 * 21);
    });

    it("finds at least 90% of the injected events of the test part", () => {
        expect(score.events).to.be.greaterThan(15);
        const missed = score.missed.map((l) => `${l.kind} ${l.measure} ${l.platform}/${l.marketplace} at hour ${l.start}`);
        expect(score.recall, `missed: ${missed.join("; ")}`).to.be.at.least(0.9);
    });

    it("reports at least 70% real anomalies", () => {
        expect(score.reported).to.be.greaterThan(0);
        expect(score.precision, `${score.falseAlarms.length} false alarms of ${score.reported}`).to.be.at.least(0.7);
    });

    it("shows the seed's anomaly as one, concentrated in mobile_web and de, less in uk", () => {
        const seedTime = Date.UTC(2021, 8, 3, 21) / 3600000;
        const anomaly = result.anomalies.find((a) => a.measure === "revenue" && a.start <= seedTime + 4 && a.end >= seedTime);
        expect(anomaly, "no revenue anomaly on 2021-09-03/04").to.not.equal(undefined);
        expect(anomaly!.peak.series.values).to.deep.equal(["mobile_web", "de"]);
        expect(anomaly!.peak.actual).to.equal(0);
        const share = (value: string) => anomaly!.contributions.find((c) => c.value === value)?.share;
        expect(share("mobile_web")).to.equal(1);
        expect(share("de")).to.be.within(0.6, 0.85);
        expect(share("uk")).to.be.within(0.15, 0.4);
        expect(share("de")! + share("uk")!).to.be.closeTo(1, 1e-9);
    });

    it("sorts anomalies by severity, most severe first", () => {
        const severities = result.anomalies.map((a) => a.peak.severity);
        expect(severities).to.deep.equal([...severities].sort((a, b) => b - a));
        expect(severities.every((s) => s >= 70)).to.equal(true);
    });
});
