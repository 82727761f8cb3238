import { createHash } from "node:crypto";
import { NameKind, Placement, physicalName } from "../common/naming";

/**
 * The physical name of an immutable SageMaker resource (a model, a job definition): the readable
 * `<project>-<stack>-<logical>` plus 8 hex characters of a hash of everything it is created from.
 * Any change that replaces it changes its name, so Pulumi can create the new one before deleting
 * the old (a fixed name would collide), and the name stays under the platform's prefix.
 */
export function contentName(placement: Placement, logical: string, kind: NameKind, content: unknown): string {
    const hash = createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 8);
    return physicalName(placement, `${logical}-${hash}`, kind);
}
