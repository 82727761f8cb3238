import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { deleteBeforeReplace } from "./replacement";

export interface AthenaWorkgroupArgs {
    /** The physical workgroup name (people pick it in the console, so it is stable). */
    name: string;
    resultsBucket: pulumi.Input<string>;
    /** The prefix of the results bucket this workgroup's results go to, ending in "/". */
    resultsPrefix: string;
    kmsKeyArn: pulumi.Input<string>;
    bytesScannedCutoffPerQuery: number;
    /** Whether deleting the workgroup may delete its saved queries too. */
    forceDestroy: boolean;
    tags: Record<string, string>;
}

/**
 * An Athena workgroup whose settings clients cannot override: results in its own prefix of the
 * results bucket, encrypted with the lake key, a per-query scan cutoff, metrics in CloudWatch.
 */
export function athenaWorkgroup(name: string, args: AthenaWorkgroupArgs, opts: pulumi.CustomResourceOptions): aws.athena.Workgroup {
    return new aws.athena.Workgroup(name, {
        name: args.name,
        state: "ENABLED",
        forceDestroy: args.forceDestroy,
        configuration: {
            enforceWorkgroupConfiguration: true,
            publishCloudwatchMetricsEnabled: true,
            bytesScannedCutoffPerQuery: args.bytesScannedCutoffPerQuery,
            resultConfiguration: {
                outputLocation: pulumi.interpolate`s3://${args.resultsBucket}/${args.resultsPrefix}`,
                encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: args.kmsKeyArn },
            },
        },
        tags: args.tags,
    }, deleteBeforeReplace(opts)); // a fixed name
}
