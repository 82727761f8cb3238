import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { IAM_ALLOWED_PRINCIPALS, iamAllowedPrincipalsDefaults } from "../../components/dataLake/accountDefaults";
import { AwsMocks } from "../../tools/engine/mocks";
import type { ExportedResource } from "../../tools/engine/stackExport";
import { list, named, ofType, statements, tag } from "../helpers/resources";
import { arnLike, missingDeleteBeforeReplace, overlappingGrants } from "./support/deploymentRules";
import { RecordedPlan, planRecorded } from "./support/registrations";

const GRANT = "aws:lakeformation/permissions:Permissions";
const ROLE = "aws:iam/role:Role";
const SLEEP = "time:index/sleep:Sleep";

describe("the data lake, as a real pulumi up deploys it", () => {
    let prod: RecordedPlan;
    let dev: RecordedPlan;
    before(async function () {
        this.timeout(60000);
        [prod, dev] = await Promise.all([planRecorded("prod"), planRecorded("dev")]);
    });

    describe("who creates the catalog, and after what", () => {
        it("creates the Glue database and tables and registers the lake through the admin provider, after the settings and the registration", () => {
            const catalogObjects = prod.registrations.filter((r) => r.type === "aws:glue/catalogDatabase:CatalogDatabase" || r.type === "aws:glue/catalogTable:CatalogTable");
            expect(catalogObjects).to.have.length(5);
            for (const r of catalogObjects) {
                expect(r.provider, r.name).to.equal("lake-formation-admin");
                expect(r.dependsOn, r.name).to.include.members(["lake-formation-settings", "lake-location"]);
            }
            const location = prod.named("lake-location");
            expect(location.provider).to.equal("lake-formation-admin");
            expect(location.dependsOn).to.include.members(["lake-formation-settings", "lake-location-role-access"]);
        });

        it("makes every grant as the admin, after the settings and whatever the grant names", () => {
            const grants = prod.registrations.filter((r) => r.type === GRANT);
            expect(grants.length).to.be.greaterThan(0);
            for (const g of grants) {
                expect(g.provider, g.name).to.equal("lake-formation-admin");
                expect(g.dependsOn, g.name).to.include("lake-formation-settings");
                const target = g.props as { dataLocation?: unknown; database?: unknown; table?: unknown; tableWithColumns?: unknown };
                if (target.dataLocation) expect(g.dependsOn, g.name).to.include("lake-location");
                if (target.database) expect(g.dependsOn, g.name).to.include("catalog-database");
                if (target.table || target.tableWithColumns) {
                    expect(g.dependsOn, g.name).to.include("catalog-database");
                    expect(g.dependsOn.filter((d) => d.startsWith("table-")), g.name).to.have.length(4);
                }
            }
        });

        it("uses the admin provider only after IAM has propagated the admin role and its policies", () => {
            const provider = prod.named("lake-formation-admin");
            expect(provider.dependsOn).to.include("lake-formation-admin-propagation");
            const sleep = prod.named("lake-formation-admin-propagation");
            expect(sleep.type).to.equal(SLEEP);
            const adminPolicies = prod.registrations.filter((r) => r.name.startsWith("data-lake-admin-role-")).map((r) => r.name);
            expect(adminPolicies.length).to.be.greaterThan(3);
            expect(sleep.dependsOn).to.include.members(["data-lake-admin-role", ...adminPolicies, "lake-formation-settings"]);
            const exported = named(prod.plan, "lake-formation-admin-propagation");
            expect(exported.outputs.createDuration).to.equal("30s");
            // A replaced role has a new unique id: the wait runs again before the provider uses it.
            expect((exported.outputs.triggers as Record<string, string>).roleId).to.equal(named(prod.plan, "data-lake-admin-role").outputs.uniqueId);
            expect((exported.outputs.triggers as Record<string, string>).policies, "and again when a policy of the role changes").to.match(/^[0-9a-f]{64}$/);
            expect(exported.id, "the mock answers as time_sleep does: the RFC 3339 time it finished").to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        });

        it("acts as the data-lake admin role, last in the provider's assumeRoles", () => {
            const provider = named(prod.plan, "lake-formation-admin");
            const roles = JSON.parse(String(provider.outputs.assumeRoles)) as { roleArn: string }[];
            expect(roles.at(-1)?.roleArn).to.equal(named(prod.plan, "data-lake-admin-role").outputs.arn);
            expect(provider.outputs.region).to.equal("ap-northeast-1");
        });
    });

    describe("the admin provider inherits the stack's AWS settings", () => {
        let inherited: ExportedResource;
        const stackChain = [{ roleArn: "arn:aws:iam::123456789012:role/platform-deployer", sessionName: "ci" }];
        before(async function () {
            this.timeout(30000);
            const recorded = await planRecorded("dev", {
                config: {
                    "aws:profile": "analytics",
                    "aws:assumeRoles": JSON.stringify(stackChain),
                    "aws:allowedAccountIds": JSON.stringify(["123456789012"]),
                    "aws:defaultTags": JSON.stringify({ tags: { owner: "data-platform" } }),
                },
            });
            inherited = named(recorded.plan, "lake-formation-admin");
        });

        it("passes on profile, allowed accounts and default tags", () => {
            expect(inherited.outputs.profile).to.equal("analytics");
            expect(JSON.parse(String(inherited.outputs.allowedAccountIds))).to.deep.equal(["123456789012"]);
            expect(JSON.parse(String(inherited.outputs.defaultTags))).to.deep.equal({ tags: { owner: "data-platform" } });
        });

        it("chains the stack's own assumeRoles before the admin role", () => {
            const roles = JSON.parse(String(inherited.outputs.assumeRoles)) as { roleArn: string; sessionName: string }[];
            expect(roles.slice(0, -1)).to.deep.equal(stackChain);
            expect(roles.at(-1)?.roleArn).to.equal("arn:aws:iam::123456789012:role/analytics-platform-dev-data-lake-admin");
        });
    });

    describe("replacements", () => {
        it("replaces delete-first every resource with a fixed identity: grants, the registration, named resources", () => {
            expect(missingDeleteBeforeReplace(prod.registrations, prod.plan.resources)).to.deep.equal([]);
            expect(missingDeleteBeforeReplace(dev.registrations, dev.plan.resources)).to.deep.equal([]);
            for (const name of ["lake-location", "crawler-security", "catalog-database", "lake-workgroup", "workflow-role", "crawler"]) {
                expect(prod.named(name).opts.deleteBeforeReplace, name).to.equal(true);
            }
        });

        it("catches a grant, a named resource or an attachment left create-before-delete", () => {
            for (const name of ["analyst-sales-analysts-sales", "crawler-security", "workflow-role-AWSGlueServiceRole", "lake-prefix-sales"]) {
                const mutated = prod.registrations.map((r) => (r.name === name ? { ...r, opts: { ...r.opts, deleteBeforeReplace: false } } : r));
                expect(missingDeleteBeforeReplace(mutated, prod.plan.resources), name).to.have.length(1);
            }
        });
    });

    describe("grants", () => {
        it("makes no two grants on one principal and resource", () => {
            expect(overlappingGrants(prod.plan)).to.deep.equal([]);
            expect(overlappingGrants(dev.plan)).to.deep.equal([]);
        });

        it("catches a second grant on a table, however the table is named", () => {
            const copy = JSON.parse(JSON.stringify(prod.plan.resources)) as ExportedResource[];
            const analyst = named(copy, "analyst-sales-analysts-sales");
            const describe = { ...analyst, urn: `${analyst.urn}-describe`, outputs: { principal: analyst.outputs.principal, permissions: ["DESCRIBE"], table: { databaseName: "sales", name: "sales" } } };
            expect(overlappingGrants([...copy, describe])).to.have.length(1);
        });
    });

    describe("account-wide Lake Formation settings", () => {
        it("states every field the provider would otherwise clear, from config", () => {
            const settings = named(prod.plan, "lake-formation-settings").outputs;
            expect(settings).to.deep.include({
                readOnlyAdmins: [],
                trustedResourceOwners: [],
                allowExternalDataFiltering: false,
                externalDataFilteringAllowLists: [],
                authorizedSessionTagValueLists: [],
                allowFullTableExternalDataAccess: false,
                parameters: { CROSS_ACCOUNT_VERSION: "4" },
            });
        });

        it("is never deleted by a destroy (which would empty the account's admin list), and protected with prod's data", () => {
            expect(named(prod.plan, "lake-formation-settings").retainOnDelete).to.equal(true);
            expect(named(dev.plan, "lake-formation-settings").retainOnDelete).to.equal(true);
            expect(named(prod.plan, "lake-formation-settings").protect).to.equal(true);
            expect(named(dev.plan, "lake-formation-settings").protect).to.equal(false);
        });

        it("gives dev and prod, which share the account, the same admin list", () => {
            const admins = (p: RecordedPlan) => named(p.plan, "lake-formation-settings").outputs.admins as string[];
            expect(admins(dev)).to.have.members(admins(prod));
            expect(admins(dev)).to.include(named(prod.plan, "data-lake-admin-role").outputs.arn);
        });
    });

    describe("IAM_ALLOWED_PRINCIPALS defaults of the account", () => {
        it("finds the defaults of a fresh account, and none in a prepared one", () => {
            const fresh = new AwsMocks({ lakeFormationAccount: "fresh" }).call({ token: "aws:lakeformation/getDataLakeSettings:getDataLakeSettings", inputs: {} });
            expect(iamAllowedPrincipalsDefaults(fresh)).to.deep.equal([
                `createDatabaseDefaultPermissions gives ${IAM_ALLOWED_PRINCIPALS} ALL`,
                `createTableDefaultPermissions gives ${IAM_ALLOWED_PRINCIPALS} ALL`,
            ]);
            const prepared = new AwsMocks({ lakeFormationAccount: "prepared" }).call({ token: "aws:lakeformation/getDataLakeSettings:getDataLakeSettings", inputs: {} });
            expect(iamAllowedPrincipalsDefaults(prepared)).to.deep.equal([]);
            expect(iamAllowedPrincipalsDefaults({ createTableDefaultPermissions: [{ principal: IAM_ALLOWED_PRINCIPALS, permissions: ["SELECT"] }] })).to.have.length(1);
        });

        it("stops a deployment into a fresh account with a clear message, before the database or a table is created", async function () {
            this.timeout(30000);
            const created: string[] = [];
            const fresh = new AwsMocks({ region: "ap-northeast-1", stack: "prod", lakeFormationAccount: "fresh" });
            const recording: pulumi.runtime.Mocks = {
                newResource: (args) => { created.push(args.type); return fresh.newResource(args); },
                call: (args) => fresh.call(args),
            };
            let failure: unknown;
            try {
                await planRecorded("prod", { mocks: recording });
            } catch (error) {
                failure = error;
            }
            expect(failure).to.be.instanceOf(pulumi.RunError);
            expect(String((failure as Error).message)).to.include("IAM_ALLOWED_PRINCIPALS ALL").and.to.include("First deployment").and.to.include("pulumi-aws issue 4366");
            expect(created).to.include("aws:lakeformation/dataLakeSettings:DataLakeSettings");
            expect(created).not.to.include("aws:glue/catalogDatabase:CatalogDatabase");
            expect(created).not.to.include("aws:glue/catalogTable:CatalogTable");
        });
    });

    describe("the crawler", () => {
        it("is not a second writer of the declared tables: it only adds partitions and logs schema changes", () => {
            const crawler = named(prod.plan, "crawler").outputs;
            const targets = (crawler.catalogTargets as { tables: string[] }[]).flatMap((t) => t.tables);
            expect(targets).to.have.members(ofType(prod.plan, "aws:glue/catalogTable:CatalogTable").map((t) => t.outputs.name));
            expect(crawler.schemaChangePolicy).to.deep.equal({ deleteBehavior: "LOG", updateBehavior: "LOG" });
        });
    });

    describe("trust and keys", () => {
        it("trusts Glue and Lake Formation with no condition key those services do not send", () => {
            for (const [role, service] of [["workflow-role", "glue.amazonaws.com"], ["lake-location-role", "lakeformation.amazonaws.com"]]) {
                const trust = statements(named(prod.plan, role).outputs.assumeRolePolicy);
                expect(trust, role).to.deep.equal([{ Sid: "ServiceOnly", Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: service } }]);
            }
        });

        it("lets CloudWatch Logs use the lake key for this stack's log groups only", () => {
            const keyPolicy = statements(named(prod.plan, "lake-key").outputs.policy);
            const logs = keyPolicy.find((s) => JSON.stringify(s.Principal).includes("logs."));
            const patterns = list((logs?.Condition?.ArnLike as Record<string, string | string[]>)["kms:EncryptionContext:aws:logs:arn"]);
            const allowed = (arn: string) => patterns.some((p) => arnLike(p, arn));
            expect(allowed(String(named(prod.plan, "crawler-logs").outputs.arn))).to.equal(true);
            expect(allowed("arn:aws:logs:ap-northeast-1:123456789012:log-group:/aws/lambda/someone-else")).to.equal(false);
            expect(allowed(String(named(dev.plan, "crawler-logs").outputs.arn)), "not dev's log groups either").to.equal(false);
        });
    });

    describe("persona roles", () => {
        const inlineStatements = (roleName: string) => ofType(prod.plan, "aws:iam/rolePolicy:RolePolicy")
            .filter((p) => p.outputs.role === named(prod.plan, roleName).outputs.name)
            .flatMap((p) => statements(p.outputs.policy));

        it("gives the project leader a scoped policy instead of AWSLakeFormationDataAdmin", () => {
            const leader = named(prod.plan, "project-leader-role").outputs;
            const attached = ofType(prod.plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.outputs.role === leader.name);
            expect(attached).to.deep.equal([]);
            const actions = inlineStatements("project-leader-role").filter((s) => s.Effect === "Allow").flatMap((s) => list(s.Action));
            expect(actions).to.include.members(["glue:CreateDatabase", "lakeformation:GetDataAccess", "athena:StartQueryExecution"]);
            for (const forbidden of ["lakeformation:DeregisterResource", "lakeformation:RegisterResource", "lakeformation:PutDataLakeSettings", "glue:DeleteDatabase", "lakeformation:GrantPermissions"]) {
                expect(actions.some((a) => a === forbidden || (a.endsWith("*") && forbidden.startsWith(a.slice(0, -1)))), forbidden).to.equal(false);
            }
        });

        it("adds a data engineer who writes only the dataset prefixes of the lake, with the key only through S3", () => {
            const engineer = named(prod.plan, "data-engineer-role");
            expect(tag(engineer, "persona")).to.equal("data-engineer");
            expect(engineer.outputs.name).to.equal("analytics-platform-prod-data-engineer");
            expect(statements(engineer.outputs.assumeRolePolicy).map((s) => s.Principal)).to.deep.equal([{ AWS: ["arn:aws:iam::123456789012:root"] }]);
            const lakeArn = String(named(prod.plan, "lake").outputs.arn);
            const policy = inlineStatements("data-engineer-role");
            const onLake = policy.filter((s) => list(s.Resource).some((r) => String(r).startsWith(lakeArn)));
            const written = onLake.filter((s) => list(s.Action).includes("s3:PutObject")).flatMap((s) => list(s.Resource));
            expect(written).to.have.members(["sales", "items", "item_categories", "shops"].map((d) => `${lakeArn}/${d}/*`));
            expect(onLake.flatMap((s) => list(s.Action))).not.to.include.members(["s3:GetObject", "s3:DeleteObject"]);
            const kms = policy.filter((s) => list(s.Action).some((a) => a.startsWith("kms:")));
            expect(kms.map((s) => s.Condition)).to.deep.equal([{ StringEquals: { "kms:ViaService": "s3.ap-northeast-1.amazonaws.com" } }]);
        });
    });

    describe("permissions boundary", () => {
        const boundary = "arn:aws:iam::123456789012:policy/landing-zone-boundary";
        it("is set on every IAM role the platform creates when personas.permissionsBoundary says so, and on none otherwise", async function () {
            this.timeout(30000);
            const bounded = await planRecorded("dev", { editKey: { key: "personas", change: (p) => { p.permissionsBoundary = boundary; } } });
            const roles = ofType(bounded.plan, ROLE);
            expect(roles.length).to.equal(ofType(dev.plan, ROLE).length);
            for (const role of roles) expect(role.outputs.permissionsBoundary, role.urn).to.equal(boundary);
            for (const role of ofType(dev.plan, ROLE)) expect(role.outputs.permissionsBoundary, role.urn).to.equal(undefined);
        });
    });
});
