import { ExportedResource } from "../../../tools/engine/stackExport";
import { EditableExport } from "./stackEdits";
import { rumGuestMutations } from "./rumGuestMutations";

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
    persona: Persona | E2ePersona;
    /** Applies the edit; returns the name the failing row must mention. */
    apply: (e: EditableExport) => string;
}

/** A change that must leave the matrix as it was (the reading must not depend on it). */
export interface Control {
    name: string;
    apply: (e: EditableExport) => void;
}

export type Persona = "data-lake-admin" | "workflow" | "project-leader" | "analyst" | "rum-guest" | SageMakerPersona | "anomaly-ingestion" | "anomaly-alert";
type SageMakerPersona = "sagemaker-execution" | "ml-engineer" | "sagemaker-caller";
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
    cases.push(...remainingPointsOfIssue7());
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
    cases.push(...codeBuildE2EMutations());
    // The WebAppMonitor's RUM guest role.
    cases.push(...rumGuestMutations());
    cases.push(...sageMakerMutations());
    cases.push(...anomalyDetectorMutations());
    return cases;
}

/**
 * The SageMaker pipeline's personas (prod: a realtime endpoint with a data-quality monitor): each
 * must-not of personas/sageMakerEndpointPipeline.ts broken the way a hurried change would.
 */
function sageMakerMutations(): Mutation[] {
    const inline = (persona: SageMakerPersona, id: string, statement: (e: EditableExport) => { Action: string | string[]; Resource: string | string[] }): Mutation => ({
        name: `${persona}: ${id} (inline RolePolicy)`,
        persona,
        apply: (e) => {
            const policyName = `regression-${id}`;
            e.addInlinePolicy(e.personaRole(persona), policyName, [{ Sid: "Regression", Effect: "Allow", ...statement(e) }]);
            return policyName;
        },
    });
    const lakeObjects = (e: EditableExport) => ({ Action: "s3:GetObject", Resource: `${e.lakeBucketArn()}/*` });
    const endpoints = (e: EditableExport) => (e.find("aws:sagemaker/endpoint:Endpoint", "sagemaker-churn-xgb-endpoint").outputs.arn as string).replace(/endpoint\/.*$/, "endpoint/*");
    const ownEndpoint = (e: EditableExport) => e.find("aws:sagemaker/endpoint:Endpoint", "sagemaker-churn-xgb-endpoint").outputs.arn as string;
    const cases: Mutation[] = [];
    for (const persona of ["sagemaker-execution", "ml-engineer", "sagemaker-caller"] as const) {
        cases.push(inline(persona, "read-the-lake", lakeObjects));
        cases.push(inline(persona, "change-lake-formation-settings", () => ({ Action: "lakeformation:PutDataLakeSettings", Resource: "*" })));
        cases.push(inline(persona, "pass-any-role", () => ({ Action: "iam:PassRole", Resource: "*" })));
        cases.push(inline(persona, "decrypt-with-any-key", () => ({ Action: "kms:Decrypt", Resource: "*" })));
    }
    cases.push(inline("sagemaker-execution", "invoke-any-endpoint", (e) => ({ Action: "sagemaker:InvokeEndpoint", Resource: endpoints(e) })));
    cases.push(inline("sagemaker-caller", "invoke-any-endpoint", (e) => ({ Action: "sagemaker:InvokeEndpoint", Resource: endpoints(e) })));
    cases.push(inline("sagemaker-caller", "update-own-endpoint", (e) => ({ Action: "sagemaker:UpdateEndpoint", Resource: ownEndpoint(e) })));
    cases.push(inline("ml-engineer", "update-any-endpoint", (e) => ({ Action: "sagemaker:UpdateEndpoint", Resource: endpoints(e) })));
    // Its grant allowance covers the pipelines' keys, not the lake's.
    cases.push(inline("ml-engineer", "grant-on-the-lake-key", (e) => ({ Action: "kms:CreateGrant", Resource: e.find("aws:kms/key:Key", "lake-key").outputs.arn as string })));
    cases.push(trustEdit("lets people assume the SageMaker role", "sagemaker-execution", (trust) => {
        trust.Statement.push({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" });
    }));
    cases.push(trustEdit("lets SageMaker assume the ML engineer's role", "ml-engineer", (trust) => {
        trust.Statement.push({ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" });
    }));
    cases.push(trustEdit("lets another account assume the caller role", "sagemaker-caller", (trust) => {
        trust.Statement.push({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" });
    }));
    return cases;
}

// CodeBuildE2E's personas (personas/codeBuildE2E.ts): the build's service role and the QA reader.
type E2ePersona = "e2e-build" | "qa-reader";

interface E2eArns {
    lake: string;
    results: string;
    reports: string;
    project: string;
    buildRole: string;
    qaRole: string;
}

function e2eArnsFor(e: EditableExport): E2eArns {
    return {
        lake: e.find("aws:s3/bucket:Bucket", "lake").outputs.arn as string,
        results: e.find("aws:s3/bucket:Bucket", "query-results").outputs.arn as string,
        reports: e.find("aws:s3/bucket:Bucket", "e2e-reports").outputs.arn as string,
        project: e.find("aws:codebuild/project:Project", "e2e-project").outputs.arn as string,
        buildRole: e.personaRole("e2e-build").outputs.arn as string,
        qaRole: e.personaRole("qa-reader").outputs.arn as string,
    };
}

const E2E_STATEMENTS: { id: string; persona: E2ePersona; statement: (a: E2eArns) => { Action: string | string[]; Resource: string | string[] } }[] = [
    // The build role: its reports and logs, its image and source; nothing of the lake, no other role.
    { id: "build-reads-lake", persona: "e2e-build", statement: (a) => ({ Action: "s3:GetObject", Resource: `${a.lake}/*` }) },
    { id: "build-writes-results-bucket", persona: "e2e-build", statement: (a) => ({ Action: "s3:PutObject", Resource: `${a.results}/*` }) },
    { id: "build-writes-whole-report-bucket", persona: "e2e-build", statement: (a) => ({ Action: "s3:PutObject", Resource: `${a.reports}/*` }) },
    { id: "build-updates-own-project", persona: "e2e-build", statement: (a) => ({ Action: "codebuild:UpdateProject", Resource: a.project }) },
    { id: "build-assumes-qa-reader", persona: "e2e-build", statement: (a) => ({ Action: "sts:AssumeRole", Resource: a.qaRole }) },
    { id: "build-passes-roles", persona: "e2e-build", statement: () => ({ Action: "iam:PassRole", Resource: "*" }) },
    { id: "build-s3-star-on-reports", persona: "e2e-build", statement: (a) => ({ Action: "s3:*", Resource: [a.reports, `${a.reports}/*`] }) },
    // The QA reader: reads reports, starts builds; never changes the project or writes reports.
    { id: "qa-updates-project", persona: "qa-reader", statement: (a) => ({ Action: "codebuild:UpdateProject", Resource: a.project }) },
    { id: "qa-codebuild-star", persona: "qa-reader", statement: (a) => ({ Action: "codebuild:*", Resource: a.project }) },
    { id: "qa-deletes-report-groups", persona: "qa-reader", statement: () => ({ Action: "codebuild:DeleteReportGroup", Resource: "*" }) },
    { id: "qa-writes-reports", persona: "qa-reader", statement: (a) => ({ Action: "s3:PutObject", Resource: `${a.reports}/karate/*` }) },
    { id: "qa-passes-build-role", persona: "qa-reader", statement: (a) => ({ Action: "iam:PassRole", Resource: a.buildRole }) },
    { id: "qa-reads-lake", persona: "qa-reader", statement: (a) => ({ Action: "s3:GetObject", Resource: `${a.lake}/*` }) },
    // Caught by the risk classes alone (no row of its own names these actions).
    { id: "qa-deletes-project", persona: "qa-reader", statement: (a) => ({ Action: "codebuild:DeleteProject", Resource: a.project }) },
    { id: "qa-creates-webhook", persona: "qa-reader", statement: (a) => ({ Action: "codebuild:CreateWebhook", Resource: a.project }) },
    { id: "build-deletes-image-repository", persona: "e2e-build", statement: () => ({ Action: "ecr:DeleteRepository", Resource: "*" }) },
    { id: "build-pushes-images", persona: "e2e-build", statement: () => ({ Action: ["ecr:PutImage", "ecr:InitiateLayerUpload"], Resource: "*" }) },
];

function codeBuildE2EMutations(): Mutation[] {
    const cases: Mutation[] = E2E_STATEMENTS.map((risky) => ({
        name: `${risky.persona}: ${risky.id} (inline RolePolicy)`,
        persona: risky.persona,
        apply: (e) => {
            const policyName = `regression-${risky.id}`;
            e.addInlinePolicy(e.personaRole(risky.persona), policyName, [{ Sid: "Regression", Effect: "Allow", ...risky.statement(e2eArnsFor(e)) }]);
            return policyName;
        },
    }));
    const editTrust = (name: string, persona: E2ePersona, edit: (trust: { Statement: Record<string, unknown>[] }) => void): Mutation => ({
        name: `${persona}: trust ${name}`,
        persona,
        apply: (e) => {
            const role = e.personaRole(persona);
            const trust = JSON.parse(role.outputs.assumeRolePolicy as string) as { Statement: Record<string, unknown>[] };
            edit(trust);
            role.outputs.assumeRolePolicy = JSON.stringify(trust);
            role.inputs.assumeRolePolicy = role.outputs.assumeRolePolicy;
            return roleName(role);
        },
    });
    cases.push(editTrust("adds the account's people", "e2e-build", (t) => t.Statement.push({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::123456789012:root" } })));
    cases.push(editTrust("drops the confused-deputy conditions", "e2e-build", (t) => t.Statement.forEach((s) => delete s.Condition)));
    cases.push(editTrust("adds a service", "qa-reader", (t) => t.Statement.push({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "codebuild.amazonaws.com" } })));
    for (const persona of ["e2e-build", "qa-reader"] as E2ePersona[]) {
        cases.push({ name: `${persona}: AdministratorAccess attached`, persona, apply: (e) => (e.attach(e.personaRole(persona), MANAGED("AdministratorAccess")), "AdministratorAccess") });
    }
    return cases;
}

/** A statement of a document that names the sales table's database through LF-tags. */
const TAG_POLICY = (values: string[]) => ({ lfTagPolicy: { resourceType: "TABLE", expressions: [{ key: "sensitivity", values }] } });

/**
 * Issue 7's remaining points, per kind: Lake Formation principals in another case, LF-tag policy
 * grants, the catalog's CREATE_DATABASE gate, edges a value hides (undecided, never missing).
 */
function remainingPointsOfIssue7(): Mutation[] {
    const cases: Mutation[] = [];
    const upper = (arn: string) => arn.replace(/role\/(.*)$/, (_m, name: string) => `role/${name.toUpperCase()}`);
    const capitalised = (arn: string) => arn.replace(/role\/(.)/, (_m, first: string) => `role/${first.toUpperCase()}`);
    for (const [what, recase] of [["upper case", upper], ["another case (first letter)", capitalised]] as const) {
        cases.push({
            name: `analyst: SELECT on the whole sales table granted to its ARN in ${what}`, persona: "analyst",
            apply: (e) => {
                const role = e.personaRole("analyst");
                e.add("aws:lakeformation/permissions:Permissions", "regression-recased-principal", { principal: recase(role.outputs.arn as string), permissions: ["SELECT"], table: { databaseName: "sales", name: "sales" } }, [role]);
                return "regression-recased-principal";
            },
        });
    }
    for (const persona of ["analyst", "workflow"] as Persona[]) {
        cases.push({
            name: `${persona}: added to the Lake Formation admins under its ARN in upper case`, persona,
            apply: (e) => {
                const settings = e.find("aws:lakeformation/dataLakeSettings:DataLakeSettings", "lake-formation-settings");
                settings.outputs.admins = [...(settings.outputs.admins as string[]), upper(e.personaRole(persona).outputs.arn as string)];
                return roleName(e.personaRole(persona));
            },
        });
    }
    // LF-tag policy grants: the tags on the database (inherited) or on the table itself.
    const tagged: [string, (e: EditableExport) => Record<string, unknown>][] = [
        ["its database", () => ({ database: { name: "sales" } })],
        ["the table itself", () => ({ table: { databaseName: "sales", name: "sales" } })],
        ["the table's columns", () => ({ tableWithColumns: { databaseName: "sales", name: "sales", columnNames: ["item_price"] } })],
    ];
    for (const [where, on] of tagged) {
        cases.push({
            name: `analyst: an LF-tag policy grant of SELECT matching the sales table through tags on ${where}`, persona: "analyst",
            apply: (e) => {
                e.add("aws:lakeformation/lfTag:LfTag", "sensitivity", { key: "sensitivity", values: ["internal", "restricted"] });
                e.add("aws:lakeformation/resourceLfTags:ResourceLfTags", "sales-sensitivity", { ...on(e), lfTags: [{ key: "sensitivity", value: "restricted" }] });
                e.grant("regression-tag-select", e.personaRole("analyst"), ["SELECT"], TAG_POLICY(["restricted"]));
                return "regression-tag-select";
            },
        });
    }
    cases.push({
        name: "analyst: an LF-tag policy grant whose value list names the table's tag among others", persona: "analyst",
        apply: (e) => {
            e.add("aws:lakeformation/resourceLfTags:ResourceLfTags", "sales-db-sensitivity", { database: { name: "sales" }, lfTags: [{ key: "sensitivity", value: "internal" }] });
            e.grant("regression-tag-select-any", e.personaRole("analyst"), ["SELECT"], TAG_POLICY(["public", "internal"]));
            return "regression-tag-select-any";
        },
    });
    cases.push({
        name: "project-leader: an LF-tag policy grant with the grant option (it may pass SELECT on)", persona: "project-leader",
        apply: (e) => {
            e.add("aws:lakeformation/resourceLfTags:ResourceLfTags", "sales-db-tier", { database: { name: "sales" }, lfTags: [{ key: "sensitivity", value: "internal" }] });
            e.add("aws:lakeformation/permissions:Permissions", "regression-tag-grantable", { principal: e.personaRole("project-leader").outputs.arn, permissions: ["SELECT"], permissionsWithGrantOption: ["SELECT"], ...TAG_POLICY(["internal"]) });
            const role = e.personaRole("project-leader");
            e.addInlinePolicy(role, "regression-grant-permissions", [{ Effect: "Allow", Action: "lakeformation:GrantPermissions", Resource: "*" }]);
            return "regression-tag-grantable";
        },
    });
    // The catalog's CREATE_DATABASE gate: a grant reopens it for a role with glue:CreateDatabase.
    const createDatabases = (e: EditableExport) => e.addInlinePolicy(e.personaRole("analyst"), "regression-create-databases", [{ Effect: "Allow", Action: "glue:CreateDatabase", Resource: "*" }]);
    cases.push({
        name: "analyst: CREATE_DATABASE on the catalog granted to it, beside glue:CreateDatabase", persona: "analyst",
        apply: (e) => {
            createDatabases(e);
            e.grant("regression-analyst-catalog", e.personaRole("analyst"), ["CREATE_DATABASE"], { catalogResource: true });
            return "regression-analyst-catalog";
        },
    });
    cases.push({
        name: "analyst: the catalog gate reopened to IAM_ALLOWED_PRINCIPALS, beside glue:CreateDatabase", persona: "analyst",
        apply: (e) => {
            createDatabases(e);
            e.add("aws:lakeformation/permissions:Permissions", "regression-iam-allowed-catalog", { principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["CREATE_DATABASE"], catalogResource: true });
            return "regression-iam-allowed-catalog";
        },
    });
    // A persona role whose policies are read back as a secret never drops out of a check.
    for (const [field, persona] of [["inlinePolicies", "analyst"], ["managedPolicyArns", "project-leader"]] as [string, Persona][]) {
        cases.push({
            name: `${persona}: its role's ${field} read back as a secret`, persona,
            apply: (e) => {
                const role = e.personaRole(persona);
                role.outputs[field] = "[secret]";
                return roleName(role);
            },
        });
    }
    // An edge a hidden value leaves open is an undecided edge, never a missing one.
    cases.push({
        name: "data-lake-admin: the trust of the lake location role it may pass becomes a secret (the PassRole edge is undecided)", persona: "data-lake-admin",
        apply: (e) => {
            const location = e.find("aws:iam/role:Role", "lake-location-role");
            location.outputs.assumeRolePolicy = "[secret]";
            location.inputs.assumeRolePolicy = "[secret]";
            return roleName(location);
        },
    });
    cases.push({
        name: "analyst: sts:AssumeRole on the workflow role, whose trust becomes a secret (the AssumeRole edge is undecided)", persona: "analyst",
        apply: (e) => {
            const workflow = e.personaRole("workflow");
            e.addInlinePolicy(e.personaRole("analyst"), "regression-assume-workflow", [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: workflow.outputs.arn }]);
            workflow.outputs.assumeRolePolicy = "[secret]";
            return roleName(workflow);
        },
    });
    return cases;
}

/**
 * Regressions a pack's rule (not a persona row) must catch: the baseline rules of issue 7's point 8,
 * cross-account Lake Formation grants, malformed fields. Each names the policy that must report a
 * mandatory violation on the resource it changed (its URN, or a name in the message).
 */
export interface PackMutation {
    name: string;
    policy: string;
    apply: (e: EditableExport) => string;
}

const ADMIN_ACCESS = MANAGED("AdministratorAccess");

export const PACK_MUTATIONS: PackMutation[] = [
    // AdministratorAccess on any role, user or group, however attached.
    { name: "AdministratorAccess attached to the lake location role (no persona)", policy: "iam-no-administrator-access", apply: (e) => {
        const role = e.find("aws:iam/role:Role", "lake-location-role");
        e.attach(role, ADMIN_ACCESS);
        return role.urn;
    } },
    { name: "AdministratorAccess in the lake location role's managedPolicyArns", policy: "iam-no-administrator-access", apply: (e) => {
        const role = e.find("aws:iam/role:Role", "lake-location-role");
        role.outputs.managedPolicyArns = [...((role.outputs.managedPolicyArns as string[] | undefined) ?? []), ADMIN_ACCESS];
        return role.urn;
    } },
    { name: "a \"*:*\" inline policy on the lake location role", policy: "iam-no-administrator-access", apply: (e) => {
        const role = e.find("aws:iam/role:Role", "lake-location-role");
        e.addInlinePolicy(role, "regression-everything", [{ Effect: "Allow", Action: "*:*", Resource: "*" }]);
        return role.urn;
    } },
    { name: "AdministratorAccess through a GroupPolicyAttachment", policy: "iam-no-administrator-access", apply: (e) => {
        const group = e.add("aws:iam/group:Group", "regression-admins", { name: "regression-admins", arn: "arn:aws:iam::123456789012:group/regression-admins" });
        e.add("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "regression-admins-admin", { group: "regression-admins", policyArn: ADMIN_ACCESS }, [group]);
        return group.urn;
    } },
    { name: "AdministratorAccess to a user through a PolicyAttachment's users", policy: "iam-no-administrator-access", apply: (e) => {
        const user = e.add("aws:iam/user:User", "regression-alice", { name: "regression-alice", arn: "arn:aws:iam::123456789012:user/regression-alice" });
        e.add("aws:iam/policyAttachment:PolicyAttachment", "regression-alice-admin", { policyArn: ADMIN_ACCESS, users: ["regression-alice"], roles: [], groups: [] }, [user]);
        return user.urn;
    } },
    // Principals of bucket, key and Glue resource policies.
    ...(["lake-policy", "query-results-policy"] as const).map((policy): PackMutation => ({ name: `"*" allowed in ${policy}`, policy: "resource-policy-principals", apply: (e) => {
        const holder = e.find("aws:s3/bucketPolicy:BucketPolicy", policy);
        addResourceStatement(holder, { Sid: "Regression", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" });
        return holder.urn;
    } })),
    { name: "another account's root in the lake key's policy", policy: "resource-policy-principals", apply: (e) => {
        const key = e.find("aws:kms/key:Key", "lake-key");
        addResourceStatement(key, { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:Decrypt", Resource: "*" });
        return key.urn;
    } },
    { name: "the access-log bucket's logging.s3 statement loses aws:SourceAccount", policy: "resource-policy-principals", apply: (e) => {
        const holder = e.find("aws:s3/bucketPolicy:BucketPolicy", "access-logs-policy");
        const document = JSON.parse(holder.outputs.policy as string) as { Statement: { Principal?: unknown; Condition?: unknown }[] };
        for (const statement of document.Statement) if (JSON.stringify(statement.Principal).includes("logging.s3")) delete statement.Condition;
        holder.outputs.policy = JSON.stringify(document);
        return holder.urn;
    } },
    { name: "a Glue catalog resource policy for another account", policy: "resource-policy-principals", apply: (e) => e.add("aws:glue/resourcePolicy:ResourcePolicy", "regression-catalog-policy", {
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/partner" }, Action: "glue:GetTable", Resource: "*" }] }),
    }).urn },
    // The alert topics' policies (components/common/alertTopic.ts): who may publish.
    { name: "an alert topic's EventBridge publish statement loses its aws:SourceArn", policy: "resource-policy-principals", apply: (e) => {
        const holder = e.find("aws:sns/topicPolicy:TopicPolicy", "e2e-alerts-policy");
        const document = JSON.parse(holder.outputs.policy as string) as { Statement: { Sid?: string; Condition?: unknown }[] };
        for (const statement of document.Statement) if (statement.Sid === "EventBridgeRulesPublish") delete statement.Condition;
        holder.outputs.policy = JSON.stringify(document);
        return holder.urn;
    } },
    { name: "an alert topic's CloudWatch publish statement pinned to every alarm (ArnLike aws:SourceArn \"*\" only)", policy: "resource-policy-principals", apply: (e) => {
        const holder = e.find("aws:sns/topicPolicy:TopicPolicy", "web-app-monitor-alerts-policy");
        const document = JSON.parse(holder.outputs.policy as string) as { Statement: { Sid?: string; Condition?: unknown }[] };
        for (const statement of document.Statement) if (statement.Sid === "CloudWatchAlarmsPublish") statement.Condition = { ArnLike: { "aws:SourceArn": "*" } };
        holder.outputs.policy = JSON.stringify(document);
        return holder.urn;
    } },
    { name: "an alert topic's key lets EventBridge create grants", policy: "resource-policy-principals", apply: (e) => {
        const key = e.find("aws:kms/key:Key", "e2e-alerts-key");
        addResourceStatement(key, { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:Decrypt", "kms:CreateGrant"], Resource: "*" });
        return key.urn;
    } },
    // Prod protection from the stack config (environment.protectData), not from the resources.
    { name: "the Glue database loses protect", policy: "glue-database-protected", apply: (e) => {
        const database = e.find("aws:glue/catalogDatabase:CatalogDatabase", "catalog-database");
        database.protect = false;
        return database.urn;
    } },
    { name: "the Glue database loses retainOnDelete", policy: "glue-database-protected", apply: (e) => {
        const database = e.find("aws:glue/catalogDatabase:CatalogDatabase", "catalog-database");
        delete database.retainOnDelete;
        return database.urn;
    } },
    ...(["lake", "query-results", "access-logs"] as const).map((bucket): PackMutation => ({ name: `forceDestroy on ${bucket}`, policy: "s3-bucket-no-force-destroy", apply: (e) => {
        const resource = e.find("aws:s3/bucket:Bucket", bucket);
        resource.outputs.forceDestroy = true;
        return resource.urn;
    } })),
    { name: "the lake's ownership controls removed", policy: "s3-bucket-owner-enforced", apply: (e) => {
        e.remove(e.find("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "lake-ownership"));
        return e.find("aws:s3/bucket:Bucket", "lake").urn;
    } },
    ...(["ObjectWriter", "BucketOwnerPreferred"] as const).map((ownership): PackMutation => ({ name: `the results bucket's ownership set to ${ownership}`, policy: "s3-bucket-owner-enforced", apply: (e) => {
        e.find("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "query-results-ownership").outputs.rule = { objectOwnership: ownership };
        return e.find("aws:s3/bucket:Bucket", "query-results").urn;
    } })),
    ...([["days", { days: 90 }], ["a date", { date: "2027-04-01T00:00:00Z" }]] as const).map(([what, expiration]): PackMutation => ({ name: `a lifecycle rule expiring the lake's current objects after ${what}`, policy: "s3-data-not-expired", apply: (e) => {
        const lifecycle = e.find("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "lake-lifecycle");
        lifecycle.outputs.rules = [...(lifecycle.outputs.rules as object[]), { id: "regression-expire", status: "Enabled", filter: {}, expiration }] as never;
        return e.find("aws:s3/bucket:Bucket", "lake").urn;
    } })),
    // Cross-account Lake Formation grants: resource exposure, naming the grant.
    { name: "SELECT on the sales table granted to another account", policy: "persona-access-fully-evaluated", apply: (e) => e.add("aws:lakeformation/permissions:Permissions", "regression-cross-account", {
        principal: "111122223333", permissions: ["SELECT"], table: { databaseName: "sales", name: "sales" },
    }).urn },
    // An organization or OU is outside the account even when the stack's own account manages it,
    // in any partition.
    ...([
        ["the organization (aws-us-gov ARN, the stack's own management account)", "arn:aws-us-gov:organizations::123456789012:organization/o-a1b2c3d4e5"],
        ["an organizational unit (the stack's own management account)", "arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cdef3456"],
    ] as const).map(([who, principal]): PackMutation => ({ name: `SELECT on the sales table granted to ${who}`, policy: "persona-access-fully-evaluated", apply: (e) => e.add("aws:lakeformation/permissions:Permissions", "regression-organization", {
        principal, permissions: ["SELECT"], table: { databaseName: "sales", name: "sales" },
    }).urn })),
    { name: "an LF-tag policy grant to another account's role", policy: "persona-access-fully-evaluated", apply: (e) => {
        e.add("aws:lakeformation/resourceLfTags:ResourceLfTags", "sales-db-share", { database: { name: "sales" }, lfTags: [{ key: "share", value: "partner" }] });
        return e.add("aws:lakeformation/permissions:Permissions", "regression-cross-account-tags", {
            principal: "arn:aws:iam::111122223333:role/partner", permissions: ["SELECT"], lfTagPolicy: { resourceType: "TABLE", expressions: [{ key: "share", values: ["partner"] }] },
        }).urn;
    } },
    // An ARN of another partition than the stack's region's (prod: ap-northeast-1, aws), where
    // IAM, KMS and Lake Formation read it: a policy document, a managed policy's ARN, a grant.
    { name: "a role policy naming a China-partition bucket", policy: "arns-in-stack-partition", apply: (e) => {
        const policy = e.find("aws:iam/rolePolicy:RolePolicy", "data-engineer-role-load-dataset-prefixes");
        const document = JSON.parse(policy.outputs.policy as string) as { Statement: object[] };
        document.Statement.push({ Sid: "Regression", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws-cn:s3:::analytics-platform-prod-lake/*" });
        policy.outputs.policy = JSON.stringify(document);
        return policy.urn;
    } },
    { name: "a managed policy attached by its GovCloud ARN", policy: "arns-in-stack-partition", apply: (e) => {
        const attachment = e.find("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "workflow-role-AWSGlueServiceRole");
        attachment.outputs.policyArn = "arn:aws-us-gov:iam::aws:policy/service-role/AWSGlueServiceRole";
        return attachment.urn;
    } },
    { name: "a function's environment naming a GovCloud topic (an ARN outside any policy document)", policy: "arns-in-stack-partition", apply: (e) => {
        const fn = e.find("aws:lambda/function:Function", "anomaly-ecommerce-alert");
        const environment = fn.outputs.environment as { variables: Record<string, string> };
        environment.variables.REGRESSION_TOPIC = "arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts";
        return fn.urn;
    } },
    { name: "a Lake Formation location registered by a China-partition ARN", policy: "arns-in-stack-partition", apply: (e) => {
        const location = e.find("aws:lakeformation/resource:Resource", "lake-location");
        location.outputs.arn = String(location.outputs.arn).replace(/^arn:aws:/, "arn:aws-cn:");
        return location.urn;
    } },
    // Malformed fields, under preview (the offline runner refuses the export before any rule).
    { name: "excludedColumnNames as a string", policy: "resources-well-formed", apply: (e) => {
        const grant = e.find("aws:lakeformation/permissions:Permissions", "analyst-sales-analysts-sales");
        (grant.outputs.tableWithColumns as Record<string, unknown>).excludedColumnNames = "item_price";
        return grant.urn;
    } },
    { name: "a role's tags as a list", policy: "resources-well-formed", apply: (e) => {
        const role = e.personaRole("analyst");
        role.outputs.tags = [{ key: "persona", value: "analyst" }];
        return role.urn;
    } },
    { name: "a grant's permissions as a string", policy: "resources-well-formed", apply: (e) => {
        const grant = e.find("aws:lakeformation/permissions:Permissions", "analyst-sales-analysts-database");
        grant.outputs.permissions = "DESCRIBE";
        return grant.urn;
    } },
];

/** Changes the pack rules above must not report. */
export const PACK_CONTROLS: Control[] = [
    { name: "lifecycle rules expiring only noncurrent versions, delete markers, or disabled", apply: (e) => {
        const lifecycle = e.find("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "lake-lifecycle");
        lifecycle.outputs.rules = [...(lifecycle.outputs.rules as object[]),
            { id: "markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
            { id: "off", status: "Disabled", filter: {}, expiration: { days: 1 } }] as never;
    } },
    { name: "a bucket policy statement for \"*\" pinned to the account", apply: (e) => addResourceStatement(e.find("aws:s3/bucketPolicy:BucketPolicy", "lake-policy"), {
        Effect: "Allow", Principal: "*", Action: "s3:ListBucket", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
    }) },
    { name: "an LF-tag policy grant to the project leader matching no table", apply: (e) => void e.grant("tagged-nothing", e.personaRole("project-leader"), ["SELECT"], TAG_POLICY(["none"])) },
    { name: "a grant of the analyst's own SELECT repeated under its ARN in upper case", apply: (e) => {
        const own = e.find("aws:lakeformation/permissions:Permissions", "analyst-sales-analysts-items");
        e.add("aws:lakeformation/permissions:Permissions", "items-recased", { ...JSON.parse(JSON.stringify(own.outputs)) as Record<string, unknown>, principal: (own.outputs.principal as string).toUpperCase().replace("ARN:AWS:IAM", "arn:aws:iam") });
    } },
];

function addResourceStatement(holder: ExportedResource, statement: object): void {
    const document = JSON.parse(holder.outputs.policy as string) as { Statement: object[] };
    document.Statement.push(statement);
    holder.outputs.policy = JSON.stringify(document);
    if (holder.inputs.policy !== undefined) holder.inputs.policy = holder.outputs.policy;
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
