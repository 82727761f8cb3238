import * as pulumi from "@pulumi/pulumi";
import { E2E_REPORTS_PREFIX } from "../../personas/personaNames";
import { Statement } from "../common/policyDocument";
import { kmsViaService } from "../common/servicePrincipal";

/** The prefix of the report bucket every build's reports go under (`<prefix><build id>/karate-reports/`). */
export const REPORTS_PREFIX = E2E_REPORTS_PREFIX;

/** The ARNs the E2E roles' policies name. */
export interface E2eArns {
    region: string;
    partition: pulumi.Input<string>;
    accountId: pulumi.Input<string>;
    reportBucketArn: pulumi.Input<string>;
    keyArn: pulumi.Input<string>;
    projectArn: pulumi.Input<string>;
    reportGroupArn: pulumi.Input<string>;
    logGroupArn: pulumi.Input<string>;
    repositoryArn: pulumi.Input<string>;
    /** CodeCommit repository ARN or CodeConnections connection ARN. */
    source: { kind: "codecommit"; repositoryArn: pulumi.Input<string> } | { kind: "connection"; connectionArn: pulumi.Input<string>; service: "codeconnections" | "codestar-connections" };
}

/** The key used through S3 only: the role cannot decrypt or encrypt with it anywhere else. */
function viaS3(region: string) {
    return { StringEquals: { "kms:ViaService": kmsViaService("s3", region) } };
}

/**
 * What the build's service role may do: exactly what a Karate build of this project needs.
 * - Logs: write its own log group's streams (the group exists; CodeBuild creates the streams).
 * - Reports: CodeBuild's S3 artifact upload writes `karate/<build id>/karate-reports/...` with this
 *   role: s3:PutObject under the prefix, and the bucket's ACL and location, which CodeBuild reads
 *   before it uploads ("Create a CodeBuild service role", CodeBuild User Guide). No s3:ListBucket
 *   and no s3:DeleteObject: the seed needed them for `aws s3 sync --delete` into one shared prefix;
 *   each build here writes a prefix of its own and deletes nothing (the lifecycle rule expires reports).
 *   The key through S3 only, to encrypt the uploads (kms:Decrypt for multipart uploads).
 * - Report group: create and update its reports and add their test cases.
 * - Image: pull its one repository (imagePullCredentialsType SERVICE_ROLE); the ECR token has no
 *   resource-level permission.
 * - Source: git pull of the one CodeCommit repository, or use of the one connection to GitHub.
 */
export function buildRoleStatements(a: E2eArns): Statement[] {
    const source: Statement = a.source.kind === "codecommit"
        ? { Sid: "PullSource", Effect: "Allow", Action: "codecommit:GitPull", Resource: a.source.repositoryArn }
        : {
            Sid: "UseSourceConnection",
            Effect: "Allow",
            Action: [`${a.source.service}:UseConnection`, `${a.source.service}:GetConnectionToken`, `${a.source.service}:GetConnection`],
            Resource: a.source.connectionArn,
        };
    return [
        {
            Sid: "WriteOwnLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: [a.logGroupArn, pulumi.interpolate`${a.logGroupArn}:log-stream:*`],
        },
        {
            Sid: "UploadReports",
            Effect: "Allow",
            Action: "s3:PutObject",
            Resource: pulumi.interpolate`${a.reportBucketArn}/${REPORTS_PREFIX}*`,
        },
        {
            Sid: "ReportBucketOwnerAndLocation",
            Effect: "Allow",
            Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
            Resource: a.reportBucketArn,
        },
        {
            Sid: "EncryptReportsThroughS3",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt"],
            Resource: a.keyArn,
            Condition: viaS3(a.region),
        },
        {
            Sid: "WriteTestReports",
            Effect: "Allow",
            Action: ["codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases"],
            Resource: a.reportGroupArn,
        },
        {
            Sid: "PullKarateImage",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            Resource: a.repositoryArn,
        },
        { Sid: "EcrToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        source,
    ];
}

/**
 * What the QA reader may do: read the reports (bucket prefix and report group), follow builds and
 * their logs, start and stop builds. Nothing that changes the project, its role or the bucket.
 */
export function qaReaderStatements(a: E2eArns): Statement[] {
    return [
        {
            Sid: "ListReports",
            Effect: "Allow",
            Action: "s3:ListBucket",
            Resource: a.reportBucketArn,
            Condition: { StringLike: { "s3:prefix": [REPORTS_PREFIX, `${REPORTS_PREFIX}*`] } },
        },
        { Sid: "ReadReports", Effect: "Allow", Action: "s3:GetObject", Resource: pulumi.interpolate`${a.reportBucketArn}/${REPORTS_PREFIX}*` },
        { Sid: "DecryptReportsThroughS3", Effect: "Allow", Action: "kms:Decrypt", Resource: a.keyArn, Condition: viaS3(a.region) },
        {
            Sid: "FollowAndStartBuilds",
            Effect: "Allow",
            Action: ["codebuild:BatchGetProjects", "codebuild:ListBuildsForProject", "codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild", "codebuild:RetryBuild"],
            Resource: a.projectArn,
        },
        {
            Sid: "ReadTestReports",
            Effect: "Allow",
            Action: ["codebuild:BatchGetReportGroups", "codebuild:ListReportsForReportGroup", "codebuild:BatchGetReports", "codebuild:DescribeTestCases", "codebuild:GetReportGroupTrend"],
            Resource: a.reportGroupArn,
        },
        // The console lists projects and report groups before it opens one: no resource-level permission.
        { Sid: "ListInConsole", Effect: "Allow", Action: ["codebuild:ListProjects", "codebuild:ListReportGroups", "codebuild:ListReports"], Resource: "*" },
        {
            Sid: "ReadBuildLogs",
            Effect: "Allow",
            Action: ["logs:GetLogEvents", "logs:FilterLogEvents", "logs:DescribeLogStreams"],
            Resource: [a.logGroupArn, pulumi.interpolate`${a.logGroupArn}:log-stream:*`],
        },
    ];
}

/** What EventBridge may do with its role: start this project's builds (on push, on schedule). */
export function startBuildStatements(a: Pick<E2eArns, "projectArn">): Statement[] {
    return [{ Sid: "StartE2eBuilds", Effect: "Allow", Action: "codebuild:StartBuild", Resource: a.projectArn }];
}
