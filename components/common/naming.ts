import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { NAME_RULES, NameKind, NameRule } from "./nameRules";

export type { NameKind } from "./nameRules";

/** Where the program runs: every physical name and tag derives from it. */
export interface Placement {
    project: string;
    stack: string;
    /** Tags on every taggable resource (project and stack are added here). */
    tags: Record<string, string>;
}

/**
 * A physical name AWS would reject and that cannot be made valid (a project name starting with a
 * prefix S3 reserves, say). It has `problems`, one line each, so the tools exit 2 without a trace.
 */
export class NameError extends pulumi.RunError {
    constructor(public readonly problems: string[]) {
        super(`invalid physical names:\n${problems.join("\n")}`);
        this.name = "NameError";
    }
}

const HASH_LENGTH = 8;
// Shorter than this, the project-and-stack part says nothing: shorten the whole name instead.
const MIN_READABLE_STEM = 8;

/**
 * The physical name of a resource AWS needs a stable, readable name for (roles, workgroups):
 * `<project>-<stack>-<logical>`, so that dev and prod can share an account, made to keep the
 * rules of `kind` (nameRules.ts) for every stack name Pulumi accepts.
 *
 * When the parts fit as they are, the name is exactly them. Otherwise (too long, upper case, a
 * character AWS refuses) it is shortened or rewritten and ends with 8 hex characters of a hash of
 * the unchanged project, stack and logical name, as Pulumi's auto-naming does: two stacks whose
 * names rewrite alike (`qa_1`, `qa.1`) still differ, and a name is the same at every `up`.
 */
export function physicalName(placement: Placement, logical: string, kind: NameKind): string {
    const rule = NAME_RULES[kind];
    const parts = [placement.project, placement.stack, logical];
    // Only the stack part differs between stacks: only it is lower-cased for a case-blind AWS name.
    const normalized = parts.map((part, i) => normalize(part, rule, i === 1 && rule.caseInsensitive === true)).filter((part) => part !== "");
    const room = rule.maxLength - (rule.before ?? "").length - (rule.after ?? "").length;
    const readable = normalized.join(rule.separator);
    const unchanged = readable === parts.join(rule.separator);
    const body = unchanged && readable.length <= room ? readable : shortened(rule, normalized, digest(parts), room);
    const name = `${rule.before ?? ""}${body}${rule.after ?? ""}`;
    const problems = nameProblems(kind, name);
    if (problems.length > 0) {
        throw new NameError([`stack "${placement.stack}" of project "${placement.project}": ${rule.title} for "${logical}": ${problems.join("; ")}`]);
    }
    return name;
}

/**
 * Checks, before any resource is registered, that this project and stack give a valid name of
 * every kind: what cannot be made valid depends on them, not on the (code-defined) logical part.
 */
export function checkPlacementNames(placement: Placement): void {
    const problems: string[] = [];
    for (const kind of Object.keys(NAME_RULES) as NameKind[]) {
        try {
            physicalName(placement, "name", kind);
        } catch (err) {
            if (!(err instanceof NameError)) throw err;
            problems.push(...err.problems);
        }
    }
    if (problems.length > 0) throw new NameError(problems);
}

/** Throws a NameError when a name composed elsewhere (a log group Glue names) breaks its rule. */
export function checkName(kind: NameKind, name: string, stack: string): string {
    const problems = nameProblems(kind, name);
    if (problems.length > 0) {
        throw new NameError([`stack "${stack}": ${NAME_RULES[kind].title}: ${problems.join("; ")}`]);
    }
    return name;
}

/** Every rule of `kind` that `name` breaks, each as "expected ..., found ...". */
export function nameProblems(kind: NameKind, name: string): string[] {
    const rule = NAME_RULES[kind];
    const problems: string[] = [];
    if (name.length < rule.minLength || name.length > rule.maxLength) {
        problems.push(`expected ${rule.minLength}-${rule.maxLength} characters, found ${name.length} in "${name}"`);
    }
    const refused = [...new Set([...name].filter((c) => !rule.allowed.test(c)))];
    if (refused.length > 0) {
        problems.push(`expected only characters ${rule.allowed.source}, found ${refused.map((c) => JSON.stringify(c)).join(", ")} in "${name}"`);
    }
    if (rule.pattern && !rule.pattern.test(name)) {
        problems.push(`expected the form ${rule.pattern.source}, found "${name}"`);
    }
    for (const prefix of rule.forbiddenPrefixes ?? []) {
        if (name.startsWith(prefix)) problems.push(`expected a name not starting with "${prefix}" (reserved by AWS), found "${name}"`);
    }
    for (const suffix of rule.forbiddenSuffixes ?? []) {
        if (name.endsWith(suffix)) problems.push(`expected a name not ending with "${suffix}" (reserved by AWS), found "${name}"`);
    }
    return problems;
}

/** One part of a name in the rule's alphabet: case, refused characters, repeated separators. */
function normalize(part: string, rule: NameRule, lowerCase: boolean): string {
    let text = rule.lowerCase || lowerCase ? part.toLowerCase() : part;
    text = [...text].map((c) => (rule.allowed.test(c) ? c : rule.separator)).join("");
    if (rule.collapseSeparators) text = text.replace(/[-_.]{2,}/g, rule.separator);
    return trimSeparators(text);
}

function trimSeparators(text: string): string {
    return text.replace(/^[-_.]+|[-_.]+$/g, "");
}

/** The name cut to `room` characters with the hash at its end, keeping the logical part whole where it fits. */
function shortened(rule: NameRule, normalized: string[], hash: string, room: number): string {
    const tail = `${rule.separator}${hash}`;
    const available = room - tail.length;
    const whole = normalized.join(rule.separator);
    if (whole.length <= available) return `${whole}${tail}`;
    const logical = normalized.at(-1) ?? "";
    const stemRoom = available - logical.length - rule.separator.length;
    if (normalized.length === 3 && stemRoom >= MIN_READABLE_STEM) {
        // The project is the same in every stack: it gives up characters first, the stack keeps what is left.
        const [project, stack] = normalized;
        const projectRoom = Math.min(project.length, Math.max(MIN_READABLE_STEM, stemRoom - stack.length - rule.separator.length));
        const stackRoom = stemRoom - projectRoom - rule.separator.length;
        const stem = [project.slice(0, projectRoom), stack.slice(0, Math.max(0, stackRoom))].map(trimSeparators).filter((p) => p !== "");
        return `${stem.join(rule.separator)}${rule.separator}${logical}${tail}`;
    }
    const cut = trimSeparators(whole.slice(0, available));
    return cut === "" ? hash : `${cut}${tail}`;
}

/** 8 hex characters of SHA-256 over the parts as given: stable, and different for different stacks. */
function digest(parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, HASH_LENGTH);
}

/** The tags for one resource: the platform's tags plus the resource's own. */
export function tagsFor(placement: Placement, extra: Record<string, string> = {}): Record<string, string> {
    return { ...placement.tags, project: placement.project, stack: placement.stack, ...extra };
}
