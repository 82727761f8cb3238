import { ExportedResource } from "../../../tools/engine/stackExport";
import { EditableExport } from "./stackEdits";

/**
 * A corpus of realistic regressions of a planned stack: the edits a hurried engineer, or someone
 * with pull-request access, would make. Each case edits a fresh copy of the export and says which
 * persona must then fail some expectation, and the name (a policy, grant, or the role itself) that
 * the failing row must mention: the row must point at what changed, not merely go red somewhere.
 *
 * Cases are generated per KIND (a risky statement of each risk class, a condition wrapper, a route
 * by which a policy reaches a role, a trust edit, a Lake Formation grant) over every persona the
 * kind applies to; a new case is one line in a table.
 */
export interface Mutation {
    name: string;
    persona: Persona;
    /** Applies the edit; returns the name the failing row must mention. */
    apply: (e: EditableExport) => string;
}

/** A change that must leave the matrix as it was (the reading must not depend on it). */
export interface Control {
    name: string;
    apply: (e: EditableExport) => void;
}

export type Persona = "data-lake-admin" | "workflow" | "project-leader" | "analyst" | "anomaly-ingestion" | "anomaly-alert";
const ALL: Persona[] = ["data-lake-admin", "workflow", "project-leader", "analyst"];

/** ARNs of the planned stack a statement can name. */
interface Arns {
    lake: string;
    results: string;
    key: string;
    ownRole: string;
    workflowRole: string;
    otherPersonaRole: string;
    workgroups: string;
}

function arnsFor(e: EditableExport, persona: Persona): Arns {
    const other: Persona = persona === "data-lake-admin" ? "analyst" : "data-lake-admin";
    const workgroup = e.find("aws:athena/workgroup:Workgroup", "lake-workgroup").outputs.arn as string;
    return {
        lake: e.find("aws:s3/bucket:Bucket", "lake").outputs.arn as string,
        results: e.find("aws:s3/bucket:Bucket", "query-results").outputs.arn as string,
        key: e.find("aws:kms/key:Key", "lake-key").outputs.arn as string,
        ownRole: e.personaRole(persona).outputs.arn as string,
        workflowRole: e.personaRole("workflow").outputs.arn as string,
        otherPersonaRole: e.personaRole(other).outputs.arn as string,
        workgroups: workgroup.replace(/workgroup\/.*$/, "workgroup/*"),
    };
}

interface RiskyStatement {
    id: string;
    /** The personas whose model does not let them hold this (others: not a regression). */
    personas: Persona[];
    statement: (a: Arns) => { Action: string | string[]; Resource: string | string[] };
}

// The project leader's exposure and modification rows wait for its scoped policy (pending in the
// model): regressions of those classes are checked on the other personas until then.
const NOT_PL: Persona[] = ["data-lake-admin", "workflow", "analyst"];

export const RISKY_STATEMENTS: RiskyStatement[] = [
    // privilege escalation
    { id: "put-role-policy-any-role", personas: ALL, statement: () => ({ Action: "iam:PutRolePolicy", Resource: "arn:aws:iam::123456789012:role/*" }) },
    { id: "create-policy-version", personas: ALL, statement: () => ({ Action: ["iam:CreatePolicyVersion"], Resource: "*" }) },
    { id: "update-own-trust", personas: ALL, statement: (a) => ({ Action: "iam:UpdateAssumeRolePolicy", Resource: a.ownRole }) },
    { id: "attach-role-policy", personas: ALL, statement: () => ({ Action: "iam:AttachRolePolicy", Resource: "*" }) },
    { id: "pass-any-role", personas: ALL, statement: () => ({ Action: "iam:PassRole", Resource: "*" }) },
    { id: "assume-other-persona", personas: ALL, statement: (a) => ({ Action: "sts:AssumeRole", Resource: a.otherPersonaRole }) },
    // who can become whom: the workflow role runs code in Glue, and reads the lake
    { id: "pass-workflow-role", personas: ["project-leader", "analyst"], statement: (a) => ({ Action: "iam:PassRole", Resource: a.workflowRole }) },
    { id: "rewrite-workflow-trust", personas: ["data-lake-admin", "project-leader", "analyst"], statement: (a) => ({ Action: "iam:UpdateAssumeRolePolicy", Resource: a.workflowRole }) },
    { id: "update-function-code", personas: ALL, statement: () => ({ Action: "lambda:UpdateFunctionCode", Resource: "*" }) },
    { id: "create-access-key", personas: ALL, statement: () => ({ Action: "iam:CreateAccessKey", Resource: "arn:aws:iam::123456789012:user/*" }) },
    { id: "iam-star", personas: ALL, statement: () => ({ Action: "iam:*", Resource: "*" }) },
    { id: "drop-own-boundary", personas: ALL, statement: (a) => ({ Action: "iam:DeleteRolePermissionsBoundary", Resource: a.ownRole }) },
    // resource exposure
    { id: "put-lake-bucket-policy", personas: NOT_PL, statement: (a) => ({ Action: "s3:PutBucketPolicy", Resource: a.lake }) },
    { id: "put-key-policy", personas: NOT_PL, statement: (a) => ({ Action: "kms:PutKeyPolicy", Resource: a.key }) },
    { id: "create-kms-grant", personas: NOT_PL, statement: (a) => ({ Action: "kms:CreateGrant", Resource: a.key }) },
    { id: "grant-lf-permissions", personas: ["workflow", "analyst"], statement: () => ({ Action: "lakeformation:GrantPermissions", Resource: "*" }) },
    { id: "put-glue-resource-policy", personas: ["analyst"], statement: () => ({ Action: "glue:PutResourcePolicy", Resource: "*" }) },
    { id: "put-results-bucket-acl", personas: NOT_PL, statement: (a) => ({ Action: "s3:PutBucketAcl", Resource: a.results }) },
    // data exfiltration
    { id: "get-lake-objects", personas: ["data-lake-admin", "project-leader", "analyst"], statement: (a) => ({ Action: "s3:GetObject", Resource: `${a.lake}/*` }) },
    { id: "get-lake-object-versions", personas: ["data-lake-admin", "project-leader", "analyst"], statement: (a) => ({ Action: "s3:GetObjectVersion", Resource: `${a.lake}/*` }) },
    { id: "get-star-lake", personas: ALL, statement: (a) => ({ Action: "s3:Get*", Resource: [`${a.lake}/*`, a.lake] }) },
    { id: "get-any-results", personas: ALL, statement: (a) => ({ Action: "s3:GetObject", Resource: `${a.results}/*` }) },
    { id: "s3-star", personas: ALL, statement: () => ({ Action: "s3:*", Resource: "*" }) },
    // infrastructure modification
    { id: "put-lake-objects", personas: NOT_PL, statement: (a) => ({ Action: "s3:PutObject", Resource: `${a.lake}/*` }) },
    { id: "delete-lake-objects", personas: NOT_PL, statement: (a) => ({ Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"], Resource: `${a.lake}/*` }) },
    { id: "delete-lake-bucket", personas: NOT_PL, statement: (a) => ({ Action: "s3:DeleteBucket", Resource: a.lake }) },
    { id: "update-workgroups", personas: NOT_PL, statement: (a) => ({ Action: "athena:UpdateWorkGroup", Resource: a.workgroups }) },
    { id: "schedule-key-deletion", personas: NOT_PL, statement: (a) => ({ Action: "kms:ScheduleKeyDeletion", Resource: a.key }) },
    { id: "delete-glue-database", personas: ["analyst"], statement: () => ({ Action: "glue:DeleteDatabase", Resource: "*" }) },
    { id: "deregister-lake", personas: ["workflow", "analyst"], statement: () => ({ Action: "lakeformation:DeregisterResource", Resource: "*" }) },
    { id: "retag-own-role", personas: NOT_PL, statement: (a) => ({ Action: ["iam:TagRole", "iam:UntagRole"], Resource: a.ownRole }) },
];

/** Conditions a must-not probe does not send: each must count as satisfiable. */
export const SATISFIABLE_CONDITIONS: { id: string; condition: object }[] = [
    { id: "userid-like-star", condition: { StringLike: { "aws:userid": "*" } } },
    { id: "principal-tag", condition: { StringEquals: { "aws:PrincipalTag/persona": "analyst" } } },
    { id: "source-ip-anywhere", condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } },
    { id: "requested-region", condition: { StringEquals: { "aws:RequestedRegion": "ap-northeast-1" } } },
];

const CONDITIONED: { persona: Persona; statement: string }[] = [
    { persona: "analyst", statement: "get-lake-objects" },
    { persona: "workflow", statement: "pass-any-role" },
    { persona: "data-lake-admin", statement: "put-lake-bucket-policy" },
    { persona: "project-leader", statement: "put-role-policy-any-role" },
];

const roleName = (role: ExportedResource) => role.outputs.name as string;

function withStatement(persona: Persona, risky: RiskyStatement, condition?: { id: string; condition: object }): Mutation {
    const policyName = `regression-${risky.id}${condition ? `-${condition.id}` : ""}`;
    return {
        name: `${persona}: ${risky.id}${condition ? ` when ${condition.id}` : ""} (inline RolePolicy)`,
        persona,
        apply: (e) => {
            const role = e.personaRole(persona);
            e.addInlinePolicy(role, policyName, [{ Sid: "Regression", Effect: "Allow", ...risky.statement(arnsFor(e, persona)), ...(condition ? { Condition: condition.condition } : {}) }]);
            return policyName;
        },
    };
}

function trustEdit(name: string, persona: Persona, edit: (trust: { Statement: object[] }, e: EditableExport) => void): Mutation {
    return {
        name: `${persona}: trust ${name}`,
        persona,
        apply: (e) => {
            const role = e.personaRole(persona);
            const trust = JSON.parse(role.outputs.assumeRolePolicy as string) as { Statement: object[] };
            edit(trust, e);
            role.outputs.assumeRolePolicy = JSON.stringify(trust);
            role.inputs.assumeRolePolicy = role.outputs.assumeRolePolicy;
            return roleName(role);
        },
    };
}

const MANAGED = (name: string) => `arn:aws:iam::aws:policy/${name}`;

export function mutations(): Mutation[] {
    const cases: Mutation[] = [];
    for (const risky of RISKY_STATEMENTS) for (const persona of risky.personas) cases.push(withStatement(persona, risky));
    for (const { persona, statement } of CONDITIONED) {
        const risky = RISKY_STATEMENTS.find((s) => s.id === statement)!;
        for (const condition of SATISFIABLE_CONDITIONS) cases.push(withStatement(persona, risky, condition));
    }
    // Every route by which a policy reaches a role.
    for (const persona of ALL) {
        cases.push({ name: `${persona}: AdministratorAccess attached`, persona, apply: (e) => (e.attach(e.personaRole(persona), MANAGED("AdministratorAccess")), "AdministratorAccess") });
    }
    for (const [persona, policy] of [["analyst", "AmazonS3FullAccess"], ["project-leader", "AmazonS3ReadOnlyAccess"], ["workflow", "IAMFullAccess"], ["analyst", "AWSLambda_FullAccess"]] as [Persona, string][]) {
        cases.push({ name: `${persona}: ${policy} attached`, persona, apply: (e) => (e.attach(e.personaRole(persona), MANAGED(policy)), policy) });
    }
    for (const persona of ["analyst", "project-leader"] as Persona[]) {
        cases.push({
            name: `${persona}: risky statement in the role's own inlinePolicies`, persona,
            apply: (e) => {
                const role = e.personaRole(persona);
                const arns = arnsFor(e, persona);
                const entry = { name: "inline-regression", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `${arns.lake}/*` }] }) };
                role.outputs.inlinePolicies = [...((role.outputs.inlinePolicies as typeof entry[] | undefined) ?? []), entry];
                role.inputs.inlinePolicies = role.outputs.inlinePolicies;
                return "inline-regression";
            },
        });
    }
    for (const persona of ["analyst", "workflow"] as Persona[]) {
        cases.push({
            name: `${persona}: customer managed policy through a RolePolicyAttachment`, persona,
            apply: (e) => {
                const role = e.personaRole(persona);
                const arn = "arn:aws:iam::123456789012:policy/regression-managed";
                e.add("aws:iam/policy:Policy", "regression-managed", { arn, name: "regression-managed", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:PutRolePolicy", Resource: "*" }] }) });
                e.attach(role, arn);
                return "regression-managed";
            },
        });
    }
    cases.push({
        name: "analyst: managed policy through a PolicyAttachment's roles", persona: "analyst",
        apply: (e) => {
            const role = e.personaRole("analyst");
            e.add("aws:iam/policyAttachment:PolicyAttachment", "regression-policy-attachment", { name: "regression-policy-attachment", policyArn: MANAGED("IAMFullAccess"), roles: [role.outputs.name], users: [], groups: [] }, [role]);
            return "IAMFullAccess";
        },
    });
    // Trust: who may assume the persona.
    const person = (account: string) => ({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: `arn:aws:iam::${account}:root` } });
    cases.push(trustEdit("adds another account's root", "analyst", (t) => t.Statement.push(person("111122223333"))));
    cases.push(trustEdit("adds another account's root", "project-leader", (t) => t.Statement.push(person("210987654321"))));
    cases.push(trustEdit("adds a GitHub OIDC provider without a sub condition", "project-leader", (t) => t.Statement.push({
        Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity",
        Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
        Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } },
    })));
    cases.push(trustEdit("opens to everyone", "data-lake-admin", (t) => t.Statement.push({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "*" } })));
    cases.push(trustEdit("adds a service", "analyst", (t) => t.Statement.push({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } })));
    cases.push(trustEdit("adds a second service", "workflow", (t) => t.Statement.push({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } })));
    // Not a regression: Glue documents a service-only trust and reaches the role only through a
    // same-account iam:PassRole (personas/model.ts SERVICES_SENDING_SOURCE_KEYS); the program's trust has no condition.
    cases.push(trustEdit("adds the account's people", "workflow", (t) => t.Statement.push(person("123456789012"))));
    // Lake Formation.
    cases.push({
        name: "analyst: DATA_LOCATION_ACCESS on the lake", persona: "analyst",
        apply: (e) => (e.grant("regression-analyst-location", e.personaRole("analyst"), ["DATA_LOCATION_ACCESS"], { dataLocation: { arn: e.lakeBucketArn() } }), "regression-analyst-location"),
    });
    cases.push({
        name: "analyst: a second SELECT on the table without the column exclusion", persona: "analyst",
        apply: (e) => (e.grant("regression-analyst-all-columns", e.personaRole("analyst"), ["SELECT"], { table: { databaseName: "sales", name: "sales" } }), "regression-analyst-all-columns"),
    });
    for (const persona of ["analyst", "workflow", "project-leader"] as Persona[]) {
        cases.push({
            name: `${persona}: added to the Lake Formation admins`, persona,
            apply: (e) => {
                const settings = e.find("aws:lakeformation/dataLakeSettings:DataLakeSettings", "lake-formation-settings");
                settings.outputs.admins = [...(settings.outputs.admins as string[]), e.personaRole(persona).outputs.arn];
                settings.inputs.admins = settings.outputs.admins;
                return roleName(e.personaRole(persona));
            },
        });
    }
    cases.push({
        name: "analyst: a second table over the sales prefix, granted whole", persona: "analyst",
        apply: (e) => {
            const sales = e.find("aws:glue/catalogTable:CatalogTable", "table-sales");
            const twin = JSON.parse(JSON.stringify(sales.outputs)) as Record<string, unknown>;
            twin.name = "sales_raw";
            e.add("aws:glue/catalogTable:CatalogTable", "table-sales-raw", twin as never);
            e.grant("regression-sales-raw-select", e.personaRole("analyst"), ["SELECT"], { table: { databaseName: "sales", name: "sales_raw" } });
            return "regression-sales-raw-select";
        },
    });
    cases.push({
        name: "analyst: a second RolePolicy with the same name (in another case), applied last", persona: "analyst",
        apply: (e) => {
            const role = e.personaRole("analyst");
            const arns = arnsFor(e, "analyst");
            e.add("aws:iam/rolePolicy:RolePolicy", "athena-policy-override", {
                role: role.outputs.name, name: "Athena-Own-Workgroup",
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Override", Effect: "Allow", Action: "s3:GetObject", Resource: `${arns.lake}/*` }] }),
            }, [role]);
            return "Athena-Own-Workgroup";
        },
    });
    // Expectations come from the stack config, not from the grant under test.
    const salesSelect = (e: EditableExport) => e.find("aws:lakeformation/permissions:Permissions", "analyst-sales-analysts-sales");
    const exclusionEdits: [string, unknown][] = [
        ["the column exclusion dropped from its own grant", undefined],
        ["the excluded column misspelled in its own grant", ["item_prices"]],
        ["excludedColumnNames written as a string, not a list", "item_price"],
    ];
    for (const [what, excluded] of exclusionEdits) {
        cases.push({
            name: `analyst: ${what}`, persona: "analyst",
            apply: (e) => {
                const grant = salesSelect(e);
                const columns = grant.outputs.tableWithColumns as Record<string, unknown>;
                if (excluded === undefined) delete columns.excludedColumnNames;
                else columns.excludedColumnNames = excluded;
                grant.inputs.tableWithColumns = grant.outputs.tableWithColumns;
                return "analyst-sales-analysts-sales";
            },
        });
    }
    cases.push({
        name: "analyst: its role's tags become a secret (unreadable), so no role is the analyst", persona: "analyst",
        apply: (e) => {
            const role = e.personaRole("analyst");
            role.outputs.tags = "[secret]" as never;
            role.outputs.tagsAll = "[secret]" as never;
            return "persona=analyst";
        },
    });
    cases.push({
        name: "analyst: its group tag names a group the config does not have", persona: "analyst",
        apply: (e) => {
            const role = e.personaRole("analyst");
            for (const field of ["tags", "tagsAll"]) role.outputs[field] = { ...(role.outputs[field] as Record<string, string>), "analyst-group": "finance-analysts" };
            return "finance-analysts";
        },
    });
    // A grant option alone is no longer a regression for the project leader: its scoped policy holds no
    // lakeformation:GrantPermissions, so it cannot pass the permission on (the analyst's case below still holds).
    cases.push({
        name: "analyst: a grant whose principal is a secret (read as unknown, not absent)", persona: "analyst",
        apply: (e) => {
            e.add("aws:lakeformation/permissions:Permissions", "regression-secret-principal", { principal: "[secret]", permissions: ["SELECT"], table: { databaseName: "sales", name: "sales" } });
            return "regression-secret-principal";
        },
    });
    for (const persona of ALL) {
        cases.push({
            name: `${persona}: its role loses the persona tag (dropped, not skipped)`, persona,
            apply: (e) => {
                const role = e.personaRole(persona);
                for (const field of ["tags", "tagsAll"]) {
                    const tags = { ...(role.outputs[field] as Record<string, string>) };
                    delete tags.persona;
                    role.outputs[field] = tags;
                    if (role.inputs[field]) role.inputs[field] = tags;
                }
                return `persona=${persona}`;
            },
        });
    }
    cases.push(...anomalyDetectorMutations());
    return cases;
}

/**
 * The anomaly detector's function roles (prod: the sales-daily detector reads the lake's sales/
 * prefix; the ecommerce detector has the webhook function). Each must-not of personas/anomalyDetector.ts
 * by the statement that would break it, and each trust edit.
 */
function anomalyDetectorMutations(): Mutation[] {
    const INGEST = "anomaly-sales-daily-ingest-role";
    const ALERT = "anomaly-ecommerce-alert-role";
    const role = (e: EditableExport, name: string) => e.find("aws:iam/role:Role", name);
    const statement = (persona: Persona, roleName: string, id: string, make: (e: EditableExport) => object): Mutation => ({
        name: `${persona}: ${id} (inline RolePolicy)`,
        persona,
        apply: (e) => {
            const policyName = `regression-${id}`;
            e.addInlinePolicy(role(e, roleName), policyName, [{ Sid: "Regression", Effect: "Allow", ...make(e) }]);
            return policyName;
        },
    });
    const lake = (e: EditableExport) => e.find("aws:s3/bucket:Bucket", "lake").outputs.arn as string;
    return [
        statement("anomaly-ingestion", INGEST, "read-the-whole-lake", (e) => ({ Action: "s3:GetObject", Resource: `${lake(e)}/*` })),
        statement("anomaly-ingestion", INGEST, "read-another-dataset", (e) => ({ Action: "s3:GetObject", Resource: `${lake(e)}/items/*` })),
        statement("anomaly-ingestion", INGEST, "write-its-own-prefix", (e) => ({ Action: "s3:PutObject", Resource: `${lake(e)}/sales/*` })),
        statement("anomaly-ingestion", INGEST, "put-metrics-anywhere", () => ({ Action: "cloudwatch:PutMetricData", Resource: "*" })),
        statement("anomaly-ingestion", INGEST, "put-metrics-in-any-platform-namespace", () => ({
            Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringLike: { "cloudwatch:namespace": "analytics-platform/*" } },
        })),
        statement("anomaly-ingestion", INGEST, "pass-any-role", () => ({ Action: "iam:PassRole", Resource: "*" })),
        statement("anomaly-alert", ALERT, "read-every-parameter", () => ({ Action: "ssm:GetParameter", Resource: "arn:aws:ssm:ap-northeast-1:123456789012:parameter/*" })),
        statement("anomaly-alert", ALERT, "read-the-lake", (e) => ({ Action: "s3:GetObject", Resource: `${lake(e)}/*` })),
        statement("anomaly-alert", ALERT, "put-metrics", () => ({ Action: "cloudwatch:PutMetricData", Resource: "*" })),
        ...(["anomaly-ingestion", "anomaly-alert"] as const).map((persona): Mutation => ({
            name: `${persona}: trust lets the account's people assume it`,
            persona,
            apply: (e) => {
                const target = role(e, persona === "anomaly-ingestion" ? INGEST : ALERT);
                const trust = JSON.parse(target.outputs.assumeRolePolicy as string) as { Statement: object[] };
                trust.Statement.push({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" });
                target.outputs.assumeRolePolicy = JSON.stringify(trust);
                target.inputs.assumeRolePolicy = target.outputs.assumeRolePolicy;
                return roleName(target);
            },
        })),
    ];
}

/** Rewrites every string-or-list field of a document: single-element lists become strings. */
function singleToString(value: unknown): unknown {
    if (Array.isArray(value)) return value.length === 1 ? singleToString(value[0]) : value.map(singleToString);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, singleToString(v)]));
    return value;
}

const POLICY_TYPES = ["aws:iam/rolePolicy:RolePolicy"];

export const CONTROLS: Control[] = [
    {
        name: "Action and Resource as strings where they were one-element lists",
        apply: (e) => e.resources.filter((r) => POLICY_TYPES.includes(r.type)).forEach((r) => {
            r.outputs.policy = JSON.stringify(singleToString(JSON.parse(r.outputs.policy as string)));
        }),
    },
    {
        name: "policy documents as objects, not JSON text",
        apply: (e) => e.resources.forEach((r) => {
            if (POLICY_TYPES.includes(r.type)) r.outputs.policy = JSON.parse(r.outputs.policy as string);
            if (r.type === "aws:iam/role:Role") r.outputs.assumeRolePolicy = JSON.parse(r.outputs.assumeRolePolicy as string);
        }),
    },
    { name: "resources in reverse order", apply: (e) => e.resources.splice(1, e.resources.length - 1, ...e.resources.slice(1).reverse()) },
    {
        name: "role tags only in tagsAll (provider default tags)",
        apply: (e) => e.resources.filter((r) => r.type === "aws:iam/role:Role").forEach((r) => {
            delete r.outputs.tags;
            delete r.inputs.tags;
        }),
    },
    {
        name: "an unrelated key in another region",
        apply: (e) => void e.add("aws:kms/key:Key", "replica-key-us-east-1", { arn: "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555", keyId: "11111111-2222-3333-4444-555555555555" }),
    },
    {
        name: "a log group in another region listed before everything else",
        apply: (e) => {
            const added = e.add("aws:cloudwatch/logGroup:LogGroup", "audit-us-east-1", { arn: "arn:aws:logs:us-east-1:123456789012:log-group:audit", name: "audit" });
            e.resources.splice(e.resources.indexOf(added), 1);
            e.resources.splice(1, 0, added);
        },
    },
];
