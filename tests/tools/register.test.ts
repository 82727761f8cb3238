import { expect } from "chai";
import { execFile } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REGISTER = path.resolve(__dirname, "../../tools/register.js");

/** Runs a .ts file with the project's loader; resolves with what it printed. */
function runTs(file: string): Promise<{ value: number; transpilerLoaded: boolean }> {
    return new Promise((resolve, reject) => {
        execFile(process.execPath, ["-r", REGISTER, file], { encoding: "utf8" }, (error, stdout, stderr) =>
            error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as { value: number; transpilerLoaded: boolean }));
    });
}

// A TypeScript-only construct (an enum, a parameter property) and a report of whether SWC,
// @swc-node or TypeScript were loaded to run the file.
const probe = (nonce: string, value: number) => `// ${nonce}
enum Answer { Value = ${value} }
class Box { constructor(readonly value: Answer) {} }
const transpilerLoaded = Object.keys(require.cache).some((f) => /@swc|[\\\\/]typescript[\\\\/]/.test(f));
console.log(JSON.stringify({ value: new Box(Answer.Value).value, transpilerLoaded }));
`;

describe("tools/register.js, the TypeScript loader", function () {
    this.timeout(60000);
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("transpiles a file once: a start whose files are all cached loads neither SWC nor TypeScript", async () => {
        const file = path.join(dir, "probe.ts");
        const nonce = crypto.randomUUID();
        fs.writeFileSync(file, probe(nonce, 41));
        expect(await runTs(file)).to.deep.equal({ value: 41, transpilerLoaded: true });
        expect(await runTs(file)).to.deep.equal({ value: 41, transpilerLoaded: false });
        // A changed source is transpiled again, never answered from the cache.
        fs.writeFileSync(file, probe(nonce, 42));
        expect(await runTs(file)).to.deep.equal({ value: 42, transpilerLoaded: true });
    });

    it("leaves TypeScript unloaded when @pulumi/pulumi loads, and loads it at the first use by the function serializer", async () => {
        const file = path.join(dir, "serialize.ts");
        fs.writeFileSync(file, `
import * as pulumi from ${JSON.stringify(require.resolve("@pulumi/pulumi"))};
const typescriptLoaded = () => Object.keys(require.cache).some((f) => f.endsWith("typescript.js"));
const atLoad = typescriptLoaded();
pulumi.runtime.serializeFunction((x: number) => x + 1).then((serialized) => {
    console.log(JSON.stringify({ atLoad, afterUse: typescriptLoaded(), serializedFunction: serialized.text.includes("x + 1") }));
});
`);
        const run = () => new Promise<string>((resolve, reject) =>
            execFile(process.execPath, ["-r", REGISTER, file], { encoding: "utf8" }, (error, out, stderr) =>
                error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(out)));
        // The first run transpiles the file, and SWC's register loads TypeScript to read tsconfig.json.
        await run();
        expect(JSON.parse(await run())).to.deep.equal({ atLoad: false, afterUse: true, serializedFunction: true });
    });

    it("keeps no transpiled file in, and reads none from, a cache directory others may write", async () => {
        // TMPDIR moves the loader's cache directory into one made here, writable by everyone.
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "register-shared-"));
        const shared = path.join(tmp, `analytics-platform-ts-${process.getuid?.() ?? "user"}`);
        fs.mkdirSync(shared, { mode: 0o777 });
        fs.chmodSync(shared, 0o777);
        const file = path.join(dir, "shared.ts");
        fs.writeFileSync(file, probe(crypto.randomUUID(), 7));
        const run = () => new Promise<{ value: number; transpilerLoaded: boolean }>((resolve, reject) =>
            execFile(process.execPath, ["-r", REGISTER, file], { encoding: "utf8", env: { ...process.env, TMPDIR: tmp } }, (error, stdout, stderr) =>
                error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as { value: number; transpilerLoaded: boolean })));
        expect(await run()).to.deep.equal({ value: 7, transpilerLoaded: true });
        expect(await run(), "transpiled again: nothing was kept").to.deep.equal({ value: 7, transpilerLoaded: true });
        expect(fs.readdirSync(shared)).to.deep.equal([]);
        fs.rmSync(tmp, { recursive: true, force: true });
    });
});
