import type { ExportedResource } from "../engine/stackExport";
import { DeployOrderFinding, RuleContext } from "./context";
import { DEPLOYER, deployerPolicy } from "./deployerPolicy";
import { ResourceGraph } from "./graph";
import { IamAccess } from "./iamAccess";
import { nameFromUrn } from "../engine/summary";
import { Identity, assumedRoles, identityOf, isProvider, rolesByArn } from "./identity";
import { TYPES } from "./lakeFormationFacts";
import { checkCatalogObject } from "./rules/catalog";
import { checkGrant } from "./rules/grants";
import { checkProvider } from "./rules/providers";
import { checkRegistration, checkSettings } from "./rules/settings";

export type { DeployOrderFinding } from "./context";

export interface DeployOrderOptions {
    /** The deploying identity's ARN (personas.deployerRoleArn); without it, it is no Lake Formation admin. */
    deployerArn?: string;
}

export interface DeployOrderResult {
    /** How many gated resources were checked. */
    checked: number;
    findings: DeployOrderFinding[];
}

/**
 * The deployment-order check: for each resource whose creation Lake Formation or IAM gates
 * (Glue databases and tables, grants, registrations, DataLakeSettings, providers that assume
 * roles), the identity that creates it must be allowed to, using only what is certain to exist
 * when it is created (graph.ts). Runs on any stack export: `plan`'s or a real one.
 */
export async function checkDeployOrder(resources: readonly ExportedResource[], options: DeployOrderOptions = {}): Promise<DeployOrderResult> {
    const graph = new ResourceGraph(resources);
    const roles = rolesByArn(resources);
    const deployer: Identity & { kind: "deployer" } = { ...DEPLOYER, ...(options.deployerArn ? { arn: options.deployerArn, label: `the deploying identity ${options.deployerArn}` } : {}) };
    const ctx: RuleContext = {
        resources,
        graph,
        roles,
        iam: new IamAccess(resources, deployerPolicy(resources), options.deployerArn),
        identityOf: (r) => identityOf(r, graph, roles, deployer),
    };
    const findings: DeployOrderFinding[] = [];
    let checked = 0;
    for (const r of resources) {
        if (!r.custom || r.external) continue;
        const rule = ruleFor(r);
        if (!rule) continue;
        checked++;
        findings.push(...(await rule(ctx, r, deployer)));
    }
    return { checked, findings };
}

type Rule = (ctx: RuleContext, r: ExportedResource, deployer: Identity) => Promise<DeployOrderFinding[]>;

function ruleFor(r: ExportedResource): Rule | undefined {
    switch (r.type) {
        case TYPES.grant: return checkGrant;
        case TYPES.database:
        case TYPES.table: return checkCatalogObject;
        case TYPES.registration: return checkRegistration;
        case TYPES.settings: return checkSettings;
        default:
            return isProvider(r) && assumedRoles(r).length > 0 ? (ctx, provider, deployer) => checkProvider(ctx, provider, deployer) : undefined;
    }
}

/** The report `plan` and `policy` print. */
export function formatDeployOrder(result: DeployOrderResult): string {
    if (result.findings.length === 0) {
        return `Deployment-order check: passed (${result.checked} gated resources, each creatable by its identity from what it depends on)\n`;
    }
    const lines = [`Deployment-order check: FAILED (${result.findings.length} problem${result.findings.length === 1 ? "" : "s"} in ${result.checked} gated resources)`];
    for (const f of result.findings) {
        lines.push(`  ${f.type} ${nameFromUrn(f.urn)}`, `      ${f.urn}`, `      created by ${f.identity}`, `      missing: ${f.missing}`);
    }
    return `${lines.join("\n")}\n`;
}

/** plan and policy exit 1 when the check fails, as for a mandatory policy violation. */
export const EXIT_DEPLOY_ORDER_FAILED = 1;
