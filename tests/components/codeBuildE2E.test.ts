import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { planStack } from "../../tools/engine/run";
import { codeBuildE2ESection } from "../../tools/engine/estimates/codeBuildE2E";
import { readStackConfig } from "../../tools/engine/stackFile";
import type { ExportedResource, Plan } from "../../tools/engine/stackExport";
import { planOf } from "../helpers/plans";
import { PolicyStatement, named, ofType, statements } from "../helpers/resources";
import { configProblems } from "../helpers/configProblems";

interface Buildspec {
    version: number;
    env: { variables: Record<string, string> };
    phases: Record<string, { commands: string[] }>;
    reports: Record<string, { files: string[]; "base-directory": string; "file-format": string }>;
    artifacts: { files: string[]; "base-directory": string; name: string };
}

const project = (plan: Plan) => named(plan, "e2e-project").outputs as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const buildspecOf = (plan: Plan) => parse(project(plan).source.buildspec as string) as Buildspec;
const index = (commands: string[], part: string) => {
    const i = commands.findIndex((c) => c.includes(part));
    expect(i, `a command with ${part} in\n${commands.join("\n")}`).to.be.greaterThan(-1);
    return i;
};

/** Action -> resources of a policy's Allow statements (both as sorted lists). */
function grants(document: unknown): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const s of statements(document) as PolicyStatement[]) {
        expect(s.Effect).to.equal("Allow");
        for (const action of [s.Action].flat()) result[action] = [...(result[action] ?? []), ...[s.Resource ?? []].flat()].sort();
    }
    return result;
}

describe("CodeBuildE2E (Karate on CodeBuild)", function () {
    let dev: Plan;
    let prod: Plan;
    before(async () => {
        [dev, prod] = await Promise.all([planOf("dev"), planOf("prod")]);
    });

    describe("the generated buildspec", () => {
        it("is YAML whose phases start the browser, fetch and check the pinned jar, then run the features", () => {
            const { config } = readStackConfig("dev");
            const karate = JSON.parse(config["analytics-platform:codeBuildE2E"]).karate as { version: string; sha256: string };
            const spec = buildspecOf(dev);
            expect(spec.version).to.equal(0.2);
            expect(Object.keys(spec.phases)).to.deep.equal(["pre_build", "build"]);
            expect(spec.env.variables).to.include({ KARATE_VERSION: karate.version, KARATE_SHA256: karate.sha256, BROWSER_PORT: "9222" });
            const pre = spec.phases.pre_build.commands;
            const start = index(pre, "nohup /entrypoint.sh");
            const wait = index(pre, "json/version");
            const download = index(pre, "curl -fsSL -o lib/karate.jar");
            const check = index(pre, "sha256sum -c");
            expect([start, wait, download, check]).to.deep.equal([start, wait, download, check].sort((a, b) => a - b));
            expect(pre[download]).to.include("releases/download/v${KARATE_VERSION}/karate-${KARATE_VERSION}.jar");
            expect(pre[check]).to.equal('echo "${KARATE_SHA256}  lib/karate.jar" | sha256sum -c -');
            expect(pre[wait]).to.match(/^timeout 60 /).and.to.include("exit 1");
            expect(spec.phases.build.commands).to.deep.equal(["java -jar lib/karate.jar -f cucumber:json -e dev src/test"]);
        });

        it("does not download the AWS CLI: reports leave as the project's S3 artifacts, one prefix per build, and as a CUCUMBERJSON report", () => {
            const text = project(dev).source.buildspec as string;
            expect(text).not.to.match(/awscli|aws s3|pip install/);
            const spec = buildspecOf(dev);
            expect(spec.artifacts).to.deep.equal({ files: ["**/*"], "base-directory": "target/karate-reports", name: "karate-reports" });
            const reportGroupArn = named(dev, "e2e-report-group").outputs.arn as string;
            expect(spec.reports).to.deep.equal({ [reportGroupArn]: { files: ["**/*.json"], "base-directory": "target/karate-reports", "file-format": "CUCUMBERJSON" } });
            const bucket = ofType(dev, "aws:s3/bucket:Bucket").find((b) => (b.outputs.tags as Record<string, string>).purpose === "e2e-reports")!;
            expect(project(dev).artifacts).to.deep.include({
                type: "S3", location: bucket.outputs.bucket, path: "karate", namespaceType: "BUILD_ID", name: "karate-reports", packaging: "NONE", encryptionDisabled: false,
            });
        });
    });

    describe("the project", () => {
        it("pulls the pinned image from the stack's repository with its service role, unprivileged, encrypted, logged", () => {
            for (const [plan, pin] of [[dev, ":1.4.1"], [prod, "@sha256:"]] as const) {
                const p = project(plan);
                const repository = named(plan, "e2e-image").outputs;
                expect(p.environment.image).to.equal(`${repository.repositoryUrl}${pin}${pin.startsWith("@") ? (p.environment.image as string).split("@sha256:")[1] : ""}`);
                expect(p.environment).to.include({ imagePullCredentialsType: "SERVICE_ROLE", privilegedMode: false, type: "LINUX_CONTAINER" });
                expect(repository.imageTagMutability).to.equal("IMMUTABLE");
                expect(p.encryptionKey).to.equal(named(plan, "e2e-key").outputs.arn);
                const logGroup = named(plan, "e2e-logs").outputs;
                expect(p.logsConfig.cloudwatchLogs).to.deep.equal({ status: "ENABLED", groupName: logGroup.name });
                expect(logGroup.kmsKeyId).to.equal(named(plan, "e2e-key").outputs.arn);
            }
            expect(named(dev, "e2e-logs").outputs.retentionInDays).to.equal(14);
            expect(named(prod, "e2e-logs").outputs.retentionInDays).to.equal(365);
            expect(JSON.parse(named(dev, "e2e-image-lifecycle").outputs.policy as string).rules.map((r: { selection: { tagStatus: string } }) => r.selection.tagStatus)).to.deep.equal(["untagged", "any"]);
        });

        it("keeps prod's reports and keys, and lets dev's go", () => {
            expect(named(prod, "e2e-reports").protect).to.equal(true);
            expect(named(prod, "e2e-key").protect).to.equal(true);
            expect(named(dev, "e2e-reports").protect).to.equal(false);
        });
    });

    describe("the build's service role", () => {
        const roleAndPolicy = (plan: Plan) => ({ role: named(plan, "e2e-build-role"), policy: named(plan, "e2e-build-policy") });
        const arn = (plan: Plan, name: string) => named(plan, name).outputs.arn as string;

        it("allows exactly what the build needs, on its own resources", () => {
            for (const plan of [dev, prod]) {
                const bucketArn = arn(plan, "e2e-reports");
                const key = arn(plan, "e2e-key");
                const logGroup = arn(plan, "e2e-logs");
                const expected: Record<string, string[]> = {
                    "logs:CreateLogStream": [logGroup, `${logGroup}:log-stream:*`],
                    "logs:PutLogEvents": [logGroup, `${logGroup}:log-stream:*`],
                    "s3:PutObject": [`${bucketArn}/karate/*`],
                    "s3:GetBucketAcl": [bucketArn],
                    "s3:GetBucketLocation": [bucketArn],
                    "kms:GenerateDataKey": [key],
                    "kms:Encrypt": [key],
                    "kms:Decrypt": [key],
                    "codebuild:CreateReport": [arn(plan, "e2e-report-group")],
                    "codebuild:UpdateReport": [arn(plan, "e2e-report-group")],
                    "codebuild:BatchPutTestCases": [arn(plan, "e2e-report-group")],
                    "ecr:BatchCheckLayerAvailability": [arn(plan, "e2e-image")],
                    "ecr:GetDownloadUrlForLayer": [arn(plan, "e2e-image")],
                    "ecr:BatchGetImage": [arn(plan, "e2e-image")],
                    "ecr:GetAuthorizationToken": ["*"],
                };
                if (plan === dev) {
                    const connection = arn(dev, "e2e-github");
                    Object.assign(expected, { "codeconnections:UseConnection": [connection], "codeconnections:GetConnectionToken": [connection], "codeconnections:GetConnection": [connection] });
                } else {
                    expected["codecommit:GitPull"] = ["arn:aws:codecommit:ap-northeast-1:123456789012:web-e2e-tests"];
                }
                for (const [action, resources] of Object.entries(expected)) expected[action] = resources.sort();
                const { policy } = roleAndPolicy(plan);
                expect(grants(policy.outputs.policy)).to.deep.equal(expected);
                const kms = statements(policy.outputs.policy).find((s) => s.Sid === "EncryptReportsThroughS3");
                expect(kms?.Condition).to.deep.equal({ StringEquals: { "kms:ViaService": "s3.ap-northeast-1.amazonaws.com" } });
            }
        });

        it("names no other bucket of the stack", () => {
            const document = JSON.stringify(roleAndPolicy(dev).policy.outputs.policy);
            const others = ofType(dev, "aws:s3/bucket:Bucket").filter((b) => (b.outputs.tags as Record<string, string>).purpose !== "e2e-reports");
            expect(others.length).to.be.greaterThan(2);
            for (const bucket of others) expect(document).not.to.include(bucket.outputs.bucket as string);
        });

        it("is assumable by CodeBuild for this project of this account only", () => {
            const trust = statements(roleAndPolicy(dev).role.outputs.assumeRolePolicy);
            expect(trust).to.deep.equal([{
                Sid: "CodeBuildForThisProject", Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "codebuild.amazonaws.com" },
                Condition: { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:codebuild:ap-northeast-1:123456789012:project/analytics-platform-dev-e2e" } },
            }]);
        });
    });

    describe("builds and alerts", () => {
        const targetsOf = (plan: Plan, rule: ExportedResource) => ofType(plan, "aws:cloudwatch/eventTarget:EventTarget").filter((t) => t.outputs.rule === rule.outputs.name);

        it("builds a GitHub source on push to the branch through a webhook and its connection", () => {
            const webhook = ofType(dev, "aws:codebuild/webhook:Webhook");
            expect(webhook.map((w) => w.outputs.filterGroups)).to.deep.equal([[{ filters: [{ type: "EVENT", pattern: "PUSH" }, { type: "HEAD_REF", pattern: "^refs/heads/main$" }] }]]);
            expect(project(dev).source).to.deep.include({ type: "GITHUB", location: "https://github.com/example-org/web-e2e-tests.git", auth: { type: "CODECONNECTIONS", resource: named(dev, "e2e-github").outputs.arn } });
            expect(ofType(dev, "aws:iam/role:Role").map((r) => r.outputs.name)).not.to.include("analytics-platform-dev-e2e-trigger");
        });

        it("leaves the webhook out while the connection it created waits for the console handshake", async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-pending-"));
            try {
                for (const entry of ["Pulumi.yaml", "index.ts", "config", "components", "personas", "node_modules"]) fs.symlinkSync(path.resolve(entry), path.join(dir, entry));
                const yaml = fs.readFileSync("Pulumi.dev.yaml", "utf8").replace("connectionAvailable: true", "connectionAvailable: false");
                fs.writeFileSync(path.join(dir, "Pulumi.pending.yaml"), yaml);
                const pending = await planStack("pending", dir);
                expect(ofType(pending, "aws:codebuild/webhook:Webhook")).to.have.length(0);
                expect(ofType(pending, "aws:codeconnections/connection:Connection")).to.have.length(1);
                expect(ofType(pending, "aws:codebuild/project:Project")).to.have.length(1);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        it("builds a CodeCommit source on push and on schedule through EventBridge rules that may only start this project", () => {
            const onPush = named(prod, "e2e-e2e-on-push");
            expect(JSON.parse(onPush.outputs.eventPattern as string)).to.deep.include({
                source: ["aws.codecommit"],
                detail: { event: ["referenceCreated", "referenceUpdated"], referenceType: ["branch"], referenceName: ["main"] },
            });
            expect(named(prod, "e2e-e2e-schedule").outputs.scheduleExpression).to.equal("cron(0 18 ? * MON-FRI *)");
            const role = named(prod, "e2e-trigger-role");
            for (const rule of [onPush, named(prod, "e2e-e2e-schedule")]) {
                expect(targetsOf(prod, rule).map((t) => [t.outputs.arn, t.outputs.roleArn])).to.deep.equal([[named(prod, "e2e-project").outputs.arn, role.outputs.arn]]);
            }
            expect(grants(named(prod, "e2e-trigger-policy").outputs.policy)).to.deep.equal({ "codebuild:StartBuild": [named(prod, "e2e-project").outputs.arn] });
            expect(ofType(prod, "aws:codebuild/webhook:Webhook")).to.have.length(0);
        });

        it("sends a failed build of this project to the encrypted alert topic, which only that rule may publish to", () => {
            const failed = named(prod, "e2e-failed");
            expect(JSON.parse(failed.outputs.eventPattern as string)).to.deep.equal({
                source: ["aws.codebuild"], "detail-type": ["CodeBuild Build State Change"],
                detail: { "build-status": ["FAILED", "FAULT", "TIMED_OUT"], "project-name": ["analytics-platform-prod-e2e"] },
            });
            const topic = named(prod, "e2e-alerts");
            expect(targetsOf(prod, failed).map((t) => t.outputs.arn)).to.deep.equal([topic.outputs.arn]);
            expect(topic.outputs.kmsMasterKeyId).to.equal(named(prod, "e2e-alerts-key").outputs.arn);
            const publish = statements(named(prod, "e2e-alerts-policy").outputs.policy).find((s) => s.Sid === "EventBridgeRulesPublish");
            expect(publish?.Condition).to.deep.equal({ ArnEquals: { "aws:SourceArn": [failed.outputs.arn] } });
            expect(ofType(prod, "aws:sns/topicSubscription:TopicSubscription").filter((s) => s.inputs.topic === topic.outputs.arn).map((s) => s.outputs.endpoint).sort()).to.deep.equal(["qa-team@example.com", "web-oncall@example.com"]);
        });
    });

    describe("the plan summary", () => {
        it("prices the project from its compute type and the config's expected builds", () => {
            expect(codeBuildE2ESection(dev)?.lines).to.deep.equal([
                "project analytics-platform-dev-e2e: BUILD_GENERAL1_SMALL",
                "200 builds a month x 8 min = 1600 build minutes at $0.005/min: about $8.00 a month (us-east-1 on-demand list price)",
            ]);
            expect(codeBuildE2ESection(prod)?.lines[1]).to.equal("120 builds a month x 12 min = 1440 build minutes at $0.01/min: about $14.40 a month (us-east-1 on-demand list price)");
            expect(codeBuildE2ESection({ ...dev, resources: dev.resources.filter((r) => r.type !== "aws:codebuild/project:Project") })).to.equal(undefined);
        });
    });

    describe("its config", () => {
        const problemsWith = (change: (e2e: Record<string, any>) => void): string[] => { // eslint-disable-line @typescript-eslint/no-explicit-any
            const { config } = readStackConfig("dev");
            const e2e = JSON.parse(config["analytics-platform:codeBuildE2E"]);
            change(e2e);
            config["analytics-platform:codeBuildE2E"] = JSON.stringify(e2e);
            return configProblems("Pulumi.dev.yaml", config);
        };

        it("names the file, key, expectation and finding of each mistake", () => {
            expect(problemsWith((e) => (e.image = { tag: "1.4.1", digest: `sha256:${"a".repeat(64)}` }))).to.deep.equal([
                "Pulumi.dev.yaml: analytics-platform:codeBuildE2E.image.tag: expected exactly one of tag or digest (the image must be pinned), found both",
            ]);
            expect(problemsWith((e) => (e.image = {}))[0]).to.match(/codeBuildE2E\.image\.tag: expected exactly one of tag or digest .* found neither/);
            expect(problemsWith((e) => (e.karate.sha256 = "abc"))[0]).to.match(/^Pulumi\.dev\.yaml: analytics-platform:codeBuildE2E\.karate\.sha256: expected a SHA-256 checksum/);
            expect(problemsWith((e) => (e.schedule = "daily"))[0]).to.match(/codeBuildE2E\.schedule: expected an AWS cron expression.*found "daily"/);
            expect(problemsWith((e) => (e.source = { type: "gitlab", branch: "main" }))[0]).to.match(/codeBuildE2E\.source\.type: /);
            expect(problemsWith((e) => (e.computeType = "BUILD_GENERAL1_2XLARGE"))[0]).to.match(/codeBuildE2E\.computeType: /);
            expect(problemsWith((e) => (e.enabled = false))).to.deep.equal([]);
        });
    });
});
