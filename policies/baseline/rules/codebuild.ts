import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { label } from "../lib/resources";

/*
 * CodeBuild (the Karate end-to-end tests, issue to come): build outputs, reports and logs may hold
 * test data and tokens, so they are encrypted with the platform's key and logged; privileged mode
 * (root on the build host's Docker daemon) only for projects the policy config names.
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

export const codebuildPolicies = [codebuildProjectEncrypted, codebuildPrivilegedModeAllowed, codebuildProjectLogging];
