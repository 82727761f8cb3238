import { rumAppMonitorDomainRestricted, rumAppMonitorLogRetention, rumGuestRoleScoped } from "../../../policies/baseline/rules/rum";
import { asPolicyResources, check, crafted, expectNoViolations, expectOneViolation, exportOf, named } from "./crafted";

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

    describe("rum-guest-role-scoped", () => {
        const guestPolicy = "web-app-monitor-guest-put-events";
        const withStatement = async (statement: object) => {
            const resources = await exportOf("prod");
            const policy = named(resources, guestPolicy);
            policy.outputs.policy = policy.inputs.policy = JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
            return { resources, role: named(resources, "web-app-monitor-guest-role") };
        };

        it("passes both planned stacks: rum:PutRumEvents on the monitor's ARN only", async () => {
            for (const stack of ["dev", "prod"] as const) expectNoViolations(await check(rumGuestRoleScoped, asPolicyResources(...(await exportOf(stack)))));
        });

        const cases: [string, object, string][] = [
            ["a wildcard action", { Effect: "Allow", Action: "rum:*", Resource: "arn:aws:rum:ap-northeast-1:123456789012:appmonitor/analytics-platform-prod-web-app" }, 'allows "rum:*"'],
            ["every app monitor", { Effect: "Allow", Action: "rum:PutRumEvents", Resource: "arn:aws:rum:ap-northeast-1:123456789012:appmonitor/*" }, "not an app monitor's ARN"],
            ["any resource", { Effect: "Allow", Action: "rum:PutRumEvents", Resource: "*" }, 'applies to "*"'],
            ["NotAction", { Effect: "Allow", NotAction: "iam:*", Resource: "*" }, "uses NotAction"],
        ];
        for (const [what, statement, change] of cases) {
            it(`fails a guest role allowing ${what}`, async () => {
                const { resources, role } = await withStatement(statement);
                expectOneViolation(await check(rumGuestRoleScoped, asPolicyResources(...resources)), { policy: "rum-guest-role-scoped", urn: role.urn, change });
            });
        }

        it("fails a managed policy attached to the guest role", async () => {
            const resources = await exportOf("dev");
            const role = named(resources, "web-app-monitor-guest-role");
            const attachment = crafted("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "guest-readonly", { role: role.outputs.name, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, { stack: "dev" });
            expectOneViolation(await check(rumGuestRoleScoped, asPolicyResources(...resources, attachment)), { policy: "rum-guest-role-scoped", urn: role.urn, change: "has a managed policy (arn:aws:iam::aws:policy/ReadOnlyAccess" });
        });
    });
});
