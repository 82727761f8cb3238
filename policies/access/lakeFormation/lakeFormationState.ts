import { RoleFacts } from "../../lib/iamRoles";
import { Maybe, Unknown, isUnknown } from "../../lib/unknownValues";
import { Tri, Verdict, allowed, denied, undecided } from "../capabilities/verdict";
import { locationCovers } from "../stack/arns";
import { DatabaseFacts, TableFacts } from "../stack/dataFacts";
import { GrantFacts, GrantTarget, LakeFormationFacts, LfTagExpression, ResourceTagFacts } from "../stack/lakeFormationFacts";
import { IAM_ALLOWED_PRINCIPALS, and, grantedTo, includesPermission } from "./principals";

/** A grant Lake Formation refuses: DATA_LOCATION_ACCESS on a location it does not manage. */
export interface InvalidGrant {
    grant: string;
    urn: string;
    location: string;
    /** False when the location or the registrations are unknown (preview). */
    resolved: boolean;
    message: string;
}

/** A grant, or a default permission acting as one (named after where it comes from). */
interface EffectiveGrant {
    source: string;
    principal: Maybe<string>;
    principalFrom?: string[];
    permissions: Maybe<Maybe<string>[]>;
    grantable: Maybe<Maybe<string>[]>;
    /** A database or table of "*" is every one (default permissions apply to all that get created). */
    target: GrantTarget;
}

/**
 * Lake Formation as observed on a real account and docs/personas.md states it: who is an admin,
 * which S3 locations are registered, and which grants (and default permissions) hold. Grants of
 * DATA_LOCATION_ACCESS on unregistered locations are refused by Lake Formation, so they are
 * reported and give nobody anything.
 */
export class LakeFormationState {
    private readonly grants: EffectiveGrant[];
    readonly invalidGrants: InvalidGrant[];

    /** The stack's grants, an LF-tag policy grant read as the grants on the databases and tables its tags match. */
    private readonly declaredGrants: GrantFacts[];

    constructor(
        private readonly facts: LakeFormationFacts,
        databases: DatabaseFacts[],
        tables: TableFacts[] = [],
        /**
         * What closes the catalog's CREATE_DATABASE gate outside the stack, when something does: for a
         * stack of this project, the README's first-deployment step. Absent: the account's default.
         */
        private readonly catalogGateClosedBy?: string,
    ) {
        this.invalidGrants = facts.grants.flatMap((g) => this.invalidGrant(g));
        const refused = new Set(this.invalidGrants.filter((g) => g.resolved).map((g) => g.urn));
        this.declaredGrants = facts.grants.flatMap((g) => (g.target.kind === "lfTagPolicy" ? tagPolicyGrants(g, g.target, facts.resourceTags, databases, tables) : [g]));
        this.grants = [
            ...this.declaredGrants.filter((g) => !refused.has(g.urn)).map((g) => ({ ...g, source: `grant ${g.name}${g.via ? ` (${g.via})` : ""}` })),
            ...defaultGrants(facts, databases),
        ];
    }

    get settingsDeclared(): boolean {
        return this.facts.settings.length > 0;
    }

    /** Whether the role is in DataLakeSettings.admins. */
    isAdmin(role: RoleFacts): Verdict {
        if (!this.settingsDeclared) return denied("the stack declares no DataLakeSettings, so it makes nobody a Lake Formation admin");
        const open: string[] = [];
        for (const settings of this.facts.settings) {
            if (isUnknown(settings.admins)) {
                open.push(String(settings.admins));
                continue;
            }
            for (const admin of settings.admins) {
                const match = isUnknown(admin) ? "unknown" : grantedTo(admin, role, false);
                if (match === true) return allowed(`Lake Formation admin (DataLakeSettings ${settings.name})`);
                if (match === "unknown") open.push(isUnknown(admin) ? String(admin) : `the role's ARN, compared with admin ${admin}`);
            }
        }
        return open.length > 0 ? undecided(`whether it is a Lake Formation admin depends on ${open.join(", ")}`) : denied("not a Lake Formation admin (not in DataLakeSettings.admins)");
    }

    /** Whether a location (bucket or prefix ARN) lies in a location registered with Lake Formation. */
    registration(location: string): Verdict {
        const open: string[] = [];
        for (const registered of this.facts.locations) {
            if (isUnknown(registered.arn)) {
                open.push(String(registered.arn));
            } else if (locationCovers(registered.arn, location)) {
                return allowed(`${location} is registered with Lake Formation (${registered.name})`);
            }
        }
        return open.length > 0 ? undecided(`whether ${location} is registered depends on ${open.join(", ")}`) : denied(`${location} is not registered with Lake Formation`);
    }

    /** Admin, or a DATA_LOCATION_ACCESS grant covering the location. */
    locationAccess(role: RoleFacts, location: string): Verdict {
        const admin = this.isAdmin(role);
        if (admin.allowed === true) return allowed(`${admin.why}: implicit DATA_LOCATION_ACCESS`);
        const grant = this.find(role, "DATA_LOCATION_ACCESS", false, (t) => (t.kind === "dataLocation" ? covers(t.arn, location) : false));
        if (grant.allowed === true) return grant;
        if (admin.allowed === "unknown" || grant.allowed === "unknown") return undecided([admin, grant].filter((v) => v.allowed === "unknown").map((v) => v.why).join("; "));
        return denied(`no Lake Formation admin and no DATA_LOCATION_ACCESS grant covering ${location}`);
    }

    /**
     * A grant of the permission on the database (CREATE_TABLE for a new table). Admins have no
     * implicit permissions on databases others created (AWS: "Implicit Lake Formation
     * permissions"); they can grant themselves one, which a stack would declare.
     */
    databasePermission(role: RoleFacts, database: string, permission: string): Verdict {
        const grant = this.find(role, permission, true, (t) => (t.kind === "database" ? same(t.database, database) : false));
        if (grant.allowed !== false) return grant;
        return denied(`no ${permission} grant on database ${database}`);
    }

    /**
     * The catalog's CREATE_DATABASE gate, which Lake Formation checks beside glue:CreateDatabase
     * wherever the new database's location is (IAM has no condition key for it): admins hold it
     * implicitly (AWS: "Implicit Lake Formation permissions"), a grant on the catalog gives it, and
     * so does one to IAM_ALLOWED_PRINCIPALS (then IAM alone decides). A fresh account grants it to
     * IAM_ALLOWED_PRINCIPALS; the README's first-deployment step revokes that (no stack resource
     * records the revocation, and the provider cannot read it back: README "First deployment"), so a
     * stack that declares Lake Formation settings is read with the gate closed, and says so.
     */
    catalogCreateDatabase(role: RoleFacts): Verdict {
        const gateOpen = !this.settingsDeclared ? "the stack declares no Lake Formation settings" : this.catalogGateClosedBy === undefined ? "nothing revokes it for this stack (no stack config of this project, whose README's first-deployment step does)" : undefined;
        if (gateOpen) return allowed(`${gateOpen}: the account's default CREATE_DATABASE on the catalog for IAM_ALLOWED_PRINCIPALS stands, and IAM alone decides`);
        const admin = this.isAdmin(role);
        if (admin.allowed === true) return allowed(`${admin.why}: implicit CREATE_DATABASE on the catalog`);
        const grant = this.find(role, "CREATE_DATABASE", true, (t) => t.kind === "catalog");
        if (grant.allowed === true) return allowed(`${grant.why} on the catalog`);
        if (admin.allowed === "unknown" || grant.allowed === "unknown") return undecided([admin, grant].filter((v) => v.allowed === "unknown").map((v) => v.why).join("; "));
        return denied(`no CREATE_DATABASE on the catalog: no grant gives it to the role, and ${this.catalogGateClosedBy} revokes it from IAM_ALLOWED_PRINCIPALS`);
    }

    /** A SELECT grant covering the table (some column of it) or the named column. */
    select(role: RoleFacts, database: string, table: string, column?: string): Verdict {
        const what = `${database}.${table}${column ? `.${column}` : ""}`;
        const grant = this.find(role, "SELECT", true, (t) => selectCovers(t, database, table, column));
        if (grant.allowed !== false) return grant;
        return denied(`no Lake Formation grant of SELECT covers ${what}`);
    }

    /** Grantable permissions held (GRANT option): a non-admin can pass those on. */
    holdsGrantablePermissions(role: RoleFacts): Verdict {
        for (const grant of this.grants) {
            if (grantedTo(grant.principal, role, false, grant.principalFrom) !== true || isUnknown(grant.grantable)) continue;
            if (grant.grantable.length > 0) return allowed(`${grant.source} gives it ${grant.grantable.join(", ")} with the grant option`);
        }
        return denied("it holds no permission with the grant option");
    }

    /** What a grant gives, for a finding: its permissions on each database, table or location it covers (an LF-tag policy: the ones its tags match). */
    exposedBy(grant: GrantFacts): string {
        const permissions = isUnknown(grant.permissions) ? String(grant.permissions) : grant.permissions.map(String).join(", ");
        const targets = this.declaredGrants.filter((g) => g.urn === grant.urn).map((g) => describeTarget(g.target));
        return `${permissions} on ${targets.length > 0 ? targets.join(", ") : "nothing the stack declares yet"}`;
    }

    /**
     * The grants made to the role itself (for the tables it is "granted"), and those that may be
     * (a principal a preview does not know, or a secret): leaving those out would read as "no table
     * is granted to it", a resolved answer where the stack leaves it open.
     */
    grantsTo(role: RoleFacts): GrantFacts[] {
        return this.declaredGrants.filter((g) => grantedTo(g.principal, role, false, g.principalFrom) !== false);
    }

    private find(role: RoleFacts, permission: string, iamAllowed: boolean, onTarget: (t: EffectiveGrant["target"]) => Tri): Verdict {
        const open: string[] = [];
        for (const grant of this.grants) {
            const match = and(and(grantedTo(grant.principal, role, iamAllowed, grant.principalFrom), includesPermission(grant.permissions, permission)), onTarget(grant.target));
            if (match === true) {
                const toWhom = grant.principal === IAM_ALLOWED_PRINCIPALS ? " to IAM_ALLOWED_PRINCIPALS (IAM alone decides)" : "";
                return allowed(`${grant.source} gives ${permission}${toWhom}`);
            }
            if (match === "unknown") open.push(grant.source);
        }
        return open.length > 0 ? undecided(`${open.join(", ")} may give ${permission} (values unknown)`) : denied(`no grant of ${permission}`);
    }

    private invalidGrant(grant: GrantFacts): InvalidGrant[] {
        if (grant.target.kind !== "dataLocation" || includesPermission(grant.permissions, "DATA_LOCATION_ACCESS") === false) return [];
        const location = grant.target.arn;
        if (isUnknown(location)) {
            return [{ grant: grant.name, urn: grant.urn, location: String(location), resolved: false, message: `cannot tell whether grant ${grant.name} targets a registered location: ${String(location)}` }];
        }
        const registration = this.registration(location);
        if (registration.allowed === true) return [];
        const resolved = registration.allowed === false;
        return [{
            grant: grant.name,
            urn: grant.urn,
            location,
            resolved,
            message: resolved
                ? `grant ${grant.name} gives DATA_LOCATION_ACCESS on ${location}, which is not registered with Lake Formation: Lake Formation refuses it (the seed's third set-up). Register the location (aws.lakeformation.Resource) or drop the grant`
                : `cannot tell whether grant ${grant.name} targets a registered location: ${registration.why}`,
        }];
    }
}

function covers(granted: Maybe<string>, location: string): Tri {
    return isUnknown(granted) ? "unknown" : locationCovers(granted, location);
}

function same(value: Maybe<string>, wanted: string): Tri {
    if (isUnknown(value)) return "unknown";
    return value === "*" || value === wanted;
}

function selectCovers(target: EffectiveGrant["target"], database: string, table: string, column?: string): Tri {
    if (target.kind !== "table" && target.kind !== "columns") return false;
    const where = and(same(target.database, database), same(target.table, table));
    if (where === false || target.kind === "table" || column === undefined) {
        // A table grant covers every column; any column grant lets the table be queried.
        return where;
    }
    const listed = target.columns === undefined || target.columns.includes(column);
    return and(where, listed && !target.excluded.includes(column));
}

/**
 * Default permissions act as grants on what is created after them: IAM_ALLOWED_PRINCIPALS with ALL
 * (the AWS default the program turns off) hands every database or table to IAM.
 */
function defaultGrants(facts: LakeFormationFacts, databases: DatabaseFacts[]): EffectiveGrant[] {
    const grants: EffectiveGrant[] = [];
    for (const settings of facts.settings) {
        for (const p of settings.createDatabaseDefaultPermissions) {
            grants.push({ source: `the createDatabaseDefaultPermissions of ${settings.name}`, principal: p.principal, permissions: p.permissions, grantable: [], target: { kind: "database", database: "*" } });
        }
        for (const p of settings.createTableDefaultPermissions) {
            grants.push({ source: `the createTableDefaultPermissions of ${settings.name}`, principal: p.principal, permissions: p.permissions, grantable: [], target: { kind: "table", database: "*", table: "*" } });
        }
    }
    for (const database of databases) {
        for (const p of database.createTableDefaultPermissions) {
            grants.push({ source: `the createTableDefaultPermissions of database ${database.name}`, principal: p.principal, permissions: p.permissions, grantable: [], target: { kind: "table", database: database.databaseName, table: "*" } });
        }
    }
    return grants;
}

/**
 * An LF-tag policy grant as the grants it amounts to (AWS: "Lake Formation tag-based access
 * control"): resourceType DATABASE gives the permissions on every database whose LF-tags match all
 * expressions, TABLE on every table whose tags match; a table inherits its database's tags, and a
 * tag it carries itself overrides the inherited value of that key. Where a tag, value or expression
 * is unknown the grant may cover the resource: its target is then unknown (undecided, never absent).
 * Column-level tags (a ResourceLfTags on tableWithColumns) are read as the table's: the worst case
 * for a must-not.
 */
function tagPolicyGrants(grant: GrantFacts, policy: Extract<GrantTarget, { kind: "lfTagPolicy" }>, tagged: ResourceTagFacts[], databases: DatabaseFacts[], tables: TableFacts[]): GrantFacts[] {
    const { resourceType, expressions } = policy;
    const anything = (why: string): GrantFacts[] => [{ ...grant, via: `its LF-tag policy: ${why}`, target: { kind: "table", database: new Unknown(why), table: new Unknown(why) } }];
    if (isUnknown(resourceType) || isUnknown(expressions)) return anything(String(isUnknown(resourceType) ? resourceType : expressions));
    const databaseTags = (database: string) => tagsOn(tagged, (on) => on.kind === "database" && matches(on.database, database));
    const result: GrantFacts[] = [];
    if (resourceType === "DATABASE") {
        for (const database of databases) {
            if (isUnknown(database.databaseName)) continue;
            const name = database.databaseName;
            const match = expressionsMatch(expressions, databaseTags(name));
            if (match === false) continue;
            const via = `its LF-tag policy ${describe(expressions)} matches database ${name}`;
            result.push({ ...grant, via, target: { kind: "database", database: match === true ? name : new Unknown(`whether ${via}`) } });
        }
        return result;
    }
    for (const table of tables) {
        if (isUnknown(table.databaseName) || isUnknown(table.tableName)) continue;
        const database = table.databaseName;
        const name = table.tableName;
        const own = tagsOn(tagged, (on) => on.kind === "table" && matches(on.database, database) && (matches(on.table, name) || on.table === "*"));
        const match = expressionsMatch(expressions, new Map([...databaseTags(database), ...own]));
        if (match === false) continue;
        const via = `its LF-tag policy ${describe(expressions)} matches table ${database}.${name}`;
        result.push({ ...grant, via, target: { kind: "table", database, table: match === true ? name : new Unknown(`whether ${via}`) } });
    }
    return result;
}

function matches(value: Maybe<string>, wanted: string): boolean {
    return !isUnknown(value) && value === wanted;
}

/** The LF-tags (key -> value, Unknown when not known) of the taggings that apply. */
function tagsOn(tagged: ResourceTagFacts[], applies: (on: ResourceTagFacts["on"]) => boolean): Map<string, Maybe<string>> {
    const tags = new Map<string, Maybe<string>>();
    for (const t of tagged.filter((x) => applies(x.on))) {
        for (const { key, value } of t.tags) tags.set(isUnknown(key) ? `?${String(key)}` : key, value);
    }
    return tags;
}

/** Whether tags satisfy every expression (a key's value is one of its values). */
function expressionsMatch(expressions: LfTagExpression[], tags: Map<string, Maybe<string>>): Tri {
    const unknownKeys = [...tags.keys()].some((k) => k.startsWith("?"));
    let result: Tri = true;
    for (const { key, values } of expressions) {
        if (isUnknown(key) || isUnknown(values)) {
            result = and(result, "unknown");
            continue;
        }
        const value = tags.get(key);
        if (value === undefined) {
            result = and(result, unknownKeys ? "unknown" : false);
        } else if (isUnknown(value) || values.some(isUnknown)) {
            result = and(result, values.includes(value as string) ? true : "unknown");
        } else {
            result = and(result, values.includes(value) || values.includes("*"));
        }
    }
    return result;
}

function describe(expressions: LfTagExpression[]): string {
    return expressions.map((e) => `${String(e.key)}=${isUnknown(e.values) ? String(e.values) : e.values.map(String).join("|")}`).join(" and ");
}

function describeTarget(target: GrantTarget): string {
    switch (target.kind) {
        case "dataLocation": return `location ${String(target.arn)}`;
        case "database": return `database ${String(target.database)}`;
        case "table": return `table ${String(target.database)}.${String(target.table)}`;
        case "columns": return `columns of ${String(target.database)}.${String(target.table)}`;
        case "catalog": return "the catalog";
        case "lfTagPolicy": return "the resources its LF-tag policy matches";
        case "other": return "an LF-tag or data filter";
    }
}
