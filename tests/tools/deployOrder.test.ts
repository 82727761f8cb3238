import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { configuredDeployerArn } from "../../tools/deployOrder/deployerArn";
import { DeployOrderFinding, DeployOrderResult, checkDeployOrder, formatDeployOrder } from "../../tools/deployOrder";
import { planProgram } from "../../tools/engine/run";
import type { ExportedResource } from "../../tools/engine/stackExport";
import { planOf } from "../helpers/plans";
import { OrderedLakeOptions, orderedLake } from "./fixtures/orderedLake";

async function checkLake(options: Partial<OrderedLakeOptions> = {}, deployerArn?: string): Promise<DeployOrderResult> {
    const plan = await planProgram({ project: "lake", stack: "test", config: { "aws:region": "eu-west-1" }, program: orderedLake(options) });
    return checkDeployOrder(plan.resources, deployerArn ? { deployerArn } : {});
}

const named = (findings: DeployOrderFinding[], name: string) => findings.filter((f) => f.urn.endsWith(`::${name}`));
const text = (findings: DeployOrderFinding[]) => findings.map((f) => `${f.urn} | ${f.identity} | ${f.missing}`).join("\n");

describe("deployment-order check", function () {
    this.timeout(20000);

    describe("on a lake built for it", () => {
        it("passes the correct order, and checks every gated resource", async () => {
            const result = await checkLake();
            expect(result.findings, text(result.findings)).to.deep.equal([]);
            // settings, registration, database, table, 3 grants, 2 providers that assume roles
            expect(result.checked).to.equal(9);
        });

        it("catches a table switched to the default provider: the deployer is no Lake Formation admin", async () => {
            const { findings } = await checkLake({ eventsTableBy: "deployer" });
            const table = named(findings, "events");
            expect(table, text(findings)).to.have.length(1);
            expect(table[0].identity).to.match(/deploying identity/);
            expect(table[0].missing).to.match(/Lake Formation permission .* registered by Resource location/);
            expect(table[0].missing).to.match(/no Lake Formation admin/);
        });

        it("lets the deployer create it when the settings it depends on list the configured deployer as an admin", async () => {
            const deployer = "arn:aws:iam::123456789012:role/deployer";
            const listed = await checkLake({ eventsTableBy: "deployer", extraAdmins: [deployer] }, deployer);
            expect(listed.findings, text(listed.findings)).to.deep.equal([]);
            // Listed, but its ARN not configured: the check cannot know the deployer is that role.
            const unknown = await checkLake({ eventsTableBy: "deployer", extraAdmins: [deployer] });
            expect(named(unknown.findings, "events")[0].missing).to.contain("its ARN is not configured");
        });

        it("catches a dropped grant: the writer lacks DATA_LOCATION_ACCESS", async () => {
            const { findings } = await checkLake({ writerGrants: "no-location-grant" });
            expect(text(findings)).to.match(/events \| role arn:aws:iam::123456789012:role\/lake-writer .*no DATA_LOCATION_ACCESS grant on arn:aws:s3:::lake-\w+\/events\//);
            expect(text(findings)).to.not.contain("CREATE_TABLE grant");
        });

        it("catches grants the table does not depend on: they may come after it", async () => {
            const { findings } = await checkLake({ writerGrants: "not-dependencies" });
            const table = named(findings, "events");
            expect(table, text(findings)).to.have.length(1);
            expect(table[0].missing).to.contain("DATA_LOCATION_ACCESS").and.contain("CREATE_TABLE");
        });

        it("catches a provider without a propagation wait after the role it assumes", async () => {
            const { findings } = await checkLake({ propagationWait: "none" });
            for (const provider of ["as-admin", "as-writer"]) {
                expect(named(findings, provider).map((f) => f.missing).join("\n"), text(findings)).to.match(/propagation wait after Role (admin|writer).*pulumi-aws issue 673/);
            }
        });

        it("catches a wait that does not wait for the assumed role's policies", async () => {
            const { findings } = await checkLake({ propagationWait: "role-only" });
            expect(text(findings)).to.match(/as-admin .*RolePolicyAttachment admin-lf/);
            expect(text(findings)).to.match(/as-writer .*RolePolicy writer-glue/);
            // Without its policy, the writer's IAM does not allow glue:CreateTable when its table is created.
            expect(text(findings)).to.match(/events .*IAM permission glue:CreateTable/);
        });

        it("catches a database that does not wait for the registration: a race for the tables in it", async () => {
            const { findings } = await checkLake({ databaseAfterRegistration: false, eventsTableBy: "deployer" });
            expect(named(findings, "events")[0].missing).to.match(/^a race: Resource location registers .* but is not a dependency/);
        });

        it("accepts that race when the creator may create the object either way (an admin)", async () => {
            const { findings } = await checkLake({ databaseAfterRegistration: false, eventsTableBy: "admin" });
            expect(findings, text(findings)).to.deep.equal([]);
        });

        it("catches a grant that does not depend on the table it grants", async () => {
            const { findings } = await checkLake({ grantAfterTable: false });
            const grant = named(findings, "reader-events");
            expect(grant.map((f) => f.missing), text(findings)).to.deep.equal([
                "dependency on CatalogTable events: the granted table must exist, and the grant does not wait for it",
            ]);
        });

        it("sees the admin settings through the provider's dependencies, and catches a grant that reaches them by neither", async () => {
            const viaProvider = await checkLake({ grantAfterTable: false, settingsBeforeAdminWork: "provider-only" });
            expect(named(viaProvider.findings, "reader-events").map((f) => f.missing).join("\n")).to.not.contain("authority");
            const neither = await checkLake({ grantAfterTable: false, settingsBeforeAdminWork: "neither" });
            const missing = named(neither.findings, "reader-events").map((f) => f.missing).join("\n");
            expect(missing).to.match(/Lake Formation authority to grant SELECT on table events_db.events: DataLakeSettings settings makes it a Lake Formation admin but is not a dependency/);
        });

        it("prints each problem with the resource, the identity and what is missing", async () => {
            const result = await checkLake({ eventsTableBy: "deployer" });
            const printed = formatDeployOrder(result);
            expect(printed).to.match(/^Deployment-order check: FAILED \(1 problem in 9 gated resources\)/);
            expect(printed).to.contain("urn:pulumi:test::lake::aws:glue/catalogTable:CatalogTable::events");
            expect(printed).to.contain("created by the deploying identity");
            expect(printed).to.contain("missing: Lake Formation permission");
        });

    });

    describe("on the platform's stacks", () => {
        for (const stack of ["dev", "prod"] as const) {
            it(`passes ${stack}`, async () => {
                const plan = await planOf(stack);
                const result = await checkDeployOrder(plan.resources);
                expect(result.findings, text(result.findings)).to.deep.equal([]);
                expect(result.checked).to.be.greaterThan(10);
            });
        }

        /** The dev export with one edit, as a reviewer would break the order by hand. */
        async function devWith(edit: (resources: ExportedResource[]) => void): Promise<DeployOrderFinding[]> {
            const resources = JSON.parse(JSON.stringify((await planOf("dev")).resources)) as ExportedResource[];
            edit(resources);
            return (await checkDeployOrder(resources)).findings;
        }
        const byName = (resources: ExportedResource[], name: string) => {
            const found = resources.find((r) => r.urn.endsWith(`::${name}`));
            if (!found) throw new Error(`no resource named ${name}`);
            return found;
        };

        it("catches the catalog created by the default provider, as the program had it", async () => {
            const findings = await devWith((resources) => {
                const defaultProvider = resources.find((r) => r.type === "pulumi:providers:aws" && r.urn.includes("::default"));
                for (const r of resources.filter((x) => x.type === "aws:glue/catalogTable:CatalogTable")) {
                    r.provider = `${defaultProvider?.urn}::${defaultProvider?.id}`;
                }
            });
            expect(findings.filter((f) => f.type === "aws:glue/catalogTable:CatalogTable")).to.have.length(4);
            expect(findings.every((f) => /deploying identity/.test(f.identity))).to.equal(true);
        });

        it("catches the admin provider without its propagation wait", async () => {
            const findings = await devWith((resources) => {
                const admin = byName(resources, "lake-formation-admin");
                admin.dependencies = admin.dependencies.filter((urn) => !urn.includes("time:index/sleep:Sleep"));
            });
            expect(text(findings)).to.match(/lake-formation-admin .*propagation wait after Role data-lake-admin-role/);
        });

        it("catches a wait that no longer waits for one of the admin role's policies", async () => {
            const findings = await devWith((resources) => {
                const sleep = resources.find((r) => r.type === "time:index/sleep:Sleep")!;
                sleep.dependencies = sleep.dependencies.filter((urn) => !urn.endsWith("-AWSLakeFormationDataAdmin"));
            });
            expect(text(findings)).to.match(/lake-formation-admin .*RolePolicyAttachment data-lake-admin-role-AWSLakeFormationDataAdmin/);
        });

        it("asks IAM: without AWSLakeFormationDataAdmin, the admin role may not grant", async () => {
            const findings = await devWith((resources) => {
                resources.splice(resources.findIndex((r) => r.urn.endsWith("-AWSLakeFormationDataAdmin")), 1);
            });
            const grants = findings.filter((f) => f.type === "aws:lakeformation/permissions:Permissions" && f.missing.startsWith("IAM permission lakeformation:GrantPermissions"));
            expect(grants.length, text(findings)).to.be.greaterThan(5);
            expect(grants[0].identity).to.match(/^role arn:aws:iam::123456789012:role\/analytics-platform-dev-data-lake-admin/);
        });

        it("asks IAM with the trust policy: a deployer the admin role's trust does not admit cannot assume it", async () => {
            const findings = await devWith((resources) => {
                const role = byName(resources, "data-lake-admin-role");
                const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::123456789012:role/someone-else" } }] };
                role.outputs.assumeRolePolicy = JSON.stringify(trust);
            });
            expect(text(findings)).to.match(/lake-formation-admin \| the deploying identity .*IAM permission sts:AssumeRole on arn:aws:iam::123456789012:role\/analytics-platform-dev-data-lake-admin/);
        });

        it("catches an analyst grant that no longer waits for the tables", async () => {
            const findings = await devWith((resources) => {
                const grant = byName(resources, "analyst-sales-analysts-sales");
                grant.dependencies = grant.dependencies.filter((urn) => !urn.includes("catalogTable"));
            });
            expect(text(findings)).to.match(/analyst-sales-analysts-sales .*dependency on CatalogTable table-sales/);
        });

        it("catches a data-location grant whose location is not registered", async () => {
            const findings = await devWith((resources) => {
                resources.splice(resources.indexOf(byName(resources, "lake-location")), 1);
            });
            expect(text(findings)).to.match(/workflow-data-location .*a registration of arn:aws:s3:::/);
        });
    });

    describe("the deployer's ARN", () => {
        it("comes from the stack's personas.deployerRoleArn, and is unknown without it", () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deployer-arn-"));
            try {
                fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: lake\nruntime: nodejs\n");
                fs.writeFileSync(path.join(dir, "Pulumi.set.yaml"), "config:\n  lake:personas:\n    deployerRoleArn: arn:aws:iam::123456789012:role/deploy\n");
                fs.writeFileSync(path.join(dir, "Pulumi.unset.yaml"), "config:\n  lake:personas:\n    trustedPrincipals: []\n");
                expect(configuredDeployerArn("set", dir)).to.equal("arn:aws:iam::123456789012:role/deploy");
                expect(configuredDeployerArn("unset", dir)).to.equal(undefined);
                expect(configuredDeployerArn("absent", dir)).to.equal(undefined);
                expect(configuredDeployerArn(undefined, dir)).to.equal(undefined);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
});
