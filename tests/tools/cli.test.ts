import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { EXIT_BAD_INPUT, EXIT_UNEXPECTED, UsageError, parseCliArgs, reportError } from "../../tools/cli";
import { InputError } from "../../tools/engine/errors";

function report(err: unknown): { code: number; text: string } {
    let text = "";
    const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
    return { code: reportError(err, stream), text };
}

describe("cli plumbing", () => {
    it("maps an error with problems to exit 2, one line each, no stack trace", () => {
        const err = Object.assign(new pulumi.RunError("invalid config"), { problems: ["a: bad", "b: worse"] });
        expect(report(err)).to.deep.equal({ code: EXIT_BAD_INPUT, text: "a: bad\nb: worse\n" });
    });

    it("maps input and usage errors to exit 2 without a stack trace", () => {
        expect(report(new InputError("Pulumi.x.yaml: cannot read"))).to.deep.equal({
            code: EXIT_BAD_INPUT,
            text: "error: Pulumi.x.yaml: cannot read\n",
        });
        expect(report(new UsageError("--stack is required", "usage: plan")).text).to.equal(
            "error: --stack is required\nusage: plan\n",
        );
    });

    it("maps anything else to exit 1 with the stack", () => {
        const { code, text } = report(new TypeError("boom"));
        expect(code).to.equal(EXIT_UNEXPECTED);
        expect(text).to.match(/^error: TypeError: boom\n\s+at /);
    });

    it("parses options strictly", () => {
        const options = { stack: { type: "string" as const } };
        expect(parseCliArgs(options, "u", ["--stack", "dev"])).to.deep.equal({ stack: "dev" });
        expect(() => parseCliArgs(options, "u", ["--stak", "dev"])).to.throw(UsageError, /--stak/);
        expect(() => parseCliArgs(options, "u", ["dev"])).to.throw(UsageError);
    });
});
