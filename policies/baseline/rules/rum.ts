import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { checkEach } from "../../lib/unknownValues";
import { label } from "../lib/resources";

/*
 * CloudWatch RUM (real-user monitoring of the web app, issue to come): the app monitor accepts
 * events only from the app's own domains, and page views (URLs, user agents) copied to CloudWatch
 * Logs are not kept forever.
 */

/** `example.com`, `app.example.com` or `*.example.com`: a wildcard only as the first label of a domain with at least two more. */
function isRestrictedDomain(domain: string): boolean {
    const labels = domain.split(".");
    return !labels.slice(1).some((l) => l.includes("*")) && (!labels[0].includes("*") || (labels[0] === "*" && labels.length >= 3)) && labels.every((l) => l.length > 0);
}

export const rumAppMonitorDomainRestricted: ResourceValidationPolicy = {
    name: "rum-app-monitor-domain-restricted",
    description: "RUM app monitors name the app's domains (domain or domainLists); no \"*\" that would accept events from any site.",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.rum.AppMonitor, (monitor, args, report) => {
        const domains = [...(monitor.domain !== undefined ? [monitor.domain] : []), ...(monitor.domainLists ?? [])];
        const open = domains.filter((d) => !isRestrictedDomain(d));
        if (domains.length === 0) {
            report(`${label(args)} names no domain: set domain or domainLists to the web app's domains.`);
        } else if (open.length > 0) {
            report(`${label(args)} accepts events from ${open.map((d) => `"${d}"`).join(", ")}: list the web app's own domains instead (a wildcard only as "*.example.com").`);
        }
    }),
};

export const rumAppMonitorLogRetention: StackValidationPolicy = {
    name: "rum-app-monitor-log-retention",
    description: "A RUM app monitor that copies events to CloudWatch Logs (cwLogEnabled) has its log group in this stack, with a retention.",
    // Advisory: RUM creates the group itself (/aws/vendedlogs/RUMService_<name><id>) with no
    // retention, and managing it needs the monitor's id; the data is still kept by RUM for 30 days.
    enforcementLevel: "advisory",
    validateStack: async (args, report) => {
        const monitors = args.resources.filter((r) => r.type === "aws:rum/appMonitor:AppMonitor" && r.props.cwLogEnabled === true);
        const logGroups = args.resources.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup");
        await checkEach(monitors, (monitor) => {
            const groupName: unknown = monitor.props.cwLogGroup;
            const prefix = `/aws/vendedlogs/RUMService_${monitor.props.name}`;
            const group = logGroups.find((g) => g.props.name === groupName || (typeof g.props.name === "string" && g.props.name.startsWith(prefix)));
            if (!group || !(group.props.retentionInDays > 0)) {
                report(`${label(monitor)} copies events to CloudWatch Logs with no retention: create its log group (${typeof groupName === "string" ? groupName : `${prefix}<id>`}) as an aws.cloudwatch.LogGroup with retentionInDays, or set cwLogEnabled: false.`, monitor.urn);
            }
        });
    },
};

export const rumPolicies = [rumAppMonitorDomainRestricted, rumAppMonitorLogRetention];
