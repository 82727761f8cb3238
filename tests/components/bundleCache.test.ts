import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BuildOutput, cachedBundle } from "../../components/anomalyDetector/bundleCache";

/**
 * The on-disk bundle cache with a stand-in build (the bundle is the text of the handler's two
 * files): what matters is when it builds and what it returns, not esbuild.
 */
describe("bundle cache", () => {
    let root: string;
    let cacheDir: string;
    let builds: number;
    const build = (): BuildOutput => {
        builds += 1;
        const inputs = ["functions/f/index.ts", "node_modules/dep/index.js"];
        return { code: inputs.map((input) => fs.readFileSync(path.join(root, input), "utf8")).join("\n"), inputs };
    };
    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
    };
    const bundle = (key = "key") => cachedBundle(key, root, build, cacheDir);

    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-cache-src-"));
        cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-cache-"));
        builds = 0;
        write("functions/f/index.ts", "handler v1");
        write("node_modules/dep/index.js", "dep v1");
    });
    afterEach(() => {
        fs.rmSync(root, { recursive: true, force: true });
        fs.rmSync(cacheDir, { recursive: true, force: true });
    });

    it("builds once, then gives the same bytes from disk to the next process", () => {
        expect(bundle()).to.equal("handler v1\ndep v1");
        expect(bundle()).to.equal("handler v1\ndep v1");
        expect(builds).to.equal(1);
    });

    it("builds again when the handler or a bundled dependency changes, and gives the new bytes", () => {
        bundle();
        write("functions/f/index.ts", "handler v2");
        expect(bundle()).to.equal("handler v2\ndep v1");
        write("node_modules/dep/index.js", "dep v2");
        expect(bundle()).to.equal("handler v2\ndep v2");
        expect(builds).to.equal(3);
        // A change back is a change too.
        write("functions/f/index.ts", "handler v1");
        expect(bundle()).to.equal("handler v1\ndep v2");
        expect(builds).to.equal(4);
    });

    it("builds again when an input is gone, or for another key (another esbuild, options or tsconfig)", () => {
        bundle();
        fs.rmSync(path.join(root, "node_modules/dep/index.js"));
        write("node_modules/dep/index.js", "dep v1");
        expect(bundle()).to.equal("handler v1\ndep v1");
        expect(builds).to.equal(1, "the same bytes at the same path are the same input");
        bundle("another key");
        expect(builds).to.equal(2);
    });

    it("builds again over an entry that is not whole JSON (a process killed while writing), and mends it", () => {
        bundle();
        const [entry] = fs.readdirSync(cacheDir);
        fs.writeFileSync(path.join(cacheDir, entry), '{"inputs": {"functions/f/index.ts": "');
        expect(bundle()).to.equal("handler v1\ndep v1");
        expect(bundle()).to.equal("handler v1\ndep v1");
        expect(builds).to.equal(2);
    });

    it("still gives the build when the cache cannot be written", () => {
        const blocked = path.join(cacheDir, "not-a-directory");
        fs.writeFileSync(blocked, "");
        expect(cachedBundle("key", root, build, blocked)).to.equal("handler v1\ndep v1");
        expect(cachedBundle("key", root, build, blocked)).to.equal("handler v1\ndep v1");
        expect(builds).to.equal(2);
    });

    it("neither reads nor writes a cache directory that others may write, or that another user owns", () => {
        // A planted entry: the right inputs and their hashes, and code of someone else's.
        bundle();
        const [entry] = fs.readdirSync(cacheDir);
        const planted = JSON.parse(fs.readFileSync(path.join(cacheDir, entry), "utf8")) as { code: string };
        planted.code = "planted";
        fs.writeFileSync(path.join(cacheDir, entry), JSON.stringify(planted));
        expect(bundle(), "a private directory is read").to.equal("planted");
        fs.chmodSync(cacheDir, 0o777);
        expect(bundle()).to.equal("handler v1\ndep v1");
        expect(fs.readFileSync(path.join(cacheDir, entry), "utf8"), "and not written").to.include("planted");
        fs.chmodSync(cacheDir, 0o700);
        // A link, even to a private directory, is not the directory this user made.
        const linked = `${cacheDir}-link`;
        fs.symlinkSync(cacheDir, linked, "dir");
        try {
            expect(cachedBundle("key", root, build, linked)).to.equal("handler v1\ndep v1");
        } finally {
            fs.rmSync(linked, { force: true });
        }
        if (process.getuid?.() === 0) {
            // Only root can give the directory away; elsewhere the mode case above stands for both.
            fs.chownSync(cacheDir, 4242, 4242);
            expect(bundle()).to.equal("handler v1\ndep v1");
        }
    });
});
