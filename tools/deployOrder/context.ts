import type { ExportedResource } from "../engine/stackExport";
import type { ResourceGraph } from "./graph";
import type { IamAccess } from "./iamAccess";
import { nameFromUrn } from "../engine/summary";
import { Identity } from "./identity";
import { Grant, TYPES, adminsOf, grantOf } from "./lakeFormationFacts";

/** One way a resource cannot be created as ordered: who creates it, and what it lacks. */
export interface DeployOrderFinding {
    urn: string;
    type: string;
    /** The identity that creates it. */
    identity: string;
    /** The missing permission or dependency, in a sentence. */
    missing: string;
}

/** What every rule reads: the export's graph, the IAM simulator and the identities. */
export interface RuleContext {
    resources: readonly ExportedResource[];
    graph: ResourceGraph;
    iam: IamAccess;
    roles: Map<string, ExportedResource>;
    identityOf(r: ExportedResource): Identity;
}

export function ofType(ctx: RuleContext, type: string): ExportedResource[] {
    return ctx.resources.filter((r) => r.type === type);
}

export function label(r: ExportedResource): string {
    return `${r.type.split(":").pop()} ${nameFromUrn(r.urn)}`;
}

/**
 * Whether `identity` is a Lake Formation admin when `r` is created: some DataLakeSettings among
 * r's prerequisites lists it. Settings that list it but are not a prerequisite may be applied
 * after r: that is a race, reported as such.
 */
export function adminWhen(ctx: RuleContext, identity: Identity, r: ExportedResource): { admin: boolean; why: string } {
    const settings = ofType(ctx, TYPES.settings);
    if (!identity.arn) {
        return { admin: false, why: `${identity.label} is no Lake Formation admin (its ARN is not configured, so no DataLakeSettings lists it)` };
    }
    const listing = settings.filter((s) => adminsOf(s).includes(identity.arn as string));
    const before = listing.find((s) => ctx.graph.isCertainBefore(r, s));
    if (before) return { admin: true, why: `a Lake Formation admin (${label(before)})` };
    if (listing.length > 0) {
        return { admin: false, why: `${label(listing[0])} makes it a Lake Formation admin but is not a dependency (it may be applied after)` };
    }
    return { admin: false, why: `no DataLakeSettings lists ${identity.arn} as a Lake Formation admin` };
}

/** Grants to `identity` among r's prerequisites that satisfy `wanted`. */
export function grantsHeldWhen(ctx: RuleContext, identity: Identity, r: ExportedResource, wanted: (g: Grant) => boolean): Grant[] {
    if (!identity.arn) return [];
    return ofType(ctx, TYPES.grant)
        .map(grantOf)
        .filter((g) => g.principal === identity.arn && wanted(g) && ctx.graph.isCertainBefore(r, g.resource));
}

/** Grants to `identity` anywhere in the stack that satisfy `wanted` (to name a missing dependency). */
export function grantsDeclared(ctx: RuleContext, identity: Identity, wanted: (g: Grant) => boolean): Grant[] {
    if (!identity.arn) return [];
    return ofType(ctx, TYPES.grant).map(grantOf).filter((g) => g.principal === identity.arn && wanted(g));
}
