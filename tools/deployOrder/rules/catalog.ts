import { locationCovers } from "../../../policies/access/stack/arns";
import type { ExportedResource } from "../../engine/stackExport";
import { DeployOrderFinding, RuleContext, adminWhen, grantsHeldWhen, label, ofType } from "../context";
import { Identity } from "../identity";
import { TYPES, catalogLocation, databaseNameProp, includesAll, nameProp, registeredArn, targetCovers } from "../lakeFormationFacts";
import { iamFinding } from "./iam";

/**
 * A Glue database or table. Creating or altering a catalog entry whose location lies in a
 * registered Lake Formation location needs DATA_LOCATION_ACCESS on it, or being a data lake
 * administrator ("Granting data location permissions" and "Underlying data access control" in
 * the Lake Formation developer guide; the seed's table: the project leader was refused in the
 * registered bucket until granted the location). A table also needs CREATE_TABLE on its database
 * unless its creator is an admin. When the registration is not a dependency, the object may be
 * created before or after it: it must be creatable both ways (the stricter one decides), and a
 * failure is reported as the race it is.
 */
export async function checkCatalogObject(ctx: RuleContext, r: ExportedResource): Promise<DeployOrderFinding[]> {
    const identity = ctx.identityOf(r);
    const findings: DeployOrderFinding[] = [];
    const found = (missing: string) => findings.push({ urn: r.urn, type: r.type, identity: identity.label, missing });
    const isTable = r.type === TYPES.table;
    const databaseName = isTable ? databaseNameProp(r) : nameProp(r);
    const name = nameProp(r);
    const { partition, region, account } = ctx.iam;
    const arn = isTable
        ? `arn:${partition}:glue:${region}:${account}:table/${databaseName}/${name}`
        : `arn:${partition}:glue:${region}:${account}:database/${name}`;
    findings.push(...(await iamFinding(ctx, identity, r, { action: isTable ? "glue:CreateTable" : "glue:CreateDatabase", resource: arn })));

    if (isTable) {
        const database = ofType(ctx, TYPES.database).find((d) => nameProp(d) === databaseName);
        if (database && !ctx.graph.isCertainBefore(r, database)) found(`dependency on ${label(database)}: a table is created in an existing database`);
    }

    const location = catalogLocation(r, partition);
    const registration = location
        ? ofType(ctx, TYPES.registration).find((reg) => {
              const registered = registeredArn(reg);
              return registered !== undefined && locationCovers(registered, location);
          })
        : undefined;
    if (!location || !registration) return findings;

    const admin = adminWhen(ctx, identity, r);
    if (admin.admin) return findings;
    const lacking = lakeFormationLacks(ctx, identity, r, location, isTable ? databaseName : undefined);
    if (lacking.length === 0) return findings;
    const registered = ctx.graph.isCertainBefore(r, registration);
    const prefix = registered
        ? `Lake Formation permission for a catalog entry in ${location}, registered by ${label(registration)}`
        : `a race: ${label(registration)} registers ${location} but is not a dependency; when it runs first, Lake Formation requires`;
    found(`${prefix}: ${admin.why}, and ${lacking.join(" and ")}`);
    return findings;
}

/** What the identity lacks, among r's prerequisites, to create a catalog entry in a registered location. */
function lakeFormationLacks(ctx: RuleContext, identity: Identity, r: ExportedResource, location: string, database?: string): string[] {
    const lacks: string[] = [];
    const locationGrants = grantsHeldWhen(ctx, identity, r, (g) => g.target.kind === "dataLocation" && locationCovers(g.target.arn, location) && includesAll(g.permissions, ["DATA_LOCATION_ACCESS"]));
    if (locationGrants.length === 0) lacks.push(`no DATA_LOCATION_ACCESS grant on ${location} to it is among its dependencies`);
    if (database !== undefined) {
        const wanted = { kind: "database" as const, database };
        const createTable = grantsHeldWhen(ctx, identity, r, (g) => targetCovers(g.target, wanted) && includesAll(g.permissions, ["CREATE_TABLE"]));
        if (createTable.length === 0) lacks.push(`no CREATE_TABLE grant on database ${database} to it is among its dependencies`);
    }
    return lacks;
}
