import * as fs from "node:fs";
import * as path from "node:path";
import { readProject, readStackConfig } from "../engine/stackFile";

/**
 * The deploying identity's ARN as the stack's config states it (`<project>:personas` →
 * `deployerRoleArn`), when the project in `cwd` has a config file for the stack. Without it the
 * deployer has no known ARN: it is then no Lake Formation admin, and only trusts that admit its
 * whole account let it assume a role.
 */
export function configuredDeployerArn(stack: string | undefined, cwd: string = process.cwd()): string | undefined {
    if (!stack || !fs.existsSync(path.join(cwd, "Pulumi.yaml"))) return undefined;
    const project = readProject(cwd);
    if (!fs.existsSync(path.join(cwd, project.stackConfigDir, `Pulumi.${stack}.yaml`))) return undefined;
    const raw = readStackConfig(stack, cwd).config[`${project.name}:personas`];
    if (raw === undefined) return undefined;
    try {
        const arn = (JSON.parse(raw) as { deployerRoleArn?: unknown } | null)?.deployerRoleArn;
        return typeof arn === "string" && arn !== "" ? arn : undefined;
    } catch {
        return undefined;
    }
}
