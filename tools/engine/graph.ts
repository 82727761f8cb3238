import type { ExportedResource } from "./stackExport";
import { nameFromUrn } from "./summary";

/**
 * The resource graph of a plan as Graphviz DOT (what `pulumi stack graph` writes) or Mermaid (which
 * GitHub renders in Markdown): every component is a cluster holding its children, custom resources
 * are nodes, a solid edge goes from a parent resource to its child and a dashed one from a
 * resource to what it depends on. The stack resource is the frame, not a node.
 */
export type GraphFormat = "dot" | "mermaid";

const STACK_TYPE = "pulumi:pulumi:Stack";

/** The format a file's extension asks for: .dot or .gv for DOT, .mmd for Mermaid. */
export function graphFormatOf(file: string): GraphFormat | undefined {
    if (/\.(dot|gv)$/i.test(file)) return "dot";
    if (/\.mmd$/i.test(file)) return "mermaid";
    return undefined;
}

interface Graph {
    title: string;
    /** Components, each with the ids of the nodes and clusters directly inside it. */
    clusters: Map<string, { label: string; members: string[] }>;
    /** Nodes and clusters at the top level (children of the stack). */
    top: string[];
    nodes: Map<string, string>;
    parentEdges: [string, string][];
    dependencyEdges: [string, string][];
}

/**
 * `resources`: a node per custom resource. `types`: a node per resource type within a component
 * ("s3.Bucket x3"), with the edges between those groups: the platform at a glance, for the README.
 */
export type GraphDetail = "resources" | "types";

function buildGraph(resources: ExportedResource[], title: string, detail: GraphDetail): Graph {
    const ids = new Map<string, string>();
    const stackUrns = new Set(resources.filter((r) => r.type === STACK_TYPE).map((r) => r.urn));
    const shown = resources.filter((r) => !stackUrns.has(r.urn));
    shown.forEach((r, i) => ids.set(r.urn, `${r.custom ? "n" : "c"}${i}`));
    const graph: Graph = { title, clusters: new Map(), top: [], nodes: new Map(), parentEdges: [], dependencyEdges: [] };
    for (const r of shown.filter((r) => !r.custom)) graph.clusters.set(ids.get(r.urn)!, { label: `${shortType(r.type)}\n${nameFromUrn(r.urn)}`, members: [] });
    // Each custom resource's node: its own, or its type's within its component.
    const nodeOf = new Map<string, string>();
    const grouped = new Map<string, string[]>();
    const groupIds = new Map<string, string>();
    for (const r of shown.filter((r) => r.custom)) {
        const holder = clusterOf(r, resources, ids);
        const key = detail === "types" ? `${holder ?? ""}|${r.type}` : r.urn;
        if (!groupIds.has(key)) groupIds.set(key, detail === "types" ? `t${groupIds.size}` : ids.get(r.urn)!);
        const node = groupIds.get(key)!;
        grouped.set(key, [...(grouped.get(key) ?? []), nameFromUrn(r.urn)]);
        nodeOf.set(r.urn, node);
        if (!graph.nodes.has(node)) {
            if (holder) graph.clusters.get(holder)!.members.push(node);
            else graph.top.push(node);
        }
        const names = grouped.get(key)!;
        graph.nodes.set(node, detail === "types" ? `${shortType(r.type)} x${names.length}\n${abbreviate(names)}` : `${shortType(r.type)}\n${names[0]}`);
    }
    for (const r of shown.filter((r) => !r.custom)) {
        const holder = clusterOf(r, resources, ids);
        if (holder) graph.clusters.get(holder)!.members.push(ids.get(r.urn)!);
        else graph.top.push(ids.get(r.urn)!);
    }
    const edges = { parent: new Set<string>(), dependency: new Set<string>() };
    for (const r of shown.filter((r) => r.custom)) {
        const node = nodeOf.get(r.urn)!;
        const parent = r.parent ? nodeOf.get(r.parent) : undefined;
        if (parent && parent !== node) edges.parent.add(`${parent} ${node}`);
        for (const dependency of r.dependencies ?? []) {
            const target = nodeOf.get(dependency);
            if (target && target !== node && target !== parent) edges.dependency.add(`${node} ${target}`);
        }
    }
    graph.parentEdges = [...edges.parent].map((e) => e.split(" ") as [string, string]);
    graph.dependencyEdges = [...edges.dependency].filter((e) => !edges.parent.has(e.split(" ").reverse().join(" "))).map((e) => e.split(" ") as [string, string]);
    return graph;
}

/** Up to two names (each cut to 28 characters), then how many more: a node stays small. */
function abbreviate(names: string[]): string {
    const cut = names.slice(0, 2).map((n) => (n.length > 28 ? `${n.slice(0, 27)}…` : n));
    return names.length <= 2 ? cut.join(", ") : `${cut.join(", ")} +${names.length - 2}`;
}

/** The id of the component (cluster) a resource is drawn in: its nearest non-custom ancestor. */
function clusterOf(resource: ExportedResource, resources: ExportedResource[], ids: Map<string, string>): string | undefined {
    let parentUrn = resource.parent;
    while (parentUrn) {
        const parent = resources.find((r) => r.urn === parentUrn);
        if (!parent || parent.type === STACK_TYPE) return undefined;
        if (!parent.custom) return ids.get(parent.urn);
        parentUrn = parent.parent;
    }
    return undefined;
}

/** `aws:s3/bucketPolicy:BucketPolicy` -> `s3.BucketPolicy`; `analytics:index:DataLake` -> `DataLake`. */
function shortType(type: string): string {
    const [pkg, module, name] = type.split(":");
    if (pkg === "pulumi" && module === "providers") return `provider ${name}`;
    const service = module?.split("/")[0];
    return service && service !== "index" ? `${service}.${name}` : (name ?? type);
}

export function toDot(resources: ExportedResource[], title: string, detail: GraphDetail = "resources"): string {
    const g = buildGraph(resources, title, detail);
    const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
    const lines = [`digraph ${quote(g.title)} {`, "  rankdir=LR;", '  node [shape=box, style="rounded,filled", fillcolor="#f5f5f5", fontname="Helvetica", fontsize=10];', '  edge [color="#555555"];'];
    const emit = (id: string, indent: string): void => {
        const cluster = g.clusters.get(id);
        if (!cluster) {
            lines.push(`${indent}${id} [label=${quote(g.nodes.get(id)!)}];`);
            return;
        }
        lines.push(`${indent}subgraph cluster_${id} {`, `${indent}  label=${quote(cluster.label)};`, `${indent}  style=rounded; color="#3b6ea5"; fontname="Helvetica";`);
        for (const member of cluster.members) emit(member, `${indent}  `);
        lines.push(`${indent}}`);
    };
    for (const id of g.top) emit(id, "  ");
    for (const [from, to] of g.parentEdges) lines.push(`  ${from} -> ${to} [arrowhead=none, penwidth=1.5];`);
    for (const [from, to] of g.dependencyEdges) lines.push(`  ${from} -> ${to} [style=dashed];`);
    lines.push("}");
    return `${lines.join("\n")}\n`;
}

export function toMermaid(resources: ExportedResource[], title: string, detail: GraphDetail = "resources"): string {
    const g = buildGraph(resources, title, detail);
    const text = (s: string) => `"${s.replace(/"/g, "#quot;").replace(/\n/g, "<br/>")}"`;
    const lines = ["---", `title: ${g.title}`, "---", "flowchart LR"];
    const emit = (id: string, indent: string): void => {
        const cluster = g.clusters.get(id);
        if (!cluster) {
            lines.push(`${indent}${id}[${text(g.nodes.get(id)!)}]`);
            return;
        }
        lines.push(`${indent}subgraph ${id}[${text(cluster.label)}]`);
        for (const member of cluster.members) emit(member, `${indent}  `);
        lines.push(`${indent}end`);
    };
    for (const id of g.top) emit(id, "  ");
    for (const [from, to] of g.parentEdges) lines.push(`  ${from} --- ${to}`);
    for (const [from, to] of g.dependencyEdges) lines.push(`  ${from} -.-> ${to}`);
    return `${lines.join("\n")}\n`;
}
