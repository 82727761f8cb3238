import { z } from "zod";
import { cronExpression, retentionDays, switchable } from "./primitives";

/**
 * The CodeBuildE2E component's settings (`analytics-platform:codeBuildE2E`): Karate end-to-end
 * tests run by CodeBuild in the karate-chrome image, reports in a bucket of the stack.
 */

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 checksum: 64 lower-case hex characters");

/**
 * The karate-chrome image in the stack's ECR repository, pinned: a tag (the repository's tags are
 * immutable, so a tag names one image for good) or a digest, exactly one.
 */
const imageSchema = z
    .strictObject({
        tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "a Docker image tag").optional(),
        digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, "an image digest sha256:<64 hex>").optional(),
        /** Untagged images (an overwritten push) expire after this many days (the lifecycle policy). */
        untaggedExpirationDays: z.number().int().min(1).max(3650).default(7),
        /** The repository keeps at most this many images (the oldest expire first). */
        maxImages: z.number().int().min(1).max(1000).default(5),
    })
    .superRefine((image, ctx) => {
        if ((image.tag === undefined) === (image.digest === undefined)) {
            ctx.addIssue({
                code: "custom",
                path: ["tag"],
                message: `expected exactly one of tag or digest (the image must be pinned), found ${image.tag === undefined ? "neither" : "both"}`,
            });
        }
    });

/** The standalone Karate jar the build downloads: its release and the jar's SHA-256. */
const karateSchema = z.strictObject({
    version: z.string().regex(/^\d+\.\d+\.\d+(?:\.RC\d+)?$/, "a Karate release version such as 1.4.1"),
    sha256: sha256Hex,
});

const branch = z.string().regex(/^[A-Za-z0-9._/-]{1,255}$/, "a Git branch name").refine((b) => !b.startsWith("/") && !b.endsWith("/") && !b.includes(".."), "a Git branch name");

const codeCommitSource = z.strictObject({
    type: z.literal("codecommit"),
    /** An existing CodeCommit repository of this account and region (CodeCommit is closed to new customers). */
    repositoryName: z.string().regex(/^[\w.-]{1,100}$/, "a CodeCommit repository name"),
    branch,
});

const gitHubSource = z.strictObject({
    type: z.literal("github"),
    owner: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "a GitHub user or organisation name"),
    repository: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "a GitHub repository name"),
    branch,
    /**
     * An existing CodeConnections (or CodeStar Connections) connection to GitHub. Without it the
     * stack creates one, which stays PENDING until someone completes the handshake in the console.
     */
    connectionArn: z
        .string()
        .regex(/^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[\w-]+$/, "a CodeConnections connection ARN")
        .optional(),
    /**
     * Whether the connection the stack creates has been completed in the console. CodeBuild cannot
     * create the push webhook through a PENDING connection (CreateWebhook fails: "Access denied to
     * connection", hashicorp/terraform-provider-aws#40656, aws-ia/terraform-aws-control_tower_account_factory#589),
     * so the first `pulumi up` creates the connection and the project, and the webhook follows once
     * this is true. A configured connectionArn is taken to be available.
     */
    connectionAvailable: z.boolean().default(false),
});

export const COMPUTE_TYPES = ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"] as const;

export const codeBuildE2ESchema = switchable({
    image: imageSchema,
    karate: karateSchema,
    source: z.discriminatedUnion("type", [codeCommitSource, gitHubSource]),
    /** Feature files or folders of the repository, passed to Karate. */
    features: z.array(z.string().regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, "a relative path in the repository")).min(1).default(["src/test"]),
    /** karate.env for the run (karate-config.js reads it), e.g. "dev". */
    karateEnv: z.string().regex(/^[\w-]{1,64}$/, "a karate.env name").optional(),
    /** Extra builds on a schedule, besides the builds on push: an AWS cron expression. */
    schedule: cronExpression.optional(),
    computeType: z.enum(COMPUTE_TYPES).default("BUILD_GENERAL1_MEDIUM"),
    timeoutMinutes: z.number().int().min(5).max(480).default(30),
    /** The Chrome DevTools port the image's entrypoint opens (karate-chrome: 9222). */
    browserPort: z.number().int().min(1024).max(65535).default(9222),
    /** Seconds the build waits for the browser port before it fails. */
    browserWaitSeconds: z.number().int().min(5).max(600).default(60),
    /** Days after which the reports in the report bucket expire. */
    reportExpirationDays: z.number().int().min(1).max(3650).default(30),
    /** Overrides environment.logRetentionDays for the build logs. */
    logRetentionDays: retentionDays.optional(),
    /** Who is told of a failed build (each confirms the subscription AWS mails). */
    notificationEmails: z.array(z.email()).default([]),
    /** Expected builds a month and minutes a build, for the plan summary's cost estimate. */
    expectedBuildsPerMonth: z.number().int().min(0).default(100),
    expectedMinutesPerBuild: z.number().int().min(1).max(480).default(10),
});

export type CodeBuildE2EConfig = Extract<z.infer<typeof codeBuildE2ESchema>, { enabled: true }>;
