import { expect } from "chai";
import { UsageError } from "../../../tools/cli";
import { InputError } from "../../../tools/engine/errors";
import { aggregateFile } from "../../../tools/backtest/aggregate";
import { backtestOptions } from "../../../tools/backtest/options";
import { rejection, sampleOptions, scratchDir, writeCsv } from "./support/sample";

const HEADER = "platform,marketplace,timestamp,views,revenue";

describe("backtest input errors", () => {
    const scratch = scratchDir();
    after(() => scratch.cleanup());

    async function errorFor(text: string, extra: Parameters<typeof sampleOptions>[1] = {}): Promise<Error> {
        const file = writeCsv(scratch.dir, `case-${Math.random().toString(36).slice(2)}.csv`, text);
        const err = await rejection(aggregateFile(sampleOptions(file, extra)));
        expect(err).to.be.instanceOf(InputError);
        return err;
    }

    it("names the line and column of a value that is not a number", async () => {
        const err = await errorFor(`${HEADER}\npc_web,us,2021-01-01T00:00:00Z,10,1.5\npc_web,us,2021-01-01T01:00:00Z,ten,1.5\n`);
        expect(err.message).to.match(/case-\w+\.csv:3: column 4 \(views\): expected a number, found "ten"$/);
    });

    it("names the line of a timestamp it cannot read, and refuses dates that do not exist", async () => {
        const bad = await errorFor(`${HEADER}\npc_web,us,yesterday,10,1.5\n`);
        expect(bad.message).to.match(/:2: column 3 \(timestamp\): expected an ISO 8601 timestamp .*found "yesterday"$/);
        const april31 = await errorFor(`${HEADER}\npc_web,us,2021-01-01 00:00:00,10,1.5\npc_web,us,2021-04-31T00:00:00Z,10,1.5\n`);
        expect(april31.message).to.match(/:3: column 3 \(timestamp\)/);
    });

    it("names the line of a timestamp far from the others (a mistyped year) before it costs memory", async () => {
        const err = await errorFor(`${HEADER}\npc_web,us,2021-01-01T00:00:00Z,10,1.5\npc_web,us,2021-01-01T01:00:00Z,10,1.5\npc_web,us,2201-01-01T02:00:00Z,10,1.5\n`);
        expect(err.message).to.match(/:4: column 3 \(timestamp\): expected a timestamp within 1,000,000 intervals of the others \(a mistyped year\?\), found "2201-01-01T02:00:00Z"$/);
    });

    it("counts lines inside quoted fields: the line named is the one the bad row is on", async () => {
        const err = await errorFor(`${HEADER}\n"pc\nweb",us,2021-01-01T00:00:00Z,10,1.5\n\npc_web,"u,s",2021-01-01T01:00:00Z,1e,1.5\n`);
        expect(err.message).to.match(/:5: column 4 \(views\)/);
    });

    it("names the line of a row with the wrong number of fields, or a broken quote", async () => {
        const short = await errorFor(`${HEADER}\npc_web,us,2021-01-01T00:00:00Z,10,1.5\npc_web,us,2021-01-01T01:00:00Z,10\n`);
        expect(short.message).to.match(/:3: malformed CSV: .*expect 5, got 4/);
        const quote = await errorFor(`${HEADER}\npc_web,us,2021-01-01T00:00:00Z,10,1.5\npc_web,"us"x,2021-01-01T01:00:00Z,10,1\n`);
        expect(quote.message).to.match(/:3: malformed CSV: Invalid Closing Quote/);
    });

    it("names an unknown column and lists the header", async () => {
        const err = await errorFor(`${HEADER}\n`, { measures: "views,orders" });
        expect(err.message).to.match(/:1: no column "orders" \(named by --measures\); the header has: platform, marketplace, timestamp, views, revenue$/);
    });

    it("refuses an empty file, a file without rows and a missing file", async () => {
        expect((await errorFor("")).message).to.match(/the file is empty/);
        expect((await errorFor(`${HEADER}\n`)).message).to.match(/a header but no rows/);
        const missing = await rejection(aggregateFile(sampleOptions(`${scratch.dir}/nope.csv`)));
        expect(missing).to.be.instanceOf(InputError);
        expect(missing.message).to.match(/^cannot read .*nope\.csv/);
    });

    it("refuses an unknown interval, a threshold out of range and a column in two roles", () => {
        const base = { file: "f.csv", timestamp: "timestamp", measures: "views", dimensions: "platform", interval: "PT1H" };
        const usage = (values: Record<string, string>) => {
            try {
                backtestOptions({ ...base, ...values });
            } catch (err) {
                expect(err).to.be.instanceOf(UsageError);
                return (err as Error).message;
            }
            throw new Error("expected a UsageError");
        };
        expect(usage({ interval: "PT2H" })).to.equal('--interval: expected one of PT5M, PT10M, PT1H, P1D, found "PT2H"');
        expect(usage({ threshold: "101" })).to.equal('--threshold: expected a number from 0 to 100, found "101"');
        expect(usage({ threshold: "-1" })).to.match(/^--threshold: expected a number from 0 to 100/);
        expect(usage({ threshold: "high" })).to.match(/^--threshold/);
        expect(usage({ measures: "views:median" })).to.match(/unknown aggregation/);
        expect(usage({ dimensions: "views" })).to.match(/"views" is named in two roles/);
        expect(usage({ measures: "" })).to.equal("--measures is required");
        expect(backtestOptions({ ...base, threshold: "55.5" }).threshold).to.equal(55.5);
    });
});
