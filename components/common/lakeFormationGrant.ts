import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { deleteBeforeReplace } from "./replacement";

/** What a Lake Formation grant is on, in the provider's own terms. */
export type GrantTarget = Pick<aws.lakeformation.PermissionsArgs, "catalogResource" | "database" | "table" | "tableWithColumns" | "dataLocation">;

/**
 * A Lake Formation grant made by the data-lake admin (the provider assumes its role), after the
 * settings, the location and the catalog objects exist. Never grant to an admin: admins have
 * implicit permissions, and a grant to one makes `pulumi destroy` fail.
 *
 * One grant per principal and resource: the provider reads back every permission the principal
 * holds on the resource, so two grants on one table would each record both and then plan
 * replacements that revoke each other's permission (terraform-provider-aws issue 39082). A grant
 * is replaced delete-first: created first, the new grant would be revoked with the old one.
 */
export function grant(
    name: string,
    principal: pulumi.Input<string>,
    permissions: string[],
    target: GrantTarget,
    opts: { parent: pulumi.Resource; admin: aws.Provider; dependsOn: pulumi.Resource[] },
): aws.lakeformation.Permissions {
    return new aws.lakeformation.Permissions(name, { principal, permissions, ...target }, deleteBeforeReplace({
        parent: opts.parent,
        provider: opts.admin,
        dependsOn: opts.dependsOn,
    }));
}
