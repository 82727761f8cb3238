import { runSimulation } from "@cloud-copilot/iam-simulate";
import { RoleFacts } from "../../lib/iamRoles";
import { Principal, PrincipalKind, statementsOf } from "../../lib/policyDocuments";
import { isUnknown } from "../../lib/unknownValues";
import { Verdict, allowed, denied, undecided } from "../capabilities/verdict";
import { parseArn } from "../stack/arns";
import { Placement } from "../stack/inventory";
import { resourcePolicy } from "./validatedPolicies";
import { SERVICES_SENDING_SOURCE_KEYS } from "../../../personas/model";

/** Who might try to assume a role: a caller, the STS action it would use, and the context it brings. */
interface Probe {
    who: string;
    principal: string;
    action: "sts:AssumeRole" | "sts:AssumeRoleWithSAML" | "sts:AssumeRoleWithWebIdentity";
    context: Record<string, string>;
    /** Evaluate with exactly this context (keys it lacks do not satisfy a condition): the confused-deputy probe. */
    strict?: boolean;
}

/** A stand-in for "some other account" when a trust policy names everyone. */
const OTHER_ACCOUNT = "999999999999";
/** A stand-in for "any other service" beside the ones the trust names. */
const ANY_OTHER_SERVICE = "lambda.amazonaws.com";
const ASSUME_ANYTHING = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: "*" }],
};

/**
 * Whether people, or AWS services, can assume a role: its trust policy is simulated (iam-simulate,
 * the trust policy as the role's resource policy) for the callers it names and a few stand-ins:
 * a person's role in the role's own account and in the accounts the policy trusts, each SAML or
 * web-identity provider it trusts, each service it names and one it does not. A person's own
 * identity policy is taken to allow sts:AssumeRole: the question is what the trust lets in.
 * (The baseline reads the same trust policies structurally, baseline/lib/trustPolicies.ts: which
 * principals a statement granting sts:AssumeRole names, not whom its conditions let in.)
 */
export function assumableBy(role: RoleFacts, who: TrustProbeKind, placement: Placement, services: readonly string[] = []): Promise<Verdict> {
    if (role.trustPolicy === undefined) return Promise.resolve(denied("the role has no trust policy"));
    if (isUnknown(role.trustPolicy)) return Promise.resolve(undecided(`${String(role.trustPolicy)} decides who may assume it`));
    const account = (typeof role.arn === "string" ? parseArn(role.arn)?.account : undefined) ?? placement.account;
    // Persona roles share a few trust policies: the answer depends on the document, not the role.
    const key = JSON.stringify([who, account, placement.partition, role.trustPolicy, services]);
    let answer = answers.get(key);
    if (!answer) {
        answer = simulateTrust(role.trustPolicy, who, account, placement.partition, role.name, services);
        answers.set(key, answer);
    }
    return answer;
}

const answers = new Map<string, Promise<Verdict>>();

/**
 * "people" and "service": whether that kind of caller gets in at all. "outsiders": whether anyone
 * beyond what a persona may trust gets in: a role of another account (any account the policy names,
 * or any at all for "*"), users of a web-identity provider (people come through this account or the
 * SAML provider), a service other than the persona's own, and its own service acting for another account (the confused deputy: the
 * service sends aws:SourceAccount / aws:SourceArn, and the trust must pin them to this account).
 */
export type TrustProbeKind = "people" | "service" | "outsiders";

async function simulateTrust(document: object, who: TrustProbeKind, account: string, partition: string, roleName: string, services: readonly string[]): Promise<Verdict> {
    const trust = resourcePolicy(document, `the trust policy of ${roleName}`);
    if (isUnknown(trust)) return undecided(String(trust));
    // The trust policy does not name the role itself: any ARN in the account stands for it.
    const roleArn = `arn:${partition}:iam::${account}:role/persona-probe-trusting-role`;
    const probes = who === "people" ? peopleProbes(document, account, partition) : who === "service" ? serviceProbes(document, account) : outsiderProbes(document, account, partition, services);
    for (const probe of probes) {
        const result = await runSimulation({
            request: { principal: probe.principal, action: probe.action, resource: { resource: roleArn, accountId: account }, contextVariables: probe.context },
            identityPolicies: probe.principal.startsWith("arn:") && probe.action === "sts:AssumeRole" ? [{ name: "the caller's own policy", policy: ASSUME_ANYTHING }] : [],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            resourcePolicy: { ...trust, name: "trust policy" },
            // Conditions on keys the probe does not bring (aws:SourceArn, MFA, session tags) count as
            // satisfiable: the question is whether the trust lets this kind of caller in at all.
        }, { simulationMode: probe.strict ? "Strict" : "Discovery" });
        if (result.resultType === "error") return undecided(`the trust policy could not be simulated for ${probe.who} (${result.errors.message})`);
        if (result.overallResult === "Allowed") {
            const analysis = result.resultType === "single" ? result.result.analysis : result.results[0]?.analysis;
            const statement = analysis?.resourceAnalysis?.allowStatements[0]?.statement;
            const which = statement ? statement.sid() ?? `statement ${statement.index()}` : "a statement";
            return allowed(`its trust policy (${which}) lets ${probe.who} ${probe.action.replace("sts:", "")}`);
        }
    }
    if (probes.length === 0) return denied("its trust policy names no principal outside this account, no web-identity provider and no service");
    return denied(`its trust policy lets none of ${probes.map((p) => p.who).join(", ")} assume it`);
}

/** The principal kinds a probe can stand for (a CanonicalUser cannot assume a role). */
const PROBED_KINDS: readonly PrincipalKind[] = ["*", "AWS", "Service", "Federated"];

/**
 * The principals the trust policy's Allow statements name, whatever their actions (to choose whom
 * to try, not to decide: the simulation decides); a "*" of any kind is everyone. Called on a
 * document iam-policy validated, so every statement parses.
 */
function trustedPrincipals(document: object): Principal[] {
    return statementsOf(document)
        .filter((s) => s.effect === "Allow")
        .flatMap((s) => s.principals ?? [])
        .filter((p) => PROBED_KINDS.includes(p.kind))
        .map((p): Principal => (p.value === "*" ? { kind: "*", value: "*" } : p));
}

function peopleProbes(trust: object, account: string, partition: string): Probe[] {
    const person = (inAccount: string) => `arn:${partition}:iam::${inAccount}:role/persona-probe-person`;
    const probes: Probe[] = [{ who: "a person's role in the same account", principal: person(account), action: "sts:AssumeRole", context: {} }];
    for (const principal of trustedPrincipals(trust)) {
        if (principal.kind === "*") {
            probes.push({ who: "a person's role in another account", principal: person(OTHER_ACCOUNT), action: "sts:AssumeRole", context: {} });
        } else if (principal.kind === "AWS") {
            const trustedAccount = /^\d{12}$/.test(principal.value) ? principal.value : parseArn(principal.value)?.account;
            const isAccount = /^\d{12}$/.test(principal.value) || principal.value.endsWith(":root");
            probes.push({ who: isAccount ? `a person's role in account ${trustedAccount}` : principal.value, principal: isAccount ? person(trustedAccount ?? account) : principal.value, action: "sts:AssumeRole", context: {} });
        } else if (principal.kind === "Federated") {
            const saml = principal.value.includes(":saml-provider/");
            probes.push(saml
                ? { who: `users of ${principal.value}`, principal: principal.value, action: "sts:AssumeRoleWithSAML", context: { "SAML:aud": "https://signin.aws.amazon.com/saml" } }
                : { who: `users of ${principal.value}`, principal: principal.value, action: "sts:AssumeRoleWithWebIdentity", context: {} });
        }
    }
    return dedupe(probes);
}

function serviceProbes(trust: object, account: string): Probe[] {
    const service = (name: string): Probe => ({ who: name, principal: name, action: "sts:AssumeRole", context: { "aws:SourceAccount": account } });
    const named = trustedPrincipals(trust).flatMap((p) => (p.kind === "Service" ? [service(p.value)] : []));
    return dedupe([...named, service(ANY_OTHER_SERVICE)]);
}

function outsiderProbes(trust: object, account: string, partition: string, services: readonly string[]): Probe[] {
    const person = (inAccount: string) => `arn:${partition}:iam::${inAccount}:role/persona-probe-person`;
    const probes: Probe[] = [];
    for (const principal of trustedPrincipals(trust)) {
        if (principal.kind === "*") {
            probes.push({ who: "a role in another account", principal: person(OTHER_ACCOUNT), action: "sts:AssumeRole", context: {} });
        } else if (principal.kind === "AWS") {
            const trusted = /^\d{12}$/.test(principal.value) ? principal.value : parseArn(principal.value)?.account;
            if (trusted && trusted !== account) probes.push({ who: `${principal.value} (account ${trusted}, not this one)`, principal: principal.value.startsWith("arn:") && !principal.value.endsWith(":root") ? principal.value : person(trusted), action: "sts:AssumeRole", context: {} });
        } else if (principal.kind === "Federated" && !principal.value.includes(":saml-provider/")) {
            probes.push({ who: `any user of the web-identity provider ${principal.value}`, principal: principal.value, action: "sts:AssumeRoleWithWebIdentity", context: {} });
        } else if (principal.kind === "Service" && !services.includes(principal.value.toLowerCase())) {
            probes.push({ who: `${principal.value} (the persona trusts ${services.length > 0 ? services.join(", ") : "no service"})`, principal: principal.value, action: "sts:AssumeRole", context: { "aws:SourceAccount": account } });
        } else if (principal.kind === "Service" && SERVICES_SENDING_SOURCE_KEYS.includes(principal.value.toLowerCase())) {
            probes.push({
                who: `${principal.value} acting for another account (no aws:SourceAccount/aws:SourceArn pinned to ${account})`,
                principal: principal.value,
                action: "sts:AssumeRole",
                context: { "aws:SourceAccount": OTHER_ACCOUNT, "aws:SourceArn": `arn:${partition}:${principal.value.split(".")[0]}:*:${OTHER_ACCOUNT}:*` },
                strict: true,
            });
        }
    }
    return dedupe(probes);
}

function dedupe(probes: Probe[]): Probe[] {
    const seen = new Set<string>();
    return probes.filter((p) => {
        const key = `${p.principal}|${p.action}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/**
 * Whether a role's trust policy lets this principal (a role of the account) call sts:AssumeRole,
 * conditions counted as satisfiable: an edge of the who-can-become-whom graph, together with the
 * caller's own permission (checked by its simulator).
 */
export async function trustAdmits(role: RoleFacts, principalArn: string, placement: Placement): Promise<Verdict> {
    if (role.trustPolicy === undefined) return denied("the role has no trust policy");
    if (isUnknown(role.trustPolicy)) return undecided(`${String(role.trustPolicy)} decides who may assume it`);
    const trust = resourcePolicy(role.trustPolicy, `the trust policy of ${role.name}`);
    if (isUnknown(trust)) return undecided(String(trust));
    const account = (typeof role.arn === "string" ? parseArn(role.arn)?.account : undefined) ?? placement.account;
    const result = await runSimulation({
        request: { principal: principalArn, action: "sts:AssumeRole", resource: { resource: `arn:${placement.partition}:iam::${account}:role/persona-probe-trusting-role`, accountId: account }, contextVariables: {} },
        identityPolicies: [{ name: "the caller's own policy", policy: ASSUME_ANYTHING }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: { ...trust, name: "trust policy" },
    }, { simulationMode: "Discovery" });
    if (result.resultType === "error") return undecided(`the trust policy of ${role.name} could not be simulated (${result.errors.message})`);
    return result.overallResult === "Allowed" ? allowed(`the trust policy of ${role.name} lets it in`) : denied(`the trust policy of ${role.name} does not let it in`);
}

/** The services whose principals run code as the role they are passed (PassRole is then "become"). */
export const CODE_RUNNING_SERVICES: readonly string[] = [
    "glue.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com", "codebuild.amazonaws.com",
    "sagemaker.amazonaws.com", "cloudformation.amazonaws.com", "states.amazonaws.com", "datapipeline.amazonaws.com",
    "elasticmapreduce.amazonaws.com", "batch.amazonaws.com", "apprunner.amazonaws.com", "scheduler.amazonaws.com",
];

/** The code-running services a role's trust policy names (in Allow statements). */
export function codeRunningServicesTrusted(role: RoleFacts): string[] {
    if (role.trustPolicy === undefined || isUnknown(role.trustPolicy)) return [];
    return trustedPrincipals(role.trustPolicy).filter((p) => p.kind === "Service" && CODE_RUNNING_SERVICES.includes(p.value.toLowerCase())).map((p) => p.value);
}
