import { parsePlatformConfig } from "../../../config";
import { readStackConfig } from "../stackFile";
import type { Plan } from "../stackExport";
import type { SummarySection } from "./index";

/**
 * On-demand price per build minute of CodeBuild's Linux general1 compute types (EC2 compute,
 * LINUX_CONTAINER), USD, from the AWS CodeBuild pricing page (aws.amazon.com/codebuild/pricing),
 * US East (N. Virginia), as listed in 2025. Other regions cost somewhat more (Tokyo about 10-20%);
 * the free tier (100 general1.small minutes a month) is not subtracted.
 */
export const CODEBUILD_PRICE_PER_MINUTE_USD: Readonly<Record<string, number>> = {
    BUILD_GENERAL1_SMALL: 0.005,
    BUILD_GENERAL1_MEDIUM: 0.01,
    BUILD_GENERAL1_LARGE: 0.02,
};

const PROJECT = "aws:codebuild/project:Project";

/** The E2E project's compute type (from the plan) and expected builds (from the stack config), priced. */
export function codeBuildE2ESection(plan: Plan): SummarySection | undefined {
    const project = plan.resources.find((r) => r.type === PROJECT && r.urn.includes("analytics:index:CodeBuildE2E"));
    if (!project) return undefined;
    const computeType = String((project.inputs.environment as { computeType?: unknown } | undefined)?.computeType ?? "");
    const expected = expectedUsage(plan.stack);
    const price = CODEBUILD_PRICE_PER_MINUTE_USD[computeType];
    const lines = [`project ${String(project.inputs.name ?? project.urn)}: ${computeType}`];
    if (!expected) {
        lines.push("expected builds a month: not in a stack config of this project, no estimate");
    } else if (price === undefined) {
        lines.push(`no price for compute type ${computeType} in the table (tools/engine/estimates/codeBuildE2E.ts)`);
    } else {
        const minutes = expected.builds * expected.minutesPerBuild;
        lines.push(`${expected.builds} builds a month x ${expected.minutesPerBuild} min = ${minutes} build minutes at $${price}/min: about $${(minutes * price).toFixed(2)} a month (us-east-1 on-demand list price)`);
    }
    return { title: "CodeBuildE2E (Karate end-to-end tests)", lines };
}

function expectedUsage(stack: string): { builds: number; minutesPerBuild: number } | undefined {
    let values: Record<string, string>;
    try {
        values = readStackConfig(stack).config;
    } catch {
        return undefined;
    }
    const e2e = parsePlatformConfig(`Pulumi.${stack}.yaml`, values).codeBuildE2E;
    return e2e.enabled ? { builds: e2e.expectedBuildsPerMonth, minutesPerBuild: e2e.expectedMinutesPerBuild } : undefined;
}
