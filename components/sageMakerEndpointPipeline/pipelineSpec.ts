import type { EndpointMonitorsConfig, PipelineConfig } from "../../config/sageMakerEndpointPipeline";
import { EndpointMonitorsSpec, PipelineSpec } from "./sageMakerEndpointPipelineArgs";

/**
 * One pipeline of the stack config as the component's arguments take it: a switched-off monitor
 * is absent. Typed against PipelineSpec, so the config schema and the documented arguments cannot
 * drift apart unnoticed.
 */
export function pipelineSpec(p: PipelineConfig): PipelineSpec {
    return {
        ...p,
        dataQualityMonitor: p.dataQualityMonitor.enabled ? withoutEnabled(p.dataQualityMonitor) : undefined,
        modelQualityMonitor: p.modelQualityMonitor.enabled ? withoutEnabled(p.modelQualityMonitor) : undefined,
    };
}

/** The monitors of an existing endpoint as SageMakerEndpointMonitors takes them. */
export function endpointMonitorsSpec(m: EndpointMonitorsConfig): EndpointMonitorsSpec {
    return {
        ...m,
        dataQualityMonitor: m.dataQualityMonitor.enabled ? withoutEnabled(m.dataQualityMonitor) : undefined,
        modelQualityMonitor: m.modelQualityMonitor.enabled ? withoutEnabled(m.modelQualityMonitor) : undefined,
    };
}

function withoutEnabled<T extends { enabled: true }>(value: T): Omit<T, "enabled"> {
    const { enabled: _enabled, ...rest } = value;
    return rest;
}
