import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { checkEach } from "../../lib/unknownValues";
import { label, ofType } from "../lib/resources";

/*
 * CodeBuild (the Karate end-to-end tests of CodeBuildE2E): build outputs, reports and logs may hold
 * test data and tokens, so they are encrypted with the platform's key and logged to a declared,
 * encrypted log group; privileged mode (root on the build host's Docker daemon) only for projects
 * the policy config names; images from ECR, not Docker Hub.
 */

export const codebuildProjectEncrypted: ResourceValidationPolicy = {
    name: "codebuild-project-encrypted",
    description: "CodeBuild projects encrypt artifacts and S3 logs with a KMS key (encryptionKey set, encryption never disabled); report groups exporting to S3 encrypt the export.",
    enforcementLevel: "mandatory",
    validateResource: [
        validateResourceOfType(aws.codebuild.Project, (project, args, report) => {
            const disabled = [
                ...(project.artifacts?.encryptionDisabled === true ? ["artifacts.encryptionDisabled"] : []),
                ...(project.secondaryArtifacts ?? []).flatMap((a, i) => (a.encryptionDisabled === true ? [`secondaryArtifacts[${i}].encryptionDisabled`] : [])),
                ...(project.logsConfig?.s3Logs?.encryptionDisabled === true ? ["logsConfig.s3Logs.encryptionDisabled"] : []),
            ];
            if (!project.encryptionKey) {
                report(`${label(args)} encrypts its artifacts with the AWS managed key: set encryptionKey to the platform's KMS key ARN.`);
            }
            if (disabled.length > 0) {
                report(`${label(args)} turns encryption off: remove ${disabled.join(", ")} (or set it to false).`);
            }
        }),
        validateResourceOfType(aws.codebuild.ReportGroup, (group, args, report) => {
            const destination = group.exportConfig?.type === "S3" ? group.exportConfig.s3Destination : undefined;
            if (destination && (destination.encryptionDisabled === true || !destination.encryptionKey)) {
                report(`${label(args)} exports reports to S3 unencrypted: set exportConfig.s3Destination.encryptionKey to a KMS key ARN and remove encryptionDisabled.`);
            }
        }),
    ],
};

export const codebuildPrivilegedModeAllowed: ResourceValidationPolicy = {
    name: "codebuild-privileged-mode-allowed",
    description: "CodeBuild projects run in privileged mode only when the policy config's allow-list names them (by project name or logical name).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            privilegedProjects: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Projects (name or Pulumi logical name) that may set environment.privilegedMode, e.g. to build Docker images",
            },
        },
    },
    validateResource: validateResourceOfType(aws.codebuild.Project, (project, args, report) => {
        const { privilegedProjects } = args.getConfig<{ privilegedProjects: string[] }>();
        const allowed = privilegedProjects.includes(args.name) || (project.name !== undefined && privilegedProjects.includes(project.name));
        if (project.environment?.privilegedMode === true && !allowed) {
            report(`${label(args)} runs builds in privileged mode: set environment.privilegedMode: false, or add "${args.name}" to this policy's privilegedProjects config if it must build container images.`);
        }
    }),
};

export const codebuildProjectLogging: ResourceValidationPolicy = {
    name: "codebuild-project-logging",
    description: "CodeBuild projects send build logs to CloudWatch Logs or S3, set explicitly, so that the program owns the log destination and its retention.",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.codebuild.Project, (project, args, report) => {
        const logs = project.logsConfig;
        if (logs?.cloudwatchLogs?.status !== "ENABLED" && logs?.s3Logs?.status !== "ENABLED") {
            report(`${label(args)} does not configure its build logs: set logsConfig.cloudwatchLogs { status: "ENABLED", groupName } with a log group that has a retention (or enable logsConfig.s3Logs).`);
        }
    }),
};

export const codebuildProjectLogsEncrypted: StackValidationPolicy = {
    name: "codebuild-project-logs-encrypted",
    description: "A CodeBuild project's CloudWatch Logs group is declared in the stack (so it has a retention) and encrypted with a KMS key: build logs print test data and tokens.",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        const groups = new Map(ofType(args.resources, aws.cloudwatch.LogGroup).map((g) => [g.props.name, g]));
        await checkEach(ofType(args.resources, aws.codebuild.Project), ({ resource, props }) => {
            const logs = props.logsConfig?.cloudwatchLogs;
            if (logs?.status === "DISABLED") return;
            // Without a groupName CodeBuild writes to /aws/codebuild/<project>, created on first use, unencrypted and kept forever.
            const name = logs?.groupName ?? (props.name !== undefined ? `/aws/codebuild/${props.name}` : undefined);
            const group = name !== undefined ? groups.get(name) : undefined;
            if (!group) {
                report(`${label(resource)} logs to CloudWatch group ${name ?? "(its default)"}, which the stack does not declare: declare an aws.cloudwatch.LogGroup of that name with retentionInDays and kmsKeyId, and set logsConfig.cloudwatchLogs.groupName to it.`, resource.urn);
            } else if (!group.props.kmsKeyId) {
                report(`${label(resource)} logs to ${label(group.resource)}, which is not encrypted with a KMS key: set kmsKeyId on the log group (a key whose policy lets logs.<region>.amazonaws.com use it for that group).`, group.resource.urn);
            }
        });
    },
};

export const codebuildImageFromEcr: ResourceValidationPolicy = {
    name: "codebuild-image-from-ecr",
    description: "A CodeBuild project runs a CodeBuild curated image or one from ECR pulled with its service role, never from Docker Hub (its pull limits fail builds: the seed's toomanyrequests).",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.codebuild.Project, (project, args, report) => {
        const image = project.environment?.image;
        if (image === undefined || image.startsWith("aws/codebuild/")) return;
        if (!/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image)) {
            report(`${label(args)} pulls ${image} from outside ECR: push the image to an ECR repository of the stack (or a pull-through cache) and reference it there.`);
        } else if (project.environment?.imagePullCredentialsType !== "SERVICE_ROLE") {
            report(`${label(args)} pulls its ECR image with CodeBuild's credentials: set environment.imagePullCredentialsType: "SERVICE_ROLE" and allow the service role ecr:BatchGetImage on the repository.`);
        }
    }),
};

export const codebuildPolicies = [codebuildProjectEncrypted, codebuildPrivilegedModeAllowed, codebuildProjectLogging, codebuildProjectLogsEncrypted, codebuildImageFromEcr];
