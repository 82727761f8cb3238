import type { PersonaMatrixRow } from "../../policies/access";

/** The widest line the compact matrix prints: it fits a terminal and a CI log without wrapping. */
export const REPORT_WIDTH = 120;

const MARK = { holds: "✔", fails: "✘", undecided: "?" } as const;

/**
 * The persona matrix as a matrix: one line per capability (must / must not and what it is), one
 * column per persona, each cell ✔ (as the model expects), ✘ (not), ? (undecided: values a preview
 * does not know yet) or · (the model says nothing of it for that persona). A capability on several
 * targets (the tables a role may SELECT) is one cell, ✘ if any target fails. Only ✘ and ? cells get
 * their reason and remedy below the matrix, wrapped to REPORT_WIDTH; `--explain` prints every reason.
 * A line per persona and capability would not fit a screen once every persona carries the risk
 * classes (about 100 cells for the dev stack).
 */
export function formatCompactMatrix(rows: PersonaMatrixRow[]): string {
    if (rows.length === 0) return "Persona matrix: no persona roles in this stack\n";
    const marks = rows.map(markOf);
    const count = (m: string) => marks.filter((x) => x === m).length;
    const roles = new Set(rows.map((r) => r.roleUrn)).size;
    const personas = [...new Set(rows.map((r) => r.persona))];
    const lines = [
        `Persona matrix (${rows.length} cells, ${roles} roles): ${count(MARK.holds)} ${MARK.holds} as the model expects, ` +
            `${count(MARK.fails)} ${MARK.fails} not, ${count(MARK.undecided)} ${MARK.undecided} undecided; --explain: every reason`,
        clip(`  ${personas.map((_, i) => String(i + 1)).join(" ")} (${personas.map((p, i) => `${i + 1} ${p}`).join(", ")}; · the model says nothing of it)`),
    ];
    const capabilities = new Map<string, PersonaMatrixRow[]>();
    for (const row of rows) {
        const key = `${expectedLabel(row)} ${headOf(row.capability)}`;
        capabilities.set(key, [...(capabilities.get(key) ?? []), row]);
    }
    const details: string[] = [];
    for (const [capability, cells] of capabilities) {
        const column = personas.map((persona) => cellMark(cells.filter((c) => c.persona === persona)));
        lines.push(clip(`  ${column.join(" ")} ${capability}`));
        for (const cell of cells.filter((c) => markOf(c) !== MARK.holds)) {
            details.push(clip(`  ${markOf(cell)} ${cell.persona} ${expectedLabel(cell).trim()} ${cell.capability}${cell.pending ? ` (not enforced: ${cell.pending})` : ""}`));
            details.push(...wrap(`why: ${cell.why}`, "      "));
            details.push(...wrap(`fix: ${cell.remedy}`, "      "));
        }
    }
    return `${[...lines, ...details].join("\n")}\n`;
}

function expectedLabel(row: PersonaMatrixRow): string {
    return row.expected === "must" ? "must    " : "must not";
}

/** One persona's cell for a capability: the worst of its targets, or · when it has none. */
function cellMark(cells: PersonaMatrixRow[]): string {
    if (cells.length === 0) return "·";
    const marks = cells.map(markOf);
    if (marks.includes(MARK.fails)) return MARK.fails;
    if (marks.includes(MARK.undecided)) return MARK.undecided;
    return MARK.holds;
}

function markOf(row: PersonaMatrixRow): string {
    if (!row.resolved) return MARK.undecided;
    return row.holds ? MARK.holds : MARK.fails;
}

/** "SELECT the tables it is granted: sales_dev.sales" -> "SELECT the tables it is granted". */
function headOf(capability: string): string {
    // The first ": " outside parentheses ("escalate its privileges (the known paths: ...)" has none).
    let depth = 0;
    for (let i = 0; i < capability.length - 1; i++) {
        const c = capability[i];
        if (c === "(") depth++;
        else if (c === ")") depth--;
        else if (depth === 0 && c === ":" && capability[i + 1] === " ") return capability.slice(0, i);
    }
    return capability;
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
