import { expect } from "chai";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { builtinModules } from "node:module";
import type { PackDefinition } from "../../policies/lib/packDefinition";
import { PACKS } from "../../tools/policyRunner/packs";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { PolicyConfigFile, runPacks } from "../../tools/policyRunner/runPolicies";
import { planOf } from "../helpers/plans";
import { ROOT, run, startEarly, tempDir } from "./tempPackage";

const load = createRequire(__filename);

/** The npm package a bare module specifier names (`@scope/name/sub` -> `@scope/name`). */
function packageName(specifier: string): string {
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every module the bundle requires at run time. */
function requiresOf(file: string): string[] {
    return [...fs.readFileSync(file, "utf8").matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
}

/** Settings that make each pack find something on the dev plan, so that equal results mean something. */
const STRICT: Record<string, PolicyConfigFile> = {
    baseline: { "cloudwatch-log-group-retention": { minRetentionDays: 3653 } },
    personas: {},
};

/**
 * Each pack as `pulumi policy publish` takes it: `npm pack` in its folder (prepack bundles it),
 * the tarball unpacked, its dependencies installed beside it, and its rules loaded from there.
 */
const temp = tempDir("packs-");

/** `npm pack` of one pack's folder, unpacked: the folder of the package as installed. */
async function packAndUnpack(folder: string): Promise<string> {
    const out = path.join(temp.dir, folder);
    fs.mkdirSync(out);
    const [info] = JSON.parse(await run("npm", ["pack", "--json", "--pack-destination", out], path.join(ROOT, "policies", folder))) as { filename: string }[];
    await run("tar", ["-xzf", path.join(out, info.filename), "-C", out]);
    return path.join(out, "package");
}

// One after the other: both prepack scripts write into their own folder, but npm's cache is shared.
const unpackedPacks = startEarly(async () => {
    const unpacked: Record<string, string> = {};
    for (const { folder } of PACKS) unpacked[folder] = await packAndUnpack(folder);
    return unpacked;
});

describe("policy packs pack into self-contained tarballs", function () {
    this.timeout(120000);
    after(() => temp.cleanUp());

    for (const { folder, pack } of PACKS) {
        describe(`policies/${folder}`, () => {
            let unpacked: string;
            let manifest: { main: string; dependencies: Record<string, string> };
            let packed: PackDefinition;

            before(async () => {
                unpacked = (await unpackedPacks())[folder];
                manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "package.json"), "utf8")) as typeof manifest;
                // Stands in for `npm install` of the tarball's dependencies (no registry in tests).
                fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(unpacked, "node_modules"), "dir");
                packed = (load(path.join(unpacked, "dist/policies.js")) as { pack: PackDefinition }).pack;
            });

            it("holds the bundle, PulumiPolicy.yaml and the policy configs, and no TypeScript", () => {
                const files = fs.readdirSync(unpacked, { recursive: true, encoding: "utf8" }).filter((f) => !f.startsWith("node_modules"));
                expect(files).to.include.members(["package.json", "PulumiPolicy.yaml", manifest.main, path.join("dist", "policies.js")]);
                expect(files.filter((f) => f.endsWith(".ts"))).to.deep.equal([]);
            });

            it("requires nothing outside its folder but the npm packages its package.json lists", () => {
                for (const file of [manifest.main, "dist/policies.js"]) {
                    const requires = requiresOf(path.join(unpacked, file)).filter((s) => !s.startsWith("node:") && !builtinModules.includes(s));
                    expect(requires.filter((s) => s.startsWith(".")), `${file}: relative requires`).to.deep.equal([]);
                    expect(Object.keys(manifest.dependencies), `${file}: dependencies`).to.include.members([...new Set(requires.map(packageName))]);
                }
            });

            it("lists no dependency the bundle does not use, beside @pulumi/pulumi (what @pulumi/policy runs on)", () => {
                const used = new Set(requiresOf(path.join(unpacked, "dist/policies.js")).map(packageName));
                expect(Object.keys(manifest.dependencies).filter((d) => !used.has(d) && d !== "@pulumi/pulumi")).to.deep.equal([]);
            });

            it("asks for the same version ranges as the root package.json, which the program and tests run on", () => {
                const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
                for (const [name, range] of Object.entries(manifest.dependencies)) {
                    expect(range, name).to.equal(root.dependencies[name]);
                }
            });

            it("loads the same rules from the tarball, which find the same violations as the source", async () => {
                expect(packed.name).to.equal(pack.name);
                expect(packed.policies.map((p) => p.name)).to.deep.equal(pack.policies.map((p) => p.name));
                const dev = await planOf("dev");
                // Without Lake Formation grants the analysts cannot query, which the persona pack must see.
                const resources = toPolicyResources(dev.resources.filter((r) => r.type !== "aws:lakeformation/permissions:Permissions"));
                const fromSource = await runPacks([pack], resources, STRICT[folder]);
                const fromTarball = await runPacks([packed], resources, STRICT[folder]);
                expect(fromSource.length).to.be.greaterThan(0);
                expect(fromTarball).to.deep.equal(fromSource);
            });
        });
    }
});
