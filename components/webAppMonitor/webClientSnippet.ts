import * as pulumi from "@pulumi/pulumi";
import { RumTelemetry } from "./webAppMonitorArgs";

/** Everything the web client's snippet names. */
export interface SnippetValues {
    appMonitorId: string;
    applicationVersion: string;
    region: string;
    identityPoolId: string;
    guestRoleArn: string;
    telemetries: RumTelemetry[];
    sessionSampleRate: number;
    allowCookies: boolean;
    enableXray: boolean;
}

/**
 * The web client is served from this one CloudFront-backed address for every region (the RUM
 * console's snippet, aws-rum-web "Installing as an embedded script"); "1.x" follows minor versions.
 */
export const WEB_CLIENT_URL = "https://client.rum.us-east-1.amazonaws.com/1.x/cwr.js";

/**
 * The `<script>` the RUM console shows after creating an app monitor, for the end of the page's
 * `<head>`: it loads the web client and calls it `cwr`. With guestRoleArn the client takes
 * Cognito's basic (classic) flow (GetId, GetOpenIdToken, then sts:AssumeRoleWithWebIdentity on
 * the guest role), hence allowClassicFlow on the pool. The web client spells X-Ray `enableXRay`.
 */
export function webClientSnippet(v: SnippetValues): string {
    const config = {
        sessionSampleRate: v.sessionSampleRate,
        identityPoolId: v.identityPoolId,
        guestRoleArn: v.guestRoleArn,
        endpoint: `https://dataplane.rum.${v.region}.amazonaws.com`,
        telemetries: v.telemetries,
        allowCookies: v.allowCookies,
        enableXRay: v.enableXray,
    };
    const args = [JSON.stringify("cwr"), JSON.stringify(v.appMonitorId), JSON.stringify(v.applicationVersion), JSON.stringify(v.region), JSON.stringify(WEB_CLIENT_URL)];
    return [
        "<script>",
        "  (function(n,i,v,r,s,c,x,z){x=window.AwsRumClient={q:[],n:n,i:i,v:v,r:r,c:c};window[n]=function(c,p){x.q.push({c:c,p:p});};z=document.createElement('script');z.async=true;z.src=s;document.head.insertBefore(z,document.head.getElementsByTagName('script')[0]);})(",
        ...args.map((a) => `    ${a},`),
        "    {",
        ...Object.entries(config).map(([key, value], i, all) => `      ${key}: ${JSON.stringify(value)}${i < all.length - 1 ? "," : ""}`),
        "    }",
        "  );",
        "</script>",
    ].join("\n");
}

/** The snippet once the monitor, pool and role exist. */
export function webClientSnippetOutput(v: { [K in keyof SnippetValues]: pulumi.Input<SnippetValues[K]> }): pulumi.Output<string> {
    return pulumi.all(v).apply((values) => webClientSnippet(values as unknown as SnippetValues));
}
