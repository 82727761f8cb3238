import { UnknownValueError } from "@pulumi/policy";

/**
 * `pulumi preview` hands policies the planned state of resources not created yet, in which values
 * computed from other new resources (a generated name, an ARN) are unknown: reading one throws an
 * UnknownValueError. For these rules an unknown value means "cannot tell", never a violation.
 */
export const CANNOT_TELL: unique symbol = Symbol("cannot tell");
export type CannotTell = typeof CANNOT_TELL;

/** The value `read` returns, or CANNOT_TELL when it touches a value preview does not know yet. */
export function readKnown<T>(read: () => T): T | CannotTell {
    try {
        return read();
    } catch (error) {
        if (error instanceof UnknownValueError) return CANNOT_TELL;
        throw error;
    }
}

/**
 * Checks each subject on its own: a subject whose check meets an unknown value is skipped (cannot
 * tell) and the others are still checked. Without this, one new bucket would abort a whole stack
 * policy in the CrossGuard engine, which then checks nothing at all.
 */
export async function checkEach<T>(subjects: Iterable<T>, check: (subject: T) => void | Promise<void>): Promise<void> {
    for (const subject of subjects) {
        try {
            await check(subject);
        } catch (error) {
            if (!(error instanceof UnknownValueError)) throw error;
        }
    }
}
