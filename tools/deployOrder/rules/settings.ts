import type { ExportedResource } from "../../engine/stackExport";
import { DeployOrderFinding, RuleContext, label } from "../context";
import { adminsOf, propsOf } from "../lakeFormationFacts";
import { iamFinding } from "./iam";

/**
 * DataLakeSettings: PutDataLakeSettings, an IAM permission of its creator (AWSLakeFormationDataAdmin
 * explicitly denies it, so an admin role holding only that policy cannot). The admins it lists
 * must exist: Lake Formation rejects settings naming a principal it cannot resolve.
 */
export async function checkSettings(ctx: RuleContext, r: ExportedResource): Promise<DeployOrderFinding[]> {
    const identity = ctx.identityOf(r);
    const findings = await iamFinding(ctx, identity, r, { action: "lakeformation:PutDataLakeSettings", resource: "*" });
    for (const admin of adminsOf(r)) {
        const role = ctx.roles.get(admin);
        if (role && !ctx.graph.isCertainBefore(r, role)) {
            findings.push({ urn: r.urn, type: r.type, identity: identity.label, missing: `dependency on ${label(role)}: an admin it lists must exist first` });
        }
    }
    return findings;
}

/**
 * A registered location (aws.lakeformation.Resource): RegisterResource, and iam:PassRole on the
 * role Lake Formation will use for it, which must exist ("Requirements for roles used to register
 * locations" in the Lake Formation developer guide).
 */
export async function checkRegistration(ctx: RuleContext, r: ExportedResource): Promise<DeployOrderFinding[]> {
    const identity = ctx.identityOf(r);
    const props = propsOf(r);
    const findings = await iamFinding(ctx, identity, r, { action: "lakeformation:RegisterResource", resource: "*" });
    const roleArn = typeof props.roleArn === "string" && props.roleArn !== "" && props.useServiceLinkedRole !== true ? props.roleArn : undefined;
    if (roleArn) {
        findings.push(...(await iamFinding(ctx, identity, r, {
            action: "iam:PassRole",
            resource: roleArn,
            context: { "iam:PassedToService": "lakeformation.amazonaws.com" },
        })));
        const role = ctx.roles.get(roleArn);
        if (role && !ctx.graph.isCertainBefore(r, role)) {
            findings.push({ urn: r.urn, type: r.type, identity: identity.label, missing: `dependency on ${label(role)}: the location's role must exist when it is registered` });
        }
    }
    return findings;
}
