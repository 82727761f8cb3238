import { PersonaDefinition } from "./types";
import { assumedByPeople, cannotChangeSettings, cannotGrant, cannotPassRoles, declared, must, mustNot, notAssumedByOutsiders, notAssumedByServices, notIamAdministrator, notLakeFormationAdmin, riskMustNots } from "./expectations";

/**
 * The personas of CodeBuildE2E (Karate end-to-end tests on CodeBuild): the build's service role and
 * the QA reader. Declared only by stacks that switch the component on. Their own rows share two
 * heads, "do its E2E job: ..." and "overstep its E2E job: ...", so that the compact matrix of
 * `npm start` shows them as two lines (a failing cell still prints its whole description).
 */

const e2eEnabled: PersonaDefinition["declaredWhen"] = (config) => config.codeBuildE2E.enabled;

const notLake = [
    mustNot({ kind: "readRawObjects" }, "read raw objects of the lake bucket directly (S3 through IAM)",
        "the E2E roles have nothing to do with the data lake: remove any S3 or KMS permission on the lake from their policies"),
    notLakeFormationAdmin,
    cannotChangeSettings,
    cannotGrant,
];

export const CODE_BUILD_E2E_PERSONAS: Record<"e2e-build" | "qa-reader", PersonaDefinition> = {
    "e2e-build": {
        persona: "e2e-build",
        purpose: "CodeBuild's service role for the Karate E2E project: writes its reports and logs, pulls its image and source; nothing else",
        declaredWhen: e2eEnabled,
        expectations: [
            declared,
            must({ kind: "iam", action: "s3:PutObject", resource: "e2eReportObjects", context: { "s3:x-amz-server-side-encryption": "aws:kms" } }, "do its E2E job: upload the Karate reports under the report bucket's prefix",
                "allow s3:PutObject on `<report bucket>/karate/*` (CodeBuild's S3 artifact upload uses the service role)"),
            must({ kind: "iam", action: "logs:PutLogEvents", resource: "e2eBuildLogStream" }, "do its E2E job: write its build logs",
                "allow logs:CreateLogStream and logs:PutLogEvents on the project's log group and its streams"),
            must({ kind: "iam", action: "codebuild:BatchPutTestCases", resource: "e2eReportGroup" }, "do its E2E job: publish the Cucumber results to its report group",
                "allow codebuild:CreateReport, UpdateReport and BatchPutTestCases on the report group"),
            must({ kind: "iam", action: "ecr:BatchGetImage", resource: "e2eImageRepository" }, "do its E2E job: pull the karate-chrome image from its repository",
                "allow ecr:BatchGetImage, GetDownloadUrlForLayer and BatchCheckLayerAvailability on the repository (imagePullCredentialsType SERVICE_ROLE)"),
            must({ kind: "assumableBy", who: "service" }, "do its E2E job: be assumable by CodeBuild",
                "trust codebuild.amazonaws.com with aws:SourceAccount and aws:SourceArn pinned to the project"),
            mustNot({ kind: "assumableBy", who: "people" }, "be assumable by people",
                "trust only codebuild.amazonaws.com: remove AWS and Federated principals from the build role's trust policy"),
            mustNot({ kind: "assumableByOutsiders", services: ["codebuild.amazonaws.com"] }, "overstep its E2E job: be assumable by anyone but CodeBuild acting for this account",
                "trust only codebuild.amazonaws.com, with aws:SourceAccount (and aws:SourceArn) pinned to this account's project"),
            mustNot({ kind: "iam", action: "s3:PutObject", resource: "otherBucketObjects" }, "overstep its E2E job: write objects of any other bucket of the stack",
                "scope s3:PutObject to `<report bucket>/karate/*`"),
            mustNot({ kind: "iam", action: "codebuild:UpdateProject", resource: "e2eProject" }, "overstep its E2E job: change the E2E project (buildspec, role, image)",
                "remove codebuild:UpdateProject (and codebuild:*) from the build role's policies"),
            cannotPassRoles("the build role"),
            ...notLake,
            notIamAdministrator,
            ...riskMustNots,
        ],
        mayHold: [
            { risk: "infrastructure-modification", actions: ["kms:GenerateDataKey*", "kms:Encrypt", "kms:Decrypt"], on: ["platform-keys"], why: "the reports are SSE-KMS (through S3 only)" },
            { risk: "infrastructure-modification", actions: ["codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases"], on: ["e2e-report-group"], why: "it publishes each build's Cucumber results" },
            { risk: "infrastructure-modification", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], on: ["e2e-build-logs"], why: "it writes its build logs" },
            { risk: "data-exfiltration", actions: ["kms:Decrypt"], on: ["platform-keys"], why: "multipart uploads to an SSE-KMS bucket need kms:Decrypt (through S3 only)" },
        ],
    },
    "qa-reader": {
        persona: "qa-reader",
        // StartBuild lets a caller override the buildspec, so whoever starts builds can run commands as
        // the build role: that role is kept to the reports, logs, image and source for this reason.
        purpose: "reads the Karate reports (bucket prefix, report group, build logs) and starts builds; cannot change the project",
        declaredWhen: e2eEnabled,
        expectations: [
            declared,
            must({ kind: "iam", action: "s3:GetObject", resource: "e2eReportObjects" }, "do its E2E job: read the Karate reports (karate-summary.html)",
                "allow s3:GetObject on `<report bucket>/karate/*` and kms:Decrypt of its key through S3"),
            must({ kind: "iam", action: "codebuild:DescribeTestCases", resource: "e2eReportGroup" }, "do its E2E job: read the report group's test results",
                "allow codebuild:BatchGetReports and DescribeTestCases on the report group"),
            must({ kind: "iam", action: "codebuild:StartBuild", resource: "e2eProject" }, "do its E2E job: start a build of the E2E project",
                "allow codebuild:StartBuild on the project"),
            mustNot({ kind: "iam", action: "codebuild:UpdateProject", resource: "e2eProject" }, "overstep its E2E job: change the E2E project (buildspec, role, image)",
                "remove codebuild:UpdateProject (and codebuild:*) from the QA reader's policies"),
            mustNot({ kind: "iam", action: "codebuild:DeleteReportGroup", resource: "e2eReportGroup" }, "overstep its E2E job: delete the report group",
                "scope the QA reader's CodeBuild actions to reading reports and starting builds"),
            mustNot({ kind: "iam", action: "s3:PutObject", resource: "e2eReportObjects" }, "overstep its E2E job: write or overwrite reports",
                "allow only s3:GetObject and s3:ListBucket on the report bucket"),
            assumedByPeople,
            notAssumedByServices,
            notAssumedByOutsiders,
            cannotPassRoles("the QA reader"),
            ...notLake,
            notIamAdministrator,
            ...riskMustNots,
        ],
        mayHold: [
            // StartBuild is an escalation path (a buildspec override runs as the build role): the build role holds only its own job.
            { risk: "privilege-escalation", actions: ["codebuild:StartBuild"], on: ["e2e-project"], why: "it starts test builds, which run as the build role" },
            { risk: "infrastructure-modification", actions: ["codebuild:StartBuild", "codebuild:StopBuild", "codebuild:RetryBuild"], on: ["e2e-project"], why: "it starts, stops and retries test builds" },
            { risk: "data-exfiltration", actions: ["kms:Decrypt"], on: ["platform-keys"], why: "the reports are SSE-KMS (read through S3 only)" },
            { risk: "infrastructure-modification", actions: ["kms:Decrypt"], on: ["platform-keys"], why: "the reports are SSE-KMS (read through S3 only)" },
        ],
    },
};
