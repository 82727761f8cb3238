import { ANALYST_GROUP_TAG } from "../../personas/personaNames";
import type { ExportedResource } from "../engine/stackExport";

/**
 * A stack export of `count` resources shaped like this program's at scale: one data lake as
 * DataLake declares it (encrypted buckets with policies, the persona roles with inline and managed
 * policies, DataLakeSettings, a registered location, a catalog of a dozen datasets, workgroups,
 * Lake Formation grants), then as many analyst groups as fit, each as AthenaAnalystRole declares
 * it (role, inline policy, a shared customer-managed policy, workgroup, per-table grants with
 * column exclusions). The program grows this way: `athenaAnalysts.groups` and `datasets` are what
 * a bigger organisation adds. Deterministic; the last group may be cut short at `count`.
 */
export function generateExport(count: number): ExportedResource[] {
    const g = new Generator();
    const stack = g.add("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`, {}, { custom: false });
    g.add("pulumi:providers:aws", "default_7_0_0", { region: REGION }, { parent: stack });
    const lake = dataLake(g, stack);
    for (let group = 0; count - g.resources.length >= ANALYST_GROUP_SIZE; group++) {
        analystGroup(g, stack, lake, `group-${group}`, group);
    }
    // Whole groups only (a group cut short would be a broken persona); the rest are the lake's
    // dataset prefixes (DataLake creates one object per dataset), as many as the count needs.
    for (let n = 0; g.resources.length < count; n++) {
        g.add("aws:s3/bucketObjectv2:BucketObjectv2", `lake-prefix-extra-${n}`, { bucket: lake.lakeBucket, key: `extra-${n}/`, content: "" }, { parent: lake.component });
    }
    return g.resources.slice(0, count);
}

const ACCOUNT = "123456789012";
const REGION = "ap-northeast-1";
const PROJECT = "analytics-platform";
const STACK = "bench";
/** The seed's four datasets and eight more a bigger lake would hold. */
const TABLES: Record<string, string[]> = {
    sales: ["date", "shop_id", "item_id", "item_price", "item_cnt_day"],
    items: ["item_name", "item_id", "item_category_id"],
    item_categories: ["item_category_name", "item_category_id"],
    shops: ["shop_name", "shop_id"],
    ...Object.fromEntries(["returns", "stock", "prices", "promotions", "customers", "visits", "orders", "suppliers"].map((t) => [t, ["id", "date", "shop_id", "value"]])),
};

const arn = (service: string, resource: string, region = REGION, account = ACCOUNT) => `arn:aws:${service}:${region}:${account}:${resource}`;
const roleArn = (name: string) => arn("iam", `role/${name}`, "");
const doc = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const peopleTrust = doc([{ Sid: "TrustedPrincipals", Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] } }]);
const glueTrust = doc([{ Sid: "ServiceOnly", Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "glue.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }]);

class Generator {
    readonly resources: ExportedResource[] = [];

    add(type: string, name: string, outputs: Record<string, unknown>, opts: { parent?: ExportedResource; custom?: boolean; dependsOn?: ExportedResource[] } = {}): ExportedResource {
        const parentType = opts.parent && opts.parent.type !== "pulumi:pulumi:Stack" ? `${opts.parent.type}$` : "";
        const resource: ExportedResource = {
            urn: `urn:pulumi:${STACK}::${PROJECT}::${parentType}${type}::${name}`,
            custom: opts.custom ?? true,
            type,
            ...(opts.custom === false ? {} : { id: String(outputs.id ?? outputs.name ?? name) }),
            inputs: {},
            outputs: outputs as ExportedResource["outputs"],
            ...(opts.parent ? { parent: opts.parent.urn } : {}),
            dependencies: (opts.dependsOn ?? []).map((d) => d.urn),
            protect: false,
        };
        this.resources.push(resource);
        return resource;
    }
}

/** What analyst groups need of the lake. */
interface Lake {
    component: ExportedResource;
    lakeBucket: string;
    settings: ExportedResource;
    database: string;
    resultsBucket: string;
    keyArn: string;
    listPolicy: ExportedResource;
}

const name = (logical: string) => `${PROJECT}-${STACK}-${logical}`;

function role(g: Generator, parent: ExportedResource, logical: string, persona: string, trust: string, extraTags: Record<string, string> = {}): ExportedResource {
    return g.add("aws:iam/role:Role", `${logical}-role`, {
        name: name(logical), arn: roleArn(name(logical)), assumeRolePolicy: trust, tags: { project: PROJECT, stack: STACK, persona, ...extraTags },
    }, { parent });
}

function inline(g: Generator, owner: ExportedResource, policyName: string, statements: object[]): ExportedResource {
    return g.add("aws:iam/rolePolicy:RolePolicy", `${owner.urn.split("::").pop()}-${policyName}`, {
        role: owner.outputs.name, name: policyName, policy: doc(statements),
    }, { parent: owner, dependsOn: [owner] });
}

function attach(g: Generator, owner: ExportedResource, policy: string | ExportedResource): ExportedResource {
    const policyArn = typeof policy === "string" ? policy : (policy.outputs.arn as string);
    return g.add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${owner.urn.split("::").pop()}-${policyArn.split("/").pop()}`, {
        role: owner.outputs.name, policyArn,
    }, { parent: owner, dependsOn: typeof policy === "string" ? [owner] : [owner, policy] });
}

function workgroup(g: Generator, parent: ExportedResource, lake: Pick<Lake, "resultsBucket" | "keyArn">, logical: string, prefix: string, tags: Record<string, string> = {}): string {
    const workgroupName = name(logical);
    const workgroupArn = arn("athena", `workgroup/${workgroupName}`);
    g.add("aws:athena/workgroup:Workgroup", `${logical}-workgroup`, {
        name: workgroupName, arn: workgroupArn, tags,
        configuration: {
            enforceWorkgroupConfiguration: true,
            resultConfiguration: { outputLocation: `s3://${lake.resultsBucket}/${prefix}`, encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: lake.keyArn } },
        },
    }, { parent });
    return workgroupArn;
}

/** The inline policy of a person who queries in one workgroup (components/common/athenaAccess.ts). */
function athenaAccess(g: Generator, owner: ExportedResource, lake: Pick<Lake, "resultsBucket" | "keyArn" | "database">, workgroupArn: string, prefix: string): ExportedResource {
    const results = `arn:aws:s3:::${lake.resultsBucket}`;
    return inline(g, owner, "athena", [
        { Sid: "AthenaInOwnWorkgroup", Effect: "Allow", Action: ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution"], Resource: workgroupArn },
        { Sid: "GlueCatalogRead", Effect: "Allow", Action: ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartitions"], Resource: [arn("glue", "catalog"), arn("glue", `database/${lake.database}`), arn("glue", `table/${lake.database}/*`)] },
        { Sid: "LakeFormationDataAccess", Effect: "Allow", Action: ["lakeformation:GetDataAccess"], Resource: "*" },
        { Sid: "QueryResultsBucket", Effect: "Allow", Action: ["s3:GetBucketLocation"], Resource: results },
        { Sid: "QueryResultsListOwnPrefix", Effect: "Allow", Action: ["s3:ListBucket"], Resource: results, Condition: { StringLike: { "s3:prefix": [`${prefix}*`] } } },
        { Sid: "QueryResultsReadWriteOwnPrefix", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"], Resource: `${results}/${prefix}*` },
        { Sid: "LakeKeyThroughS3", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: lake.keyArn, Condition: { StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` } } },
    ]);
}

function grant(g: Generator, parent: ExportedResource, lake: Pick<Lake, "settings">, logical: string, principal: ExportedResource, permissions: string[], target: Record<string, unknown>): ExportedResource {
    return g.add("aws:lakeformation/permissions:Permissions", logical, { principal: principal.outputs.arn, permissions, ...target }, { parent, dependsOn: [principal, lake.settings] });
}

function dataLake(g: Generator, stack: ExportedResource): Lake {
    const component = g.add("analytics:index:DataLake", "data-lake", {}, { parent: stack, custom: false });
    const database = "sales";
    const key = g.add("aws:kms/key:Key", "lake-key", {
        arn: arn("kms", "key/3eaa752b-23c2-4ebf-a4a2-b679b9465d66"),
        enableKeyRotation: true,
        policy: doc([{ Sid: "AccountAdministersThroughIam", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }]),
    }, { parent: component });
    const keyArn = key.outputs.arn as string;
    const bucket = (purpose: string) => {
        const bucketName = `${name(purpose)}-${String(purpose.length).padStart(26, "0")}`;
        const b = g.add("aws:s3/bucket:Bucket", purpose, { bucket: bucketName, arn: `arn:aws:s3:::${bucketName}`, tags: { purpose } }, { parent: component });
        g.add("aws:s3/bucketPolicy:BucketPolicy", `${purpose}-policy`, {
            bucket: bucketName,
            policy: doc([{ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }]),
        }, { parent: b, dependsOn: [b] });
        g.add("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", `${purpose}-encryption`, {
            bucket: bucketName, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }, bucketKeyEnabled: true }],
        }, { parent: b, dependsOn: [b, key] });
        return bucketName;
    };
    const lakeBucket = bucket("data-lake");
    const resultsBucket = bucket("athena-query-results");

    const workflow = role(g, component, "LakeFormationWorkflowRole", "workflow", glueTrust);
    attach(g, workflow, "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole");
    inline(g, workflow, "read-lake-bucket", [
        { Sid: "ReadLakeBucket", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [`arn:aws:s3:::${lakeBucket}`, `arn:aws:s3:::${lakeBucket}/*`] },
        { Sid: "DecryptLakeObjects", Effect: "Allow", Action: ["kms:Decrypt"], Resource: keyArn, Condition: { StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` } } },
    ]);
    const admin = role(g, component, "data-lake-admin", "data-lake-admin", peopleTrust);
    for (const policy of ["AWSLakeFormationDataAdmin", "AWSGlueConsoleFullAccess", "CloudWatchLogsReadOnlyAccess", "AWSLakeFormationCrossAccountManager"]) {
        attach(g, admin, `arn:aws:iam::aws:policy/${policy}`);
    }
    inline(g, admin, "pass-workflow-role", [{ Sid: "PassRolePermissions", Effect: "Allow", Action: ["iam:PassRole"], Resource: workflow.outputs.arn }]);
    const settings = g.add("aws:lakeformation/dataLakeSettings:DataLakeSettings", "lake-formation-settings", {
        admins: [admin.outputs.arn], createDatabaseDefaultPermissions: [], createTableDefaultPermissions: [],
    }, { parent: component, dependsOn: [admin] });
    g.add("aws:lakeformation/resource:Resource", "lake-location", { arn: `arn:aws:s3:::${lakeBucket}`, useServiceLinkedRole: false }, { parent: component, dependsOn: [settings] });
    g.add("aws:glue/catalogDatabase:CatalogDatabase", "catalog-database", { name: database, createTableDefaultPermissions: [] }, { parent: component, dependsOn: [settings] });
    for (const [table, columns] of Object.entries(TABLES)) {
        g.add("aws:glue/catalogTable:CatalogTable", `table-${table}`, {
            name: table, databaseName: database, storageDescriptor: { location: `s3://${lakeBucket}/${table}/`, columns: columns.map((c) => ({ name: c, type: "string" })) },
        }, { parent: component });
    }
    for (const table of Object.keys(TABLES)) {
        g.add("aws:s3/bucketObjectv2:BucketObjectv2", `lake-prefix-${table}`, { bucket: lakeBucket, key: `${table}/`, content: "", serverSideEncryption: "aws:kms", kmsKeyId: keyArn }, { parent: component });
    }
    const lake = { component, lakeBucket, settings, database, resultsBucket, keyArn };
    grant(g, component, lake, "workflow-data-location", workflow, ["DATA_LOCATION_ACCESS"], { dataLocation: { arn: `arn:aws:s3:::${lakeBucket}` } });
    grant(g, component, lake, "workflow-database", workflow, ["CREATE_TABLE", "DESCRIBE"], { database: { name: database } });
    grant(g, component, lake, "workflow-tables", workflow, ["ALTER", "DESCRIBE"], { table: { databaseName: database, wildcard: true } });

    const leader = role(g, component, "project-leader", "project-leader", peopleTrust);
    const catalogScope = [arn("glue", "catalog"), arn("glue", "database/*"), arn("glue", "table/*/*")];
    inline(g, leader, "catalog-where-granted", [
        { Sid: "CreateDatabasesAndTables", Effect: "Allow", Action: ["glue:CreateDatabase", "glue:CreateTable"], Resource: catalogScope },
        { Sid: "ReadCatalog", Effect: "Allow", Action: ["glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables"], Resource: catalogScope },
        { Sid: "LakeFormationDataAccess", Effect: "Allow", Action: ["lakeformation:GetDataAccess"], Resource: "*" },
    ]);
    grant(g, component, lake, "project-leader-catalog", leader, ["CREATE_DATABASE"], { catalogResource: true });

    const engineer = role(g, component, "data-engineer", "data-engineer", peopleTrust);
    inline(g, engineer, "load-dataset-prefixes", [
        { Sid: "WriteDatasetPrefixes", Effect: "Allow", Action: ["s3:PutObject", "s3:AbortMultipartUpload"], Resource: Object.keys(TABLES).map((t) => `arn:aws:s3:::${lakeBucket}/${t}/*`) },
        { Sid: "LakeKeyThroughS3", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: keyArn, Condition: { StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` } } },
    ]);
    athenaAccess(g, leader, lake, workgroup(g, component, lake, "lake", "workgroups/lake/"), "workgroups/lake/");
    grant(g, component, lake, "project-leader-database", leader, ["DESCRIBE"], { database: { name: database } });
    grant(g, component, lake, "project-leader-tables", leader, ["SELECT", "DESCRIBE"], { table: { databaseName: database, wildcard: true } });

    const listPolicy = g.add("aws:iam/policy:Policy", "analysts-list-workgroups", {
        name: name("analysts-list-workgroups"), arn: arn("iam", `policy/${name("analysts-list-workgroups")}`, ""),
        policy: doc([{ Sid: "ListWorkgroups", Effect: "Allow", Action: ["athena:ListWorkGroups"], Resource: "*" }]),
    }, { parent: component });
    return { ...lake, listPolicy };
}

/** Resources per analyst group: component, role, inline policy, attachment, workgroup, database grant, two grants per table. */
const TABLES_PER_GROUP = 6;
const ANALYST_GROUP_SIZE = 6 + 2 * TABLES_PER_GROUP;

/** One analyst group: six of the tables (a rotating choice), the price column excluded from sales. */
function analystGroup(g: Generator, stack: ExportedResource, lake: Lake, group: string, index: number): void {
    const component = g.add("analytics:index:AthenaAnalystRole", `analyst-${group}`, {}, { parent: stack, custom: false });
    const analyst = role(g, component, `analyst-${group}`, "analyst", peopleTrust, { [ANALYST_GROUP_TAG]: group });
    const prefix = `analysts/${group}/`;
    athenaAccess(g, analyst, lake, workgroup(g, component, lake, `analysts-${group}`, prefix, { [ANALYST_GROUP_TAG]: group }), prefix);
    attach(g, analyst, lake.listPolicy);
    grant(g, component, lake, `analyst-${group}-database`, analyst, ["DESCRIBE"], { database: { name: lake.database } });
    const tables = Object.keys(TABLES);
    for (let t = 0; t < TABLES_PER_GROUP; t++) {
        const table = tables[(index + t) % tables.length];
        grant(g, component, lake, `analyst-${group}-${table}-describe`, analyst, ["DESCRIBE"], { table: { databaseName: lake.database, name: table } });
        grant(g, component, lake, `analyst-${group}-${table}-select`, analyst, ["SELECT"], {
            tableWithColumns: { databaseName: lake.database, name: table, wildcard: true, excludedColumnNames: table === "sales" ? ["item_price"] : [] },
        });
    }
}
