import type { PolicyResource } from "@pulumi/policy";
import { Props, objectListProp, objectProp, propsOf, stringListProp, stringProp } from "../../lib/propertyValues";
import { Declared, declared } from "../../lib/referenceLookup";
import { propertyReference } from "../../lib/references";
import { Maybe, Unknown } from "../../lib/unknownValues";

/** Default permissions (DataLakeSettings, or a database's createTableDefaultPermissions). */
export interface DefaultPermission {
    principal: Maybe<string>;
    permissions: Maybe<Maybe<string>[]>;
}

export interface LakeFormationSettingsFacts extends Declared {
    admins: Maybe<Maybe<string>[]>;
    createDatabaseDefaultPermissions: DefaultPermission[];
    createTableDefaultPermissions: DefaultPermission[];
}

export interface RegisteredLocationFacts extends Declared {
    arn: Maybe<string>;
}

/** What a Lake Formation grant is on. A table of `"*"` is every table of the database. */
export type GrantTarget =
    | { kind: "dataLocation"; arn: Maybe<string> }
    | { kind: "database"; database: Maybe<string> }
    | { kind: "table"; database: Maybe<string>; table: Maybe<string> }
    | { kind: "columns"; database: Maybe<string>; table: Maybe<string>; columns?: string[]; excluded: string[] }
    | { kind: "catalog" }
    | { kind: "other" };

export interface GrantFacts extends Declared {
    principal: Maybe<string>;
    /** For a principal a preview does not know yet: the URNs of the resources it was computed from. */
    principalFrom: string[];
    permissions: Maybe<Maybe<string>[]>;
    grantable: Maybe<Maybe<string>[]>;
    target: GrantTarget;
}

export interface LakeFormationFacts {
    settings: LakeFormationSettingsFacts[];
    locations: RegisteredLocationFacts[];
    grants: GrantFacts[];
}

const SETTINGS = "aws:lakeformation/dataLakeSettings:DataLakeSettings";
const RESOURCE = "aws:lakeformation/resource:Resource";
const PERMISSIONS = "aws:lakeformation/permissions:Permissions";

/** The Lake Formation settings, registered locations and grants a stack declares. */
export function lakeFormationFacts(resources: PolicyResource[]): LakeFormationFacts {
    const settings: LakeFormationSettingsFacts[] = [];
    const locations: RegisteredLocationFacts[] = [];
    const grants: GrantFacts[] = [];
    for (const resource of resources) {
        const props = propsOf(resource);
        if (resource.type === SETTINGS) {
            settings.push({
                ...declared(resource),
                admins: stringListProp(props, "admins", `the admins of ${resource.name}`),
                createDatabaseDefaultPermissions: defaultPermissions(props, "createDatabaseDefaultPermissions"),
                createTableDefaultPermissions: defaultPermissions(props, "createTableDefaultPermissions"),
            });
        } else if (resource.type === RESOURCE) {
            locations.push({ ...declared(resource), arn: stringProp(props, "arn", `the location registered by ${resource.name}`) ?? new Unknown(`the location registered by ${resource.name}`) });
        } else if (resource.type === PERMISSIONS) {
            grants.push({
                ...declared(resource),
                principal: stringProp(props, "principal", `the principal of grant ${resource.name}`) ?? new Unknown(`the principal of grant ${resource.name}`),
                principalFrom: propertyReference(resource, "principal").dependencies,
                permissions: stringListProp(props, "permissions", `the permissions of grant ${resource.name}`),
                grantable: stringListProp(props, "permissionsWithGrantOption", `the grantable permissions of grant ${resource.name}`),
                target: grantTarget(props, resource.name),
            });
        }
    }
    return { settings, locations, grants };
}

export function defaultPermissions(props: Props, key: string): DefaultPermission[] {
    return objectListProp(props, key).map((p) => ({
        // DataLakeSettings names the principal as a string; a Glue database as { dataLakePrincipalIdentifier }.
        principal: stringProp(p, "principal", `a principal of ${key}`)
            ?? stringProp(objectProp(p, "principal"), "dataLakePrincipalIdentifier", `a principal of ${key}`)
            ?? new Unknown(`a principal of ${key}`),
        permissions: stringListProp(p, "permissions", `the permissions of ${key}`),
    }));
}

/**
 * A real export may carry every target block, unused ones empty: the target is the first block
 * that names something, in the provider's order of precedence.
 */
function grantTarget(props: Props, name: string): GrantTarget {
    const location = objectProp(props, "dataLocation");
    const locationArn = stringProp(location, "arn", `the data location of grant ${name}`);
    if (locationArn !== undefined) return { kind: "dataLocation", arn: locationArn };

    const columns = objectProp(props, "tableWithColumns");
    const columnsTable = stringProp(columns, "name", `the table of grant ${name}`);
    if (columns && columnsTable !== undefined) {
        const database = stringProp(columns, "databaseName", `the database of grant ${name}`) ?? new Unknown(`the database of grant ${name}`);
        const listed = stringListProp(columns, "columnNames", `the columns of grant ${name}`);
        const excluded = stringListProp(columns, "excludedColumnNames", `the excluded columns of grant ${name}`);
        const strings = (list: typeof listed) => (Array.isArray(list) ? list.filter((c): c is string => typeof c === "string") : []);
        const allColumns = columns.wildcard === true || strings(listed).length === 0;
        return { kind: "columns", database, table: columnsTable, ...(allColumns ? {} : { columns: strings(listed) }), excluded: strings(excluded) };
    }

    const table = objectProp(props, "table");
    const tableDatabase = stringProp(table, "databaseName", `the database of grant ${name}`);
    if (table && tableDatabase !== undefined) {
        const tableName = table.wildcard === true ? "*" : stringProp(table, "name", `the table of grant ${name}`) ?? "*";
        return { kind: "table", database: tableDatabase, table: tableName };
    }

    const database = stringProp(objectProp(props, "database"), "name", `the database of grant ${name}`);
    if (database !== undefined) return { kind: "database", database };
    if (props.catalogResource === true) return { kind: "catalog" };
    return { kind: "other" };
}
