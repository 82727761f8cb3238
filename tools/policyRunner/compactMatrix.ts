import type { PersonaMatrixRow } from "../../policies/access";

/** The widest line the compact matrix prints: it fits a terminal and a CI log without wrapping. */
export const REPORT_WIDTH = 120;

const MARK = { holds: "✔", fails: "✘", undecided: "?" } as const;

/**
 * The persona matrix in one line per persona and capability: persona, must / must not, ✔ (as the
 * model expects), ✘ (not) or ? (undecided: values a preview does not know yet), the capability.
 * Cells of one capability on several targets (the tables a role may SELECT) share a line. Only
 * ✘ and ? cells get their reason and remedy, wrapped to REPORT_WIDTH; `--explain` prints all.
 */
export function formatCompactMatrix(rows: PersonaMatrixRow[]): string {
    if (rows.length === 0) return "Persona matrix: no persona roles in this stack\n";
    const marks = rows.map(markOf);
    const count = (m: string) => marks.filter((x) => x === m).length;
    const personas = new Set(rows.map((r) => r.roleUrn)).size;
    const lines = [
        `Persona matrix (${rows.length} cells, ${personas} roles): ${count(MARK.holds)} ${MARK.holds} as the model expects, ` +
            `${count(MARK.fails)} ${MARK.fails} not, ${count(MARK.undecided)} ${MARK.undecided} undecided; --explain: every reason`,
    ];
    const width = Math.max(...rows.map((r) => r.persona.length));
    for (const group of groupCells(rows)) {
        const [first] = group;
        const mark = markOf(first);
        const expected = first.expected === "must" ? "must    " : "must not";
        lines.push(clip(`  ${first.persona.padEnd(width)} ${expected} ${mark} ${capabilityOf(group)}`));
        if (mark === MARK.holds) continue;
        for (const row of group) {
            lines.push(...wrap(`why: ${row.why}`, "      "));
            lines.push(...wrap(`fix: ${row.remedy}`, "      "));
        }
    }
    return `${lines.join("\n")}\n`;
}

function markOf(row: PersonaMatrixRow): string {
    if (!row.resolved) return MARK.undecided;
    return row.holds ? MARK.holds : MARK.fails;
}

/** Cells that hold, of one role and one capability on several targets, share a line. */
function groupCells(rows: PersonaMatrixRow[]): PersonaMatrixRow[][] {
    const groups = new Map<string, PersonaMatrixRow[]>();
    rows.forEach((row, i) => {
        const key = markOf(row) === MARK.holds ? JSON.stringify([row.roleUrn, row.expected, row.kind, headOf(row.capability)]) : `cell ${i}`;
        groups.set(key, [...(groups.get(key) ?? []), row]);
    });
    return [...groups.values()];
}

/** "SELECT the tables it is granted: sales_dev.sales" -> "SELECT the tables it is granted". */
function headOf(capability: string): string {
    const colon = capability.indexOf(": ");
    return colon < 0 ? capability : capability.slice(0, colon);
}

function capabilityOf(group: PersonaMatrixRow[]): string {
    if (group.length === 1) return group[0].capability;
    const targets = group.map((r) => r.capability.slice(headOf(r.capability).length + 2));
    return `${headOf(group[0].capability)}: ${targets.join(", ")}`;
}

/** A matrix line is cut at REPORT_WIDTH (the whole text is in --explain and --json). */
function clip(line: string): string {
    return line.length <= REPORT_WIDTH ? line : `${line.slice(0, REPORT_WIDTH - 1)}…`;
}

/** A reason is wrapped, not cut: it is what the reader acts on. */
export function wrap(text: string, indent: string, width = REPORT_WIDTH): string[] {
    const lines: string[] = [];
    let line = indent;
    for (const word of text.split(/\s+/)) {
        if (line.length > indent.length && line.length + 1 + word.length > width) {
            lines.push(line);
            line = indent;
        }
        if (line.length + word.length > width) {
            // A word longer than the line (an ARN): split it.
            for (let rest = word; rest.length > 0; rest = rest.slice(width - indent.length)) lines.push(indent + rest.slice(0, width - indent.length));
            continue;
        }
        line += line.length > indent.length ? ` ${word}` : word;
    }
    if (line.length > indent.length) lines.push(line);
    return lines;
}
