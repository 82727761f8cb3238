import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** What a Lake Formation grant is on, in the provider's own terms. */
export type GrantTarget = Pick<aws.lakeformation.PermissionsArgs, "database" | "table" | "tableWithColumns" | "dataLocation">;

/**
 * A Lake Formation grant made by the data-lake admin (the provider assumes its role), after the
 * settings, the location and the catalog objects exist. Never grant to an admin: admins have
 * implicit permissions, and a grant to one makes `pulumi destroy` fail.
 */
export function grant(
    name: string,
    principal: pulumi.Input<string>,
    permissions: string[],
    target: GrantTarget,
    opts: { parent: pulumi.Resource; admin: aws.Provider; dependsOn: pulumi.Resource[] },
): aws.lakeformation.Permissions {
    return new aws.lakeformation.Permissions(name, { principal, permissions, ...target }, {
        parent: opts.parent,
        provider: opts.admin,
        dependsOn: opts.dependsOn,
    });
}
