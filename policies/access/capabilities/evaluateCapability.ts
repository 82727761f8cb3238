import { Capability, LocationRef, PersonaDefinition, RESOURCE_RESOLVERS } from "../../../personas/model";
import { ANALYST_GROUP_TAG, PERSONA_TAG } from "../../../personas/personaNames";
import { analystGroupsOf } from "../stack/stackConfig";
import { RoleFacts } from "../../lib/iamRoles";
import { isUnknown } from "../../lib/unknownValues";
import { RoleSimulator } from "../iam/roleSimulator";
import { assumableBy } from "../iam/trust";
import { riskVerdict } from "../risk/evaluateRisk";
import type { PrincipalGraph, Reach } from "../graph/principalGraph";
import { RiskClass } from "../../../personas/riskClasses";
import { LakeFormationState } from "../lakeFormation/lakeFormationState";
import { BucketFacts } from "../stack/dataFacts";
import { Placement } from "../stack/inventory";
import { PersonaTargets, TableTarget } from "./targets";
import { Verdict, allOfInOrder, allowed, anyOfInOrder, denied, undecided } from "./verdict";
import { assumableWithCognito } from "./webIdentity";

/** What one role may do about one capability, per target (one workgroup, one table...). */
export interface CapabilityOutcome {
    /** What the capability was checked on, when it has several targets. */
    target?: string;
    verdict: Verdict;
}

/** Everything the checks of one role need. */
export interface RoleContext {
    role: RoleFacts;
    /** The role's persona, when it has one (what it must do bounds what "other" means). */
    persona?: PersonaDefinition;
    iam: RoleSimulator;
    lakeFormation: LakeFormationState;
    targets: PersonaTargets;
    placement: Placement;
    /** Who can become whom, when the evaluator follows it (rows then count what the role can become). */
    graph?: PrincipalGraph;
    /** The context of another role of the stack, under this role's persona (to act as a role it became). */
    contextOf?: (role: RoleFacts) => Promise<RoleContext>;
}

const PROBE_DATABASE = "persona_probe_database";
const PROBE_TABLE = "persona_probe_table";
const PROBE_OBJECT = "probe";

/** Evaluates one capability of the model for one role: IAM through the simulator, Lake Formation by its rules. */
export async function evaluateCapability(c: RoleContext, capability: Capability): Promise<CapabilityOutcome[]> {
    switch (capability.kind) {
        case "declared":
            return [{ verdict: declaredAsConfigured(c) }];
        case "iam": {
            const resources = c.targets.resource(capability.resource, c.role);
            if (resources.length === 0) return [{ verdict: denied(`there is no ${RESOURCE_RESOLVERS[capability.resource]} in the stack`) }];
            return Promise.all(resources.map(async (r) => ({
                ...(r.arn === "*" ? {} : { target: r.label }),
                verdict: isUnknown(r.arn) ? undecided(String(r.arn)) : await c.iam.request({ action: capability.action, resource: r.arn, context: capability.context }),
            })));
        }
        case "createDatabaseIn":
            return perLocation(c, capability.location, (location) => createDatabase(c, location));
        case "dataLocationAccess":
            return perLocation(c, capability.location, (location) => Promise.resolve(c.lakeFormation.locationAccess(c.role, location)));
        case "createTableIn":
            return createTableIn(c, capability.location);
        case "select":
            return select(c, capability);
        case "changeLakeFormationSettings":
            return [{ verdict: await c.iam.request({ action: "lakeformation:PutDataLakeSettings", resource: "*" }) }];
        case "lakeFormationAdmin":
            return [{ verdict: c.lakeFormation.isAdmin(c.role) }];
        case "grantLakeFormationPermissions":
            return [{
                verdict: await allOfInOrder([
                    () => anyOfInOrder([() => c.lakeFormation.isAdmin(c.role), () => c.lakeFormation.holdsGrantablePermissions(c.role)],
                        "neither a Lake Formation admin nor holding any permission with the grant option"),
                    () => c.iam.request({ action: "lakeformation:GrantPermissions", resource: "*" }),
                ]),
            }];
        case "administratorAccess":
            return [{ verdict: await administratorAccess(c) }];
        case "passRole":
            return capability.role === "workflow" ? passWorkflowRole(c) : [{ verdict: await passOtherRoles(c) }];
        case "athenaInWorkgroup":
            return capability.workgroup === "own" ? athenaInOwnWorkgroup(c) : [{ verdict: await athenaElsewhere(c) }];
        case "writeQueryResults":
            return capability.prefix === "own" ? writeOwnResults(c) : [{ verdict: await touchOtherResults(c) }];
        case "readRawObjects":
            return perBucket(c.targets.lakeBuckets(), "lake bucket", (bucket) => readObjects(c, bucket));
        case "assumableBy":
            return [{ verdict: await assumableBy(c.role, capability.who, c.placement) }];
        case "assumableByOutsiders":
            return [{ verdict: await assumableBy(c.role, "outsiders", c.placement, capability.services) }];
        case "risk":
            return [{ verdict: await riskThroughGraph(c, capability.risk) }];
        case "becomeOthers":
            return [{ verdict: await becomeOthers(c) }];
        case "assumableWithCognito":
            return assumableWithCognito(c, capability.who);
        case "putMetrics":
            return [{ verdict: await putMetrics(c, capability.namespace) }];
    }
}

/**
 * cloudwatch:PutMetricData has no resource-level permissions: a namespace is reached through the
 * cloudwatch:namespace condition key. "own": allowed with the detector's namespace in the request;
 * "other": allowed with a namespace that is not its own.
 */
function putMetrics(c: RoleContext, namespace: "own" | "other"): Promise<Verdict> {
    const own = c.targets.detectorNamespace(c.role);
    if (namespace === "own") {
        if (own === undefined) return Promise.resolve(denied("the role names no anomaly detector (no detector tag)"));
        return c.iam.request({ action: "cloudwatch:PutMetricData", resource: "*", context: { "cloudwatch:namespace": own } });
    }
    // Another detector's namespace beside its own (a pattern over the platform's namespaces), and one elsewhere.
    const sibling = own === undefined ? "persona-probe/other-detector" : `${own.slice(0, own.lastIndexOf("/"))}/persona-probe-other-detector`;
    return anyOfInOrder(["persona-probe/other-namespace", sibling].map((namespace) => () =>
        c.iam.request({ action: "cloudwatch:PutMetricData", resource: "*", context: { "cloudwatch:namespace": namespace } })));
}

async function perLocation(c: RoleContext, ref: LocationRef, check: (location: string) => Promise<Verdict>): Promise<CapabilityOutcome[]> {
    if (ref === "unregistered-bucket") {
        const location = c.targets.unregisteredBucketArn();
        return [{ verdict: await check(location) }];
    }
    return perBucket(c.targets.lakeBuckets(), "lake bucket", (bucket) => (isUnknown(bucket.arn) ? Promise.resolve(undecided(String(bucket.arn))) : check(bucket.arn)));
}

async function perBucket(buckets: BucketFacts[], what: string, check: (bucket: BucketFacts) => Promise<Verdict>): Promise<CapabilityOutcome[]> {
    if (buckets.length === 0) return [{ verdict: denied(`there is no ${what} in the stack`) }];
    const outcomes: CapabilityOutcome[] = [];
    for (const bucket of buckets) outcomes.push({ target: `bucket ${bucket.name}`, verdict: await check(bucket) });
    return outcomes;
}

/**
 * The seed's finding: in a registered location Lake Formation wants an admin or a
 * DATA_LOCATION_ACCESS grant on top of IAM; in an unregistered one, IAM alone decides.
 */
function locationPermission(c: RoleContext, location: string): Verdict {
    const registration = c.lakeFormation.registration(location);
    if (registration.allowed === false) return allowed(`${registration.why}: IAM alone decides`);
    const access = c.lakeFormation.locationAccess(c.role, location);
    if (registration.allowed === "unknown") return access.allowed === true ? access : undecided(registration.why);
    if (access.allowed === "unknown") return access;
    return { allowed: access.allowed, why: `${registration.why}; ${access.why}` };
}

function createDatabase(c: RoleContext, location: string): Promise<Verdict> {
    const catalog = c.targets.arn("glue", "catalog");
    return allOfInOrder([
        () => c.iam.request({ action: "glue:CreateDatabase", resource: c.targets.arn("glue", `database/${PROBE_DATABASE}`) }),
        () => c.iam.request({ action: "glue:CreateDatabase", resource: catalog }),
        () => c.lakeFormation.catalogCreateDatabase(c.role),
        () => locationPermission(c, location),
    ]);
}

/** Lets a test ask the seed's question directly: can this role create a database at this location? */
export function createDatabaseAt(c: RoleContext, location: string): Promise<Verdict> {
    return createDatabase(c, location);
}

async function createTableIn(c: RoleContext, ref: LocationRef): Promise<CapabilityOutcome[]> {
    const databases = c.targets.lakeDatabases();
    if (databases.length === 0) return [{ verdict: denied("there is no Glue database in the stack") }];
    const outcomes: CapabilityOutcome[] = [];
    for (const database of databases) {
        if (isUnknown(database)) {
            outcomes.push({ verdict: undecided(String(database)) });
            continue;
        }
        const perLocationOutcomes = await perLocation(c, ref, (location) => allOfInOrder([
            () => c.iam.request({ action: "glue:CreateTable", resource: c.targets.arn("glue", `table/${database}/${PROBE_TABLE}`) }),
            () => c.iam.request({ action: "glue:CreateTable", resource: c.targets.arn("glue", `database/${database}`) }),
            () => c.iam.request({ action: "glue:CreateTable", resource: c.targets.arn("glue", "catalog") }),
            () => c.lakeFormation.databasePermission(c.role, database, "CREATE_TABLE"),
            () => locationPermission(c, location),
        ]));
        outcomes.push(...perLocationOutcomes.map((o) => ({ ...o, target: `database ${database}${o.target ? `, ${o.target}` : ""}` })));
    }
    return outcomes;
}

async function select(c: RoleContext, capability: Extract<Capability, { kind: "select" }>): Promise<CapabilityOutcome[]> {
    let targets: TableTarget[];
    if (capability.table === "granted") {
        targets = capability.column === "excluded" ? c.targets.excludedColumns(c.role) : c.targets.grantedTables(c.role);
    } else {
        const column = capability.column === undefined || capability.column === "excluded" ? undefined : capability.column.name;
        targets = c.targets.tablesNamed(capability.table.name, capability.table.database).map((t) => ({ ...t, ...(column ? { column } : {}) }));
    }
    if (targets.length === 0) {
        // A must with nothing to check fails (an analyst with no table); a must-not has nothing to violate.
        const what = capability.column === "excluded" ? "no column is excluded from its grants" : "no table is granted to it";
        const open = capability.table === "granted" && capability.column !== "excluded" ? c.targets.grantedTablesUnknown(c.role) : undefined;
        return [{ verdict: open ? undecided(`${what} that can be read: ${open}`) : denied(what) }];
    }
    const outcomes: CapabilityOutcome[] = [];
    for (const t of targets) {
        const name = `${t.database}.${t.table}${t.column ? `.${t.column}` : ""}`;
        const verdict = await allOfInOrder([
            () => c.lakeFormation.select(c.role, t.database, t.table, t.column),
            () => c.iam.request({ action: "lakeformation:GetDataAccess", resource: "*" }),
        ]);
        outcomes.push({ target: name, verdict });
    }
    return outcomes;
}

function administratorAccess(c: RoleContext): Promise<Verdict> {
    return anyOfInOrder([
        () => (c.iam.policies.awsManagedNames.includes("AdministratorAccess") ? allowed("AdministratorAccess is attached") : denied("AdministratorAccess is not attached")),
        () => c.iam.request({ action: "iam:CreateUser", resource: c.targets.arn("iam", "user/persona-probe-user", { region: "" }) }),
        () => c.iam.request({ action: "iam:AttachRolePolicy", resource: c.targets.arn("iam", "role/persona-probe-any-role", { region: "" }) }),
    ], "AdministratorAccess is not attached, and IAM allows neither iam:CreateUser nor iam:AttachRolePolicy on other roles");
}

async function passWorkflowRole(c: RoleContext): Promise<CapabilityOutcome[]> {
    const workflows = c.targets.rolesOf("workflow");
    if (workflows.length === 0) return [{ verdict: denied("there is no workflow role in the stack") }];
    const outcomes: CapabilityOutcome[] = [];
    for (const workflow of workflows) {
        const verdict = await c.iam.request({ action: "iam:PassRole", resource: c.targets.roleArn(workflow), context: { "iam:PassedToService": "glue.amazonaws.com" } });
        outcomes.push({ target: `role ${workflow.name}`, verdict });
    }
    return outcomes;
}

/** Any role beyond the ones the persona must pass (the workflow role, for the admin). */
function passOtherRoles(c: RoleContext): Promise<Verdict> {
    const mustPassWorkflow = (c.persona?.expectations ?? []).some((e) => e.expected === "must" && e.capability.kind === "passRole" && e.capability.role === "workflow");
    const allowedArns = new Set(mustPassWorkflow ? c.targets.rolesOf("workflow").map((r) => c.targets.roleArn(r)) : []);
    const insideWhat = allowedArns.size > 0 ? "the workflow role" : "no role";
    // To whichever service: a grant limited by iam:PassedToService still passes roles.
    return c.iam.requestBeyond({ action: "iam:PassRole", resource: c.targets.rolePattern(), anyContext: true }, (pattern) => allowedArns.has(pattern), insideWhat);
}

async function athenaInOwnWorkgroup(c: RoleContext): Promise<CapabilityOutcome[]> {
    const own = c.targets.ownWorkgroups(c.role);
    if (own.length === 0) return [{ verdict: denied("there is no workgroup of its own in the stack") }];
    const outcomes: CapabilityOutcome[] = [];
    for (const workgroup of own) {
        const arn = workgroup.arn;
        const verdict = isUnknown(arn)
            ? undecided(String(arn))
            : await allOfInOrder(["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults"].map((action) => () => c.iam.request({ action, resource: arn })));
        outcomes.push({ target: `workgroup ${workgroup.name}`, verdict });
    }
    return outcomes;
}

function athenaElsewhere(c: RoleContext): Promise<Verdict> {
    const ownArns = c.targets.ownWorkgroups(c.role).map((w) => w.arn);
    // Without its own workgroup's ARN, "elsewhere" cannot be told apart from "own".
    const unknownOwn = ownArns.find(isUnknown);
    if (unknownOwn) return Promise.resolve(undecided(String(unknownOwn)));
    const own = new Set(ownArns as string[]);
    return c.iam.requestBeyond({ action: "athena:StartQueryExecution", resource: c.targets.workgroupPattern() }, (pattern) => own.has(pattern), "its own workgroup");
}

async function writeOwnResults(c: RoleContext): Promise<CapabilityOutcome[]> {
    const own = c.targets.ownWorkgroups(c.role);
    if (own.length === 0) return [{ verdict: denied("there is no workgroup of its own in the stack") }];
    const outcomes: CapabilityOutcome[] = [];
    for (const workgroup of own) {
        const location = c.targets.resultsLocation(workgroup);
        if (isUnknown(location)) {
            outcomes.push({ target: `workgroup ${workgroup.name}`, verdict: undecided(String(location)) });
            continue;
        }
        const object = `${location.prefixArn}${PROBE_OBJECT}`;
        const viaS3 = { "kms:ViaService": `s3.${c.placement.region}.amazonaws.com` };
        const key = location.kmsKeyArn;
        const verdict = await allOfInOrder([
            () => c.iam.request({ action: "s3:PutObject", resource: object }),
            () => c.iam.request({ action: "s3:GetObject", resource: object }),
            () => c.iam.request({ action: "s3:ListBucket", resource: location.bucketArn, context: { "s3:prefix": location.prefix } }),
            () => c.iam.request({ action: "s3:GetBucketLocation", resource: location.bucketArn }),
            // Results encrypted with SSE-KMS need the key through S3, to write and to read back.
            ...(key === undefined ? [] : ["kms:GenerateDataKey", "kms:Decrypt"].map((action) => () =>
                isUnknown(key) ? undecided(String(key)) : c.iam.request({ action, resource: key, context: viaS3 }))),
        ]);
        outcomes.push({ target: `${location.prefixArn} (workgroup ${workgroup.name})`, verdict });
    }
    return outcomes;
}

/** Reading or writing anywhere in a results bucket beyond its own workgroups' prefixes. */
function touchOtherResults(c: RoleContext): Promise<Verdict> {
    const ownLocations = c.targets.ownWorkgroups(c.role).map((w) => c.targets.resultsLocation(w));
    const unknownOwn = ownLocations.find(isUnknown);
    if (unknownOwn) return Promise.resolve(undecided(String(unknownOwn)));
    const ownPrefixes = ownLocations.flatMap((l) => (isUnknown(l) ? [] : [l.prefixArn]));
    const inside = (pattern: string) => ownPrefixes.some((prefix) => pattern.startsWith(prefix));
    const insideWhat = ownPrefixes.length > 0 ? ownPrefixes.join(", ") : "no prefix";
    const buckets = c.targets.resultsBuckets();
    return anyOfInOrder(buckets.flatMap((bucket) => ["s3:PutObject", "s3:GetObject"].map((action) => () =>
        c.iam.requestBeyond({ action, resource: `${bucket}/*` }, inside, insideWhat))), buckets.length === 0 ? "there is no results bucket in the stack" : undefined);
}

/** s3:GetObject on some object of the bucket, and kms:Decrypt through S3 when it is SSE-KMS. */
function readObjects(c: RoleContext, bucket: BucketFacts): Promise<Verdict> {
    const arn = bucket.arn;
    if (isUnknown(arn)) return Promise.resolve(undecided(String(arn)));
    const key = bucket.kmsKeyArn;
    return allOfInOrder([
        () => c.iam.requestBeyond({ action: "s3:GetObject", resource: `${arn}/*` }, () => false, "nothing"),
        ...(key === undefined ? [] : [() => (isUnknown(key)
            ? undecided(String(key))
            : c.iam.request({ action: "kms:Decrypt", resource: key, context: { "kms:ViaService": `s3.${c.placement.region}.amazonaws.com` } }))]),
    ]);
}

/** The roles the role can become beyond the personas its model lets it become. */
async function unexpectedReach(c: RoleContext): Promise<Reach[]> {
    if (!c.graph) return [];
    const allowedPersonas = c.persona?.mayBecome ?? [];
    return (await c.graph.reachable(c.role)).filter((r) => !allowedPersonas.includes(r.role.tags[PERSONA_TAG] as never));
}

function becomeOthers(c: RoleContext): Promise<Verdict> {
    return unexpectedReach(c).then((reach) => {
        const describe = (rs: Reach[]) => rs.map((r) => `${r.role.name}: ${r.path.join(" → ")}`).join("; ");
        const decided = reach.filter((r) => !r.undecided);
        if (decided.length > 0) return allowed(describe(decided));
        if (reach.length > 0) return undecided(describe(reach));
        const may = c.persona?.mayBecome ?? [];
        return denied(`it can become no other role of the stack${may.length > 0 ? ` beyond the ${may.join(", ")} role` : ""}`);
    });
}

/**
 * A risk class over everything the role can become: its own policies first, then each role it
 * reaches (except the personas its model lets it become, whose rows check them), judged by ITS
 * persona's allowances; the path says how it got there.
 */
async function riskThroughGraph(c: RoleContext, risk: RiskClass): Promise<Verdict> {
    const allowances = c.persona?.mayHold ?? [];
    const own = await riskVerdict(c, risk, allowances);
    if (own.allowed === true || !c.graph || !c.contextOf) return own;
    const open: string[] = own.allowed === "unknown" ? [own.why] : [];
    for (const reach of await unexpectedReach(c)) {
        const other = await riskVerdict(await c.contextOf(reach.role), risk, allowances, c.role);
        const how = `it can become ${reach.role.name} (${reach.path.join(" → ")}); as it: ${other.why}`;
        if (other.allowed === true && !reach.undecided) return allowed(how);
        if (other.allowed !== false) open.push(how);
    }
    return open.length > 0 ? undecided(open.join("; ")) : own;
}

/**
 * The role carries the persona's tag, and what the tag says agrees with the stack config: an
 * analyst role's group is one of the configured analyst groups.
 */
function declaredAsConfigured(c: RoleContext): Verdict {
    const persona = c.persona?.persona ?? c.role.tags[PERSONA_TAG];
    const source = c.targets.stackConfig;
    if (persona === "analyst" && source) {
        const group = c.role.tags[ANALYST_GROUP_TAG];
        const groups = analystGroupsOf(source);
        if (group === undefined || !groups.includes(group)) {
            return denied(`role ${c.role.name} is tagged ${PERSONA_TAG}=analyst with ${ANALYST_GROUP_TAG}=${group ?? "(none)"}, but ${source.from} configures the groups ${groups.join(", ") || "(none)"}`);
        }
    }
    return allowed(`role ${c.role.name} carries ${PERSONA_TAG}=${persona}${source ? `, as ${source.from} expects` : ""}`);
}
