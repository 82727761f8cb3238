import { expect } from "chai";
import type { Series } from "../../../tools/backtest/aggregate";
import { IntervalTable } from "../../../tools/backtest/intervalTable";
import { AnomalousPoint, contributionsOf, groupPoints } from "../../../tools/backtest/detect";
import { bandWidthFor, isOutsideBand, severityOf } from "../../../tools/backtest/severity";

const series = (...values: string[]): Series => ({ values, cells: new IntervalTable(2) });
const point = (s: Series, interval: number, expected: number, actual: number, measure = "revenue"): AnomalousPoint => {
    const z = (actual - expected) / 10;
    return { measure, series: s, interval, expected, actual, z, severity: severityOf(z) };
};

describe("anomaly groups and dimension-value contributions", () => {
    const deWeb = series("mobile_web", "de");
    const ukWeb = series("mobile_web", "uk");
    const usApp = series("mobile_app", "us");
    const dims = ["platform", "marketplace"];

    it("shares each dimension's deviation among its values, as the seed's panel (de 71%, uk 29%, mobile_web 100%)", () => {
        const contributions = contributionsOf([point(deWeb, 1, 710, 0), point(ukWeb, 1, 500, 210)], dims);
        expect(contributions).to.deep.equal([
            { dimension: "platform", value: "mobile_web", share: 1 },
            { dimension: "marketplace", value: "de", share: 0.71 },
            { dimension: "marketplace", value: "uk", share: 0.29 },
        ]);
    });

    it("groups points of one measure at the same interval, and a series' consecutive intervals; nothing else", () => {
        const groups = groupPoints(
            [
                point(deWeb, 10, 100, 0),
                point(deWeb, 11, 100, 0),
                point(deWeb, 12, 100, 0),
                point(ukWeb, 12, 100, 40),
                // A different measure at the same time, a later hour after a gap, another series
                // the hour after: three more anomalies.
                point(deWeb, 12, 100, 400, "views"),
                point(deWeb, 14, 100, 0),
                point(usApp, 13, 100, 0),
            ],
            dims,
        );
        expect(groups.map((g) => [g.measure, g.points.length, g.start, g.end])).to.have.deep.members([
            ["revenue", 4, 10, 12],
            ["views", 1, 12, 12],
            ["revenue", 1, 14, 14],
            ["revenue", 1, 13, 13],
        ]);
        const joined = groups.find((g) => g.points.length === 4)!;
        expect(joined.peak.series).to.equal(deWeb);
        const de = joined.contributions.find((c) => c.value === "de")!.share;
        expect(de).to.be.closeTo(300 / 360, 1e-9);
    });

    it("maps severity to the component's CloudWatch band widths: threshold T means 1 + T / 20 standard deviations", () => {
        expect(bandWidthFor(70)).to.equal(4.5);
        expect(bandWidthFor(0)).to.equal(1);
        expect(bandWidthFor(100)).to.equal(6);
        expect(severityOf(bandWidthFor(70))).to.be.closeTo(70, 1e-9);
        expect(severityOf(-2)).to.equal(20);
        expect(severityOf(0.5)).to.equal(0);
        expect(severityOf(50)).to.equal(100);
        expect(isOutsideBand(4.49, 70)).to.equal(false);
        expect(isOutsideBand(-4.5, 70)).to.equal(true);
        // Threshold 0 is CloudWatch's narrowest band, one standard deviation, not "everything".
        expect(isOutsideBand(0.9, 0)).to.equal(false);
    });
});
