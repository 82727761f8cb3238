import { parsePlatformConfig } from "../../../config";
import type { WebAppMonitorConfig } from "../../../config/webAppMonitor";
import type { Plan } from "../stackExport";
import { readStackConfig } from "../stackFile";
import type { SummarySection } from "./index";

/** CloudWatch RUM's price: $1 per 100,000 events (the seed; page views and errors are each an event). */
export const RUM_EVENTS_PER_DOLLAR = 100_000;

const APP_MONITOR = "aws:rum/appMonitor:AppMonitor";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** What one app monitor is expected to cost a month. */
export interface RumEstimate {
    sessionsPerMonth: number;
    sampleRate: number;
    eventsPerSession: number;
    eventsPerMonth: number;
    dollarsPerMonth: number;
}

/** Recorded sessions (sessions x sample rate) x events per session, at RUM's price per event. */
export function rumMonthlyEstimate(sessionsPerMonth: number, sampleRate: number, eventsPerSession: number): RumEstimate {
    const eventsPerMonth = Math.round(sessionsPerMonth * sampleRate * eventsPerSession);
    return { sessionsPerMonth, sampleRate, eventsPerSession, eventsPerMonth, dollarsPerMonth: eventsPerMonth / RUM_EVENTS_PER_DOLLAR };
}

/**
 * The WebAppMonitor's section: each app monitor's sample rate as planned (what `pulumi up` would
 * send), the expected sessions and events per session from the stack config (no resource holds them).
 */
export function webAppMonitorSection(plan: Plan): SummarySection | undefined {
    const monitors = plan.resources.filter((r) => r.type === APP_MONITOR);
    if (monitors.length === 0) return undefined;
    const settings = monitorSettings(plan.stack);
    const lines: string[] = [];
    for (const monitor of monitors) {
        const configuration = monitor.inputs.appMonitorConfiguration as { sessionSampleRate?: number } | undefined;
        const sampleRate = configuration?.sessionSampleRate ?? 0.1; // RUM's default when the monitor sets none
        const name = String(monitor.inputs.name ?? monitor.urn.split("::").pop());
        if (!settings) {
            lines.push(`${name}: ${percent(sampleRate)} of sessions recorded; no expected sessions a month in Pulumi.${plan.stack}.yaml, no cost estimate`);
            continue;
        }
        const e = rumMonthlyEstimate(settings.expectedSessionsPerMonth, sampleRate, settings.eventsPerSession);
        lines.push(
            `${name}: ${thousands(e.sessionsPerMonth)} sessions a month x ${percent(e.sampleRate)} recorded x ${e.eventsPerSession} events a session ` +
            `= ${thousands(e.eventsPerMonth)} events, about $${e.dollarsPerMonth.toFixed(2)} a month at $1 per 100,000 events`,
        );
    }
    const alarms = plan.resources.filter((r) => r.type === ALARM && r.parent !== undefined && monitors.some((m) => m.parent === r.parent)).length;
    if (alarms > 0) lines.push(`${alarms} CloudWatch alarms on its AWS/RUM metrics (billed per alarm, not included above)`);
    lines.push("events a session is an assumption (webAppMonitor.eventsPerSession): about five page views, each a page view, a navigation, three web vitals, resource timings and an error or HTTP event");
    return { title: "Web app monitoring (CloudWatch RUM)", lines };
}

function monitorSettings(stack: string): WebAppMonitorConfig | undefined {
    try {
        const { file, config } = readStackConfig(stack);
        const settings = parsePlatformConfig(file, config).webAppMonitor;
        return settings.enabled ? settings : undefined;
    } catch {
        return undefined; // a plan of another project's stack: the section says what it cannot estimate
    }
}

/** 1234567 -> "1,234,567", without loading ICU's locale data (toLocaleString's first call: ~20 ms). */
function thousands(count: number): string {
    return String(Math.round(count)).replace(/\B(?=(\d{3})+$)/g, ",");
}

function percent(rate: number): string {
    return `${Number((rate * 100).toFixed(2))}%`;
}
