import * as pulumi from "@pulumi/pulumi";

/**
 * Options for a resource that cannot exist twice while Pulumi replaces it: Pulumi creates the
 * replacement before deleting the old one unless told otherwise, which fails with AlreadyExists for
 * anything with a fixed physical name (roles, workgroups, the Glue database and tables, the
 * security configuration, log groups, aliases), and for what is keyed by its content (Lake
 * Formation grants and registrations, policy attachments, S3 objects) undoes what the new one just
 * made: the old grant's revoke removes the new grant, a detach removes the new attachment.
 */
export function deleteBeforeReplace<T extends pulumi.CustomResourceOptions>(opts: T): T & { deleteBeforeReplace: true } {
    return { ...opts, deleteBeforeReplace: true };
}
