import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { graphFormatOf, toDot, toMermaid } from "../../tools/engine/graph";
import type { ExportedResource, Plan } from "../../tools/engine/stackExport";
import { nameFromUrn } from "../../tools/engine/summary";
import { runTool } from "../helpers/cli";
import { planOf } from "../helpers/plans";

/** DOT node statements: id -> label (with "\n" as written). */
function dotNodes(dot: string): Map<string, string> {
    return new Map([...dot.matchAll(/^\s*([nt]\d+) \[label="((?:[^"\\]|\\.)*)"\];$/gm)].map((m) => [m[1], m[2]]));
}

/** The node ids inside each DOT cluster (directly or in a nested one), by the cluster's label. */
function dotClusters(dot: string): Map<string, Set<string>> {
    const clusters = new Map<string, Set<string>>();
    const open: { label?: string; members: Set<string> }[] = [];
    for (const line of dot.split("\n")) {
        if (/^\s*subgraph cluster_/.test(line)) open.push({ members: new Set() });
        else if (/^\s*label="/.test(line) && open.length > 0) open.at(-1)!.label = /label="((?:[^"\\]|\\.)*)"/.exec(line)![1];
        else if (/^\s*}$/.test(line) && open.length > 0) {
            const cluster = open.pop()!;
            clusters.set(cluster.label!, cluster.members);
            for (const m of cluster.members) open.at(-1)?.members.add(m);
        } else {
            const node = /^\s*([nt]\d+) \[label=/.exec(line)?.[1];
            if (node) open.at(-1)?.members.add(node);
        }
    }
    return clusters;
}

const edgesOf = (dot: string, style: RegExp) => [...dot.matchAll(/^\s*([nt]\d+) -> ([nt]\d+) \[([^\]]*)\];$/gm)].filter((m) => style.test(m[3])).map((m) => `${m[1]} ${m[2]}`);

describe("the resource graph", () => {
    let plan: Plan;
    let custom: ExportedResource[];
    let dot: string;
    let idOf: (r: ExportedResource) => string;
    before(async () => {
        plan = await planOf("dev");
        custom = plan.resources.filter((r) => r.custom);
        dot = toDot(plan.resources, "analytics-platform/dev");
        const nodes = dotNodes(dot);
        const byLabel = new Map([...nodes].map(([id, label]) => [label, id]));
        idOf = (r) => {
            const id = [...byLabel].find(([label]) => label.endsWith(`\\n${nameFromUrn(r.urn)}`) && label.includes(r.type.split(":").at(-1)!))?.[1];
            if (!id) throw new Error(`no node for ${r.urn}`);
            return id;
        };
    });

    it("picks the format from the file's extension", () => {
        expect(graphFormatOf("out/dev.dot")).to.equal("dot");
        expect(graphFormatOf("dev.gv")).to.equal("dot");
        expect(graphFormatOf("dev.mmd")).to.equal("mermaid");
        expect(graphFormatOf("dev.png")).to.equal(undefined);
    });

    it("DOT: is one digraph with balanced braces and a node per custom resource", () => {
        expect(dot).to.match(/^digraph "analytics-platform\/dev" \{\n/);
        expect((dot.match(/\{/g) ?? []).length).to.equal((dot.match(/\}/g) ?? []).length);
        expect(dotNodes(dot).size).to.equal(custom.length);
        expect(new Set(custom.map(idOf)).size).to.equal(custom.length);
    });

    it("DOT: draws each component as a cluster holding its descendants", () => {
        const clusters = dotClusters(dot);
        const components = plan.resources.filter((r) => !r.custom && r.type !== "pulumi:pulumi:Stack");
        expect(clusters.size).to.equal(components.length);
        for (const component of components) {
            const members = clusters.get(`${component.type.split(":").at(-1)}\\n${nameFromUrn(component.urn)}`);
            expect(members, component.urn).to.not.equal(undefined);
            const descendants = custom.filter((r) => ancestors(plan, r).includes(component.urn));
            expect([...members!].sort()).to.deep.equal(descendants.map(idOf).sort());
        }
    });

    it("DOT: has a parent edge per custom parent and a dashed edge per other dependency", () => {
        const parents = edgesOf(dot, /arrowhead=none/);
        const dependencies = edgesOf(dot, /style=dashed/);
        const customUrns = new Set(custom.map((r) => r.urn));
        const expectedParents = custom.filter((r) => r.parent && customUrns.has(r.parent)).map((r) => `${idOf(plan.resources.find((p) => p.urn === r.parent)!)} ${idOf(r)}`);
        expect(parents.sort()).to.deep.equal([...new Set(expectedParents)].sort());
        const expectedDependencies = custom.flatMap((r) => (r.dependencies ?? [])
            .filter((d) => customUrns.has(d) && d !== r.parent)
            .map((d) => `${idOf(r)} ${idOf(plan.resources.find((p) => p.urn === d)!)}`));
        expect(dependencies.sort()).to.deep.equal([...new Set(expectedDependencies)].sort());
        expect(dependencies.length).to.be.greaterThan(10);
    });

    it("Mermaid: is a flowchart with the same nodes, clusters and edges", () => {
        const mmd = toMermaid(plan.resources, "analytics-platform/dev");
        expect(mmd).to.match(/^---\ntitle: analytics-platform\/dev\n---\nflowchart LR\n/);
        const lines = mmd.split("\n");
        expect(lines.filter((l) => /^\s*subgraph /.test(l)).length).to.equal(lines.filter((l) => /^\s*end$/.test(l)).length).and.to.equal(dotClusters(dot).size);
        expect(lines.filter((l) => /^\s*n\d+\["/.test(l)).length).to.equal(custom.length);
        expect(lines.filter((l) => / --- /.test(l)).length).to.equal(edgesOf(dot, /arrowhead=none/).length);
        expect(lines.filter((l) => / -\.-> /.test(l)).length).to.equal(edgesOf(dot, /style=dashed/).length);
        expect(mmd).not.to.match(/\["[^"\]]*"[^\]]*"\]/, "labels carry no raw quotes");
    });

    it("types detail: one node per resource type within a component, with how many", () => {
        const types = toDot(plan.resources, "analytics-platform/dev", "types");
        const groups = new Set(custom.map((r) => `${ancestors(plan, r).find((a) => !plan.resources.find((p) => p.urn === a)?.custom) ?? ""}|${r.type}`));
        const nodes = dotNodes(types);
        expect(nodes.size).to.equal(groups.size);
        // One bucket node per component that has buckets; their counts add up to the stack's buckets.
        const buckets = [...nodes.values()].filter((l) => l.startsWith("s3.Bucket x"));
        const counted = buckets.map((l) => Number(/^s3\.Bucket x(\d+)\\n/.exec(l)?.[1] ?? "NaN"));
        expect(counted.reduce((a, b) => a + b, 0)).to.equal(custom.filter((r) => r.type === "aws:s3/bucket:Bucket").length);
        expect(edgesOf(types, /./).every((e) => e.split(" ")[0] !== e.split(" ")[1]), "no self-loops").to.equal(true);
    });
});

function ancestors(plan: Plan, resource: ExportedResource): string[] {
    const chain: string[] = [];
    for (let parent = resource.parent; parent; parent = plan.resources.find((r) => r.urn === parent)?.parent) chain.push(parent);
    return chain;
}

describe("plan --graph", function () {
    this.timeout(60_000);
    const plan = (...args: string[]) => runTool("tools/plan.ts", ["--stack", "dev", ...args]);

    it("writes the file the extension names, and refuses another extension with exit 2", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-"));
        const file = path.join(dir, "pictures", "dev.mmd");
        const [ok, wrong] = await Promise.all([plan("--graph", file), plan("--graph", path.join(dir, "dev.png"))]);
        expect(ok.code).to.equal(0);
        expect(ok.stdout).to.contain(`Wrote the resource graph (Mermaid) to ${file}`);
        expect(fs.readFileSync(file, "utf8")).to.match(/^---\ntitle: analytics-platform\/dev\n---\nflowchart LR\n/);
        expect(wrong.code).to.equal(2);
        expect(wrong.stderr).to.match(/--graph takes a \.dot, \.gv or \.mmd file/);
    });
});
