import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { SNSEvent } from "aws-lambda";
import { alarmMessage } from "./message";

/**
 * The webhook channel of an anomaly detector: subscribed to the detector's alert topic, it posts
 * each alarm as a readable message (measure, dimension values, expected band, actual value) to the
 * HTTPS webhook whose URL is kept in an SSM SecureString parameter (URL_PARAMETER). The URL is read
 * at run time and cached for the container's life: it never appears in the function's settings.
 */

const ssm = new SSMClient({});
let cachedUrl: string | undefined;

async function webhookUrl(): Promise<string> {
    if (cachedUrl) return cachedUrl;
    const name = process.env.URL_PARAMETER;
    if (!name) throw new Error("URL_PARAMETER is not set: the function is deployed by the AnomalyDetector component, which sets it");
    const answer = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    const url = answer.Parameter?.Value;
    if (!url || !url.startsWith("https://")) throw new Error(`parameter ${name} does not hold an https:// URL`);
    cachedUrl = url;
    return url;
}

/** Forgets the cached URL (tests; a rotated URL is read by the next container). */
export function resetCache(): void {
    cachedUrl = undefined;
}

export async function handler(event: SNSEvent): Promise<void> {
    const url = await webhookUrl();
    for (const record of event.Records) {
        const text = alarmMessage(record.Sns.Message, record.Sns.Subject);
        const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            // Slack's and Teams' incoming webhooks both read `text`.
            body: JSON.stringify({ text }),
            signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) {
            // Thrown, so that Lambda retries and then sends the event to the failure destination.
            throw new Error(`webhook answered ${response.status} ${response.statusText}`);
        }
    }
}
