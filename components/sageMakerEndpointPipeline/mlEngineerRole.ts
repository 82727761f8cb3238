import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PERSONA_TAG } from "../../personas/personaNames";
import { Placement, physicalName, tagsFor } from "../common/naming";
import { PeopleTrust, peopleTrustPolicy } from "../common/personaTrust";
import { Statement, policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { listUnder, useKeyThroughS3 } from "./roleStatements";
import { s3PrefixArns } from "./s3Locations";

/** What the ML engineer works on: the pipelines of the stack. */
export interface MlEngineerPipeline {
    executionRoleArn: pulumi.Input<string>;
    monitoringRoleArn?: pulumi.Input<string>;
    keyArn: pulumi.Input<string>;
    /** Capture, baseline and monitoring output locations it reads. */
    readableLocations: string[];
}

export interface SageMakerMlEngineerRoleArgs {
    placement: Placement;
    region: string;
    peopleTrust: PeopleTrust;
    pipelines: MlEngineerPipeline[];
}

/** SageMaker resource types the engineer manages, as they appear in ARNs. */
const MANAGED_TYPES = ["model", "endpoint-config", "endpoint", "data-quality-job-definition", "model-quality-job-definition", "monitoring-schedule", "processing-job"];

/**
 * The ML engineer persona: deploys and updates the platform's endpoints and monitors (SageMaker
 * resources named `<project>-<stack>-*`), passes only the pipelines' execution and monitoring roles
 * to SageMaker, reads the captured data and monitoring reports. Nothing of the data lake or Lake
 * Formation: its data reaches SageMaker through the locations the pipelines name.
 */
export class SageMakerMlEngineerRole extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: SageMakerMlEngineerRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:SageMakerMlEngineerRole", name, {}, opts);
        const parent: pulumi.Resource = this;
        const partition = aws.getPartitionOutput({}, { parent }).partition;
        const accountId = aws.getCallerIdentityOutput({}, { parent }).accountId;
        // SageMaker lower-cases names in ARNs.
        const prefix = `${args.placement.project}-${args.placement.stack}-`.toLowerCase();
        const platformArns = MANAGED_TYPES.map((type) => pulumi.interpolate`arn:${partition}:sagemaker:${args.region}:${accountId}:${type}/${prefix}*`);
        const locations = args.pipelines.flatMap((p) => p.readableLocations.map((l) => s3PrefixArns(l, partition)));
        const passable = args.pipelines.flatMap((p) => [p.executionRoleArn, ...(p.monitoringRoleArn ? [p.monitoringRoleArn] : [])]);

        const statements: Statement[] = [
            {
                Sid: "ManagePlatformSageMaker",
                Effect: "Allow",
                Action: [
                    "sagemaker:CreateModel", "sagemaker:DeleteModel", "sagemaker:DescribeModel",
                    "sagemaker:CreateEndpointConfig", "sagemaker:DeleteEndpointConfig", "sagemaker:DescribeEndpointConfig",
                    "sagemaker:CreateEndpoint", "sagemaker:UpdateEndpoint", "sagemaker:DeleteEndpoint", "sagemaker:DescribeEndpoint",
                    "sagemaker:UpdateEndpointWeightsAndCapacities", "sagemaker:InvokeEndpoint",
                    "sagemaker:CreateDataQualityJobDefinition", "sagemaker:DeleteDataQualityJobDefinition", "sagemaker:DescribeDataQualityJobDefinition",
                    "sagemaker:CreateModelQualityJobDefinition", "sagemaker:DeleteModelQualityJobDefinition", "sagemaker:DescribeModelQualityJobDefinition",
                    "sagemaker:CreateMonitoringSchedule", "sagemaker:UpdateMonitoringSchedule", "sagemaker:DeleteMonitoringSchedule", "sagemaker:DescribeMonitoringSchedule",
                    "sagemaker:StartMonitoringSchedule", "sagemaker:StopMonitoringSchedule", "sagemaker:ListMonitoringExecutions",
                    "sagemaker:CreateProcessingJob", "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob",
                    "sagemaker:AddTags", "sagemaker:ListTags",
                ],
                Resource: platformArns,
            },
            {
                // List calls have no resource-level permissions.
                Sid: "ListSageMaker",
                Effect: "Allow",
                Action: ["sagemaker:ListEndpoints", "sagemaker:ListEndpointConfigs", "sagemaker:ListModels", "sagemaker:ListMonitoringSchedules", "sagemaker:ListProcessingJobs"],
                Resource: "*",
            },
            {
                Sid: "ReadPlatformAlarms",
                Effect: "Allow",
                Action: "cloudwatch:DescribeAlarms",
                Resource: pulumi.interpolate`arn:${partition}:cloudwatch:${args.region}:${accountId}:alarm:${args.placement.project}-${args.placement.stack}-*`,
            },
            {
                Sid: "PassPipelineRolesToSageMaker",
                Effect: "Allow",
                Action: "iam:PassRole",
                Resource: passable,
                Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
            },
        ];
        if (locations.length > 0) {
            statements.push(
                { Sid: "ReadCaptureAndReports", Effect: "Allow", Action: "s3:GetObject", Resource: locations.map((l) => l.objectsArn) },
                ...locations.map((l, i) => listUnder(`ListLocation${i}`, l)),
            );
        }
        const keys = args.pipelines.map((p) => p.keyArn);
        statements.push(
            useKeyThroughS3({ accountId, partition, region: args.region }, keys, ["kms:Decrypt"]),
            {
                // An endpoint config or job with a KMS key makes SageMaker create grants on it as the caller.
                Sid: "GrantPipelineKeysToSageMaker",
                Effect: "Allow",
                Action: ["kms:CreateGrant", "kms:DescribeKey"],
                Resource: keys,
                Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
            },
        );

        const role = new aws.iam.Role(`${name}-role`, {
            name: physicalName(args.placement, "ml-engineer", "iam-role"),
            description: "ML engineer persona: deploys and updates the platform's SageMaker endpoints and monitors, reads their capture and reports",
            assumeRolePolicy: peopleTrustPolicy(args.peopleTrust),
            maxSessionDuration: 3600,
            tags: tagsFor(args.placement, { [PERSONA_TAG]: "ml-engineer" }),
        }, deleteBeforeReplace({ parent }));
        new aws.iam.RolePolicy(`${name}-policy`, {
            role: role.name,
            name: "sagemaker-endpoints-and-monitors",
            policy: policyDocument(statements),
        }, deleteBeforeReplace({ parent: role }));
        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
