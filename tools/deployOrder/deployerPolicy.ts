import type { ExportedResource } from "../engine/stackExport";
import { DEPLOYER_ACTIONS, PASS_ROLE_SERVICES } from "./deployerActions";
import { ResourceGraph } from "./graph";
import { Identity, assumedRoles, identityOf, isProvider, rolesByArn } from "./identity";

export interface PolicyStatement {
    Sid: string;
    Effect: "Allow";
    Action: string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

export interface DeployerPolicy {
    document: { Version: "2012-10-17"; Statement: PolicyStatement[] };
    /** The resource types the deployer creates, sorted. */
    types: string[];
    /** Types the deployer creates that DEPLOYER_ACTIONS does not cover (must be empty). */
    uncovered: string[];
}

export const DEPLOYER: Identity & { kind: "deployer" } = { kind: "deployer", label: "the deploying identity (default provider)" };

/**
 * The deploying identity's least-privilege policy for a plan: the actions of every resource type
 * it creates itself (through a provider that assumes no role; what an assumed role creates is
 * that role's business), iam:PassRole only to the services that take a role, and sts:AssumeRole
 * only on the first role of each provider's chain.
 */
export function deployerPolicy(resources: readonly ExportedResource[]): DeployerPolicy {
    const graph = new ResourceGraph(resources);
    const roles = rolesByArn(resources);
    const created = resources.filter((r) => r.custom && !r.external && !isProvider(r) && identityOf(r, graph, roles, DEPLOYER).kind === "deployer");
    const types = [...new Set(created.map((r) => r.type))].sort();
    const uncovered = types.filter((t) => !(t in DEPLOYER_ACTIONS));

    const byService = new Map<string, Set<string>>();
    const passedTo = new Set<string>();
    for (const type of types) {
        for (const action of DEPLOYER_ACTIONS[type]?.actions ?? []) {
            if (action === "iam:PassRole") {
                passedTo.add(PASS_ROLE_SERVICES[type]);
                continue;
            }
            const service = action.split(":")[0];
            byService.set(service, (byService.get(service) ?? new Set()).add(action));
        }
    }
    const statements: PolicyStatement[] = [...byService.entries()]
        // Service prefixes are lower-case ASCII: code-unit order, without loading ICU's collator.
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([service, actions]) => ({ Sid: `Deploy${capitalize(service)}`, Effect: "Allow", Action: [...actions].sort(), Resource: "*" }));
    if (passedTo.size > 0) {
        statements.push({
            Sid: "PassRolesToServices",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: "*",
            Condition: { StringEquals: { "iam:PassedToService": [...passedTo].sort() } },
        });
    }
    const firstRoles = [...new Set(resources.filter(isProvider).map((p) => assumedRoles(p)[0]?.roleArn).filter((arn): arn is string => arn !== undefined))].sort();
    if (firstRoles.length > 0) {
        statements.push({ Sid: "AssumeProviderRoles", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: firstRoles.length === 1 ? firstRoles[0] : firstRoles });
    }
    return { document: { Version: "2012-10-17", Statement: statements }, types, uncovered };
}

function capitalize(service: string): string {
    return service.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}
