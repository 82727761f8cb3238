import { rumAppMonitorDomainRestricted, rumAppMonitorLogRetention } from "../../../policies/baseline/rules/rum";
import { asPolicyResources, check, crafted, expectNoViolations, expectOneViolation } from "./crafted";

const MONITOR = "aws:rum/appMonitor:AppMonitor";

describe("baseline RUM rules", () => {
    describe("rum-app-monitor-domain-restricted", () => {
        it("passes monitors naming the app's domains, with a subdomain wildcard", async () => {
            const monitor = crafted(MONITOR, "web", { name: "web", domainLists: ["shop.example.com", "*.example.co.jp"] });
            expectNoViolations(await check(rumAppMonitorDomainRestricted, asPolicyResources(monitor, crafted(MONITOR, "single", { domain: "example.com" }))));
        });

        for (const domain of ["*", "*.com", "shop.*.com"]) {
            it(`fails the domain ${domain}`, async () => {
                const monitor = crafted(MONITOR, "web", { name: "web", domainLists: ["shop.example.com", domain] });
                expectOneViolation(await check(rumAppMonitorDomainRestricted, asPolicyResources(monitor)), {
                    policy: "rum-app-monitor-domain-restricted", urn: monitor.urn, change: `accepts events from "${domain}": list the web app's own domains instead`,
                });
            });
        }
    });

    describe("rum-app-monitor-log-retention (advisory)", () => {
        it("passes a monitor whose CloudWatch log group the stack creates with a retention, and one not copying to CloudWatch", async () => {
            const monitor = crafted(MONITOR, "web", { name: "web", domain: "example.com", cwLogEnabled: true, cwLogGroup: "/aws/vendedlogs/RUMService_web1a2b3c4d" });
            const group = crafted("aws:cloudwatch/logGroup:LogGroup", "rum-logs", { name: "/aws/vendedlogs/RUMService_web1a2b3c4d", retentionInDays: 30 });
            expectNoViolations(await check(rumAppMonitorLogRetention, asPolicyResources(monitor, group)));
            expectNoViolations(await check(rumAppMonitorLogRetention, asPolicyResources(crafted(MONITOR, "quiet", { name: "quiet", domain: "example.com" }))));
        });

        it("reports a monitor copying events to a log group without retention", async () => {
            const monitor = crafted(MONITOR, "web", { name: "web", domain: "example.com", cwLogEnabled: true });
            expectOneViolation(await check(rumAppMonitorLogRetention, asPolicyResources(monitor)), {
                policy: "rum-app-monitor-log-retention", urn: monitor.urn, change: "as an aws.cloudwatch.LogGroup with retentionInDays, or set cwLogEnabled: false",
            });
        });
    });
});
