import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BUCKET_PURPOSES, PERSONA_TAG, PURPOSE_TAG } from "../../personas/personaNames";
import { accessLogBucket } from "../common/accessLogBucket";
import { alertTopic } from "../common/alertTopic";
import { platformKey } from "../common/platformKey";
import { checkName, physicalName, tagsFor } from "../common/naming";
import { policyDocument } from "../common/policyDocument";
import { peopleTrustPolicy } from "../common/personaTrust";
import { deleteBeforeReplace } from "../common/replacement";
import { secureBucket } from "../common/secureBucket";
import { E2eArns, REPORTS_PREFIX, buildRoleStatements, qaReaderStatements } from "./accessPolicies";
import { REPORTS_ARTIFACT_NAME, renderBuildspec } from "./buildspec";
import { CodeBuildE2EArgs } from "./codeBuildE2EArgs";
import { buildTriggers, projectSource } from "./triggers";
import { cloudWatchLogsKeyStatement } from "../common/logsKeyStatement";

export type { CodeBuildE2EArgs, E2eSource } from "./codeBuildE2EArgs";

/**
 * Karate end-to-end tests on CodeBuild (the seed's article, fixed): the karate-chrome image from a
 * repository of the stack, a generated buildspec that starts the browser, checks the pinned Karate
 * jar and runs the features, reports in an encrypted bucket (one prefix per build) and a CUCUMBERJSON
 * report group, builds on push and on a schedule, and an e-mail when a build fails.
 *
 * The image comes from an ECR repository of the stack, not a pull-through cache rule: a Docker Hub
 * rule needs a Secrets Manager secret `ecr-pullthroughcache/...` holding a Docker Hub user name and
 * access token (ECR User Guide, "Creating a pull through cache rule in Amazon ECR" and "Storing
 * your upstream repository credentials in an AWS Secrets Manager secret"): a personal credential to
 * rotate and pay for, and each new tag is still fetched from Docker Hub on first use. A repository
 * filled once (`docker pull`, `docker tag`, `docker push`, in the README) keeps the pinned image
 * under the stack's control; its tags are immutable, so a pinned tag always names the same image.
 */
export class CodeBuildE2E extends pulumi.ComponentResource {
    public readonly projectName: pulumi.Output<string>;
    public readonly reportBucketName: pulumi.Output<string>;
    /** Where a build's reports are: `s3://<bucket>/karate/<build id>/karate-reports/karate-summary.html`. */
    public readonly reportsLocation: pulumi.Output<string>;
    public readonly reportGroupArn: pulumi.Output<string>;
    public readonly repositoryUrl: pulumi.Output<string>;
    public readonly image: pulumi.Output<string>;
    public readonly buildRoleArn: pulumi.Output<string>;
    public readonly qaReaderRoleArn: pulumi.Output<string>;
    public readonly alertTopicArn: pulumi.Output<string>;
    /** The GitHub connection (to complete in the console once), when the source is GitHub. */
    public readonly connectionArn?: pulumi.Output<string>;

    constructor(name: string, args: CodeBuildE2EArgs, opts?: pulumi.ComponentResourceOptions) {
        super("analytics:index:CodeBuildE2E", name, {}, opts);
        const parent: pulumi.Resource = this;
        const { placement, region } = args;
        const accountId = aws.getCallerIdentityOutput({}, { parent }).accountId;
        const partition = aws.getPartitionOutput({}, { parent }).partition;
        const tags = tagsFor(placement);

        const projectName = physicalName(placement, "e2e", "codebuild-project");
        const projectArn = pulumi.interpolate`arn:${partition}:codebuild:${region}:${accountId}:project/${projectName}`;
        // CodeBuild's default log group name; created here so that it has a retention and a key.
        const logGroupName = checkName("log-group", `/aws/codebuild/${projectName}`, placement.stack);

        const key = platformKey(`${name}-key`, {
            placement,
            accountId,
            partition,
            description: `Encrypts the ${placement.project} ${placement.stack} Karate reports, build artifacts and logs`,
            aliasLogical: "e2e",
            kmsDeletionWindowDays: args.kmsDeletionWindowDays,
            // Only for this project's log group.
            serviceStatements: [cloudWatchLogsKeyStatement("CloudWatchLogsEncryptsTheBuildLogs", { region, partition, accountId }, [logGroupName])],
            protection: args.protection,
            tags,
        }, parent);

        // The report bucket's server access logs (who opened which report) in a log bucket of its own,
        // so that the component does not depend on the data lake being switched on.
        const accessLogs = accessLogBucket(`${name}-access-logs`, {
            placement,
            logical: "e2e-logs",
            protection: args.protection,
            expirationDays: args.accessLogExpirationDays,
            accountId,
        }, parent);
        const reports = secureBucket(`${name}-reports`, {
            namePrefix: physicalName(placement, "e2e-reports", "s3-bucket-prefix"),
            encryption: { kmsKeyArn: key.arn },
            protection: args.protection,
            accessLogs: { bucket: accessLogs.bucket.bucket, prefix: "e2e-reports/" },
            expirationDays: args.reportExpirationDays,
            tags: tagsFor(placement, { [PURPOSE_TAG]: BUCKET_PURPOSES.e2eReports }),
        }, parent);

        const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
            name: logGroupName,
            retentionInDays: args.logRetentionDays,
            kmsKeyId: key.arn,
            tags,
        }, deleteBeforeReplace({ parent }));

        const repository = new aws.ecr.Repository(`${name}-image`, {
            name: physicalName(placement, "karate-chrome", "ecr-repository"),
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            // AES256 (ECR's own keys): a KMS repository needs the pushing and pulling identities
            // to hold kms:CreateGrant/Decrypt on the key, for an image that is public anyway.
            encryptionConfigurations: [{ encryptionType: "AES256" }],
            forceDelete: !args.protection.protectData,
            tags,
        }, deleteBeforeReplace({ parent }));
        new aws.ecr.LifecyclePolicy(`${name}-image-lifecycle`, {
            repository: repository.name,
            policy: JSON.stringify({
                rules: [
                    {
                        rulePriority: 1,
                        description: "untagged images (left by a re-push) expire",
                        selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: args.image.untaggedExpirationDays },
                        action: { type: "expire" },
                    },
                    {
                        rulePriority: 2,
                        description: "keep the newest images only: the pinned one must be among them",
                        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: args.image.maxImages },
                        action: { type: "expire" },
                    },
                ],
            }),
        }, { parent: repository });
        const image = args.image.digest !== undefined
            ? pulumi.interpolate`${repository.repositoryUrl}@${args.image.digest}`
            : pulumi.interpolate`${repository.repositoryUrl}:${args.image.tag}`;

        const reportGroup = new aws.codebuild.ReportGroup(`${name}-report-group`, {
            name: physicalName(placement, "e2e-karate", "codebuild-report-group"),
            type: "TEST",
            // The raw reports are in the bucket already; the group keeps the parsed results for the console.
            exportConfig: { type: "NO_EXPORT" },
            deleteReports: !args.protection.protectData,
            tags,
        }, deleteBeforeReplace({ parent }));

        const source = projectSource(name, args, parent);
        const arns: E2eArns = {
            region,
            partition,
            accountId,
            reportBucketArn: reports.bucket.arn,
            keyArn: key.arn,
            projectArn,
            reportGroupArn: reportGroup.arn,
            logGroupArn: logGroup.arn,
            repositoryArn: repository.arn,
            source: source.forPolicy(partition, accountId),
        };

        const buildRole = new aws.iam.Role(`${name}-build-role`, {
            name: physicalName(placement, "e2e-build", "iam-role"),
            description: "Service role of the Karate E2E CodeBuild project: its logs, reports, image and source only",
            // CodeBuild sends aws:SourceAccount and aws:SourceArn when it assumes a service role
            // ("Cross-service confused deputy prevention", CodeBuild User Guide): pinned to this project.
            assumeRolePolicy: policyDocument([{
                Sid: "CodeBuildForThisProject",
                Effect: "Allow",
                Action: "sts:AssumeRole",
                Principal: { Service: "codebuild.amazonaws.com" },
                Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": projectArn } },
            }]),
            tags: tagsFor(placement, { [PERSONA_TAG]: "e2e-build" }),
        }, deleteBeforeReplace({ parent }));
        const buildPolicy = new aws.iam.RolePolicy(`${name}-build-policy`, {
            role: buildRole.name,
            name: "karate-e2e-build",
            policy: policyDocument(buildRoleStatements(arns)),
        }, deleteBeforeReplace({ parent: buildRole }));

        const buildspec = reportGroup.arn.apply((reportGroupArn) => renderBuildspec({
            karateVersion: args.karate.version,
            karateSha256: args.karate.sha256,
            features: args.features,
            karateEnv: args.karateEnv,
            browserPort: args.browserPort,
            browserWaitSeconds: args.browserWaitSeconds,
            reportGroupArn,
        }));

        // CreateProject fails while IAM has not propagated the new role ("CodeBuild is not authorized to
        // perform: sts:AssumeRole"); the provider retries it for five minutes (terraform-provider-aws,
        // internal/service/codebuild/project.go), so no Sleep is needed here.
        const project = new aws.codebuild.Project(`${name}-project`, {
            name: projectName,
            description: `Karate end-to-end tests of ${placement.project} ${placement.stack}`,
            serviceRole: buildRole.arn,
            encryptionKey: key.arn,
            buildTimeout: args.timeoutMinutes,
            source: { ...source.projectSource, buildspec },
            sourceVersion: `refs/heads/${args.source.branch}`,
            environment: {
                type: "LINUX_CONTAINER",
                computeType: args.computeType,
                image,
                imagePullCredentialsType: "SERVICE_ROLE",
                privilegedMode: false,
            },
            // Per build: s3://<bucket>/karate/<build id>/karate-reports/ (namespaceType BUILD_ID).
            artifacts: {
                type: "S3",
                location: reports.bucket.bucket,
                path: REPORTS_PREFIX.replace(/\/$/, ""),
                namespaceType: "BUILD_ID",
                name: REPORTS_ARTIFACT_NAME,
                packaging: "NONE",
                overrideArtifactName: false,
                encryptionDisabled: false,
            },
            logsConfig: {
                cloudwatchLogs: { status: "ENABLED", groupName: logGroup.name },
                s3Logs: { status: "DISABLED" },
            },
            tags,
        }, deleteBeforeReplace({ parent, dependsOn: [buildPolicy, ...reports.ready] }));

        const failedRuleName = physicalName(placement, "e2e-failed", "eventbridge-rule");
        const alerts = alertTopic(`${name}-alerts`, {
            placement,
            region,
            accountId,
            partition,
            logical: "e2e-alerts",
            description: "Karate E2E build alerts",
            eventRuleNames: [failedRuleName],
            emails: args.notificationEmails,
            kmsDeletionWindowDays: args.kmsDeletionWindowDays,
            protection: args.protection,
        }, parent);
        const failed = new aws.cloudwatch.EventRule(`${name}-failed`, {
            name: failedRuleName,
            description: `A Karate E2E build of ${projectName} failed`,
            eventPattern: JSON.stringify({
                source: ["aws.codebuild"],
                "detail-type": ["CodeBuild Build State Change"],
                detail: { "build-status": ["FAILED", "FAULT", "TIMED_OUT"], "project-name": [projectName] },
            }),
            tags,
        }, deleteBeforeReplace({ parent }));
        new aws.cloudwatch.EventTarget(`${name}-failed-alert`, {
            rule: failed.name,
            arn: alerts.topic.arn,
            inputTransformer: {
                inputPaths: { build: "$.detail.build-id", status: "$.detail.build-status", project: "$.detail.project-name" },
                inputTemplate: "\"Karate E2E build <build> of <project> ended <status>: open its karate-summary.html under karate/ in the report bucket.\"",
            },
        }, { parent: failed, dependsOn: [alerts.policy] });

        buildTriggers(name, args, { project, projectArn, partition, accountId }, parent);

        const qaReader = new aws.iam.Role(`${name}-qa-reader`, {
            name: physicalName(placement, "qa-reader", "iam-role"),
            description: "QA reader: reads the Karate reports and report group, starts builds; cannot change the project",
            assumeRolePolicy: peopleTrustPolicy(args.peopleTrust),
            maxSessionDuration: 3600,
            tags: tagsFor(placement, { [PERSONA_TAG]: "qa-reader" }),
        }, deleteBeforeReplace({ parent }));
        new aws.iam.RolePolicy(`${name}-qa-reader-policy`, {
            role: qaReader.name,
            name: "karate-e2e-qa-reader",
            policy: policyDocument(qaReaderStatements(arns)),
        }, deleteBeforeReplace({ parent: qaReader }));

        this.projectName = project.name;
        this.reportBucketName = reports.bucket.bucket;
        this.reportsLocation = pulumi.interpolate`s3://${reports.bucket.bucket}/${REPORTS_PREFIX}`;
        this.reportGroupArn = reportGroup.arn;
        this.repositoryUrl = repository.repositoryUrl;
        this.image = image;
        this.buildRoleArn = buildRole.arn;
        this.qaReaderRoleArn = qaReader.arn;
        this.alertTopicArn = alerts.topic.arn;
        this.connectionArn = source.connectionArn;
        this.registerOutputs({
            projectName: this.projectName,
            reportBucketName: this.reportBucketName,
            reportGroupArn: this.reportGroupArn,
            repositoryUrl: this.repositoryUrl,
            buildRoleArn: this.buildRoleArn,
            qaReaderRoleArn: this.qaReaderRoleArn,
            alertTopicArn: this.alertTopicArn,
        });
    }
}

