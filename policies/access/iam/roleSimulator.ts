import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { ValidatedPolicy } from "@cloud-copilot/iam-policy";
import { RoleFacts } from "../../lib/iamRoles";
import { Maybe, isUnknown } from "../../lib/unknownValues";
import { Verdict, allowed, denied, undecided } from "../capabilities/verdict";
import { Placement } from "../stack/inventory";
import { PolicySource, RolePolicies } from "./identityPolicies";
import { ResourcePolicies } from "./resourcePolicies";
// Remembers iam-simulate's resource-type lookup, a pure function it recomputes per simulation.
import "./resourceTypeCache";

/** One IAM request a role might make. */
export interface IamRequest {
    action: string;
    /** A resource ARN, or "*" for actions without resource-level permissions. */
    resource: string;
    context?: Record<string, string | string[]>;
    /**
     * Treat context keys the request does not give as unknown (iam-simulate's Discovery mode):
     * allowed if some value of them would allow, e.g. iam:PassRole to whichever service.
     */
    anyContext?: boolean;
}

type Analysis = Extract<Awaited<ReturnType<typeof runSimulation>>, { resultType: "single" }>["result"]["analysis"];
type StatementAnalysis = NonNullable<Analysis["identityAnalysis"]>["allowStatements"][number];

/**
 * IAM as AWS evaluates a role's requests, through @cloud-copilot/iam-simulate: the role's identity
 * policies (explicit denies win), its permissions boundary, and the resource's own policy (bucket,
 * key). Answers are cached per request: many capabilities ask the same question.
 *
 * Policies that cannot be known (preview) are left out of the simulation, and decide the answer
 * only as far as they could change it: an explicit deny from the known ones stands; anything else
 * stays open ("unknown"), since the missing policy might allow or deny.
 */
export class RoleSimulator {
    private readonly cache = new Map<string, Promise<Verdict>>();
    private readonly known: { name: string; policy: ValidatedPolicy }[];
    private readonly unknownPolicies: string[];
    private readonly boundary?: Maybe<ValidatedPolicy>;

    constructor(
        readonly role: RoleFacts,
        readonly policies: RolePolicies,
        private readonly resourcePolicies: ResourcePolicies,
        private readonly placement: Placement,
    ) {
        const usable = (s: PolicySource) => !isUnknown(s.policy);
        this.known = policies.identity.filter(usable).map((s) => ({ name: s.label, policy: s.policy as ValidatedPolicy }));
        this.unknownPolicies = policies.identity.filter((s) => !usable(s)).map((s) => String(s.policy));
        this.boundary = policies.boundary?.policy;
    }

    /** The ARN requests are made as: the role's, or one built from its name while that is unknown. */
    get principal(): string {
        if (typeof this.role.arn === "string") return this.role.arn;
        const name = typeof this.role.roleName === "string" ? this.role.roleName : this.role.name;
        return `arn:${this.placement.partition}:iam::${this.placement.account}:role/${name}`;
    }

    /** Whether the role may make this request. */
    request(request: IamRequest): Promise<Verdict> {
        const key = JSON.stringify(["single", request]);
        let answer = this.cache.get(key);
        if (!answer) {
            answer = this.simulate(request).then((result) => {
                if (result.kind === "error") return undecided(result.why);
                // A wildcard ARN that no policy overlaps leaves no pattern to analyse: nothing allows it.
                return result.analysis ? this.single(request, result.analysis) : this.beyond(request, [], () => false, "nothing");
            });
            this.cache.set(key, answer);
        }
        return answer;
    }

    /**
     * Whether the role may make this request on some resource matching a wildcard ARN that is not
     * `inside` its own (another group's workgroup, another prefix, any other role). iam-simulate
     * answers a wildcard request per resource pattern of the policies that overlap it.
     */
    requestBeyond(request: IamRequest, inside: (pattern: string) => boolean, insideWhat: string): Promise<Verdict> {
        const key = JSON.stringify(["beyond", request, insideWhat]);
        let answer = this.cache.get(key);
        if (!answer) {
            answer = this.simulate(request).then((result) => (result.kind === "error" ? undecided(result.why) : this.beyond(request, result.patterns, inside, insideWhat)));
            this.cache.set(key, answer);
        }
        return answer;
    }

    /**
     * One simulation per distinct question for the whole process: the same documents (validated
     * once per text, so the same objects), principal, resource policy and request give the same
     * answer, whichever evaluation asks (each CrossGuard policy, each corpus case re-reads the stack).
     */
    private simulate(request: IamRequest): ReturnType<RoleSimulator["runSimulation"]> {
        const resourcePolicy = this.resourcePolicies.forResource(request.resource);
        const key = JSON.stringify([
            this.principal, this.placement.account, request,
            this.known.map((k) => [k.name, idOf(k.policy)]),
            this.boundary === undefined || isUnknown(this.boundary) ? String(this.boundary) : idOf(this.boundary),
            resourcePolicy === undefined || isUnknown(resourcePolicy) ? String(resourcePolicy) : [resourcePolicy.label, idOf(resourcePolicy.policy)],
        ]);
        let answer = simulations.get(key);
        if (!answer) {
            if (simulations.size > MAX_REMEMBERED) simulations.clear();
            answer = this.runSimulation(request);
            simulations.set(key, answer);
        }
        return answer;
    }

    private async runSimulation(request: IamRequest): Promise<
        | { kind: "error"; why: string }
        | { kind: "ok"; analysis?: Analysis; patterns: { pattern: string; analysis: Analysis }[] }
    > {
        const resourcePolicy = this.resourcePolicies.forResource(request.resource);
        if (isUnknown(resourcePolicy) || isUnknown(this.boundary)) {
            return { kind: "error", why: `${describe(request)} depends on ${String(isUnknown(resourcePolicy) ? resourcePolicy : this.boundary)}` };
        }
        const simulation: Simulation = {
            request: {
                principal: this.principal,
                action: request.action,
                resource: { resource: request.resource, accountId: this.placement.account },
                contextVariables: { ...this.defaultContext(), ...request.context },
            },
            identityPolicies: this.known,
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            // iam-simulate names a resource policy's statements after the document's `name`.
            ...(resourcePolicy ? { resourcePolicy: { ...resourcePolicy.policy, name: resourcePolicy.label } } : {}),
            ...(this.boundary ? { permissionBoundaryPolicies: [{ name: "permissions boundary", policy: this.boundary }] } : {}),
        };
        const result = await runSimulation(simulation, { simulationMode: request.anyContext ? "Discovery" : "Strict" });
        if (result.resultType === "error") {
            return { kind: "error", why: `${describe(request)} could not be simulated (${result.errors.message})` };
        }
        if (result.resultType === "single") return { kind: "ok", analysis: result.result.analysis, patterns: [{ pattern: request.resource, analysis: result.result.analysis }] };
        return { kind: "ok", analysis: result.results[0]?.analysis, patterns: result.results.map((r) => ({ pattern: r.resourcePattern, analysis: r.analysis })) };
    }

    /**
     * Context every request of the role carries: TLS (bucket policies deny plain HTTP) and who the
     * principal is. Kept short: iam-simulate checks each key against the action's context keys.
     */
    private defaultContext(): Record<string, string> {
        const context: Record<string, string> = {
            "aws:SecureTransport": "true",
            "aws:PrincipalArn": this.principal,
            "aws:PrincipalAccount": this.placement.account,
        };
        return context;
    }

    private single(request: IamRequest, analysis: Analysis): Verdict {
        if (analysis.result === "ExplicitlyDenied") return denied(`IAM explicitly denies ${describe(request)} (${statements(denyStatements(analysis))})`);
        if (analysis.result === "Allowed") {
            const why = `IAM allows ${describe(request)} (${statements(allowStatements(analysis))})`;
            return this.unknownPolicies.length > 0 ? undecided(`${why}, unless ${this.unknownPolicies.join(", ")} denies it`) : allowed(why);
        }
        const why = `IAM does not allow ${describe(request)}: no statement of its ${this.known.length} ${this.known.length === 1 ? "policy" : "policies"} matches`;
        return this.unknownPolicies.length > 0 ? undecided(`${why}, but ${this.unknownPolicies.join(", ")} might`) : denied(why);
    }

    private beyond(request: IamRequest, patterns: { pattern: string; analysis: Analysis }[], inside: (pattern: string) => boolean, insideWhat: string): Verdict {
        const explicit = patterns.find((p) => p.analysis.result === "ExplicitlyDenied" && p.pattern === request.resource);
        if (explicit) return denied(`IAM explicitly denies ${describe(request)} (${statements(denyStatements(explicit.analysis))})`);
        const outside = patterns.filter((p) => p.analysis.result === "Allowed" && !inside(p.pattern));
        if (outside.length > 0) {
            const first = outside[0];
            return allowed(`IAM allows ${request.action} on ${first.pattern}${conditionsOf(first.analysis)}, beyond ${insideWhat} (${statements(allowStatements(first.analysis))})`);
        }
        const anyAllowed = patterns.some((p) => p.analysis.result === "Allowed");
        const why = anyAllowed
            ? `IAM allows ${request.action} only on ${insideWhat}, nowhere else under ${request.resource}`
            : `IAM does not allow ${request.action} anywhere under ${request.resource}`;
        return this.unknownPolicies.length > 0 ? undecided(`${why}, but ${this.unknownPolicies.join(", ")} might`) : denied(why);
    }
}

const simulations = new Map<string, ReturnType<RoleSimulator["runSimulation"]>>();
const MAX_REMEMBERED = 200_000;
const policyIds = new WeakMap<object, number>();
let nextPolicyId = 0;

/** A number per validated document object (documents are validated once per text). */
function idOf(policy: object): number {
    let id = policyIds.get(policy);
    if (id === undefined) {
        id = nextPolicyId++;
        policyIds.set(policy, id);
    }
    return id;
}

/** " when iam:PassedToService is glue.amazonaws.com": what Discovery mode says must hold. */
function conditionsOf(analysis: Analysis): string {
    const leaves: string[] = [];
    const walk = (c: Analysis["conditions"]) => {
        if (!c) return;
        if (c.conditionType === "condition") leaves.push(`${c.key} ${c.op} ${c.values.join("|")}`);
        if (c.conditionType === "group") c.conditions.forEach(walk);
    };
    walk(analysis.conditions);
    return leaves.length > 0 ? ` when ${leaves.join(" and ")}` : "";
}

function describe(request: IamRequest): string {
    return request.resource === "*" ? request.action : `${request.action} on ${request.resource}`;
}

function allowStatements(analysis: Analysis): StatementAnalysis[] {
    return [...(analysis.identityAnalysis?.allowStatements ?? []), ...(analysis.resourceAnalysis?.allowStatements ?? [])];
}

function denyStatements(analysis: Analysis): StatementAnalysis[] {
    return [
        ...(analysis.identityAnalysis?.denyStatements ?? []),
        ...(analysis.resourceAnalysis?.denyStatements ?? []),
        ...(analysis.permissionBoundaryAnalysis?.denyStatements ?? []),
    ];
}

/** "AmazonAthenaFullAccess (AWS managed v15) BaseGluePermissions, inline policy x statement 2". */
function statements(list: StatementAnalysis[]): string {
    if (list.length === 0) return "no statement: the permissions boundary or a resource policy decides";
    return list.map((s) => `${s.policyId || "resource policy"} ${s.statement.sid() ?? `statement ${s.statement.index()}`}`).join(", ");
}
