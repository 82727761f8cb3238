import { RoleFacts } from "../../lib/iamRoles";
import { Maybe, isUnknown } from "../../lib/unknownValues";
import { Tri } from "../capabilities/verdict";
import { roleNameOfArn } from "../stack/arns";

/** Lake Formation's stand-in for "whoever IAM allows": a grant to it leaves the decision to IAM. */
export const IAM_ALLOWED_PRINCIPALS = "IAM_ALLOWED_PRINCIPALS";

/** Whether a grant's principal is the role (or, where `iamAllowed` says so, IAM_ALLOWED_PRINCIPALS). */
export function grantedTo(principal: Maybe<string>, role: RoleFacts, iamAllowed: boolean): Tri {
    if (isUnknown(principal)) return "unknown";
    if (principal === IAM_ALLOWED_PRINCIPALS) return iamAllowed;
    return principalIsRole(principal, role);
}

/** Whether a principal ARN names this role; by name when the role's ARN is not known yet. */
export function principalIsRole(principal: string, role: RoleFacts): Tri {
    if (typeof role.arn === "string") return principal === role.arn;
    if (typeof role.roleName === "string") return roleNameOfArn(principal) === role.roleName;
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
