import { runSimulation } from "@cloud-copilot/iam-simulate";
import { CognitoCaller } from "../../../personas/model";
import { isUnknown } from "../../lib/unknownValues";
import { resourcePolicy } from "../iam/validatedPolicies";
import { parseArn } from "../stack/arns";
import type { CapabilityOutcome, RoleContext } from "./evaluateCapability";
import { Verdict, allowed, denied, undecided } from "./verdict";

const COGNITO_IDENTITY = "cognito-identity.amazonaws.com";
const AUD = `${COGNITO_IDENTITY}:aud`;
const AMR = `${COGNITO_IDENTITY}:amr`;
const OTHER_ACCOUNT = "999999999999";

/** A caller of sts:AssumeRole* that a web-identity trust may or may not let in. */
interface CognitoProbe {
    who: string;
    principal: string;
    action: "sts:AssumeRole" | "sts:AssumeRoleWithWebIdentity";
    context: Record<string, string | string[]>;
}

/**
 * Who a role's trust lets in through Amazon Cognito, simulated with iam-simulate (the trust as the
 * role's resource policy). A Cognito identity's web-identity token carries `aud` (its identity
 * pool's id) and `amr` (a list: "unauthenticated" for a guest; "authenticated" and the login
 * provider for a signed-in user), and STS checks them against the trust's conditions ("IAM roles",
 * Amazon Cognito Developer Guide). Each probe brings exactly those keys; a condition on any other
 * key counts as satisfiable (Discovery mode), so an extra condition on something the caller
 * controls does not hide an open trust.
 */
export async function assumableWithCognito(c: RoleContext, who: CognitoCaller): Promise<CapabilityOutcome[]> {
    const trust = c.role.trustPolicy;
    if (trust === undefined) return [{ verdict: denied("the role has no trust policy") }];
    if (isUnknown(trust)) return [{ verdict: undecided(`${String(trust)} decides who may assume it`) }];
    const region = c.placement.region;
    const guest = ["unauthenticated"];
    const user = ["authenticated", `cognito-idp.${region}.amazonaws.com/${region}_persona-probe`];
    const cognito = (what: string, aud: string, amr: string[]): CognitoProbe => ({ who: what, principal: COGNITO_IDENTITY, action: "sts:AssumeRoleWithWebIdentity", context: { [AUD]: aud, [AMR]: amr } });
    const otherPool = `${region}:00000000-0000-4000-8000-00000000beef`;
    const ownPools = [...new Set(c.targets.ownAppMonitors(c.role).map((m) => m.identityPoolId))];
    if (who === "own-pool-guests" && ownPools.length === 0) return [{ verdict: denied("no RUM app monitor of the stack names the role as its guest role") }];

    const outcomes: CapabilityOutcome[] = [];
    for (const pool of ownPools.length > 0 ? ownPools : [undefined]) {
        if (isUnknown(pool)) {
            outcomes.push({ verdict: undecided(String(pool)) });
            continue;
        }
        if (who === "own-pool-guests" && pool === undefined) {
            outcomes.push({ verdict: denied("its app monitor names no identity pool") });
            continue;
        }
        const probes: CognitoProbe[] = who === "own-pool-guests"
            ? [cognito(`guests of identity pool ${pool}`, pool!, guest)]
            : [
                ...(pool ? [cognito(`signed-in users of identity pool ${pool}`, pool, user)] : []),
                cognito("guests of another identity pool", otherPool, guest),
                cognito("signed-in users of another identity pool", otherPool, user),
                ...iamPrincipalProbes(c),
            ];
        outcomes.push({ ...(pool ? { target: `identity pool ${pool}` } : {}), verdict: await simulate(trust, probes, c, roleNameOf(c)) });
    }
    return outcomes;
}

function roleNameOf(c: RoleContext): string {
    return typeof c.role.roleName === "string" ? c.role.roleName : c.role.name;
}

/** Roles of this account and of another one, and users of a web-identity provider other than Cognito. */
function iamPrincipalProbes(c: RoleContext): CognitoProbe[] {
    const account = accountOf(c);
    const person = (inAccount: string) => `arn:${c.placement.partition}:iam::${inAccount}:role/persona-probe-person`;
    return [
        { who: "a role of this account", principal: person(account), action: "sts:AssumeRole", context: {} },
        { who: "a role of another account", principal: person(OTHER_ACCOUNT), action: "sts:AssumeRole", context: {} },
        { who: "users of another web-identity provider (accounts.google.com)", principal: "accounts.google.com", action: "sts:AssumeRoleWithWebIdentity", context: {} },
    ];
}

function accountOf(c: RoleContext): string {
    return (typeof c.role.arn === "string" ? parseArn(c.role.arn)?.account : undefined) ?? c.placement.account;
}

/**
 * The token's aud and amr are what they are (Discovery mode would count a condition on them as
 * satisfiable, as on any key); every other key stays satisfiable.
 */
const TOKEN_KEYS_KNOWN = [AUD, AMR].map((keyName) => ({ keyName, presenceIsKnown: true as const, valueIsKnown: true as const }));

async function simulate(document: object, probes: CognitoProbe[], c: RoleContext, roleName: string): Promise<Verdict> {
    const trust = resourcePolicy(document, `the trust policy of ${roleName}`);
    if (isUnknown(trust)) return undecided(String(trust));
    const account = accountOf(c);
    const roleArn = `arn:${c.placement.partition}:iam::${account}:role/persona-probe-trusting-role`;
    for (const probe of probes) {
        const result = await runSimulation({
            request: { principal: probe.principal, action: probe.action, resource: { resource: roleArn, accountId: account }, contextVariables: probe.context },
            // A role of the account is taken to hold sts:AssumeRole itself: the question is what the trust lets in.
            identityPolicies: probe.action === "sts:AssumeRole" ? [{ name: "the caller's own policy", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] } }] : [],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            resourcePolicy: { ...trust, name: "trust policy" },
        }, { simulationMode: "Discovery", discoveryContextKeyConstraints: TOKEN_KEYS_KNOWN });
        if (result.resultType === "error") return undecided(`the trust policy could not be simulated for ${probe.who} (${result.errors.message})`);
        if (result.overallResult === "Allowed") {
            const analysis = result.resultType === "single" ? result.result.analysis : result.results[0]?.analysis;
            const statement = analysis?.resourceAnalysis?.allowStatements[0]?.statement;
            return allowed(`its trust policy (${statement ? statement.sid() ?? `statement ${statement.index()}` : "a statement"}) lets ${probe.who} ${probe.action.replace("sts:", "")}`);
        }
    }
    return denied(`its trust policy lets none of ${probes.map((p) => p.who).join(", ")} assume it`);
}
