/**
 * The text posted for one SNS message of the alert topic. A CloudWatch alarm notification (JSON with
 * AlarmName, NewStateValue, NewStateReason and Trigger.Metrics) becomes "measure, dimension values,
 * expected band, actual value"; the band and the value come from the state reason, the only place
 * CloudWatch puts them ("Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (03/09/21
 * 21:00:00)] was less than the lower thresholds [312.5] or greater than the upper thresholds
 * [512.5] ..."). Anything else on the topic (an ingestion failure record) is posted as it came.
 */
interface AlarmNotification {
    AlarmName?: string;
    AlarmDescription?: string | null;
    NewStateValue?: string;
    NewStateReason?: string;
    StateChangeTime?: string;
    Trigger?: {
        Metrics?: { Id?: string; MetricStat?: { Metric?: { MetricName?: string; Namespace?: string; Dimensions?: { name?: string; value?: string }[] }; Stat?: string } }[];
    };
}

export interface AlarmFacts {
    alarm: string;
    state: string;
    measure?: string;
    namespace?: string;
    dimensions: Record<string, string>;
    actual?: number;
    lower?: number;
    upper?: number;
    time?: string;
}

const NUMBER = "(-?[\\d.]+(?:E-?\\d+)?)";

export function alarmFacts(message: string): AlarmFacts | undefined {
    let parsed: AlarmNotification;
    try {
        parsed = JSON.parse(message) as AlarmNotification;
    } catch {
        return undefined;
    }
    if (typeof parsed !== "object" || parsed === null || typeof parsed.AlarmName !== "string" || typeof parsed.NewStateValue !== "string") return undefined;
    const metric = parsed.Trigger?.Metrics?.find((m) => m.MetricStat?.Metric)?.MetricStat?.Metric;
    const reason = parsed.NewStateReason ?? "";
    const number = (pattern: string) => {
        const m = new RegExp(pattern, "i").exec(reason);
        return m ? Number(m[1]) : undefined;
    };
    return {
        alarm: parsed.AlarmName,
        state: parsed.NewStateValue,
        measure: metric?.MetricName,
        namespace: metric?.Namespace,
        dimensions: Object.fromEntries((metric?.Dimensions ?? []).map((d) => [d.name ?? "", d.value ?? ""])),
        actual: number(`datapoints? \\[${NUMBER}`),
        lower: number(`lower thresholds? \\[${NUMBER}`),
        upper: number(`upper thresholds? \\[${NUMBER}`),
        time: parsed.StateChangeTime,
    };
}

export function alarmMessage(message: string, subject?: string | null): string {
    const facts = alarmFacts(message);
    if (!facts) return `${subject ?? "Anomaly detector"}: ${message}`;
    const dims = Object.entries(facts.dimensions).map(([k, v]) => `${k}=${v}`).join(", ");
    const band = facts.lower !== undefined && facts.upper !== undefined ? `expected ${facts.lower} to ${facts.upper}` : "expected band not stated";
    const actual = facts.actual !== undefined ? `actual ${facts.actual}` : "actual value not stated";
    const head = facts.state === "ALARM" ? "Anomaly" : facts.state === "OK" ? "Back to normal" : `State ${facts.state}`;
    return `${head}: ${facts.measure ?? "metric"} (${dims || "no dimensions"}): ${actual}, ${band}${facts.time ? ` at ${facts.time}` : ""} [${facts.alarm}]`;
}
