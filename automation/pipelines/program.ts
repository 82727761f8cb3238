import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { MonitorResources } from "../../components/sageMakerEndpointPipeline/monitors";
import { permissionsBoundaryTransformations } from "../../components/common/permissionsBoundary";
import { checkPlacementNames, type Placement } from "../../components/common/naming";
import { endpointMonitorsSpec, pipelineSpec } from "../../components/sageMakerEndpointPipeline/pipelineSpec";
import { SageMakerEndpointMonitors } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointMonitors";
import { SageMakerEndpointPipeline } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointPipeline";
import { ConfigError } from "../../config";
import { endpointMonitorsSchema, pipelineSchema } from "../../config/sageMakerEndpointPipeline";
import type { PipelineEnvironment } from "./pipelineEnvironment";

/** The stack config keys (in the pipelines' project namespace) the program reads. */
export const PIPELINE_CONFIG_KEY = "pipeline";
export const ENVIRONMENT_CONFIG_KEY = "environment";
/** Set instead of PIPELINE_CONFIG_KEY in a monitor-only stack (monitors of an endpoint made elsewhere). */
export const ENDPOINT_MONITORS_CONFIG_KEY = "endpointMonitors";

/**
 * The inline program of a pipeline's stack: one SageMakerEndpointPipeline (or, in a monitor-only stack,
 * one SageMakerEndpointMonitors) built from the stack's
 * config (validated again here, so a stack whose config was edited by hand fails before any
 * resource), with the platform environment's permissions boundary on its roles.
 */
export function pipelineProgram(projectName: string) {
    return (): Record<string, unknown> => {
        const config = new pulumi.Config(projectName);
        const environment = config.requireObject<PipelineEnvironment>(ENVIRONMENT_CONFIG_KEY);
        const placement: Placement = { project: pulumi.getProject(), stack: pulumi.getStack(), tags: environment.tags };
        const monitorsOnly = config.getObject(ENDPOINT_MONITORS_CONFIG_KEY);
        if (monitorsOnly !== undefined) return endpointMonitorsStack(monitorsOnly, placement, environment);
        const parsed = pipelineSchema.safeParse(config.requireObject(PIPELINE_CONFIG_KEY));
        if (!parsed.success) throw configError(PIPELINE_CONFIG_KEY, parsed.error.issues);
        checkPlacementNames(placement);
        const pipeline = new SageMakerEndpointPipeline(parsed.data.name, {
            ...pipelineSpec(parsed.data),
            ...environmentArgs(placement, environment),
            peopleTrust: environment.peopleTrust,
            alertEmails: environment.alertEmails,
            logRetentionDays: environment.logRetentionDays,
        }, boundaryOptions(environment));
        return {
            endpointName: pipeline.endpointName,
            endpointArn: pipeline.endpointArn,
            executionRoleArn: pipeline.executionRoleArn,
            callerRoleArn: pipeline.callerRoleArn,
            imageUri: pipeline.imageUri,
            keyArn: pipeline.keyArn,
            alertTopicArn: pipeline.alertTopicArn,
            ...monitorOutputs(pipeline.monitors),
        };
    };
}

/** A monitor-only stack: the monitors of an endpoint this service did not make, by its name. */
function endpointMonitorsStack(value: unknown, placement: Placement, environment: PipelineEnvironment): Record<string, unknown> {
    const parsed = endpointMonitorsSchema.safeParse(value);
    if (!parsed.success) throw configError(ENDPOINT_MONITORS_CONFIG_KEY, parsed.error.issues);
    checkPlacementNames(placement);
    const monitors = new SageMakerEndpointMonitors(parsed.data.name, {
        ...endpointMonitorsSpec(parsed.data),
        ...environmentArgs(placement, environment),
    }, boundaryOptions(environment));
    return { endpointName: monitors.endpointName, keyArn: monitors.keyArn, ...monitorOutputs(monitors.monitors) };
}

/** What both components take from the platform environment. */
function environmentArgs(placement: Placement, environment: PipelineEnvironment) {
    return { placement, region: environment.region, kmsDeletionWindowDays: environment.kmsDeletionWindowDays, protection: environment.protection };
}

/** The environment's permissions boundary on every role the component makes. */
function boundaryOptions(environment: PipelineEnvironment): pulumi.ComponentResourceOptions {
    return { transformations: permissionsBoundaryTransformations(environment.permissionsBoundary) };
}

// Present only when a monitor is on (an undefined stack output is dropped with a warning).
function monitorOutputs(monitors: MonitorResources): Record<string, unknown> {
    return {
        ...(monitors.roleArn ? { monitoringRoleArn: monitors.roleArn } : {}),
        ...(monitors.dataQuality ? { dataQualityMonitor: monitors.dataQuality } : {}),
        ...(monitors.modelQuality ? { modelQualityMonitor: monitors.modelQuality } : {}),
    };
}

function configError(key: string, issues: z.core.$ZodIssue[]): ConfigError {
    return new ConfigError(issues.map((i) => `${key}.${i.path.join(".")}: ${i.message}`));
}
