import type { ExportedResource } from "../../engine/stackExport";
import { DeployOrderFinding, RuleContext, label, ofType } from "../context";
import { Identity, assumedRoles } from "../identity";
import { TYPES } from "../lakeFormationFacts";
import { iamFinding } from "./iam";

/**
 * An AWS provider that assumes roles. Each role of the chain is assumed by the identity before it
 * (the deployer first): sts:AssumeRole must be allowed, as IAM decides it from that identity's
 * policies and the role's trust policy. A role this stack creates must exist with its policies when the provider
 * is first used, AND IAM must have propagated it: a new role is not assumable everywhere at once
 * (IAM is eventually consistent: pulumi-aws issue 673, terraform-provider-aws issue 6566). The
 * program waits with a `@pulumiverse/time` Sleep that depends on the role and its policies; a
 * provider that depends on the role without such a wait is a race.
 */
export async function checkProvider(ctx: RuleContext, provider: ExportedResource, deployer: Identity): Promise<DeployOrderFinding[]> {
    const chain = assumedRoles(provider);
    const findings: DeployOrderFinding[] = [];
    let previous = deployer;
    for (const { roleArn } of chain) {
        const found = (missing: string) => findings.push({ urn: provider.urn, type: provider.type, identity: previous.label, missing });
        // Decided with the role's trust policy as the resource policy (iamAccess.ts).
        findings.push(...(await iamFinding(ctx, previous, provider, { action: "sts:AssumeRole", resource: roleArn })));
        const role = ctx.roles.get(roleArn);
        if (role) checkRoleReady(ctx, provider, role, found);
        previous = { kind: "role", label: `role ${roleArn} (assumed by provider ${label(provider)})`, arn: roleArn, ...(role ? { role } : {}), provider };
    }
    return findings;
}

function checkRoleReady(ctx: RuleContext, provider: ExportedResource, role: ExportedResource, found: (missing: string) => void): void {
    const policies = policiesOf(ctx, role);
    if (!ctx.graph.isCertainBefore(provider, role)) {
        found(`dependency on ${label(role)}: the role it assumes must exist before the provider is used`);
        return;
    }
    for (const policy of policies) {
        if (!ctx.graph.isCertainBefore(provider, policy)) found(`dependency on ${label(policy)}: the assumed role's policy may not be attached yet when the provider is used`);
    }
    const waits = ofType(ctx, TYPES.sleep).filter((sleep) => ctx.graph.isCertainBefore(provider, sleep) && ctx.graph.isCertainBefore(sleep, role));
    if (waits.length === 0) {
        found(
            `a propagation wait after ${label(role)}: the provider depends on the new role but on no time.Sleep that waits for it; ` +
                `IAM is eventually consistent and a role created in the same update may not be assumable yet (pulumi-aws issue 673)`,
        );
        return;
    }
    const unwaited = policies.filter((policy) => !waits.some((sleep) => ctx.graph.isCertainBefore(sleep, policy)));
    for (const policy of unwaited) {
        found(`a propagation wait after ${label(policy)}: the time.Sleep before the provider does not wait for this policy of the assumed role`);
    }
}

/** The resources that attach the role's policies (as the access evaluator finds them). */
function policiesOf(ctx: RuleContext, role: ExportedResource): ExportedResource[] {
    return ctx.iam.policyDeclarationsOf(role.urn).flatMap((urn) => {
        const declaration = ctx.graph.byUrn.get(urn);
        return declaration ? [declaration] : [];
    });
}
