import type { IamRequest } from "../../../policies/access/iam/roleSimulator";
import type { ExportedResource } from "../../engine/stackExport";
import { DeployOrderFinding, RuleContext } from "../context";
import { Identity } from "../identity";

/**
 * A finding when the identity's IAM policies, those certain to be attached when `r` is created,
 * do not allow the request. An undecidable answer (a role of another stack) is no finding.
 */
export async function iamFinding(ctx: RuleContext, identity: Identity, r: ExportedResource, request: IamRequest): Promise<DeployOrderFinding[]> {
    const verdict = await ctx.iam.may(identity, request, ctx.graph.certainBefore(r));
    if (verdict.allowed !== false) return [];
    return [{ urn: r.urn, type: r.type, identity: identity.label, missing: `IAM permission ${request.action} on ${request.resource}: ${verdict.why}` }];
}
