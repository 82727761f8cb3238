import * as pulumi from "@pulumi/pulumi";
import { permissionsBoundaryTransformations } from "../../components/common/permissionsBoundary";
import { checkPlacementNames, type Placement } from "../../components/common/naming";
import { pipelineSpec } from "../../components/sageMakerEndpointPipeline/pipelineSpec";
import { SageMakerEndpointPipeline } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointPipeline";
import { ConfigError } from "../../config";
import { pipelineSchema } from "../../config/sageMakerEndpointPipeline";
import type { PipelineEnvironment } from "./pipelineEnvironment";

/** The stack config keys (in the pipelines' project namespace) the program reads. */
export const PIPELINE_CONFIG_KEY = "pipeline";
export const ENVIRONMENT_CONFIG_KEY = "environment";

/**
 * The inline program of a pipeline's stack: one SageMakerEndpointPipeline built from the stack's
 * config (validated again here, so a stack whose config was edited by hand fails before any
 * resource), with the platform environment's permissions boundary on its roles.
 */
export function pipelineProgram(projectName: string) {
    return (): Record<string, unknown> => {
        const config = new pulumi.Config(projectName);
        const parsed = pipelineSchema.safeParse(config.requireObject(PIPELINE_CONFIG_KEY));
        if (!parsed.success) {
            throw new ConfigError(parsed.error.issues.map((i) => `${PIPELINE_CONFIG_KEY}.${i.path.join(".")}: ${i.message}`));
        }
        const environment = config.requireObject<PipelineEnvironment>(ENVIRONMENT_CONFIG_KEY);
        const placement: Placement = { project: pulumi.getProject(), stack: pulumi.getStack(), tags: environment.tags };
        checkPlacementNames(placement);
        const pipeline = new SageMakerEndpointPipeline(parsed.data.name, {
            ...pipelineSpec(parsed.data),
            placement,
            region: environment.region,
            peopleTrust: environment.peopleTrust,
            alertEmails: environment.alertEmails,
            kmsDeletionWindowDays: environment.kmsDeletionWindowDays,
            logRetentionDays: environment.logRetentionDays,
            protection: environment.protection,
        }, { transformations: permissionsBoundaryTransformations(environment.permissionsBoundary) });
        return {
            endpointName: pipeline.endpointName,
            endpointArn: pipeline.endpointArn,
            executionRoleArn: pipeline.executionRoleArn,
            callerRoleArn: pipeline.callerRoleArn,
            imageUri: pipeline.imageUri,
            keyArn: pipeline.keyArn,
            alertTopicArn: pipeline.alertTopicArn,
            // Present only when a monitor is on (an undefined stack output is dropped with a warning).
            ...(pipeline.monitors.roleArn ? { monitoringRoleArn: pipeline.monitors.roleArn } : {}),
            ...(pipeline.monitors.dataQuality ? { dataQualityMonitor: pipeline.monitors.dataQuality } : {}),
        };
    };
}
