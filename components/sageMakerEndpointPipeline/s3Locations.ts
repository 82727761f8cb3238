import * as pulumi from "@pulumi/pulumi";

/** An `s3://bucket/prefix` location as the ARNs an IAM policy names. */
export interface S3Arns {
    bucket: string;
    /** The prefix without leading or trailing slash ("" for the whole bucket). */
    prefix: string;
    bucketArn: pulumi.Output<string>;
    /** The object itself (for an object URI) or every object under the prefix. */
    objectsArn: pulumi.Output<string>;
}

function split(uri: string): { bucket: string; key: string } {
    const rest = uri.replace(/^s3:\/\//, "");
    const slash = rest.indexOf("/");
    return slash < 0 ? { bucket: rest, key: "" } : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

/** The ARNs of everything under a location (SageMaker writes `<prefix>/<endpoint>/...` below it). */
export function s3PrefixArns(uri: string, partition: pulumi.Input<string>): S3Arns {
    const { bucket, key } = split(uri);
    const prefix = key.replace(/^\/+|\/+$/g, "");
    return {
        bucket,
        prefix,
        bucketArn: pulumi.interpolate`arn:${partition}:s3:::${bucket}`,
        objectsArn: pulumi.interpolate`arn:${partition}:s3:::${bucket}/${prefix === "" ? "" : `${prefix}/`}*`,
    };
}

/** The ARN of one object. */
export function s3ObjectArns(uri: string, partition: pulumi.Input<string>): S3Arns {
    const { bucket, key } = split(uri);
    return { bucket, prefix: key, bucketArn: pulumi.interpolate`arn:${partition}:s3:::${bucket}`, objectsArn: pulumi.interpolate`arn:${partition}:s3:::${bucket}/${key}` };
}

/** `s3://bucket/prefix/<file>`, whatever slashes the location ends with. */
export function s3Join(location: string, file: string): string {
    return `${location.replace(/\/+$/, "")}/${file}`;
}
