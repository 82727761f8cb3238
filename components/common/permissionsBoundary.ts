import * as pulumi from "@pulumi/pulumi";

const ROLE_TYPE = "aws:iam/role:Role";

/**
 * Landing zones often require a permissions boundary on every IAM role. This transformation, given
 * to each component, sets it on every aws.iam.Role the component (or any child) registers, so no
 * role can be forgotten; a role that sets its own boundary is an error rather than silently kept.
 * (A `transformations` entry runs in the SDK, so it works under the offline mocks as under `pulumi up`.)
 */
export function permissionsBoundaryTransformations(boundaryArn: string | undefined): pulumi.ResourceTransformation[] {
    if (boundaryArn === undefined) return [];
    return [
        (args) => {
            if (args.type !== ROLE_TYPE) return undefined;
            const own = (args.props as { permissionsBoundary?: unknown }).permissionsBoundary;
            if (own !== undefined && own !== boundaryArn) {
                throw new pulumi.RunError(`role ${args.name} sets its own permissionsBoundary; the platform applies personas.permissionsBoundary (${boundaryArn}) to every role`);
            }
            return { props: { ...args.props, permissionsBoundary: boundaryArn }, opts: args.opts };
        },
    ];
}
