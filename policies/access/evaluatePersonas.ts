import type { PolicyResource } from "@pulumi/policy";
import { Capability, PERSONA_MODEL, PersonaDefinition } from "../../personas/model";
import { PERSONAS, PERSONA_TAG, Persona } from "../../personas/personaNames";
import { RoleFacts } from "../lib/iamRoles";
import { rawProps } from "../lib/unknownValues";
import { CapabilityOutcome, RoleContext, createDatabaseAt, evaluateCapability } from "./capabilities/evaluateCapability";
import { PersonaTargets } from "./capabilities/targets";
import { Verdict } from "./capabilities/verdict";
import { rolePolicies } from "./iam/identityPolicies";
import { ResourcePolicies } from "./iam/resourcePolicies";
import { RoleSimulator } from "./iam/roleSimulator";
import { LakeFormationState } from "./lakeFormation/lakeFormationState";
import { PrincipalGraph } from "./graph/principalGraph";
import { PersonaMatrix, PersonaMatrixRow } from "./matrix";
import { StackInventory, stackInventory } from "./stack/inventory";
import { StackConfigSource, stackConfigFor } from "./stack/stackConfig";

/** A role's context without a persona: the graph's edges and acting as a role one became. */
const NO_PERSONA = Symbol("no persona");

/** A role of the stack with a valid persona tag. */
export interface PersonaRole {
    persona: Persona;
    role: RoleFacts;
}

/**
 * The effective access of a stack's persona roles, computed once from its resources: the IAM
 * roles and policies (simulated with iam-simulate) and the Lake Formation settings, registered
 * locations and grants. Rules and tests ask it questions; `evaluatePersonas` asks it the model's.
 */
export class AccessEvaluator {
    readonly inventory: StackInventory;
    readonly lakeFormation: LakeFormationState;
    readonly targets: PersonaTargets;
    private readonly resourcePolicies: ResourcePolicies;
    private readonly contexts = new Map<string, Promise<RoleContext>>();
    /** Who can become whom among the stack's roles; every role's edges are asked of its own simulator. */
    readonly graph: PrincipalGraph;

    /** The stack's configuration (expectations come from it), when it can be found; see stackConfig.ts. */
    readonly stackConfig?: StackConfigSource;

    constructor(resources: PolicyResource[], stackConfig: StackConfigSource | undefined | "find" = "find") {
        this.inventory = stackInventory(resources);
        const config = stackConfig === "find" ? stackConfigFor(resources) : stackConfig;
        // A stack of this project: its README's first-deployment step revokes CREATE_DATABASE on the catalog from IAM_ALLOWED_PRINCIPALS.
        const gate = config ? `the README's first-deployment step (a stack of this project, ${config.from})` : undefined;
        this.lakeFormation = new LakeFormationState(this.inventory.lakeFormation, this.inventory.databases, this.inventory.tables, gate);
        if (config) this.stackConfig = config;
        this.targets = new PersonaTargets(this.inventory, this.lakeFormation, config);
        this.resourcePolicies = new ResourcePolicies(this.inventory.buckets, this.inventory.keys);
        this.graph = new PrincipalGraph(this.inventory.roles, (role) => this.context(role, NO_PERSONA));
    }

    /** The roles that carry a valid persona tag, in the model's order of personas. */
    personaRoles(): PersonaRole[] {
        return PERSONAS.flatMap((persona) => this.inventory.roles.filter((r) => r.tags[PERSONA_TAG] === persona).map((role) => ({ persona, role })));
    }

    /** A role by its name or logical name (for tests and tools). */
    role(name: string): RoleFacts {
        const role = this.inventory.roles.find((r) => r.roleName === name || r.name === name);
        if (!role) throw new Error(`no role named ${name} in the stack (roles: ${this.inventory.roles.map((r) => r.name).join(", ")})`);
        return role;
    }

    /** What the role may do about one capability (one outcome per target). */
    async check(role: RoleFacts, capability: Capability, persona?: PersonaDefinition): Promise<CapabilityOutcome[]> {
        return evaluateCapability(await this.context(role, persona), capability);
    }

    /** The seed's question: can this role create a Glue database at this S3 location? */
    async canCreateDatabaseAt(role: RoleFacts, location: string): Promise<Verdict> {
        return createDatabaseAt(await this.context(role), location);
    }

    private context(role: RoleFacts, persona?: PersonaDefinition | typeof NO_PERSONA): Promise<RoleContext> {
        const definition = persona === NO_PERSONA ? undefined : persona ?? PERSONA_MODEL[role.tags[PERSONA_TAG] as Persona];
        const key = `${role.urn}|${definition?.persona ?? ""}`;
        let context = this.contexts.get(key);
        if (!context) {
            context = rolePolicies(role).then((policies) => ({
                role,
                persona: definition,
                iam: new RoleSimulator(role, policies, this.resourcePolicies, this.inventory.placement),
                lakeFormation: this.lakeFormation,
                targets: this.targets,
                placement: this.inventory.placement,
                graph: this.graph,
                contextOf: (other: RoleFacts) => this.context(other, NO_PERSONA),
            }));
            this.contexts.set(key, context);
        }
        return context;
    }
}

/**
 * The persona matrix of a stack: for every persona role, every must and must-not of the model,
 * with what the stack lets it do and why. Async: iam-simulate reads its IAM data lazily.
 */
export async function evaluatePersonas(
    resources: PolicyResource[],
    model: Record<Persona, PersonaDefinition> = PERSONA_MODEL,
    /** Only these personas' rows (a tool or test asking about one persona); all by default. */
    only: readonly Persona[] = PERSONAS,
): Promise<PersonaMatrix> {
    const access = new AccessEvaluator(resources);
    const rows: PersonaMatrixRow[] = [];
    const personaRoles = access.personaRoles().filter((p) => only.includes(p.persona));
    // A persona without a role is a row of the matrix, never a silent gap.
    for (const persona of only) {
        if (personaRoles.some((p) => p.persona === persona)) continue;
        const definition = model[persona];
        // A persona of a component the stack's config switches off is not expected (personas/types.ts).
        if (definition.declaredWhen && !(access.stackConfig && definition.declaredWhen(access.stackConfig.config))) continue;
        const declaration = definition.expectations.find((e) => e.capability.kind === "declared");
        // A role whose tags cannot be read may be this persona's: the row says so, undecided and failing.
        const hidden = access.inventory.roles.filter((r) => r.tagsHidden);
        const roleOf = (r: RoleFacts) => (typeof r.roleName === "string" ? r.roleName : r.name);
        const why = `no role of the stack carries ${PERSONA_TAG}=${persona}`;
        rows.push({
            persona,
            role: hidden.length > 0 ? hidden.map(roleOf).join(", ") : "(none)",
            roleUrn: "",
            capability: declaration?.description ?? "be declared by the stack",
            kind: "declared",
            expected: "must",
            allowed: false,
            holds: false,
            why: hidden.length > 0 ? `undecided, assumed not declared: ${why} that can be read; ${hidden.map((r) => String(r.tagsHidden)).join(", ")}` : why,
            resolved: hidden.length === 0,
            remedy: declaration?.remedy ?? `declare the persona's role with the tag ${PERSONA_TAG}=${persona}`,
            ...(definition.pendingDeclaration ? { pending: definition.pendingDeclaration } : {}),
        });
    }
    for (const { persona, role } of personaRoles) {
        const definition = model[persona];
        for (const expectation of definition.expectations) {
            const outcomes = await access.check(role, expectation.capability, definition);
            for (const outcome of outcomes) {
                const resolved = outcome.verdict.allowed !== "unknown";
                // Unresolved: assume the worst for the expectation, and say so.
                const isAllowed = resolved ? outcome.verdict.allowed === true : expectation.expected === "must-not";
                rows.push({
                    persona,
                    role: typeof role.roleName === "string" ? role.roleName : role.name,
                    roleUrn: role.urn,
                    capability: outcome.target ? `${expectation.description}: ${outcome.target}` : expectation.description,
                    kind: expectation.capability.kind,
                    expected: expectation.expected,
                    allowed: isAllowed,
                    holds: isAllowed === (expectation.expected === "must"),
                    why: resolved ? outcome.verdict.why : `undecided until deployment, assumed ${isAllowed ? "allowed" : "denied"}: ${outcome.verdict.why}`,
                    resolved,
                    remedy: expectation.remedy,
                    ...(expectation.pending ? { pending: expectation.pending } : {}),
                });
            }
        }
    }
    return { rows, invalidGrants: access.lakeFormation.invalidGrants };
}

/**
 * The matrix of the stack, shared by the rules of a pack: CrossGuard hands each stack policy its
 * own copy of the resources, so the last evaluation is remembered by the resources' content.
 */
let last: { key: string; matrix: Promise<PersonaMatrix> } | undefined;

export function personaMatrixOf(resources: PolicyResource[]): Promise<PersonaMatrix> {
    const key = JSON.stringify(resources.map((r) => [r.urn, rawProps(r.props)]));
    if (last?.key !== key) {
        const matrix = evaluatePersonas(resources);
        last = { key, matrix };
        // A failed evaluation must not be served to the next policy as if it were the answer.
        matrix.catch(() => {
            if (last?.matrix === matrix) last = undefined;
        });
    }
    return last.matrix;
}

/** Forgets the remembered matrix, so that the next personaMatrixOf evaluates afresh (benchmarks). */
export function forgetPersonaMatrix(): void {
    last = undefined;
}
