/**
 * A three-valued answer with its reason. "unknown" is what a preview leaves open (a value Pulumi
 * does not know yet); the matrix turns it into the conservative answer and says so.
 */
export type Tri = boolean | "unknown";

export interface Verdict {
    allowed: Tri;
    /** Which policy statement, grant or registration decided, in a few words. */
    why: string;
}

export const allowed = (why: string): Verdict => ({ allowed: true, why });
export const denied = (why: string): Verdict => ({ allowed: false, why });
export const undecided = (why: string): Verdict => ({ allowed: "unknown", why });

const reasons = (verdicts: Verdict[]) => [...new Set(verdicts.map((v) => v.why))].join("; ");

/** Every part must allow: the first denial decides; otherwise any unknown part leaves it open. */
export function allOf(verdicts: Verdict[]): Verdict {
    const no = verdicts.filter((v) => v.allowed === false);
    if (no.length > 0) return denied(reasons(no));
    const open = verdicts.filter((v) => v.allowed === "unknown");
    if (open.length > 0) return undecided(reasons(open));
    return allowed(reasons(verdicts));
}

/** One part allowing is enough: the first allowing part decides; otherwise unknowns leave it open. */
export function anyOf(verdicts: Verdict[], noneWhy?: string): Verdict {
    const yes = verdicts.filter((v) => v.allowed === true);
    if (yes.length > 0) return allowed(reasons(yes));
    const open = verdicts.filter((v) => v.allowed === "unknown");
    if (open.length > 0) return undecided(reasons(open));
    return denied(noneWhy ?? reasons(verdicts));
}

/** Like allOf, evaluating the parts in order and stopping at the first denial (each may simulate IAM). */
export async function allOfInOrder(parts: (() => Verdict | Promise<Verdict>)[]): Promise<Verdict> {
    const seen: Verdict[] = [];
    for (const part of parts) {
        const verdict = await part();
        if (verdict.allowed === false) return verdict;
        seen.push(verdict);
    }
    return allOf(seen);
}

/** Like anyOf, stopping at the first part that allows. */
export async function anyOfInOrder(parts: (() => Verdict | Promise<Verdict>)[], noneWhy?: string): Promise<Verdict> {
    const seen: Verdict[] = [];
    for (const part of parts) {
        const verdict = await part();
        if (verdict.allowed === true) return verdict;
        seen.push(verdict);
    }
    return anyOf(seen, noneWhy);
}
