import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PURPOSE_TAG } from "../../personas/personaNames";
import { physicalName, tagsFor } from "../common/naming";
import { policyDocument } from "../common/policyDocument";
import { serviceTrustPolicy } from "../common/personaTrust";
import { deleteBeforeReplace } from "../common/replacement";
import { E2eArns, startBuildStatements } from "./accessPolicies";
import { CodeBuildE2EArgs } from "./codeBuildE2EArgs";

/** The `purpose` tag of the role EventBridge assumes to start builds (a service's role, not a persona). */
export const E2E_TRIGGER_ROLE_PURPOSE = "e2e-build-trigger";

export interface ProjectSourceParts {
    /** The project's `source` block, without the buildspec. */
    projectSource: aws.types.input.codebuild.ProjectSource;
    /** What the service role's policy names for the source. */
    forPolicy: (partition: pulumi.Input<string>, accountId: pulumi.Input<string>) => E2eArns["source"];
    connectionArn?: pulumi.Output<string>;
}

/**
 * The project's source. CodeCommit (closed to new customers, kept for those who have it): the
 * repository's HTTPS clone URL, pulled with the service role. GitHub: through a CodeConnections
 * connection, the configured one or one made here, which AWS creates PENDING: someone with access
 * to the GitHub organisation completes it once in the console (README) before the first build.
 */
export function projectSource(name: string, args: CodeBuildE2EArgs, parent: pulumi.Resource): ProjectSourceParts {
    const { source, region } = args;
    if (source.type === "codecommit") {
        return {
            // The partition's own domain (git-codecommit.cn-north-1.amazonaws.com.cn in China).
            projectSource: { type: "CODECOMMIT", location: pulumi.interpolate`https://git-codecommit.${region}.${aws.getPartitionOutput({}, { parent }).dnsSuffix}/v1/repos/${source.repositoryName}`, gitCloneDepth: 1 },
            forPolicy: (partition, accountId) => ({ kind: "codecommit", repositoryArn: pulumi.interpolate`arn:${partition}:codecommit:${region}:${accountId}:${source.repositoryName}` }),
        };
    }
    const connectionArn = source.connectionArn !== undefined
        ? pulumi.output(source.connectionArn)
        : new aws.codeconnections.Connection(`${name}-github`, {
            name: physicalName(args.placement, "e2e-github", "codeconnections-connection"),
            providerType: "GitHub",
            tags: tagsFor(args.placement),
        }, deleteBeforeReplace({ parent })).arn;
    // An existing connection may still be a CodeStar Connections one (the service's former name).
    const service = source.connectionArn?.split(":")[2] === "codestar-connections" ? "codestar-connections" : "codeconnections";
    return {
        projectSource: {
            type: "GITHUB",
            location: `https://github.com/${source.owner}/${source.repository}.git`,
            gitCloneDepth: 1,
            reportBuildStatus: true,
            auth: { type: "CODECONNECTIONS", resource: connectionArn },
        },
        forPolicy: () => ({ kind: "connection", connectionArn, service }),
        connectionArn,
    };
}

/** The project and what rules name it by. */
export interface TriggerTarget {
    project: aws.codebuild.Project;
    projectArn: pulumi.Output<string>;
    partition: pulumi.Output<string>;
    accountId: pulumi.Output<string>;
}

/** `^refs/heads/<branch>$` with the branch's regex characters escaped (a webhook filter is a regex). */
export function headRefPattern(branch: string): string {
    return `^refs/heads/${branch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
}

/**
 * Builds on push to the configured branch (a CodeBuild webhook for GitHub, an EventBridge rule on
 * the repository's reference events for CodeCommit, which has no webhooks) and, optionally, on a
 * schedule (an EventBridge rule with the cron expression). The rules start builds with a role of
 * their own that may only start this project's builds.
 */
export function buildTriggers(name: string, args: CodeBuildE2EArgs, target: TriggerTarget, parent: pulumi.Resource): void {
    const { placement, source } = args;
    const tags = tagsFor(placement);
    // A webhook through a PENDING connection fails: it waits for the console handshake (config).
    if (source.type === "github" && (source.connectionArn !== undefined || source.connectionAvailable)) {
        new aws.codebuild.Webhook(`${name}-on-push`, {
            projectName: target.project.name,
            buildType: "BUILD",
            filterGroups: [{
                filters: [
                    { type: "EVENT", pattern: "PUSH" },
                    { type: "HEAD_REF", pattern: headRefPattern(source.branch) },
                ],
            }],
        }, { parent: target.project });
    }
    const rules: { logical: string; description: string; args: Partial<aws.cloudwatch.EventRuleArgs> }[] = [];
    if (source.type === "codecommit") {
        rules.push({
            logical: "e2e-on-push",
            description: `Karate E2E tests on push to ${source.branch} of ${source.repositoryName}`,
            args: {
                eventPattern: pulumi.jsonStringify({
                    source: ["aws.codecommit"],
                    "detail-type": ["CodeCommit Repository State Change"],
                    resources: [pulumi.interpolate`arn:${target.partition}:codecommit:${args.region}:${target.accountId}:${source.repositoryName}`],
                    detail: { event: ["referenceCreated", "referenceUpdated"], referenceType: ["branch"], referenceName: [source.branch] },
                }),
            },
        });
    }
    if (args.schedule !== undefined) {
        rules.push({ logical: "e2e-schedule", description: "Karate E2E tests on schedule", args: { scheduleExpression: args.schedule } });
    }
    if (rules.length === 0) return;

    const role = new aws.iam.Role(`${name}-trigger-role`, {
        name: physicalName(placement, "e2e-trigger", "iam-role"),
        description: "EventBridge starts the Karate E2E builds (on push, on schedule) with this role",
        assumeRolePolicy: serviceTrustPolicy("events.amazonaws.com"),
        tags: tagsFor(placement, { [PURPOSE_TAG]: E2E_TRIGGER_ROLE_PURPOSE }),
    }, deleteBeforeReplace({ parent }));
    const policy = new aws.iam.RolePolicy(`${name}-trigger-policy`, {
        role: role.name,
        name: "start-e2e-builds",
        policy: policyDocument(startBuildStatements({ projectArn: target.projectArn })),
    }, deleteBeforeReplace({ parent: role }));
    for (const rule of rules) {
        const eventRule = new aws.cloudwatch.EventRule(`${name}-${rule.logical}`, {
            name: physicalName(placement, rule.logical, "eventbridge-rule"),
            description: rule.description,
            ...rule.args,
            tags,
        }, deleteBeforeReplace({ parent }));
        new aws.cloudwatch.EventTarget(`${name}-${rule.logical}-target`, {
            rule: eventRule.name,
            arn: target.project.arn,
            roleArn: role.arn,
        }, { parent: eventRule, dependsOn: [policy] });
    }
}
