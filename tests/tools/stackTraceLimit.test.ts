import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { planProgram } from "../../tools/engine/run";

const CONFIG = { "aws:region": "eu-west-1" };

async function rejection(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (err) {
        return err as Error;
    }
    throw new Error("expected the plan to fail");
}

describe("plans without stack traces", () => {
    it("collects no stack trace while the program runs, and restores the limit after overlapping plans", async () => {
        const before = Error.stackTraceLimit;
        const seen: number[] = [];
        const program = () => {
            seen.push(Error.stackTraceLimit);
            return { bucket: new aws.s3.Bucket("b", {}).bucket };
        };
        await Promise.all(["one", "two"].map((stack) => planProgram({ project: "p", stack, config: CONFIG, program })));
        expect(seen).to.deep.equal([0, 0]);
        expect(Error.stackTraceLimit).to.equal(before);
    });

    it("runs a program that fails with a RunError once, and rejects with that error", async () => {
        let runs = 0;
        const err = await rejection(planProgram({ project: "p", stack: "dev", config: CONFIG, program: () => {
            runs++;
            throw new pulumi.RunError("a config mistake");
        } }));
        expect(runs).to.equal(1);
        expect(err.message).to.equal("a config mistake");
    });

    it("runs a program that fails with anything else again, with stack traces, so its error says where", async () => {
        const limits: number[] = [];
        const err = await rejection(planProgram({ project: "p", stack: "dev", config: CONFIG, program: () => {
            limits.push(Error.stackTraceLimit);
            const missing = undefined as unknown as { name: string };
            return { name: missing.name };
        } }));
        expect(limits).to.deep.equal([0, Error.stackTraceLimit]);
        expect(limits[1]).to.be.greaterThan(0);
        expect(err).to.be.instanceOf(TypeError);
        expect(err.stack).to.match(/\n\s+at .*stackTraceLimit\.test\.ts/);
    });
});
