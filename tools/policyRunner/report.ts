import type { PersonaMatrixRow } from "../../policies/access";
import type { CheckResult } from "./checkResources";
import type { Violation } from "./runPolicies";
import { formatCompactMatrix } from "./compactMatrix";

/** docs/commands.md: `policy` exits 1 when at least one mandatory policy is violated. */
export const EXIT_MANDATORY_VIOLATION = 1;

export function hasMandatoryViolation(violations: Violation[]): boolean {
    return violations.some((v) => v.enforcementLevel === "mandatory");
}

/** What `policy --json` prints: docs/commands.md's report, with the persona matrix as `personas`. */
export function toJsonReport(result: CheckResult) {
    return {
        policies: result.policies,
        resources: result.resources,
        violations: result.violations.map(({ policy, enforcementLevel, urn, message }) => ({ policy, enforcementLevel, ...(urn ? { urn } : {}), message })),
        personas: result.personas,
    };
}

export interface ReportOptions {
    /** Every reason of every matrix cell (the default prints reasons only for cells that do not hold). */
    explain?: boolean;
}

/** The human-readable report: the persona matrix, each violation, then the counts. */
export function formatReport(result: CheckResult, options: ReportOptions = {}): string {
    const matrix = options.explain ? formatMatrix(result.personas) : formatCompactMatrix(result.personas);
    return `${matrix}\n${formatViolations(result.violations, result.policies, result.resources)}`;
}

const LEVEL_ORDER = { mandatory: 0, remediate: 1, advisory: 2, disabled: 3 } as const;

export function formatViolations(violations: Violation[], policies: number, resources: number): string {
    const lines: string[] = [];
    const sorted = [...violations].sort((a, b) => LEVEL_ORDER[a.enforcementLevel] - LEVEL_ORDER[b.enforcementLevel] || a.policy.localeCompare(b.policy));
    if (sorted.length > 0) lines.push("Policy violations:");
    for (const v of sorted) {
        lines.push(`  ${v.enforcementLevel.padEnd(9)} ${v.pack}/${v.policy}`);
        lines.push(`            ${v.urn ?? "(the stack)"}`);
        lines.push(`            ${v.message}`);
    }
    const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory").length;
    lines.push(`${policies} policies on ${resources} resources: ${violations.length} violation${violations.length === 1 ? "" : "s"} (${mandatory} mandatory)`);
    return `${lines.join("\n")}\n`;
}

/** Persona x capability with every reason (`--explain`): allowed or denied, whether that is what the model expects, and why. */
export function formatMatrix(rows: PersonaMatrixRow[]): string {
    if (rows.length === 0) return "Persona matrix: no persona roles in this stack\n";
    const lines = ["Persona matrix (✔ as the model expects, ✘ not; then why):"];
    let role: string | undefined;
    for (const row of rows) {
        if (row.role !== role) {
            role = row.role;
            lines.push(`  ${row.persona}: ${row.role}`);
        }
        const expected = row.expected === "must" ? "must    " : "must not";
        lines.push(`    ${row.holds ? "✔" : "✘"} ${expected} ${row.capability}: ${row.allowed ? "allowed" : "denied"}`);
        lines.push(`               ${row.why}`);
    }
    return `${lines.join("\n")}\n`;
}
