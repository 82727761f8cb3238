import { locationCovers } from "../../../policies/access/stack/arns";
import type { ExportedResource } from "../../engine/stackExport";
import { DeployOrderFinding, RuleContext, adminWhen, grantsHeldWhen, label, ofType } from "../context";
import { GrantTarget, TYPES, databaseNameProp, describeTarget, grantOf, includesAll, nameProp, registeredArn, targetCovers } from "../lakeFormationFacts";
import { iamFinding } from "./iam";

/**
 * A Lake Formation grant (aws.lakeformation.Permissions). Lake Formation accepts GrantPermissions
 * from a data lake administrator, or from a principal holding the permissions with the grant
 * option on the same resource ("Lake Formation permissions reference" and "Implicit Lake
 * Formation permissions" in the Lake Formation developer guide). The granted database, table or
 * location must exist, a data-location grant needs the location registered (the seed's
 * observation: "A is not registered" refused), and the principal must exist (IAM principals are
 * validated when granted to).
 */
export async function checkGrant(ctx: RuleContext, r: ExportedResource): Promise<DeployOrderFinding[]> {
    const identity = ctx.identityOf(r);
    const grant = grantOf(r);
    const findings: DeployOrderFinding[] = [];
    const found = (missing: string) => findings.push({ urn: r.urn, type: r.type, identity: identity.label, missing });

    findings.push(...(await iamFinding(ctx, identity, r, { action: "lakeformation:GrantPermissions", resource: "*" })));

    const admin = adminWhen(ctx, identity, r);
    if (!admin.admin) {
        const grantable = grantsHeldWhen(ctx, identity, r, (g) => targetCovers(g.target, grant.target) && includesAll(g.grantable, grant.permissions));
        if (grantable.length === 0) {
            found(
                `Lake Formation authority to grant ${grant.permissions.join(", ")} on ${describeTarget(grant.target)}: ${admin.why}, ` +
                    `and no grant of those permissions WITH GRANT OPTION to it is among the grant's dependencies`,
            );
        }
    }
    const target = targetResource(ctx, grant.target);
    if (target.missing) found(target.missing);
    for (const needed of target.resources) {
        if (!ctx.graph.isCertainBefore(r, needed.resource)) found(`dependency on ${label(needed.resource)}: ${needed.why}, and the grant does not wait for it`);
    }
    const principal = grant.principal ? ctx.roles.get(grant.principal) : undefined;
    if (principal && !ctx.graph.isCertainBefore(r, principal)) {
        found(`dependency on ${label(principal)}: Lake Formation refuses a grant to a principal that does not exist yet`);
    }
    return findings;
}

/** The stack's resources the granted target needs to exist. */
function targetResource(ctx: RuleContext, target: GrantTarget): { resources: { resource: ExportedResource; why: string }[]; missing?: string } {
    if (target.kind === "dataLocation") {
        const registrations = ofType(ctx, TYPES.registration).filter((reg) => {
            const arn = registeredArn(reg);
            return arn !== undefined && locationCovers(arn, target.arn);
        });
        if (registrations.length === 0) {
            return { resources: [], missing: `a registration of ${target.arn}: Lake Formation refuses a data-location grant on a location that is not registered, and this stack registers none covering it` };
        }
        return { resources: [{ resource: registrations[0], why: `the location must be registered before a data-location grant on it` }] };
    }
    if (target.kind === "database") {
        const database = ofType(ctx, TYPES.database).find((d) => nameProp(d) === target.database);
        return { resources: database ? [{ resource: database, why: `the granted database must exist` }] : [] };
    }
    if (target.kind === "table") {
        if (target.table === undefined) {
            const database = ofType(ctx, TYPES.database).find((d) => nameProp(d) === target.database);
            return { resources: database ? [{ resource: database, why: `the granted database must exist` }] : [] };
        }
        const table = ofType(ctx, TYPES.table).find((t) => databaseNameProp(t) === target.database && nameProp(t) === target.table);
        return { resources: table ? [{ resource: table, why: `the granted table must exist` }] : [] };
    }
    return { resources: [] };
}
