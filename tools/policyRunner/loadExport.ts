import * as fs from "node:fs";
import { InputError } from "../engine/errors";
import type { ExportedResource } from "../engine/stackExport";
import { exportEntryProblems } from "../../policies/lib/resourceShape";

/** At most this many lines of shape problems: the first ones say what kind of file it is. */
const MAX_SHAPE_PROBLEMS = 20;

/** A stack export with fields of the wrong shape: one line per field, each naming resource, field, expected and found. */
export class ExportShapeError extends InputError {
    constructor(readonly problems: string[], file: string) {
        super(problems.join("\n"), file);
    }
}

/**
 * Reads a stack export: from `plan --out` or from a real `pulumi stack export` (whose resources
 * may hold secrets and types this program never registers; both are fine). Anything that is not
 * an export is an InputError naming the file and what is wrong with it.
 */
export function readStackExport(file: string): ExportedResource[] {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new InputError(`${file}: cannot read the stack export (${(error as NodeJS.ErrnoException).code ?? String(error)})`, file);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new InputError(`${file}: not JSON: ${(error as Error).message}`, file);
    }
    const resources = (parsed as { deployment?: { resources?: unknown } } | null)?.deployment?.resources;
    if (resources === undefined) {
        // An empty stack's export has no resources key at all.
        if ((parsed as { deployment?: unknown } | null)?.deployment !== undefined) return [];
        throw new InputError(`${file}: not a stack export: expected {"version": 3, "deployment": {"resources": [...]}}`, file);
    }
    if (!Array.isArray(resources)) {
        throw new InputError(`${file}: deployment.resources: expected an array, found ${typeof resources}`, file);
    }
    // Validated once here, with the table the persona pack's resources-well-formed rule uses
    // (policies/lib/resourceShape.ts): what passes is what the rules can read as given.
    const problems = resources.flatMap((r: unknown, i) => exportEntryProblems(r, i));
    if (problems.length > 0) {
        const shown = problems.slice(0, MAX_SHAPE_PROBLEMS).map((p) => `${file}: ${p}`);
        if (problems.length > MAX_SHAPE_PROBLEMS) shown.push(`${file}: ... and ${problems.length - MAX_SHAPE_PROBLEMS} more`);
        throw new ExportShapeError(shown, file);
    }
    return resources as ExportedResource[];
}

/** The stack a set of resources belongs to, read from their URNs. */
export function stackOf(resources: ExportedResource[]): string | undefined {
    return resources[0]?.urn.split("::")[0]?.replace(/^urn:pulumi:/, "");
}
