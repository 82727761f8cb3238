import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export const IAM_ALLOWED_PRINCIPALS = "IAM_ALLOWED_PRINCIPALS";

/** One entry of DataLakeSettings' createDatabaseDefaultPermissions / createTableDefaultPermissions. */
interface DefaultPermission {
    principal?: string;
    permissions?: string[];
}

export interface AccountDefaults {
    createDatabaseDefaultPermissions?: DefaultPermission[];
    createTableDefaultPermissions?: DefaultPermission[];
}

/**
 * What is wrong with an account's Lake Formation defaults, or nothing. A fresh account gives
 * IAM_ALLOWED_PRINCIPALS ALL on every new database and table ("Use only IAM access control"): every
 * table would then be readable through IAM alone and the analysts' column exclusions would protect
 * nothing. The program's own settings cannot clear that: the provider omits empty default lists
 * from PutDataLakeSettings, which leaves existing defaults in place (pulumi-aws issue 4366, open).
 */
export function iamAllowedPrincipalsDefaults(current: AccountDefaults): string[] {
    const problems: string[] = [];
    for (const field of ["createDatabaseDefaultPermissions", "createTableDefaultPermissions"] as const) {
        const entry = (current[field] ?? []).find((p) => p.principal === IAM_ALLOWED_PRINCIPALS);
        if (entry) problems.push(`${field} gives ${IAM_ALLOWED_PRINCIPALS} ${(entry.permissions ?? []).join(", ") || "permissions"}`);
    }
    return problems;
}

/** The error a deployment into an account with IAM_ALLOWED_PRINCIPALS defaults stops with. */
export function iamAllowedPrincipalsError(problems: string[]): pulumi.RunError {
    return new pulumi.RunError([
        `Lake Formation in this account still hands new databases and tables to IAM: ${problems.join("; ")}.`,
        "The data lake would not be governed by its Lake Formation grants, and pulumi-aws cannot clear these defaults (pulumi-aws issue 4366).",
        "Clear them once per account as the README's \"First deployment\" section shows (Lake Formation console, Data Catalog settings:",
        "untick \"Use only IAM access control\" for new databases and new tables; and revoke CREATE_DATABASE on the catalog from IAM_ALLOWED_PRINCIPALS),",
        "then run `pulumi up` again. Nothing in the lake was created.",
    ].join(" "));
}

/**
 * Reads the account's current Lake Formation settings (as the admin, after the program's settings
 * are written) and settles only when they give IAM_ALLOWED_PRINCIPALS no default permissions; else
 * rejects, so that nothing depending on the result (the database, the tables) is created.
 */
export function requireLakeFormationOnlyAccess(opts: pulumi.InvokeOutputOptions): pulumi.Output<true> {
    return aws.lakeformation.getDataLakeSettingsOutput({}, opts).apply((current) => {
        const problems = iamAllowedPrincipalsDefaults(current);
        if (problems.length > 0) throw iamAllowedPrincipalsError(problems);
        return true as const;
    });
}
