/**
 * What the ingestion function is told about its detector, in its DETECTOR_SETTINGS environment
 * variable (JSON). The component writes it from the stack config; the function reads nothing else.
 */
export interface IngestSettings {
    /** The CloudWatch namespace of the detector's metrics (the role may put metrics only there). */
    namespace: string;
    bucket: string;
    /** The key prefix of the CSV files ("" or ending with "/"). */
    prefix: string;
    timestampColumn: string;
    timestampFormat: string;
    measures: { column: string; aggregation: "SUM" | "AVG" }[];
    dimensions: { column: string; values: string[] }[];
    intervalSeconds: number;
}

/** The settings' environment variable. */
export const SETTINGS_VARIABLE = "DETECTOR_SETTINGS";

/** The function's own health metrics, in the detector's namespace (no dimensions). */
export const HEALTH_METRICS = {
    rows: "IngestedRows",
    malformed: "MalformedRows",
    unlisted: "UnlistedDimensionRows",
    outOfRange: "OutOfRangeRows",
} as const;

export function readSettings(env: Record<string, string | undefined>): IngestSettings {
    const text = env[SETTINGS_VARIABLE];
    if (!text) throw new Error(`${SETTINGS_VARIABLE} is not set: the function is deployed by the AnomalyDetector component, which sets it`);
    return JSON.parse(text) as IngestSettings;
}
