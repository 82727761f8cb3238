import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { ROOT, run, startEarly } from "./tempPackage";

/** Pulumi's registration of ts-node on index.ts, in a process of its own (started while mocha loads). */
const loaded = startEarly(() => run(process.execPath, [path.join(__dirname, "fixtures/pulumiTypeScript.js"), ROOT]));

/**
 * `pulumi up` does not use the project's loader (tools/register.js): with `typescript: true` in
 * Pulumi.yaml, Pulumi's language host registers ts-node itself. This runs that registration on
 * index.ts, so a TypeScript, ts-node or tsconfig change that would break `pulumi up` fails here.
 */
describe("Pulumi's own TypeScript support loads the program", function () {
    this.timeout(60000);

    it("Pulumi.yaml asks for it: runtime nodejs with typescript: true", () => {
        const project = parseYaml(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { runtime: { name: string; options: Record<string, unknown> } };
        expect(project.runtime.name).to.equal("nodejs");
        expect(project.runtime.options["typescript"]).to.equal(true);
    });

    it("registers the project's ts-node and TypeScript and loads index.ts as `export = main`", async () => {
        const out = await loaded();
        const found = JSON.parse(out) as { tsNode: string; tsNodeVersion: string; typescript: string; mainIsFunction: boolean };
        // The project's own, not the SDK's vendored ts-node 7 and TypeScript 3.8.
        expect(found.tsNode.startsWith(path.join(ROOT, "node_modules/ts-node/"))).to.equal(true);
        expect(found.typescript).to.match(/^5\./);
        expect(found.mainIsFunction).to.equal(true);
    });
});
