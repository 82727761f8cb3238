import * as pulumi from "@pulumi/pulumi";

/**
 * Options for a resource that cannot exist twice while Pulumi replaces it: Pulumi creates the
 * replacement before deleting the old one unless told otherwise, which fails with AlreadyExists for
 * anything with a fixed physical name (roles, workgroups, the Glue database and tables, the
 * security configuration, log groups, aliases), and for Lake Formation grants and registrations
 * revokes or deregisters what the new one just made (a grant is keyed by principal and resource).
 */
export function deleteBeforeReplace<T extends pulumi.CustomResourceOptions>(opts: T): T & { deleteBeforeReplace: true } {
    return { ...opts, deleteBeforeReplace: true };
}
