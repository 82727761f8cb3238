import { RoleFacts } from "../../lib/iamRoles";
import { isUnknown } from "../../lib/unknownValues";
import type { Verdict } from "../capabilities/verdict";
import type { RoleContext } from "../capabilities/evaluateCapability";
import { codeRunningServicesTrusted, trustAdmits } from "../iam/trust";
import { allowPatternFilter } from "../risk/evaluateRisk";

/** One way a role becomes another: the action, and the statement and trust that let it. */
export interface Edge {
    to: RoleFacts;
    how: string;
    /**
     * Set when the edge may exist: a value it depends on (the other role's ARN or trust policy, a
     * statement of the role's own policies) is unknown until deployment, or a secret. An undecided
     * edge is the worst case for a must-not, never a missing one.
     */
    undecided?: true;
}

/** A role reachable from another, and the chain of edges that reaches it. */
export interface Reach {
    role: RoleFacts;
    path: string[];
    /** Set when every chain that reaches it has an undecided edge. */
    undecided?: true;
}

/** How far the graph is followed: three hops cover every chain of the platform's roles. */
const MAX_DEPTH = 4;

/**
 * Who can become whom, in the style of NCC Group's Principal Mapper: an edge from A to B when A
 * may call sts:AssumeRole on B and B's trust lets A in; when A may pass B (iam:PassRole) and B
 * trusts a service that runs code (Glue, Lambda, EC2...), so that code A deploys runs as B; and
 * when A may rewrite B's trust (iam:UpdateAssumeRolePolicy). A persona's effective access is that
 * of everything it can reach. Edges are asked of each role's simulator, after the same cheap
 * (action, resource) pre-filter as the risk classes, so roles without such actions cost nothing.
 */
export class PrincipalGraph {
    private readonly edges = new Map<RoleFacts, Promise<Edge[]>>();

    constructor(
        private readonly roles: readonly RoleFacts[],
        private readonly contextOf: (role: RoleFacts) => Promise<RoleContext>,
    ) {}

    edgesFrom(from: RoleFacts): Promise<Edge[]> {
        let found = this.edges.get(from);
        if (!found) {
            found = this.computeEdges(from);
            this.edges.set(from, found);
        }
        return found;
    }

    /**
     * Every role reachable from `from` (not itself), each with its shortest path: first through
     * decided edges; then the roles only undecided edges reach, marked undecided.
     */
    async reachable(from: RoleFacts): Promise<Reach[]> {
        const decided = await this.search(from, false);
        const possible = await this.search(from, true);
        return [...decided, ...possible.filter((r) => !decided.some((d) => d.role === r.role)).map((r) => ({ ...r, undecided: true as const }))];
    }

    private async search(from: RoleFacts, withUndecided: boolean): Promise<Reach[]> {
        const seen = new Map<RoleFacts, string[]>([[from, []]]);
        let frontier: Reach[] = [{ role: from, path: [] }];
        for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
            const next: Reach[] = [];
            for (const reach of frontier) {
                for (const edge of await this.edgesFrom(reach.role)) {
                    if (seen.has(edge.to) || (edge.undecided && !withUndecided)) continue;
                    const path = [...reach.path, edge.how];
                    seen.set(edge.to, path);
                    next.push({ role: edge.to, path });
                }
            }
            frontier = next;
        }
        return [...seen.entries()].filter(([role]) => role !== from).map(([role, path]) => ({ role, path }));
    }

    private async computeEdges(from: RoleFacts): Promise<Edge[]> {
        const c = await this.contextOf(from);
        const may = allowPatternFilter(c);
        const fromArn = c.targets.roleArn(from);
        const edges: Edge[] = [];
        for (const to of this.roles) {
            if (to === from) continue;
            const toArn = c.targets.roleArn(to);
            const name = typeof to.roleName === "string" ? to.roleName : to.name;
            // A verdict that is not a denial: allowed, or open (unknown) and then an undecided edge.
            const open = (...verdicts: Verdict[]) => verdicts.some((v) => v.allowed === "unknown");
            const unknownWhy = (...verdicts: Verdict[]) => verdicts.filter((v) => v.allowed === "unknown").map((v) => v.why).join("; ");
            const edge = (how: string, ...verdicts: Verdict[]) => edges.push(open(...verdicts)
                ? { to, how: `${how}, undecided until deployment: ${unknownWhy(...verdicts)}`, undecided: true }
                : { to, how });
            if (may.pair("sts:AssumeRole", toArn)) {
                const mine = await c.iam.request({ action: "sts:AssumeRole", resource: toArn, anyContext: true });
                if (mine.allowed !== false) {
                    const trust = await trustAdmits(to, fromArn, c.placement);
                    if (trust.allowed !== false) {
                        edge(`sts:AssumeRole into ${name} (${mine.why}; ${trust.why})`, mine, trust);
                        if (!open(mine, trust)) continue;
                    }
                }
            }
            const services = codeRunningServicesTrusted(to);
            const trustUnknown = to.trustPolicy !== undefined && isUnknown(to.trustPolicy);
            if ((services.length > 0 || trustUnknown) && may.pair("iam:PassRole", toArn)) {
                const pass = await c.iam.request({ action: "iam:PassRole", resource: toArn, anyContext: true });
                if (pass.allowed !== false) {
                    const runsCode: Verdict = services.length > 0
                        ? { allowed: true, why: `${services.join(", ")} runs code as it` }
                        : { allowed: "unknown", why: `${String(to.trustPolicy)} decides which service may run code as it` };
                    edge(`iam:PassRole of ${name} to ${services.join(", ") || "a service its trust may name"}, which runs code as it (${pass.why})`, pass, runsCode);
                    if (!open(pass, runsCode)) continue;
                }
            }
            if (may.pair("iam:UpdateAssumeRolePolicy", toArn)) {
                const update = await c.iam.request({ action: "iam:UpdateAssumeRolePolicy", resource: toArn, anyContext: true });
                if (update.allowed !== false) edge(`iam:UpdateAssumeRolePolicy on ${name}, then sts:AssumeRole (${update.why})`, update);
            }
        }
        return edges;
    }
}
