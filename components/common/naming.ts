import * as pulumi from "@pulumi/pulumi";

/** Where the program runs: every physical name and tag derives from it. */
export interface Placement {
    project: string;
    stack: string;
    /** Tags on every taggable resource (project and stack are added here). */
    tags: Record<string, string>;
}

/**
 * The physical name for resources AWS needs a stable, readable name for (roles, workgroups):
 * project, stack and logical name, so that dev and prod can share an account.
 */
export function physicalName(placement: Placement, logical: string, maxLength = 64): string {
    const name = `${placement.project}-${placement.stack}-${logical}`;
    if (name.length > maxLength) {
        throw new pulumi.RunError(`the name ${name} is longer than ${maxLength} characters: use a shorter stack or logical name`);
    }
    return name;
}

/** The tags for one resource: the platform's tags plus the resource's own. */
export function tagsFor(placement: Placement, extra: Record<string, string> = {}): Record<string, string> {
    return { ...placement.tags, project: placement.project, stack: placement.stack, ...extra };
}
