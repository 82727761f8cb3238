/**
 * The AWS regions a stack may name in `aws:region`, with the partition each belongs to (the
 * second field of every ARN in that region). Kept by hand from the AWS General Reference
 * ("AWS Regions"); tests/config/regions.test.ts checks each against the AWS SDK's partition data.
 * A region not listed here is a typo or one AWS has not opened: add it when AWS does.
 */
export const REGION_PARTITIONS: Readonly<Record<string, string>> = {
    "us-east-1": "aws", "us-east-2": "aws", "us-west-1": "aws", "us-west-2": "aws",
    "af-south-1": "aws",
    "ap-east-1": "aws", "ap-east-2": "aws",
    "ap-south-1": "aws", "ap-south-2": "aws",
    "ap-southeast-1": "aws", "ap-southeast-2": "aws", "ap-southeast-3": "aws", "ap-southeast-4": "aws",
    "ap-southeast-5": "aws", "ap-southeast-6": "aws", "ap-southeast-7": "aws",
    "ap-northeast-1": "aws", "ap-northeast-2": "aws", "ap-northeast-3": "aws",
    "ca-central-1": "aws", "ca-west-1": "aws",
    "eu-central-1": "aws", "eu-central-2": "aws",
    "eu-west-1": "aws", "eu-west-2": "aws", "eu-west-3": "aws",
    "eu-south-1": "aws", "eu-south-2": "aws", "eu-north-1": "aws",
    "il-central-1": "aws",
    "me-south-1": "aws", "me-central-1": "aws",
    "mx-central-1": "aws",
    "sa-east-1": "aws",
    "cn-north-1": "aws-cn", "cn-northwest-1": "aws-cn",
    "us-gov-east-1": "aws-us-gov", "us-gov-west-1": "aws-us-gov",
    "eusc-de-east-1": "aws-eusc",
};

/** The partition of a listed region, `undefined` for any other string. */
export function partitionOf(region: string): string | undefined {
    return Object.hasOwn(REGION_PARTITIONS, region) ? REGION_PARTITIONS[region] : undefined;
}
