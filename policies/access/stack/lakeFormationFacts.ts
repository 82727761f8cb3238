import type { PolicyResource } from "@pulumi/policy";
import { Props, objectListProp, objectProp, propsOf, stringListProp, stringProp } from "../../lib/propertyValues";
import { Declared, declared } from "../../lib/referenceLookup";
import { propertyReference } from "../../lib/references";
import { Maybe, Unknown, isUnknownSentinel, unknownOf } from "../../lib/unknownValues";

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
    /** An LF-tag policy grant: every database or table whose LF-tags match every expression. */
    | { kind: "lfTagPolicy"; resourceType: Maybe<string>; expressions: Maybe<LfTagExpression[]> }
    | { kind: "other" };

/** An expression of an LF-tag policy: the resource's value for the key is one of the values. */
export interface LfTagExpression {
    key: Maybe<string>;
    values: Maybe<Maybe<string>[]>;
}

/** LF-tags a stack puts on a database or table (ResourceLfTags, ResourceLfTag). */
export interface ResourceTagFacts extends Declared {
    on: { kind: "database"; database: Maybe<string> } | { kind: "table"; database: Maybe<string>; table: Maybe<string> } | { kind: "other" };
    tags: { key: Maybe<string>; value: Maybe<string> }[];
}

export interface GrantFacts extends Declared {
    principal: Maybe<string>;
    /** For a principal a preview does not know yet: the URNs of the resources it was computed from. */
    principalFrom: string[];
    permissions: Maybe<Maybe<string>[]>;
    grantable: Maybe<Maybe<string>[]>;
    target: GrantTarget;
    /** For a grant read from an LF-tag policy: which tags of the target matched it. */
    via?: string;
}

export interface LakeFormationFacts {
    settings: LakeFormationSettingsFacts[];
    locations: RegisteredLocationFacts[];
    grants: GrantFacts[];
    resourceTags: ResourceTagFacts[];
}

const SETTINGS = "aws:lakeformation/dataLakeSettings:DataLakeSettings";
const RESOURCE = "aws:lakeformation/resource:Resource";
const PERMISSIONS = "aws:lakeformation/permissions:Permissions";
const RESOURCE_LF_TAGS = "aws:lakeformation/resourceLfTags:ResourceLfTags";
const RESOURCE_LF_TAG = "aws:lakeformation/resourceLfTag:ResourceLfTag";

/** The Lake Formation settings, registered locations and grants a stack declares. */
export function lakeFormationFacts(resources: PolicyResource[]): LakeFormationFacts {
    const settings: LakeFormationSettingsFacts[] = [];
    const locations: RegisteredLocationFacts[] = [];
    const grants: GrantFacts[] = [];
    const resourceTags: ResourceTagFacts[] = [];
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
        } else if (resource.type === RESOURCE_LF_TAGS || resource.type === RESOURCE_LF_TAG) {
            const entries = resource.type === RESOURCE_LF_TAGS ? objectListProp(props, "lfTags") : [objectProp(props, "lfTag") ?? {}];
            resourceTags.push({
                ...declared(resource),
                on: taggedResource(props, resource.name),
                tags: entries.map((t) => ({
                    key: stringProp(t, "key", `an LF-tag key of ${resource.name}`) ?? new Unknown(`an LF-tag key of ${resource.name}`),
                    value: stringProp(t, "value", `an LF-tag value of ${resource.name}`) ?? new Unknown(`an LF-tag value of ${resource.name}`),
                })),
            });
        }
    }
    return { settings, locations, grants, resourceTags };
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

    const policy = objectProp(props, "lfTagPolicy");
    if (policy) {
        const what = `the LF-tag policy of grant ${name}`;
        const raw = policy.expressions;
        const expressions: Maybe<LfTagExpression[]> = isUnknownSentinel(raw)
            ? unknownOf(raw, what)
            : objectListProp(policy, "expressions").map((e) => ({
                key: stringProp(e, "key", what) ?? new Unknown(what),
                values: stringListProp(e, "values", what),
            }));
        return { kind: "lfTagPolicy", resourceType: stringProp(policy, "resourceType", what) ?? new Unknown(what), expressions };
    }
    return { kind: "other" };
}

/** The database or table a ResourceLfTags / ResourceLfTag puts its tags on. */
function taggedResource(props: Props, name: string): ResourceTagFacts["on"] {
    const table = objectProp(props, "table") ?? objectProp(props, "tableWithColumns");
    const what = `the table tagged by ${name}`;
    if (table) {
        const tableName = table.wildcard === true ? "*" : stringProp(table, "name", what) ?? new Unknown(what);
        return { kind: "table", database: stringProp(table, "databaseName", what) ?? new Unknown(what), table: tableName };
    }
    const database = objectProp(props, "database");
    if (database) return { kind: "database", database: stringProp(database, "name", `the database tagged by ${name}`) ?? new Unknown(`the database tagged by ${name}`) };
    return { kind: "other" };
}
