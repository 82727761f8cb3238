import type { ExportedResource, Plan } from "../../../tools/engine/stackExport";
import type { Registration } from "./registrations";

/**
 * Resources whose identity is not a name AWS generates: a second one cannot exist beside the old
 * during a create-before-delete replacement, or deleting the old one undoes the new one.
 */
const KEYED_BY_CONTENT = new Set([
    "aws:lakeformation/permissions:Permissions",
    "aws:lakeformation/resource:Resource",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
]);

function hasFixedIdentity(r: Registration): boolean {
    if (!r.custom || !r.type.startsWith("aws:")) return false;
    if (KEYED_BY_CONTENT.has(r.type)) return true;
    if (r.type === "aws:s3/bucketObjectv2:BucketObjectv2") return r.props.key !== undefined;
    // For AWS resources a `name` input is the physical name (a generated one is `namePrefix` or absent).
    return r.props.name !== undefined;
}

/** The registrations that Pulumi would replace create-before-delete although they must not be. */
export function missingDeleteBeforeReplace(registrations: Registration[]): string[] {
    return registrations.filter((r) => hasFixedIdentity(r) && r.opts.deleteBeforeReplace !== true).map((r) => `${r.type} ${r.name}`);
}

const GRANT = "aws:lakeformation/permissions:Permissions";

/**
 * What Lake Formation keys a grant by, as the provider reads it back: a table is one resource
 * whether granted as `table` or as `tableWithColumns` (terraform-provider-aws issue 39082).
 */
export function grantResourceKey(grant: ExportedResource): string {
    const o = grant.outputs as Record<string, Record<string, unknown> | undefined>;
    if (o.dataLocation) return `location:${String(o.dataLocation.arn)}`;
    if (o.database) return `database:${String(o.database.name)}`;
    const table = o.table ?? o.tableWithColumns;
    if (table) return `table:${String(table.databaseName)}.${table.name === undefined ? "*" : String(table.name)}`;
    if (o.catalogResource) return "catalog";
    return `other:${grant.urn}`;
}

/** Pairs of grants on one principal and resource, as "principal resource: urn, urn". */
export function overlappingGrants(plan: Plan | ExportedResource[]): string[] {
    const resources = Array.isArray(plan) ? plan : plan.resources;
    const byKey = new Map<string, string[]>();
    for (const grant of resources.filter((r) => r.type === GRANT)) {
        const key = `${String(grant.outputs.principal)} ${grantResourceKey(grant)}`;
        byKey.set(key, [...(byKey.get(key) ?? []), grant.urn]);
    }
    return [...byKey.entries()].filter(([, urns]) => urns.length > 1).map(([key, urns]) => `${key}: ${urns.join(", ")}`);
}

/** Whether an ArnLike pattern (with * and ?) matches an ARN. */
export function arnLike(pattern: string, arn: string): boolean {
    const regex = new RegExp(`^${pattern.split("*").map((part) => part.split("?").map(escape).join(".")).join(".*")}$`);
    return regex.test(arn);
}

function escape(text: string): string {
    return text.replace(/[.+^${}()|[\]\\/]/g, "\\$&");
}
