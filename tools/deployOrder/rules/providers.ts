import type { ExportedResource } from "../../engine/stackExport";
import { DeployOrderFinding, RuleContext, label, ofType } from "../context";
import { Identity, assumedRoles } from "../identity";
import { TYPES, propsOf } from "../lakeFormationFacts";
import { iamFinding } from "./iam";

/**
 * An AWS provider that assumes roles. Each role of the chain is assumed by the identity before it
 * (the deployer first): that identity's IAM must allow sts:AssumeRole on it and the role's trust
 * policy must name it. A role this stack creates must exist with its policies when the provider
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
        findings.push(...(await iamFinding(ctx, previous, provider, { action: "sts:AssumeRole", resource: roleArn })));
        const role = ctx.roles.get(roleArn);
        if (role) {
            const trustProblem = trustDoesNotAdmit(role, previous, ctx.iam.account);
            if (trustProblem) found(trustProblem);
            checkRoleReady(ctx, provider, role, found);
        }
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

/**
 * Whether the role's trust policy admits `who`: an Allow statement for sts:AssumeRole whose AWS
 * principal is its ARN, or its account (root or id). Conditions are not evaluated; a deployer
 * whose ARN is not configured is admitted only by the account.
 */
function trustDoesNotAdmit(role: ExportedResource, who: Identity, stackAccount: string): string | undefined {
    const raw = propsOf(role).assumeRolePolicy;
    let document: unknown = raw;
    if (typeof raw === "string") {
        try {
            document = JSON.parse(raw);
        } catch {
            return undefined;
        }
    }
    const statements = [(document as { Statement?: unknown } | null)?.Statement ?? []].flat() as Array<Record<string, unknown>>;
    const account = who.arn?.split(":")[4] || stackAccount;
    const accepted = new Set([`arn:aws:iam::${account}:root`, account, ...(who.arn ? [who.arn] : [])]);
    const admits = statements.some((s) => {
        if (s.Effect !== "Allow") return false;
        const actions = [s.Action ?? []].flat();
        if (!actions.some((a) => a === "sts:AssumeRole" || a === "sts:*" || a === "*")) return false;
        const principals = [((s.Principal ?? {}) as { AWS?: unknown }).AWS ?? []].flat();
        return principals.some((p) => p === "*" || (typeof p === "string" && accepted.has(p.replace(/^arn:aws[a-z-]*:/, "arn:aws:"))));
    });
    return admits ? undefined : `a trust policy that lets ${who.label} assume ${label(role)}: its trust names neither ${who.arn ?? "the deployer"} nor account ${account}`;
}
