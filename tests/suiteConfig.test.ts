import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
// Mocha's own file collection, as `mocha` runs it with .mocharc.json (mocha has no exports map).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const collectFiles = require("mocha/lib/cli/collect-files.cjs") as (options: object) => { files: string[] } | string[];

interface MochaConfig {
    spec: string[];
    extension: string[];
    parallel?: boolean;
    jobs?: number;
}

function testFilesUnder(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".test.ts") && !f.split(path.sep).includes("node_modules"))
        .map((f) => path.join(dir, f));
}

/**
 * The suite runs in parallel (.mocharc.json: two workers, each taking the next file): a file its
 * spec globs name twice would run twice, one they miss would not run at all, and the files that
 * wait on child processes (tsc, npm pack, the CLIs) go first so that those run beside the rest.
 */
describe("the test suite's configuration (.mocharc.json)", () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, ".mocharc.json"), "utf8")) as MochaConfig;
    const collected = collectFiles({ spec: config.spec, extension: config.extension, ignore: [], file: [], recursive: false, sort: false });
    const files = (Array.isArray(collected) ? collected : collected.files).map((f) => path.relative(ROOT, f));

    it("runs every test file once", () => {
        expect(files.length).to.equal(new Set(files).size, `named twice: ${files.filter((f, i) => files.indexOf(f) !== i).join(", ")}`);
        expect([...files].sort()).to.deep.equal(testFilesUnder("tests").sort());
    });

    it("starts the files that wait on child processes first, the package build before all", () => {
        expect(config.parallel).to.equal(true);
        expect(files[0]).to.equal(path.join("tests", "build", "reuse.test.ts"));
        const firstOthers = files.findIndex((f) => !f.startsWith(path.join("tests", "build")) && !/Cli\.test\.ts$/.test(f));
        expect(files.slice(0, firstOthers)).to.include.members([...testFilesUnder(path.join("tests", "build")), path.join("tests", "tools", "planCli.test.ts"), path.join("tests", "tools", "policyCli.test.ts")]);
    });
});
