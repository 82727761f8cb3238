import { glueCrawlerLogsEncrypted, glueCrawlerScheduleValid, glueDatabaseNoIamAllowedPrincipals } from "../../../policies/baseline/rules/glue";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, named } from "./crafted";

describe("baseline Glue rules", () => {
    describe("glue-crawler-logs-encrypted", () => {
        it("passes the prod crawler (SSE-KMS security configuration)", async () => {
            expectNoViolations(await check(glueCrawlerLogsEncrypted, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a crawler whose security configuration does not encrypt its CloudWatch logs", async () => {
            const resources = await exportOf("prod");
            edit(named(resources, "crawler-security"), (p) => {
                (p.encryptionConfiguration as Record<string, unknown>).cloudwatchEncryption = { cloudwatchEncryptionMode: "DISABLED" };
            });
            expectOneViolation(await check(glueCrawlerLogsEncrypted, asPolicyResources(...resources)), {
                policy: "glue-crawler-logs-encrypted",
                urn: named(resources, "crawler").urn,
                change: 'uses SecurityConfiguration "crawler-security", which does not encrypt CloudWatch logs with KMS: set its securityConfiguration',
            });
        });

        it("fails a crawler without a security configuration", async () => {
            const crawler = crafted("aws:glue/crawler:Crawler", "plain", { name: "plain", role: "r", databaseName: "d" });
            expectOneViolation(await check(glueCrawlerLogsEncrypted, asPolicyResources(crawler)), {
                policy: "glue-crawler-logs-encrypted", urn: crawler.urn, change: "has no security configuration",
            });
        });
    });

    describe("glue-crawler-schedule-valid", () => {
        it("passes the dev and prod crawlers' cron schedules, and a crawler run on demand", async () => {
            expectNoViolations(await check(glueCrawlerScheduleValid, asPolicyResources(...(await exportOf("prod")))));
            expectNoViolations(await check(glueCrawlerScheduleValid, asPolicyResources(...(await exportOf("dev")))));
            expectNoViolations(await check(glueCrawlerScheduleValid, asPolicyResources(crafted("aws:glue/crawler:Crawler", "on-demand", {}))));
        });

        for (const schedule of ["rate(1 day)", "cron(0 3 * * * *)", "0 3 * * ?"]) {
            it(`fails the schedule ${schedule}`, async () => {
                const crawler = crafted("aws:glue/crawler:Crawler", "bad", { schedule });
                expectOneViolation(await check(glueCrawlerScheduleValid, asPolicyResources(crawler)), {
                    policy: "glue-crawler-schedule-valid", urn: crawler.urn, change: "use an AWS cron expression such as cron(0 3 * * ? *)",
                });
            });
        }
    });

    describe("glue-database-no-iam-allowed-principals", () => {
        it("passes the prod database (no default table permissions)", async () => {
            expectNoViolations(await check(glueDatabaseNoIamAllowedPrincipals, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a database that gives new tables to IAM_ALLOWED_PRINCIPALS", async () => {
            const resources = await exportOf("prod");
            const database = named(resources, "catalog-database");
            edit(database, (p) => {
                p.createTableDefaultPermissions = [{ permissions: ["ALL"], principal: { dataLakePrincipalIdentifier: "IAM_ALLOWED_PRINCIPALS" } }];
            });
            expectOneViolation(await check(glueDatabaseNoIamAllowedPrincipals, asPolicyResources(...resources)), {
                policy: "glue-database-no-iam-allowed-principals", urn: database.urn, change: "set createTableDefaultPermissions: []",
            });
        });
    });
});
