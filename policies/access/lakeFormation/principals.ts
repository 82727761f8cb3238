import { RoleFacts } from "../../lib/iamRoles";
import { Maybe, SecretValue, isUnknown } from "../../lib/unknownValues";
import { Tri } from "../capabilities/verdict";
import { roleNameOfArn } from "../stack/arns";

/** Lake Formation's stand-in for "whoever IAM allows": a grant to it leaves the decision to IAM. */
export const IAM_ALLOWED_PRINCIPALS = "IAM_ALLOWED_PRINCIPALS";

/**
 * Whether a grant's principal is the role (or, where `iamAllowed` says so, IAM_ALLOWED_PRINCIPALS).
 * A principal a preview does not know yet is the role when it was computed from that role alone
 * (`computedFrom`, the engine's propertyDependencies: a new role's `arn` output), and not the role
 * when it was computed from other resources only; otherwise it is undecided.
 */
export function grantedTo(principal: Maybe<string>, role: RoleFacts, iamAllowed: boolean, computedFrom: readonly string[] = []): Tri {
    if (isUnknown(principal)) {
        if (computedFrom.length === 1 && computedFrom[0] === role.urn && !(principal instanceof SecretValue)) return true;
        return computedFrom.length > 0 && !computedFrom.includes(role.urn) && !(principal instanceof SecretValue) ? false : "unknown";
    }
    if (principal === IAM_ALLOWED_PRINCIPALS) return iamAllowed;
    return principalIsRole(principal, role);
}

/**
 * Whether two principal identifiers (IAM ARNs) name the same principal, as AWS compares them: IAM
 * user and role names are unique case-insensitively ("Role names are not distinguished by case",
 * IAM User Guide, IAM identifiers), so `role/Analyst` and `role/analyst` are one role, and a Lake
 * Formation grant to either reaches it.
 */
export function samePrincipal(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

/** Whether a principal ARN names this role; by name when the role's ARN is not known yet. */
export function principalIsRole(principal: string, role: RoleFacts): Tri {
    if (typeof role.arn === "string") return samePrincipal(principal, role.arn);
    if (typeof role.roleName === "string") {
        const name = roleNameOfArn(principal);
        return name !== undefined && samePrincipal(name, role.roleName);
    }
    return "unknown";
}

/** Whether a permission list contains the permission (ALL contains every one). */
export function includesPermission(permissions: Maybe<Maybe<string>[]>, permission: string): Tri {
    if (isUnknown(permissions)) return "unknown";
    if (permissions.some((p) => p === permission || p === "ALL")) return true;
    return permissions.some(isUnknown) ? "unknown" : false;
}

export function and(a: Tri, b: Tri): Tri {
    if (a === false || b === false) return false;
    return a === true && b === true ? true : "unknown";
}
