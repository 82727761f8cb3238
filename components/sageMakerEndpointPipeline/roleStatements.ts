import * as pulumi from "@pulumi/pulumi";
import { Statement } from "../common/policyDocument";
import { S3Arns } from "./s3Locations";
import { kmsViaService } from "../common/servicePrincipal";

/** Where the pipeline's roles act: account, partition and region of every ARN they name. */
export interface RoleScope {
    accountId: pulumi.Input<string>;
    partition: pulumi.Input<string>;
    region: string;
}

/** The ECR repository of an image URI `<account>.dkr.ecr.<region>.<domain>/<repository>:<tag>`. */
export function ecrRepositoryArn(imageUri: string, partition: pulumi.Input<string>): pulumi.Output<string> {
    const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/.exec(imageUri);
    if (!match) throw new pulumi.RunError(`not an ECR image URI: ${imageUri}`);
    const [, account, region, repository] = match;
    return pulumi.interpolate`arn:${partition}:ecr:${region}:${account}:repository/${repository}`;
}

/** Pull one image: the token call has no resource-level permission ("*"), the layers are the repository's. */
export function pullImage(sid: string, repositoryArns: pulumi.Input<string>[]): Statement[] {
    return [
        { Sid: `${sid}Token`, Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        { Sid: sid, Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"], Resource: repositoryArns },
    ];
}

/** Write to the log groups SageMaker makes for the job or endpoint (`/aws/sagemaker/<kind>`, name prefix). */
export function writeLogs(scope: RoleScope, logGroupPrefix: string): Statement {
    const { partition, region, accountId } = scope;
    return {
        Sid: "WriteOwnLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [
            pulumi.interpolate`arn:${partition}:logs:${region}:${accountId}:log-group:${logGroupPrefix}*`,
            pulumi.interpolate`arn:${partition}:logs:${region}:${accountId}:log-group:${logGroupPrefix}*:log-stream:*`,
        ],
    };
}

/** Use the pipeline's key for S3 objects only (kms:ViaService), so it decrypts nothing else. */
export function useKeyThroughS3(scope: RoleScope, keyArns: pulumi.Input<string>[], actions: string[]): Statement {
    return {
        Sid: "UseKeyThroughS3",
        Effect: "Allow",
        Action: actions,
        Resource: keyArns,
        Condition: { StringEquals: { "kms:ViaService": kmsViaService("s3", scope.region) } },
    };
}

/** List a bucket only under a prefix (the monitor finds the captured files by listing). */
export function listUnder(sid: string, location: S3Arns): Statement {
    return {
        Sid: sid,
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: location.bucketArn,
        Condition: { StringLike: { "s3:prefix": location.prefix === "" ? "*" : [location.prefix, `${location.prefix}/*`] } },
    };
}

/**
 * What a SageMaker job or model needs to run in the given VPC: its network interfaces ("Give
 * SageMaker access to resources in your Amazon VPC"); the EC2 calls have no resource-level scope.
 */
export const VPC_ACCESS: Statement = {
    Sid: "RunInVpc",
    Effect: "Allow",
    Action: [
        "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface",
        "ec2:DeleteNetworkInterfacePermission", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
        "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
    ],
    Resource: "*",
};
