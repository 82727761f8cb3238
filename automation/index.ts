/**
 * The Automation API of the platform, for another Node service: validate orchestrator bodies,
 * provision / preview / destroy pipelines and read their status, run the platform's stacks, or
 * serve the orchestrator-compatible HTTP API. Published as `analytics-platform/automation`.
 */
export { Automation } from "./library/automation";
export type { AutomationOptions, PipelineStatus, ProvisionAnswer } from "./library/automation";
export type { PipelineStacks } from "./library/pipelineStacks";
export { validateBody } from "./body/validate";
export type { BodyRules } from "./body/validate";
export type { PipelineRequest } from "./body/pipelineRequest";
export { IMPLEMENTED_PIPELINE_TYPES, NOT_IMPLEMENTED_PIPELINE_TYPES } from "./body/pipelineTypes";
export { REQUIRED_KEYS } from "./body/requiredKeys";
export { AutomationError, BadRequestError, ConflictError, NotFoundError } from "./errors";
export { OfflineRunner } from "./runner/offlineRunner";
export { PulumiRunner } from "./runner/pulumiRunner";
export type { AutomationStack, PulumiRunnerOptions, WorkspaceFactory } from "./runner/pulumiRunner";
export type { Runner, RunResult, StackTarget, RunnerEvent } from "./runner/runner";
export type { ProgressEvent, PipelineState } from "./state/pipelineStore";
export { SageMakerPipelineStacks, PIPELINES_PROJECT } from "./pipelines/sageMakerStacks";
export { platformEnvironment } from "./pipelines/pipelineEnvironment";
export type { PipelineEnvironment } from "./pipelines/pipelineEnvironment";
export { createAutomationServer } from "./http/server";
export type { ServerOptions } from "./http/server";
export { createAutomation, settingsFromEnvironment, SettingsError } from "./settings";
export type { AutomationSettings } from "./settings";
