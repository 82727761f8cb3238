import { RISK_CLASSES, RiskClass } from "./riskClasses";
import { Capability, Expectation } from "./types";

/**
 * The builders and the expectations several personas share, for personas/model.ts and the persona
 * files of each component (personas/<component>.ts).
 */

export const must = (capability: Capability, description: string, remedy: string): Expectation => ({ expected: "must", capability, description, remedy });
export const mustNot = (capability: Capability, description: string, remedy: string): Expectation => ({ expected: "must-not", capability, description, remedy });

// Expectations several personas share.
export const notLakeFormationAdmin = mustNot({ kind: "lakeFormationAdmin" }, "be a Lake Formation administrator",
    "remove the role's ARN from DataLakeSettings.admins: only the data-lake admin role is an admin");
export const cannotChangeSettings = mustNot({ kind: "changeLakeFormationSettings" }, "change Lake Formation settings (lakeformation:PutDataLakeSettings)",
    "remove lakeformation:PutDataLakeSettings (or lakeformation:*) from the role's policies; AWSLakeFormationDataAdmin denies it explicitly");
export const notIamAdministrator = mustNot({ kind: "administratorAccess" }, "hold AdministratorAccess or equivalent IAM power",
    "detach AdministratorAccess and remove iam:CreateUser / iam:AttachRolePolicy on any role from the role's policies");
export const assumedByPeople = must({ kind: "assumableBy", who: "people" }, "be assumable by people (trusted principals or SAML)",
    "let the trusted principals or the SAML provider of the stack config assume the role (peopleTrustPolicy)");
export const cannotGrant = mustNot({ kind: "grantLakeFormationPermissions" }, "grant Lake Formation permissions (admin, or a grant option, with lakeformation:GrantPermissions)",
    "drop permissionsWithGrantOption from the role's grants and keep it out of DataLakeSettings.admins: only the data-lake admin grants");
/** The must-not every persona but the data-lake admin has: pass no role to any service. */
export const cannotPassRoles = (holder: string): Expectation =>
    mustNot({ kind: "passRole", role: "any other" }, "pass roles", `remove iam:PassRole from ${holder}'s policies`);
export const declared = must({ kind: "declared" }, "be declared by the stack (a role tagged with the persona)",
    "declare the persona's role with the tag persona=<name>; a persona without a role is reported, never skipped");
/**
 * Why the project leader's "no database outside Lake Formation" row is shown, not enforced. The
 * evaluator models the catalog's CREATE_DATABASE gate (policies/access/lakeFormation: admins hold it,
 * a catalog grant gives it, IAM_ALLOWED_PRINCIPALS holds it until the README's first-deployment step
 * revokes it). With the gate modelled the row is decided, and it is allowed: the project leader's own
 * CREATE_DATABASE grant on the catalog (which lets it create databases in the lake) is catalog-wide,
 * IAM has no condition key for a new database's location, and a location Lake Formation does not
 * manage needs no data-location permission. No stack can both let the project leader create
 * databases and keep them in the lake, so enforcing the row would fail every stack; it names the
 * path (the grant, the IAM statement) instead. The other personas' rows about creating databases
 * are enforced, gate included.
 */
export const DATABASE_LOCATION_NOT_ENFORCEABLE = "not enforceable by a stack: CREATE_DATABASE on the catalog and glue:CreateDatabase cannot be limited to a location, and an unmanaged location needs no Lake Formation permission";

/**
 * The services of the platform's roles that send aws:SourceAccount / aws:SourceArn when they assume a
 * role, so that a trust must pin them to this account (the confused deputy). Glue and Lake Formation
 * document service-only trust policies for their roles and reach a role only through iam:PassRole or
 * a registration in the same account (IAM roles cannot be passed across accounts); pinning keys a
 * service does not send would lock it out. Add a service here when its role-trust documentation names them.
 */
// CodeBuild documents both keys for service roles ("Cross-service confused deputy prevention", CodeBuild User Guide).
export const SERVICES_SENDING_SOURCE_KEYS: readonly string[] = ["codebuild.amazonaws.com"];

export const notAssumedByOutsiders = mustNot({ kind: "assumableByOutsiders", services: [] }, "be assumable by another account, a web-identity provider or any service",
    "trust only this account's configured principals, the stack's SAML provider, or one service with aws:SourceAccount (and aws:SourceArn) pinned to this account");
/**
 * The trust of a role one AWS service assumes (the workflow role for Glue, an execution role for
 * SageMaker, a function's role for Lambda): assumable by that service, by no person, and by nothing
 * else. `title` is the service as the matrix names it ("AWS Glue").
 */
export function serviceRoleTrust(service: string, title: string): { byService: Expectation; notByPeople: Expectation; onlyByService: Expectation } {
    return {
        byService: must({ kind: "assumableBy", who: "service" }, `be assumable by ${title}`,
            `trust ${service} in the role's trust policy (serviceTrustPolicy)`),
        notByPeople: mustNot({ kind: "assumableBy", who: "people" }, "be assumable by people",
            `trust only ${service}: remove AWS, Federated and "*" principals from the role's trust policy`),
        onlyByService: mustNot({ kind: "assumableByOutsiders", services: [service] }, `be assumable by anyone but ${title}`,
            `trust only ${service}: no person, no other account, no other service`),
    };
}

export const notAssumedByServices = mustNot({ kind: "assumableBy", who: "service" }, "be assumable by an AWS service",
    "remove Service principals from the role's trust policy: people's roles are for people only");

/** The four risk classes as must-nots: each persona holds of them only what its `mayHold` says. */
export const RISK_REMEDIES: Record<RiskClass, string> = {
    "privilege-escalation": "remove the IAM action (policy, trust, credentials, PassRole, AssumeRole) from the role's policies, or scope it to the resources its model lets it hold",
    "resource-exposure": "remove the permissions-management action (resource policies, KMS grants, Lake Formation grants and settings) from the role's policies",
    "data-exfiltration": "remove the S3 read (or KMS decrypt) on the platform's data from the role's policies: Lake Formation vends data per grant",
    "infrastructure-modification": "remove the write action on the platform's resource from the role's policies, or scope it to what the persona's model lets it change",
};
export const riskMustNots: Expectation[] = [
    mustNot({ kind: "becomeOthers" }, "become another role of the stack (assume it, pass it to a service that runs code, rewrite its trust)",
        "remove sts:AssumeRole / iam:PassRole / iam:UpdateAssumeRolePolicy on the other role from the role's policies, or the role from the other's trust"),
    ...(Object.keys(RISK_CLASSES) as RiskClass[]).map((risk) =>
        mustNot({ kind: "risk", risk }, `${RISK_CLASSES[risk]}, beyond what its model lets it hold`, RISK_REMEDIES[risk])),
];

