import type { ValidatedPolicy } from "@cloud-copilot/iam-policy";
import { RISK_CLASSES, RiskAllowance, RiskClass } from "../../../personas/riskClasses";
import { PolicyStatement, parsePolicyDocument } from "../../lib/policyDocuments";
import { isUnknown } from "../../lib/unknownValues";
import type { RoleContext } from "../capabilities/evaluateCapability";
import { Verdict, allowed, denied, undecided } from "../capabilities/verdict";
import { CatalogueAction, actionMatches, matchesTemplate, probeArnFromTemplate, riskCatalogue } from "./riskCatalogue";
import { RiskProbe, WILDCARD_PROBE, riskProbes } from "./riskProbes";

/** How many allowed (action, resource) pairs an explanation lists before it stops looking. */
const FINDINGS_SHOWN = 3;

/**
 * Whether the role holds any action of a risk class on a platform resource beyond what its persona
 * may hold. Every action of the class in the catalogue that some Allow statement of the role could
 * match is simulated on every platform resource of its ARN shape, with context keys the request does
 * not give treated as satisfiable (iam-simulate's Discovery mode): for a must-not, a condition counts
 * unless it is false for every caller. The first findings are the path the matrix prints.
 */
export async function riskVerdict(c: RoleContext, risk: RiskClass, allowances: RiskAllowance[], perspective: RoleContext["role"] = c.role): Promise<Verdict> {
    const catalogue = await riskCatalogue();
    const mayMatch = allowPatternFilter(c);
    // What is "its own" (workgroup, results prefix) is the persona's, also when it acts as a role it became.
    const probes = riskProbes(c.targets, perspective);
    const mine = allowances.filter((a) => a.risk === risk);
    const findings: string[] = [];
    const open: string[] = [];
    let tried = 0;
    // With an identity policy it cannot read (a secret, or unknown in a preview) no request is ever
    // decided "allowed" (roleSimulator.ts), so the first open pair settles the class: undecided.
    const settledWhenOpen = c.iam.policies.identity.some((source) => isUnknown(source.policy));
    const enough = () => findings.length >= FINDINGS_SHOWN || (settledWhenOpen && open.length > 0);
    for (const entry of catalogue[risk]) {
        if (!mayMatch.action(entry.action)) continue;
        for (const probe of probesFor(entry, probes, risk, c)) {
            if (!mayMatch.pair(entry.action, probe.arn)) continue;
            if (mine.some((a) => a.on.some((s) => probe.scopes.includes(s)) && a.actions.some((p) => actionMatches(p, entry.action)))) continue;
            tried++;
            const verdict = await c.iam.request({ action: entry.action, resource: probe.arn, anyContext: true });
            if (verdict.allowed === true) findings.push(`${entry.action} on ${probe.label}: ${verdict.why}`);
            else if (verdict.allowed === "unknown" && open.length < FINDINGS_SHOWN) open.push(verdict.why);
            if (enough()) break;
        }
        if (enough()) break;
    }
    if (findings.length > 0) return allowed(findings.join("; "));
    if (open.length > 0) return undecided(open.join("; "));
    const held = mine.length > 0 ? `; it may hold ${mine.map((a) => a.actions.join(", ") + " on " + a.on.join(", ")).join("; ")}` : "";
    return denied(`no action that would ${RISK_CLASSES[risk]} is allowed on a platform resource (${tried} action-resource pairs simulated)${held}`);
}

/**
 * The resources an action of the class is tried on: the platform's resources of its ARN shape, or
 * "*" for an action without resource-level permissions. An escalation action on a kind of resource
 * the platform does not declare (a Lambda function, a CloudFormation stack) is tried on a stand-in
 * of the account: any such resource can run code as some role.
 */
function probesFor(entry: CatalogueAction, probes: RiskProbe[], risk: RiskClass, c: RoleContext): RiskProbe[] {
    if (entry.arnTemplates.length === 0) return [WILDCARD_PROBE];
    const matching = probes.filter((p) => entry.arnTemplates.some((t) => matchesTemplate(t, p.arn)));
    if (matching.length > 0 || risk !== "privilege-escalation") return matching;
    return entry.arnTemplates.map((t) => ({ arn: probeArnFromTemplate(t, c.placement), label: `any ${t.split(":")[2]} resource of the account`, scopes: ["outside-the-platform"] }));
}

/** One Allow statement, as far as the pre-filter needs it. */
interface AllowShape {
    actions?: string[];
    notActions?: string[];
    resources?: string[];
    notResources?: string[];
}

/** What the pre-filter answers: could some statement allow this action, and on this resource. */
export interface AllowFilter {
    action: (action: string) => boolean;
    pair: (action: string, resource: string) => boolean;
}

const EVERYTHING: AllowFilter = { action: () => true, pair: () => true };

/**
 * A cheap upper bound of what the role's policies may allow, so that only (action, resource)
 * pairs some Allow statement could cover are simulated: the statements' Action (or NotAction) and
 * Resource (or NotResource) patterns, in the identity policies and in resource policies that name
 * the role or everyone. A policy not known yet may allow anything. iam-simulate decides the rest.
 */
export function allowPatternFilter(c: RoleContext): AllowFilter {
    const shapes: AllowShape[] = [];
    const add = (document: unknown, applies: (s: PolicyStatement) => boolean) => {
        const parsed = parsePolicyDocument(document);
        if ("error" in parsed) return;
        for (const s of parsed.statements) if (s.effect === "Allow" && applies(s)) shapes.push(s);
    };
    for (const source of c.iam.policies.identity) {
        if (isUnknown(source.policy)) return EVERYTHING;
        add((source.policy as ValidatedPolicy).policyDocument, () => true);
    }
    const roleArn = c.targets.roleArn(c.role);
    for (const holder of [...c.targets.inventory.buckets, ...c.targets.inventory.keys]) {
        if (holder.policy === undefined) continue;
        if (isUnknown(holder.policy)) return EVERYTHING;
        // A resource policy's statement without Resource applies to its own resource.
        add(holder.policy, (s) => (s.principals ?? []).some((p) => p.value === "*" || p.value === roleArn));
    }
    const coversAction = (s: AllowShape, action: string) =>
        s.actions ? s.actions.some((p) => actionMatches(p, action)) : !(s.notActions ?? []).some((p) => actionMatches(p, action));
    const coversResource = (s: AllowShape, resource: string) => {
        if (resource === "*" || (!s.resources && !s.notResources)) return true;
        return s.resources ? s.resources.some((p) => resourceMatches(p, resource)) : !(s.notResources ?? []).some((p) => resourceMatches(p, resource));
    };
    return {
        action: (action) => shapes.some((s) => coversAction(s, action)),
        pair: (action, resource) => shapes.some((s) => coversAction(s, action) && coversResource(s, resource)),
    };
}

const resourceRegexes = new Map<string, RegExp>();

/** IAM's resource wildcard match; a policy variable (`${aws:username}`) may stand for anything. */
function resourceMatches(pattern: string, arn: string): boolean {
    let regex = resourceRegexes.get(pattern);
    if (!regex) {
        const source = pattern.split(/(\$\{[^}]*\})/).map((part) => (part.startsWith("${")
            ? ".*"
            : part.replace(/[.+^$()|[\]\\{}]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, "."))).join("");
        regex = new RegExp(`^${source}$`);
        resourceRegexes.set(pattern, regex);
    }
    return regex.test(arn);
}
