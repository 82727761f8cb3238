import { DataProtection } from "../common/dataProtection";
import { Placement } from "../common/naming";

/** What the RUM web client collects. */
export type RumTelemetry = "errors" | "performance" | "http";

/** When the alarms fire, and whom they tell. */
export interface WebAppMonitorAlarms {
    /** p75 of the largest contentful paint above which the alarm fires, in ms ("frustrating": 4000). */
    largestContentfulPaintMs: number;
    /** p75 of the first input delay, in ms ("frustrating": 300). */
    firstInputDelayMs: number;
    /** p75 of the interaction to next paint, in ms ("frustrating": 500). */
    interactionToNextPaintMs: number;
    /** p75 of the cumulative layout shift ("frustrating": 0.25). */
    cumulativeLayoutShift: number;
    /** JavaScript errors per period. */
    jsErrorsPerPeriod: number;
    /** HTTP 5xx responses per period. */
    http5xxPerPeriod: number;
    periodSeconds: number;
    evaluationPeriods: number;
    /** Subscribed to the encrypted alert topic. */
    emails: string[];
}

/** The arguments of a WebAppMonitor. Guest access is always least privilege: it is not an argument. */
export interface WebAppMonitorArgs {
    placement: Placement;
    region: string;
    /** The web app's domains (1 to 5): RUM accepts events only from their pages. */
    domains: string[];
    /** The share of sessions recorded, 0 to 1. */
    sessionSampleRate: number;
    telemetries: RumTelemetry[];
    allowCookies: boolean;
    enableXray: boolean;
    /** RUM also copies events to CloudWatch Logs (a log group RUM creates, without retention). */
    cloudWatchLogs: boolean;
    /** The application version the web client snippet reports. */
    applicationVersion: string;
    alarms: WebAppMonitorAlarms;
    kmsDeletionWindowDays: number;
    /** Where the stack keeps data, the alert topic's key is protected from deletion. */
    protection: DataProtection;
}
