/** Small facts about ARNs the evaluator needs: which account, region and partition, whose role. */

export interface ArnParts {
    partition: string;
    service: string;
    region: string;
    account: string;
    resource: string;
}

export function parseArn(arn: string): ArnParts | undefined {
    const parts = arn.split(":");
    if (parts.length < 6 || parts[0] !== "arn") return undefined;
    return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(":") };
}

/** The role name at the end of a role ARN (`role/<path>/<name>`). */
export function roleNameOfArn(arn: string): string | undefined {
    const parts = parseArn(arn);
    if (!parts || parts.service !== "iam" || !parts.resource.startsWith("role/")) return undefined;
    return parts.resource.split("/").pop();
}

/** An S3 URI (`s3://bucket/prefix/`) as an ARN (`arn:aws:s3:::bucket/prefix/`). */
export function s3UriToArn(uri: string, partition = "aws"): string | undefined {
    const match = /^s3a?:\/\/([^/]+)\/?(.*)$/.exec(uri);
    return match ? `arn:${partition}:s3:::${match[1]}${match[2] ? `/${match[2]}` : ""}` : undefined;
}

/** The bucket name of an S3 ARN (`arn:aws:s3:::bucket[/key]`). */
export function bucketOfArn(arn: string): string | undefined {
    const parts = parseArn(arn);
    return parts?.service === "s3" ? parts.resource.split("/")[0] : undefined;
}

/** Whether an S3 location (bucket or prefix ARN) lies at or under another. */
export function locationCovers(outer: string, inner: string): boolean {
    const trimmedOuter = outer.replace(/\/+$/, "");
    const trimmedInner = inner.replace(/\/+$/, "");
    return trimmedInner === trimmedOuter || trimmedInner.startsWith(`${trimmedOuter}/`);
}
