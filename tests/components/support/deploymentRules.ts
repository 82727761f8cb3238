import type { ExportedResource, Plan } from "../../../tools/engine/stackExport";
import { contentHash } from "../../../components/sageMakerEndpointPipeline/contentName";
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

function hasFixedIdentity(r: Registration, resources: readonly ExportedResource[]): boolean {
    if (!r.custom || !r.type.startsWith("aws:")) return false;
    if (KEYED_BY_CONTENT.has(r.type)) return true;
    if (r.type === "aws:s3/bucketObjectv2:BucketObjectv2") return r.props.key !== undefined;
    // For AWS resources a `name` input is the physical name (a generated one is `namePrefix` or absent)...
    if (r.props.name === undefined) return false;
    // ...unless it ends with the hash of every other input but tags (contentName.ts): a replacement
    // then always has another name, and the old one may stay until what uses it has moved.
    // Read from the inputs as the engine received them, Outputs resolved.
    const registered = resources.find((e) => e.type === r.type && e.urn.endsWith(`::${r.name}`));
    if (!registered) throw new Error(`${r.type} ${r.name} is not in the plan`);
    const { name, tags: _tags, ...settings } = registered.inputs;
    return !String(name).endsWith(`-${contentHash(settings)}`);
}

/** The registrations that Pulumi would replace create-before-delete although they must not be. */
export function missingDeleteBeforeReplace(registrations: Registration[], resources: readonly ExportedResource[]): string[] {
    return registrations.filter((r) => hasFixedIdentity(r, resources) && r.opts.deleteBeforeReplace !== true).map((r) => `${r.type} ${r.name}`);
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
