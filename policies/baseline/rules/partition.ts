import type { StackValidationPolicy } from "@pulumi/policy";
import { partitionOf } from "../../../config/regions";
import { stackConfigFor } from "../../access/stack/stackConfig";
import { rawProps } from "../../lib/unknownValues";
import { label } from "../lib/resources";

/*
 * The partition of every ARN a resource is given follows from the stack's region: IAM in China
 * (aws-cn) or GovCloud (aws-us-gov) rejects a policy that names another partition's resources
 * (MalformedPolicyDocument), and finds no managed policy by another partition's ARN. A component
 * that writes `arn:aws:` by hand plans and previews fine in the aws partition and fails there.
 */

/** The partitions of the ARNs in a value: strings (a policy document's JSON included), arrays, objects. */
function arnPartitions(value: unknown, found: Map<string, string>): void {
    if (typeof value === "string") {
        for (const match of value.matchAll(/\barn:([a-z][a-z-]*):[a-z0-9-]*:[^\s"',]*/g)) found.set(match[0], match[1]);
    } else if (Array.isArray(value)) {
        for (const item of value) arnPartitions(item, found);
    } else if (value !== null && typeof value === "object") {
        for (const item of Object.values(value)) arnPartitions(item, found);
    }
}

export const arnsInStackPartition: StackValidationPolicy = {
    name: "arns-in-stack-partition",
    description: "Every ARN a resource is given is in the partition of the stack's region (aws:region in the stack config): arn:aws-cn: in China, arn:aws-us-gov: in GovCloud, arn:aws: elsewhere.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        // From the stack config, never from the resources: a stack of another project has none.
        const source = stackConfigFor(args.resources);
        const partition = source?.region === undefined ? undefined : partitionOf(source.region);
        if (!source || !partition) return;
        for (const resource of args.resources) {
            const arns = new Map<string, string>();
            arnPartitions(rawProps(resource.props as Record<string, unknown>), arns);
            const foreign = [...arns.entries()].filter(([, p]) => p !== partition).map(([arn]) => arn);
            if (foreign.length > 0) {
                report(
                    `${label(resource)} names ${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ""}, outside partition ${partition} ` +
                    `of aws:region ${source.region} (${source.from}): build ARNs from aws.getPartition (arn:\${partition}:...), as the components do.`,
                    resource.urn,
                );
            }
        }
    },
};

export const partitionPolicies = [arnsInStackPartition];
