import type { Plan } from "./stackExport";
import { summarizePlan } from "./summary";

const WIDTH = 120;

/**
 * The plan in a few lines, for `npm start` (plan --policy), where the persona report follows:
 * totals, the components, custom resources counted per AWS service, and the output names. The
 * full summary is what `npm run plan` prints.
 */
export function formatBriefSummary(plan: Plan): string {
    const s = summarizePlan(plan);
    const lines = [`Plan of ${s.project}/${s.stack} (offline, mocked AWS): ${s.total} resources: 1 stack, ${s.components.length} components, ${s.custom} custom, ${s.protected} protected`];
    const width = Math.max(0, ...s.components.map((c) => c.type.length));
    const nameWidth = Math.max(0, ...s.components.map((c) => c.name.length));
    for (const c of s.components) lines.push(`  ${c.type.padEnd(width)}  ${c.name.padEnd(nameWidth)}  ${c.children} children`);
    const perService = new Map<string, number>();
    for (const { type, count } of s.countsByType) {
        const service = type.split(":")[1]?.split("/")[0] ?? type;
        perService.set(service, (perService.get(service) ?? 0) + count);
    }
    lines.push(...fill("  by service: ", [...perService].map(([service, n]) => `${service} ${n}`)));
    lines.push(...fill("  outputs: ", Object.keys(s.outputs)), `  (npm run plan -- --stack ${s.stack} prints every type and output)`);
    return `${lines.join("\n")}\n`;
}

/** Comma-separated items after a label, continued on indented lines at WIDTH. */
function fill(label: string, items: string[]): string[] {
    const lines: string[] = [];
    let line = label;
    items.forEach((item, i) => {
        const text = i < items.length - 1 ? `${item},` : item;
        if (line.length > label.length && line.length + 1 + text.length > WIDTH) {
            lines.push(line);
            line = " ".repeat(label.length);
        }
        line += line.trim().length > 0 && !line.endsWith(" ") ? ` ${text}` : text;
    });
    return [...lines, line];
}
