import { locationCovers, s3UriToArn } from "../../policies/access/stack/arns";
import type { ExportedResource } from "../engine/stackExport";
import type { JsonObject } from "../engine/plainValues";

/** Lake Formation and Glue facts of an export, in the shapes the deployment-order rules ask about. */

export const TYPES = {
    settings: "aws:lakeformation/dataLakeSettings:DataLakeSettings",
    registration: "aws:lakeformation/resource:Resource",
    grant: "aws:lakeformation/permissions:Permissions",
    database: "aws:glue/catalogDatabase:CatalogDatabase",
    table: "aws:glue/catalogTable:CatalogTable",
    role: "aws:iam/role:Role",
    sleep: "time:index/sleep:Sleep",
} as const;

/** A resource's state: its outputs when it has them, else its inputs. */
export function propsOf(r: ExportedResource): JsonObject {
    return Object.keys(r.outputs ?? {}).length > 0 ? r.outputs : (r.inputs ?? {});
}

function str(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** A real export stores a nested block as an object, or as a one-element list of it. */
function block(value: unknown): JsonObject | undefined {
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === "object" && first !== null && Object.keys(first).length > 0 ? (first as JsonObject) : undefined;
}

export type GrantTarget =
    | { kind: "dataLocation"; arn: string }
    | { kind: "database"; database: string }
    | { kind: "table"; database: string; table?: string }
    | { kind: "catalog" }
    | { kind: "other" };

export function describeTarget(target: GrantTarget): string {
    switch (target.kind) {
        case "dataLocation": return `data location ${target.arn}`;
        case "database": return `database ${target.database}`;
        case "table": return target.table ? `table ${target.database}.${target.table}` : `every table of ${target.database}`;
        case "catalog": return "the catalog";
        default: return "its resource";
    }
}

export interface Grant {
    resource: ExportedResource;
    principal?: string;
    permissions: string[];
    grantable: string[];
    target: GrantTarget;
}

export function grantOf(r: ExportedResource): Grant {
    const props = propsOf(r);
    return {
        resource: r,
        principal: str(props.principal),
        permissions: strings(props.permissions),
        grantable: strings(props.permissionsWithGrantOption),
        target: targetOf(props),
    };
}

function targetOf(props: JsonObject): GrantTarget {
    const location = block(props.dataLocation);
    if (location && str(location.arn)) return { kind: "dataLocation", arn: str(location.arn) as string };
    const database = block(props.database);
    if (database && str(database.name)) return { kind: "database", database: str(database.name) as string };
    // `table.wildcard` means every table of the database; `tableWithColumns.wildcard` means
    // every column of the one named table.
    const table = block(props.table);
    const columns = block(props.tableWithColumns);
    const chosen = table ?? columns;
    if (chosen && str(chosen.databaseName)) {
        const name = table && table.wildcard === true ? undefined : str(chosen.name);
        return { kind: "table", database: str(chosen.databaseName) as string, ...(name ? { table: name } : {}) };
    }
    if (props.catalogResource === true) return { kind: "catalog" };
    return { kind: "other" };
}

/** Whether a grant on `held` also covers `wanted` (a database-wide table grant covers each table). */
export function targetCovers(held: GrantTarget, wanted: GrantTarget): boolean {
    if (held.kind === "dataLocation" && wanted.kind === "dataLocation") return locationCovers(held.arn, wanted.arn);
    if (held.kind === "database" && wanted.kind === "database") return held.database === wanted.database;
    if (held.kind === "table" && wanted.kind === "table") {
        return held.database === wanted.database && (held.table === undefined || held.table === wanted.table);
    }
    return held.kind === "catalog" && wanted.kind === "catalog";
}

export function includesAll(held: string[], wanted: string[]): boolean {
    return held.includes("ALL") || wanted.every((p) => held.includes(p));
}

export function adminsOf(settings: ExportedResource): string[] {
    return strings(propsOf(settings).admins);
}

/** The S3 location a registration covers, as an ARN. */
export function registeredArn(registration: ExportedResource): string | undefined {
    return str(propsOf(registration).arn);
}

/** A catalog object's S3 location as an ARN: a database's locationUri, a table's storage location. */
export function catalogLocation(r: ExportedResource, partition: string): string | undefined {
    const props = propsOf(r);
    const uri = r.type === TYPES.database ? str(props.locationUri) : str(block(props.storageDescriptor)?.location);
    return uri ? s3UriToArn(uri, partition) : undefined;
}

export function nameProp(r: ExportedResource): string | undefined {
    return str(propsOf(r).name);
}

export function databaseNameProp(r: ExportedResource): string | undefined {
    return str(propsOf(r).databaseName);
}
