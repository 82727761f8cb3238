import { z } from "zod";
import { isUnknownSentinel } from "./unknownValues";

/**
 * The shape of a stack's resources, as far as the checks read them: one table, validated once where
 * a stack is read. The offline runner validates an export with it when it loads the file (a field of
 * the wrong shape is bad input: exit 2, naming resource, field, expected and found), and the persona
 * pack's `resources-well-formed` rule reports the same problems under `pulumi preview`. Without it
 * a field of the wrong shape is read as absent (an `excludedColumnNames` string excludes nothing) or
 * crashes the reader (`dependencies` as an object): the rules then answer about a stack that is not
 * the one handed to them.
 *
 * Absent fields are fine (a real export omits what is unset), and so is any value that is a secret
 * (Pulumi's secret object in a raw export, "[secret]" once read) or a preview's unknown sentinel:
 * those are unknown to the checks, not malformed.
 */

/** Pulumi's marker of a secret in serialized state: `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ... }`. */
const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

function isHidden(value: unknown): boolean {
    return isUnknownSentinel(value) || (typeof value === "object" && value !== null && SECRET_SIGNATURE_KEY in value);
}

/** A field's schema and how a message names what it expects. */
interface FieldShape {
    schema: z.ZodType;
    expected: string;
}

const text = z.string();
const strings = z.array(z.unknown()).refine((items) => items.every((i) => typeof i === "string" || isHidden(i)));
const object = z.record(z.string(), z.unknown());
/** Pulumi's one-element blocks: an object, or (older providers, some exports) a list of one. */
const block = z.union([object, z.array(object).max(1)]);
const objects = z.array(z.unknown()).refine((items) => items.every((i) => (typeof i === "object" && i !== null && !Array.isArray(i)) || isHidden(i)));

const STRING: FieldShape = { schema: text, expected: "a string" };
const STRINGS: FieldShape = { schema: strings, expected: "a list of strings" };
const BOOLEAN: FieldShape = { schema: z.boolean(), expected: "true or false" };
const BLOCK: FieldShape = { schema: block, expected: "an object" };
const OBJECTS: FieldShape = { schema: objects, expected: "a list of objects" };
const TAGS: FieldShape = { schema: z.record(z.string(), z.unknown()).refine((tags) => Object.values(tags).every((v) => typeof v === "string" || isHidden(v))), expected: "a map of tag names to strings" };
/** IAM accepts a policy document as JSON text; Pulumi programs may hand an object. */
const DOCUMENT: FieldShape = { schema: z.union([text, object]), expected: "a policy document (JSON text or an object)" };

/** Field paths (`a.b`, `list[].c`: every element of a list) per resource type. */
const POLICY_DOCUMENT_TYPES = [
    "aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy",
    "aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2", "aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy",
    "aws:sns/topic:Topic", "aws:sns/topicPolicy:TopicPolicy", "aws:sqs/queuePolicy:QueuePolicy", "aws:ecr/repositoryPolicy:RepositoryPolicy",
    "aws:glue/resourcePolicy:ResourcePolicy",
];

const GRANT_PERMISSIONS: Record<string, FieldShape> = { principal: STRING, permissions: STRINGS };

const FIELDS: Record<string, Record<string, FieldShape>> = {
    "aws:iam/role:Role": {
        name: STRING, arn: STRING, assumeRolePolicy: DOCUMENT, managedPolicyArns: STRINGS, permissionsBoundary: STRING,
        inlinePolicies: OBJECTS, "inlinePolicies[].name": STRING, "inlinePolicies[].policy": DOCUMENT,
    },
    "aws:iam/rolePolicy:RolePolicy": { role: STRING, name: STRING },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { role: STRING, policyArn: STRING },
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": { group: STRING, policyArn: STRING },
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": { user: STRING, policyArn: STRING },
    "aws:iam/policyAttachment:PolicyAttachment": { policyArn: STRING, roles: STRINGS, users: STRINGS, groups: STRINGS },
    "aws:iam/policy:Policy": { name: STRING, arn: STRING },
    "aws:lakeformation/permissions:Permissions": {
        ...GRANT_PERMISSIONS, permissionsWithGrantOption: STRINGS, catalogResource: BOOLEAN, catalogId: STRING,
        tableWithColumns: BLOCK, "tableWithColumns.databaseName": STRING, "tableWithColumns.name": STRING,
        "tableWithColumns.columnNames": STRINGS, "tableWithColumns.excludedColumnNames": STRINGS, "tableWithColumns.wildcard": BOOLEAN,
        table: BLOCK, "table.databaseName": STRING, "table.name": STRING, "table.wildcard": BOOLEAN,
        database: BLOCK, "database.name": STRING, dataLocation: BLOCK, "dataLocation.arn": STRING,
        lfTag: BLOCK, "lfTag.key": STRING, "lfTag.values": STRINGS,
        lfTagPolicy: BLOCK, "lfTagPolicy.resourceType": STRING, "lfTagPolicy.expressions": OBJECTS,
        "lfTagPolicy.expressions[].key": STRING, "lfTagPolicy.expressions[].values": STRINGS,
    },
    "aws:lakeformation/dataLakeSettings:DataLakeSettings": {
        admins: STRINGS, readOnlyAdmins: STRINGS, trustedResourceOwners: STRINGS,
        createDatabaseDefaultPermissions: OBJECTS, "createDatabaseDefaultPermissions[].principal": STRING, "createDatabaseDefaultPermissions[].permissions": STRINGS,
        createTableDefaultPermissions: OBJECTS, "createTableDefaultPermissions[].principal": STRING, "createTableDefaultPermissions[].permissions": STRINGS,
    },
    "aws:lakeformation/resource:Resource": { arn: STRING },
    "aws:lakeformation/resourceLfTags:ResourceLfTags": {
        lfTags: OBJECTS, "lfTags[].key": STRING, "lfTags[].value": STRING,
        database: BLOCK, table: BLOCK, "table.databaseName": STRING, "table.name": STRING, tableWithColumns: BLOCK,
    },
    "aws:lakeformation/lfTag:LfTag": { key: STRING, values: STRINGS },
    "aws:glue/catalogDatabase:CatalogDatabase": {
        name: STRING, createTableDefaultPermissions: OBJECTS, "createTableDefaultPermissions[].permissions": STRINGS,
    },
    "aws:glue/catalogTable:CatalogTable": { name: STRING, databaseName: STRING, storageDescriptor: BLOCK, "storageDescriptor.location": STRING },
    "aws:s3/bucket:Bucket": { arn: STRING, bucket: STRING, forceDestroy: BOOLEAN },
    "aws:s3/bucketV2:BucketV2": { arn: STRING, bucket: STRING, forceDestroy: BOOLEAN },
    "aws:athena/workgroup:Workgroup": { name: STRING, arn: STRING },
};

for (const type of POLICY_DOCUMENT_TYPES) FIELDS[type] = { ...FIELDS[type], policy: DOCUMENT };

/** The entry of a stack export, around the properties. */
const ENTRY: Record<string, FieldShape> = {
    urn: STRING, type: STRING, inputs: { schema: object, expected: "an object" }, outputs: { schema: object, expected: "an object" },
    dependencies: STRINGS, parent: STRING, provider: STRING, protect: BOOLEAN, retainOnDelete: BOOLEAN,
};

/** How a message names what was found. */
export function describeValue(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list (${describeValue(value.find((v) => typeof v !== "string" && !isHidden(v)) ?? value[0])} inside)`;
    if (typeof value === "string") return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
    if (typeof value === "object") return "an object";
    return `a ${typeof value} (${String(value)})`;
}

/** The values at a path, with their concrete paths (`inlinePolicies[].policy` visits every element). */
function valuesAt(root: unknown, path: string): { path: string; value: unknown }[] {
    let found: { path: string; value: unknown }[] = [{ path: "", value: root }];
    for (const segment of path.split(".")) {
        const each = segment.endsWith("[]");
        const key = each ? segment.slice(0, -2) : segment;
        found = found.flatMap(({ path: at, value }) => {
            // A one-element block given as a list of one: read through it, as the readers do.
            const holder = Array.isArray(value) && !each ? value[0] : value;
            if (typeof holder !== "object" || holder === null || isHidden(holder)) return [];
            const child = (holder as Record<string, unknown>)[key];
            const childPath = at === "" ? key : `${at}.${key}`;
            if (!each) return [{ path: childPath, value: child }];
            return Array.isArray(child) ? child.map((item, i) => ({ path: `${childPath}[${i}]`, value: item })) : [];
        });
    }
    return found;
}

function problemsOf(root: unknown, fields: Record<string, FieldShape>, prefix: string): string[] {
    const problems: string[] = [];
    for (const [path, shape] of Object.entries(fields)) {
        for (const { path: at, value } of valuesAt(root, path)) {
            if (value === undefined || value === null || isHidden(value)) continue;
            if (!shape.schema.safeParse(value).success) problems.push(`${prefix}${at}: expected ${shape.expected}, found ${describeValue(value)}`);
        }
    }
    return problems;
}

/**
 * What is wrong with a resource's properties (inputs or outputs, or the props a policy is handed),
 * one line per field: `tableWithColumns.excludedColumnNames: expected a list of strings, found a string "x"`.
 */
export function propertyProblems(type: string, props: unknown, prefix = ""): string[] {
    const tags: Record<string, FieldShape> = type.startsWith("aws:") ? { tags: TAGS, tagsAll: TAGS } : {};
    return problemsOf(props, { ...tags, ...FIELDS[type] }, prefix);
}

/**
 * What is wrong with one entry of a stack export's `deployment.resources`: its own fields, then its
 * inputs' and outputs' properties. Each line starts with how the entry is named (its URN, or its
 * index when it has none).
 */
export function exportEntryProblems(entry: unknown, index: number): string[] {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return [`deployment.resources[${index}]: expected an object, found ${describeValue(entry)}`];
    const record = entry as Record<string, unknown>;
    const name = typeof record.urn === "string" ? `resource ${record.urn}` : `deployment.resources[${index}]`;
    const missing = ["urn", "type"].filter((key) => record[key] === undefined).map((key) => `${name}: "${key}": expected a string, found nothing`);
    const own = problemsOf(record, ENTRY, "").map((p) => `${name}: ${p}`);
    if (missing.length > 0 || own.length > 0) return [...missing, ...own];
    const type = record.type as string;
    return ["inputs", "outputs"].flatMap((part) => propertyProblems(type, record[part], `${part}.`).map((p) => `${name}: ${p}`));
}
