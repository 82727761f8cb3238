import {
    lakeFormationAdminsRestricted,
    lakeFormationLocationDedicatedRole,
    lakeFormationNoGrantsToAdmins,
    lakeFormationNoIamAllowedPrincipals,
} from "../../../policies/baseline/rules/lakeFormation";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, inPreview, named } from "./crafted";

const SETTINGS = "aws:lakeformation/dataLakeSettings:DataLakeSettings";
const ADMIN_ROLE_ARN = "arn:aws:iam::123456789012:role/analytics-platform-prod-data-lake-admin";

describe("baseline Lake Formation rules", () => {
    describe("lakeformation-admins-restricted", () => {
        it("passes the prod stack: the data-lake admin role only", async () => {
            expectNoViolations(await check(lakeFormationAdminsRestricted, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails an IAM user made a Lake Formation admin", async () => {
            const resources = await exportOf("prod");
            const settings = named(resources, "lake-formation-settings");
            edit(settings, (p) => {
                p.admins = [...(p.admins as string[]), "arn:aws:iam::123456789012:user/alice"];
            });
            expectOneViolation(await check(lakeFormationAdminsRestricted, asPolicyResources(...resources)), {
                policy: "lakeformation-admins-restricted",
                urn: settings.urn,
                change: "makes the IAM user arn:aws:iam::123456789012:user/alice a Lake Formation admin: remove it from admins",
            });
        });

        it("fails the account root, and the deploying identity once the config names it", async () => {
            const root = crafted(SETTINGS, "root-admin", { admins: ["arn:aws:iam::123456789012:root"] });
            expectOneViolation(await check(lakeFormationAdminsRestricted, asPolicyResources(root)), { policy: "lakeformation-admins-restricted", urn: root.urn, change: "makes the account root" });
            const deployer = "arn:aws:iam::123456789012:role/deployer";
            const settings = crafted(SETTINGS, "deployer-admin", { admins: [deployer] });
            expectNoViolations(await check(lakeFormationAdminsRestricted, asPolicyResources(settings)));
            expectOneViolation(await check(lakeFormationAdminsRestricted, asPolicyResources(settings), { "lakeformation-admins-restricted": { deployerArns: [deployer] } }), {
                policy: "lakeformation-admins-restricted", urn: settings.urn, change: `makes the deploying identity ${deployer} a Lake Formation admin`,
            });
        });

        it("fails an admin role that has AdministratorAccess, also when preview knows it only as the admins' dependency", async () => {
            const resources = await exportOf("prod");
            const settings = named(resources, "lake-formation-settings");
            resources.push(crafted("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "admin-everything", {
                role: "analytics-platform-prod-data-lake-admin", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
            }));
            const change = 'makes Role "data-lake-admin-role" a Lake Formation admin, and it has AdministratorAccess attached by RolePolicyAttachment "admin-everything"';
            expectOneViolation(await check(lakeFormationAdminsRestricted, asPolicyResources(...resources)), { policy: "lakeformation-admins-restricted", urn: settings.urn, change });

            const inPreviewResources = asPolicyResources(...resources);
            const previewSettings = inPreviewResources.find((r) => r.urn === settings.urn)!;
            const adminRole = inPreviewResources.find((r) => r.name === "data-lake-admin-role")!;
            inPreview(previewSettings, "admins");
            inPreview(adminRole, "arn");
            previewSettings.propertyDependencies = { admins: [adminRole] };
            expectOneViolation(await check(lakeFormationAdminsRestricted, inPreviewResources), { policy: "lakeformation-admins-restricted", urn: settings.urn, change });
        });
    });

    describe("lakeformation-no-iam-allowed-principals", () => {
        it("passes the prod stack: empty default permissions, grants to persona roles", async () => {
            expectNoViolations(await check(lakeFormationNoIamAllowedPrincipals, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails default permissions for IAM_ALLOWED_PRINCIPALS", async () => {
            const resources = await exportOf("prod");
            const settings = named(resources, "lake-formation-settings");
            edit(settings, (p) => {
                p.createTableDefaultPermissions = [{ principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["ALL"] }];
            });
            expectOneViolation(await check(lakeFormationNoIamAllowedPrincipals, asPolicyResources(...resources)), {
                policy: "lakeformation-no-iam-allowed-principals",
                urn: settings.urn,
                change: "set createTableDefaultPermissions: []",
            });
        });

        it("fails a grant to IAM_ALLOWED_PRINCIPALS", async () => {
            const grant = crafted("aws:lakeformation/permissions:Permissions", "everyone", { principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["ALL"], database: { name: "sales" } });
            expectOneViolation(await check(lakeFormationNoIamAllowedPrincipals, asPolicyResources(grant)), {
                policy: "lakeformation-no-iam-allowed-principals", urn: grant.urn, change: "remove it and grant to the persona roles",
            });
        });
    });

    describe("lakeformation-no-grants-to-admins", () => {
        it("passes the prod stack", async () => {
            expectNoViolations(await check(lakeFormationNoGrantsToAdmins, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a grant to the data-lake admin role", async () => {
            const resources = await exportOf("prod");
            const grant = named(resources, "workflow-database");
            edit(grant, (p) => {
                p.principal = ADMIN_ROLE_ARN;
            });
            expectOneViolation(await check(lakeFormationNoGrantsToAdmins, asPolicyResources(...resources)), {
                policy: "lakeformation-no-grants-to-admins",
                urn: grant.urn,
                change: `grants to the Lake Formation admin ${ADMIN_ROLE_ARN}: remove the grant`,
            });
        });
    });

    describe("lakeformation-location-dedicated-role", () => {
        it("passes the prod stack: the lake bucket is registered with its own role", async () => {
            expectNoViolations(await check(lakeFormationLocationDedicatedRole, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a location registered with the service-linked role", async () => {
            const location = crafted("aws:lakeformation/resource:Resource", "linked", { arn: "arn:aws:s3:::lake", useServiceLinkedRole: true });
            expectOneViolation(await check(lakeFormationLocationDedicatedRole, asPolicyResources(location)), {
                policy: "lakeformation-location-dedicated-role",
                urn: location.urn,
                change: "set roleArn to a role that can read and write only this location",
            });
        });
    });
});
