import type { ExportedResource, Plan } from "./stackExport";
import { SUMMARY_SECTIONS } from "./estimates";

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface ComponentSummary {
    type: string;
    name: string;
    urn: string;
    /** Resources whose parent is this component (direct children only). */
    children: number;
}

export interface PlanSummary {
    project: string;
    stack: string;
    /** Every registered resource, the stack resource included. */
    total: number;
    components: ComponentSummary[];
    /** Custom (provider-managed) resources per type token, sorted by type. */
    countsByType: Array<{ type: string; count: number }>;
    custom: number;
    protected: number;
    outputs: Record<string, unknown>;
}

/** The logical name is the URN's last segment (names may themselves contain "::"). */
export function nameFromUrn(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

export function summarizePlan(plan: Plan): PlanSummary {
    const childCount = new Map<string, number>();
    for (const r of plan.resources) {
        if (r.parent) {
            childCount.set(r.parent, (childCount.get(r.parent) ?? 0) + 1);
        }
    }
    const components = plan.resources
        .filter((r) => !r.custom && r.type !== ROOT_STACK_TYPE)
        .map((r) => ({ type: r.type, name: nameFromUrn(r.urn), urn: r.urn, children: childCount.get(r.urn) ?? 0 }));
    const custom = plan.resources.filter((r) => r.custom);
    return {
        project: plan.project,
        stack: plan.stack,
        total: plan.resources.length,
        components,
        countsByType: countByType(custom),
        custom: custom.length,
        protected: plan.resources.filter((r) => r.protect).length,
        outputs: plan.outputs,
    };
}

function countByType(resources: ExportedResource[]): Array<{ type: string; count: number }> {
    const counts = new Map<string, number>();
    for (const r of resources) {
        counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    }
    return [...counts.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([type, count]) => ({ type, count }));
}

/** The human-readable report `plan` prints. */
export function formatSummary(plan: Plan): string {
    const s = summarizePlan(plan);
    const lines: string[] = [];
    lines.push(`Plan of ${s.project}/${s.stack} (offline, mocked AWS)`);
    lines.push(`  ${s.total} resources: 1 stack, ${s.components.length} components, ${s.custom} custom`);
    lines.push("", `Components (${s.components.length}):`);
    lines.push(
        ...table(
            s.components.map((c) => [c.type, c.name, `${c.children} ${c.children === 1 ? "child" : "children"}`]),
        ),
    );
    lines.push("", `Resources by type (${s.custom}):`);
    lines.push(...table(s.countsByType.map((t) => [t.type, String(t.count)]), [false, true]));
    lines.push("", `Protected resources: ${s.protected}`);
    for (const section of SUMMARY_SECTIONS.map((of) => of(plan))) {
        if (section) lines.push("", `${section.title}:`, ...section.lines.map((line) => `  ${line}`));
    }
    const outputs = Object.entries(s.outputs);
    lines.push("", `Outputs (${outputs.length}):`);
    lines.push(...table(outputs.map(([key, value]) => [`${key}:`, formatValue(value)])));
    return lines.join("\n") + "\n";
}

function formatValue(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** Two-space indented, columns padded to their widest cell; the last column is not padded. */
function table(rows: string[][], alignRight: boolean[] = []): string[] {
    if (rows.length === 0) {
        return ["  (none)"];
    }
    const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
    return rows.map((row) => {
        const cells = row.map((cell, col) => {
            if (alignRight[col]) {
                return cell.padStart(widths[col]);
            }
            return col === row.length - 1 ? cell : cell.padEnd(widths[col]);
        });
        return `  ${cells.join("  ")}`;
    });
}
