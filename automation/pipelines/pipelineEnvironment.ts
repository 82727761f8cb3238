import * as path from "node:path";
import type { DataProtection } from "../../components/common/dataProtection";
import type { PeopleTrust } from "../../components/common/personaTrust";
import { parsePlatformConfig } from "../../config";
import { readStackConfig } from "../../tools/engine/stackFile";

/**
 * What every pipeline stack shares with a platform stack: region, tags, who may assume the ML
 * engineer role, where alerts go, key deletion window, log retention, permissions boundary. The
 * service takes them from one platform stack's config (AUTOMATION_PLATFORM_STACK), so that the
 * pipelines it provisions follow the environment's rules rather than a second copy of them.
 */
export interface PipelineEnvironment {
    region: string;
    tags: Record<string, string>;
    peopleTrust: PeopleTrust;
    alertEmails: string[];
    kmsDeletionWindowDays: number;
    logRetentionDays: number;
    /** Prod keeps its data: the pipelines' keys are then protected from deletion too. */
    protection: DataProtection;
    permissionsBoundary?: string;
}

/** Reads `Pulumi.<stack>.yaml` of the platform project in `workDir`, validated as `pulumi up` would. */
export function platformEnvironment(stack: string, workDir: string): PipelineEnvironment {
    const { file, config: values } = readStackConfig(stack, workDir);
    const config = parsePlatformConfig(path.basename(file), values);
    const region = values["aws:region"];
    const pipelines = config.sageMakerEndpointPipelines;
    return {
        region,
        tags: config.environment.tags,
        peopleTrust: { trustedPrincipals: config.personas.trustedPrincipals, ...(config.personas.samlProviderArn ? { samlProviderArn: config.personas.samlProviderArn } : {}) },
        alertEmails: pipelines.enabled ? pipelines.alertEmails : [],
        kmsDeletionWindowDays: config.environment.kmsDeletionWindowDays,
        logRetentionDays: config.environment.logRetentionDays,
        protection: { protectData: config.environment.protectData, versioning: config.environment.bucketVersioning },
        ...(config.personas.permissionsBoundary ? { permissionsBoundary: config.personas.permissionsBoundary } : {}),
    };
}
