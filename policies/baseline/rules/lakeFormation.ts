import * as aws from "@pulumi/aws";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { samePrincipal } from "../../access/lakeFormation/principals";
import { iamFacts } from "../../lib/iamRoles";
import { identifiersOf, propertyReference } from "../../lib/references";
import { checkEach } from "../../lib/unknownValues";
import { label } from "../lib/resources";
import { administratorAccessOf } from "../lib/roleAccess";

/*
 * Lake Formation (docs/personas.md, "Lake Formation facts"): `DataLakeSettings` is an account-wide singleton that
 * replaces the admin list. Its admins are neither the identity that deploys nor IAM administrators;
 * nobody gets permissions through IAM_ALLOWED_PRINCIPALS; admins receive no grants (they have
 * implicit permissions, and a grant to one makes `pulumi destroy` fail); registered locations use
 * a role of their own.
 */

const IAM_ALLOWED_PRINCIPALS = "IAM_ALLOWED_PRINCIPALS";
const ACCOUNT_ROOT = /^(arn:aws(-[a-z]+)*:iam::\d{12}:root|\d{12})$/;
const IAM_USER = /^arn:aws(-[a-z]+)*:iam::\d{12}:user\//;

/** A settings' admin list: the ARNs known, and the URNs of the resources the list was computed from. */
interface Admins {
    arns: string[];
    /** In a preview a new role's ARN is unknown; the engine's property dependencies still name the role. */
    sources: string[];
}

function adminsOf(settings: PolicyResource): Admins {
    const { values, dependencies } = propertyReference(settings, "admins");
    return { arns: values, sources: dependencies };
}

/** Whether a role is one of the admins, by ARN or by being what the list was computed from. */
function isAdmin(role: PolicyResource, admins: Admins): boolean {
    return admins.sources.includes(role.urn) || identifiersOf(role, ["arn"]).some((arn) => admins.arns.some((admin) => samePrincipal(admin, arn)));
}

export const lakeFormationAdminsRestricted: StackValidationPolicy = {
    name: "lakeformation-admins-restricted",
    description: "Lake Formation admins are not the deploying identity (config deployerArns), not an account root or IAM user, and hold no AdministratorAccess.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            deployerArns: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "ARNs of the identities that run `pulumi up` (the IAM administrator persona): never Lake Formation admins",
            },
        },
    },
    validateStack: async (args, report) => {
        const { deployerArns } = args.getConfig<{ deployerArns: string[] }>();
        const roles = args.resources.filter((r) => r.type === "aws:iam/role:Role");
        const iam = iamFacts(args.resources);
        const settingsList = args.resources.filter((r) => r.type === "aws:lakeformation/dataLakeSettings:DataLakeSettings");
        await checkEach(settingsList, (settings) => {
            const change = "remove it from admins: only the data-lake admin role belongs there.";
            const admins = adminsOf(settings);
            for (const arn of admins.arns) {
                if (ACCOUNT_ROOT.test(arn)) report(`${label(settings)} makes the account root ${arn} a Lake Formation admin: ${change}`, settings.urn);
                else if (IAM_USER.test(arn)) report(`${label(settings)} makes the IAM user ${arn} a Lake Formation admin: ${change}`, settings.urn);
                else if (deployerArns.some((deployer) => samePrincipal(deployer, arn))) report(`${label(settings)} makes the deploying identity ${arn} a Lake Formation admin: ${change}`, settings.urn);
            }
            for (const role of roles.filter((r) => isAdmin(r, admins))) {
                const access = administratorAccessOf(role, iam);
                if (access) report(`${label(settings)} makes ${label(role)} a Lake Formation admin, and it has ${access}: ${change}`, settings.urn);
            }
        });
    },
};

/** The principals of a settings' default-permission list (`[{ principal, permissions }]`). */
function defaultPrincipals(list: unknown): string[] {
    return Array.isArray(list) ? list.map((entry: { principal?: unknown }) => entry.principal).filter((p): p is string => typeof p === "string") : [];
}

export const lakeFormationNoIamAllowedPrincipals: ResourceValidationPolicy = {
    name: "lakeformation-no-iam-allowed-principals",
    description: "No default permissions and no grants to IAM_ALLOWED_PRINCIPALS: they hand access control back to IAM and defeat Lake Formation permissions.",
    enforcementLevel: "mandatory",
    validateResource: [
        validateResourceOfType(aws.lakeformation.DataLakeSettings, (settings, args, report) => {
            for (const property of ["createDatabaseDefaultPermissions", "createTableDefaultPermissions"] as const) {
                if (defaultPrincipals(settings[property]).includes(IAM_ALLOWED_PRINCIPALS)) {
                    report(`${label(args)} grants ${IAM_ALLOWED_PRINCIPALS} in ${property}: set ${property}: [] so that Lake Formation grants, not IAM alone, control new ${property.startsWith("createDatabase") ? "databases" : "tables"}.`);
                }
            }
        }),
        validateResourceOfType(aws.lakeformation.Permissions, (grant, args, report) => {
            if (grant.principal === IAM_ALLOWED_PRINCIPALS) {
                report(`${label(args)} grants to ${IAM_ALLOWED_PRINCIPALS}: remove it and grant to the persona roles that need access.`);
            }
        }),
    ],
};

export const lakeFormationNoGrantsToAdmins: StackValidationPolicy = {
    name: "lakeformation-no-grants-to-admins",
    description: "No Lake Formation grant (aws.lakeformation.Permissions) names a Lake Formation admin: admins have implicit permissions, and such a grant makes `pulumi destroy` fail.",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        const admins = args.resources.filter((r) => r.type === "aws:lakeformation/dataLakeSettings:DataLakeSettings").map(adminsOf);
        const adminArns = admins.flatMap((a) => a.arns);
        const adminSources = new Set(admins.flatMap((a) => a.sources));
        const grants = args.resources.filter((r) => r.type === "aws:lakeformation/permissions:Permissions");
        await checkEach(grants, (grant) => {
            const fromAdmin = (grant.propertyDependencies?.principal ?? []).some((r) => adminSources.has(r.urn));
            const principal = grant.props.principal as unknown;
            if (fromAdmin || (typeof principal === "string" && adminArns.some((arn) => samePrincipal(arn, principal)))) {
                report(`${label(grant)} grants to the Lake Formation admin ${typeof principal === "string" ? principal : "role"}: remove the grant; admins already have these permissions.`, grant.urn);
            }
        });
    },
};

export const lakeFormationLocationDedicatedRole: ResourceValidationPolicy = {
    name: "lakeformation-location-dedicated-role",
    description: "Data lake locations are registered with a role of their own (roleArn), not the Lake Formation service-linked role, whose policy cannot be scoped to the location.",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.lakeformation.Resource, (location, args, report) => {
        if (location.useServiceLinkedRole === true || !location.roleArn) {
            report(`${label(args)} is registered with the service-linked role: set roleArn to a role that can read and write only this location, and useServiceLinkedRole: false.`);
        }
    }),
};

export const lakeFormationPolicies = [lakeFormationAdminsRestricted, lakeFormationNoIamAllowedPrincipals, lakeFormationNoGrantsToAdmins, lakeFormationLocationDedicatedRole];
