import { codebuildImageFromEcr, codebuildPrivilegedModeAllowed, codebuildProjectEncrypted, codebuildProjectLogging, codebuildProjectLogsEncrypted } from "../../../policies/baseline/rules/codebuild";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, named } from "./crafted";

const PROJECT = "aws:codebuild/project:Project";
const KEY_ARN = "arn:aws:kms:ap-northeast-1:123456789012:key/e2e";

/** A project as the CodeBuildE2E component is meant to declare it. */
function e2eProject(overrides: Record<string, unknown> = {}) {
    return crafted(PROJECT, "e2e", {
        name: "analytics-platform-prod-e2e",
        serviceRole: "arn:aws:iam::123456789012:role/e2e",
        encryptionKey: KEY_ARN,
        artifacts: { type: "S3", location: "reports", encryptionDisabled: false },
        environment: { computeType: "BUILD_GENERAL1_MEDIUM", image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/karate-chrome:1", type: "LINUX_CONTAINER" },
        logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/aws/codebuild/e2e" } },
        source: { type: "CODECOMMIT" },
        ...overrides,
    });
}

describe("baseline CodeBuild rules", () => {
    describe("codebuild-project-encrypted", () => {
        it("passes a project with the platform key, and a report group exporting encrypted", async () => {
            const reports = crafted("aws:codebuild/reportGroup:ReportGroup", "reports", {
                type: "TEST", exportConfig: { type: "S3", s3Destination: { bucket: "b", encryptionKey: KEY_ARN } },
            });
            expectNoViolations(await check(codebuildProjectEncrypted, asPolicyResources(e2eProject(), reports)));
        });

        it("fails a project without a key, and one with encryption turned off", async () => {
            const keyless = e2eProject({ encryptionKey: undefined });
            expectOneViolation(await check(codebuildProjectEncrypted, asPolicyResources(keyless)), {
                policy: "codebuild-project-encrypted", urn: keyless.urn, change: "set encryptionKey to the platform's KMS key ARN",
            });
            const disabled = e2eProject({ logsConfig: { s3Logs: { status: "ENABLED", location: "b/logs", encryptionDisabled: true } } });
            expectOneViolation(await check(codebuildProjectEncrypted, asPolicyResources(disabled)), {
                policy: "codebuild-project-encrypted", urn: disabled.urn, change: "remove logsConfig.s3Logs.encryptionDisabled",
            });
        });

        it("fails a report group exporting to S3 unencrypted", async () => {
            const reports = crafted("aws:codebuild/reportGroup:ReportGroup", "reports", {
                type: "TEST", exportConfig: { type: "S3", s3Destination: { bucket: "b", encryptionKey: KEY_ARN, encryptionDisabled: true } },
            });
            expectOneViolation(await check(codebuildProjectEncrypted, asPolicyResources(reports)), {
                policy: "codebuild-project-encrypted", urn: reports.urn, change: "remove encryptionDisabled",
            });
        });
    });

    describe("codebuild-privileged-mode-allowed", () => {
        it("passes an unprivileged project, and a privileged one the config names", async () => {
            expectNoViolations(await check(codebuildPrivilegedModeAllowed, asPolicyResources(e2eProject())));
            const privileged = e2eProject({ environment: { computeType: "BUILD_GENERAL1_SMALL", image: "i", type: "LINUX_CONTAINER", privilegedMode: true } });
            expectNoViolations(await check(codebuildPrivilegedModeAllowed, asPolicyResources(privileged), { "codebuild-privileged-mode-allowed": { privilegedProjects: ["e2e"] } }));
        });

        it("fails a privileged project the config does not name", async () => {
            const privileged = e2eProject({ environment: { computeType: "BUILD_GENERAL1_SMALL", image: "i", type: "LINUX_CONTAINER", privilegedMode: true } });
            expectOneViolation(await check(codebuildPrivilegedModeAllowed, asPolicyResources(privileged)), {
                policy: "codebuild-privileged-mode-allowed", urn: privileged.urn, change: 'set environment.privilegedMode: false, or add "e2e" to this policy\'s privilegedProjects',
            });
        });
    });

    describe("codebuild-project-logging", () => {
        it("passes a project logging to CloudWatch, and one logging to S3 only", async () => {
            expectNoViolations(await check(codebuildProjectLogging, asPolicyResources(e2eProject())));
            const s3Only = e2eProject({ logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "ENABLED", location: "b/logs" } } });
            expectNoViolations(await check(codebuildProjectLogging, asPolicyResources(s3Only)));
        });

        it("fails a project whose logs are not configured", async () => {
            const silent = e2eProject({ logsConfig: undefined });
            expectOneViolation(await check(codebuildProjectLogging, asPolicyResources(silent)), {
                policy: "codebuild-project-logging", urn: silent.urn, change: 'set logsConfig.cloudwatchLogs { status: "ENABLED", groupName }',
            });
        });
    });

    describe("codebuild-project-logs-encrypted", () => {
        const group = (props: Record<string, unknown> = {}) => crafted("aws:cloudwatch/logGroup:LogGroup", "e2e-logs", { name: "/aws/codebuild/e2e", retentionInDays: 14, kmsKeyId: KEY_ARN, ...props });

        it("passes the planned stacks, and a project whose declared log group has a key", async () => {
            expectNoViolations(await check(codebuildProjectLogsEncrypted, asPolicyResources(...(await exportOf("dev")))));
            expectNoViolations(await check(codebuildProjectLogsEncrypted, asPolicyResources(...(await exportOf("prod")))));
            expectNoViolations(await check(codebuildProjectLogsEncrypted, asPolicyResources(e2eProject(), group())));
        });

        it("fails the planned project once its log group loses its key", async () => {
            const resources = await exportOf("prod");
            const logs = named(resources, "e2e-logs");
            edit(logs, (p) => {
                delete p.kmsKeyId;
            });
            expectOneViolation(await check(codebuildProjectLogsEncrypted, asPolicyResources(...resources)), {
                policy: "codebuild-project-logs-encrypted", urn: logs.urn, change: "set kmsKeyId on the log group",
            });
        });

        it("fails a project whose log group the stack does not declare (CodeBuild's default group)", async () => {
            const undeclared = e2eProject({ logsConfig: { cloudwatchLogs: { status: "ENABLED" } } });
            expectOneViolation(await check(codebuildProjectLogsEncrypted, asPolicyResources(undeclared, group())), {
                policy: "codebuild-project-logs-encrypted", urn: undeclared.urn, change: "/aws/codebuild/analytics-platform-prod-e2e, which the stack does not declare",
            });
        });
    });

    describe("codebuild-image-from-ecr", () => {
        it("passes an ECR image pulled with the service role, and a curated image", async () => {
            const ecr = e2eProject({ environment: { computeType: "BUILD_GENERAL1_MEDIUM", type: "LINUX_CONTAINER", image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/karate-chrome:1.4.1", imagePullCredentialsType: "SERVICE_ROLE" } });
            const curated = e2eProject({ environment: { computeType: "BUILD_GENERAL1_SMALL", type: "LINUX_CONTAINER", image: "aws/codebuild/standard:7.0" } });
            expectNoViolations(await check(codebuildImageFromEcr, asPolicyResources(ecr, curated)));
        });

        it("fails the seed's Docker Hub image, and an ECR image pulled with CodeBuild's credentials", async () => {
            const dockerHub = e2eProject({ environment: { computeType: "BUILD_GENERAL1_MEDIUM", type: "LINUX_CONTAINER", image: "ptrthomas/karate-chrome:latest" } });
            expectOneViolation(await check(codebuildImageFromEcr, asPolicyResources(dockerHub)), {
                policy: "codebuild-image-from-ecr", urn: dockerHub.urn, change: "push the image to an ECR repository of the stack",
            });
            const codebuildCredentials = e2eProject();
            expectOneViolation(await check(codebuildImageFromEcr, asPolicyResources(codebuildCredentials)), {
                policy: "codebuild-image-from-ecr", urn: codebuildCredentials.urn, change: 'set environment.imagePullCredentialsType: "SERVICE_ROLE"',
            });
        });
    });
});
