import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { iamFacts } from "../../lib/iamRoles";
import { PolicyStatement, statementsOf } from "../../lib/policyDocuments";
import { checkEach, isUnknown } from "../../lib/unknownValues";
import { label } from "../lib/resources";

/*
 * CloudWatch RUM (real-user monitoring of the web app): the app monitor accepts events only from
 * the app's own domains, page views (URLs, user agents) copied to CloudWatch Logs are not kept
 * forever, and the guest role, whose credentials every visitor's browser holds, may only send
 * events to its monitors.
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

const PUT_RUM_EVENTS = "rum:putrumevents";
/** One app monitor, named in full: `arn:aws:rum:<region>:<account>:appmonitor/<name>`, no wildcard. */
const APP_MONITOR_ARN = /^arn:aws[a-z-]*:rum:[a-z0-9-]+:\d{12}:appmonitor\/[._\-#A-Za-z0-9]+$/;

/** What is wrong with one Allow statement of a guest role's policy, or undefined. */
function guestStatementProblem(s: PolicyStatement): string | undefined {
    if (s.notActions) return "uses NotAction (allows everything else)";
    const other = (s.actions ?? []).filter((a) => a.toLowerCase() !== PUT_RUM_EVENTS);
    if (other.length > 0) return `allows ${other.map((a) => `"${a}"`).join(", ")}`;
    if (s.notResources) return "uses NotResource (every other resource)";
    const open = (s.resources ?? []).filter((r) => !APP_MONITOR_ARN.test(r));
    if (open.length > 0 || (s.resources ?? []).length === 0) return `applies to ${open.map((r) => `"${r}"`).join(", ") || "no named resource"}, not an app monitor's ARN`;
    return undefined;
}

export const rumGuestRoleScoped: StackValidationPolicy = {
    name: "rum-guest-role-scoped",
    description: "A RUM guest role (an app monitor's guestRoleArn, or persona=rum-guest) allows only rum:PutRumEvents on named app monitors: no wildcard, no managed policy.",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        const monitors = args.resources.filter((r) => r.type === "aws:rum/appMonitor:AppMonitor");
        const guestRoleArns = new Set(monitors.map((m) => (m.props.appMonitorConfiguration as { guestRoleArn?: unknown } | undefined)?.guestRoleArn).filter((a): a is string => typeof a === "string"));
        const iam = iamFacts(args.resources);
        const guests = iam.roles.filter((r) => (typeof r.arn === "string" && guestRoleArns.has(r.arn)) || r.tags.persona === "rum-guest");
        await checkEach(guests, (role) => {
            const name = typeof role.roleName === "string" ? role.roleName : role.name;
            for (const attachment of role.attachments) {
                report(`RUM guest role ${name} has a managed policy (${isUnknown(attachment.policyArn) ? "attached" : attachment.policyArn}, by ${label(attachment.declaredBy)}): every visitor's browser holds its credentials; give it only an inline rum:PutRumEvents on its app monitor's ARN.`, role.urn);
            }
            for (const policy of role.inlinePolicies) {
                if (isUnknown(policy.document)) continue;
                for (const statement of statementsOf(policy.document).filter((st) => st.effect === "Allow")) {
                    const problem = guestStatementProblem(statement);
                    if (problem) {
                        report(`RUM guest role ${name}: ${label(policy.declaredBy)} (${policy.policyName}, ${statement.sid ?? "a statement"}) ${problem}: allow only "rum:PutRumEvents" on the app monitor's ARN.`, role.urn);
                    }
                }
            }
        });
    },
};

export const rumPolicies = [rumAppMonitorDomainRestricted, rumAppMonitorLogRetention, rumGuestRoleScoped];
