import { z } from "zod";

/**
 * The value forms of the orchestrator's bodies that the component's config does not take: the
 * orchestrator's `bucket/prefix` locations, keys in the assets bucket, and numbers sent as strings.
 * The value rules themselves (instance types, names, schedules, ARNs, S3 URIs) are the component's
 * (config/sageMakerEndpointPipeline.ts): validate.ts applies those to what these produce.
 */

const S3_URI = /^s3:\/\/([^/]*)(?:\/(.*))?$/;

/** `bucket/prefix` (the orchestrator's form) or `s3://bucket/prefix`, as an `s3://` URI. */
export const s3Location = z.string().min(1, "an S3 location bucket/prefix or s3://bucket/prefix").transform((value, ctx) => {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith("s3://")) {
        ctx.addIssue({ code: "custom", message: `an S3 location bucket/prefix or s3://bucket/prefix, found "${value}"` });
    }
    return value.startsWith("s3://") ? value : `s3://${value}`;
});

/**
 * A key in the service's assets bucket (the orchestrator's `model_artifact_location` and
 * `baseline_data`): `path/to/model.tar.gz`, or `s3://<assets bucket>/path/to/model.tar.gz`.
 */
export function assetKey(assetsBucket: string) {
    return z.string().min(1, "a key in the assets bucket").transform((value, ctx) => {
        const uri = S3_URI.exec(value);
        if (uri && uri[1] !== assetsBucket) {
            ctx.addIssue({ code: "custom", message: `a key in the assets bucket "${assetsBucket}" (or s3://${assetsBucket}/<key>), found the bucket "${uri[1]}"` });
        }
        const key = uri ? (uri[2] ?? "") : value;
        if (key.startsWith("/") || key.split("/").some((segment) => segment === ".." || segment === ".")) {
            ctx.addIssue({ code: "custom", message: `a key in the assets bucket without a leading "/" or "."/".." segments, found "${key}"` });
        }
        return `s3://${assetsBucket}/${key}`;
    });
}

/** The orchestrator passes numbers as strings ("20"): both are accepted. */
export function numberOrNumericString<T extends z.ZodType>(schema: T) {
    return z.preprocess((value) => (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value), schema);
}

export const yesNo = z.enum(["Yes", "No"], { error: (issue) => `"Yes" or "No", found ${JSON.stringify(issue.input)}` });
