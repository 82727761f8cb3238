/**
 * The components another Pulumi program can use: `import { DataLake, AthenaAnalystRole } from
 * "analytics-platform/components"` (built by `npm run build`; see docs/reuse.md). Everything a
 * component needs comes in through its arguments, never from this project's stack config.
 */
export { DataLake } from "./dataLake/dataLake";
export type { DataLakeArgs, Dataset } from "./dataLake/dataLake";
export { AthenaAnalystRole } from "./athenaAnalystRole/athenaAnalystRole";
export type { AthenaAnalystRoleArgs, AnalystTable, LakeForAnalysts } from "./athenaAnalystRole/athenaAnalystRole";
export { CodeBuildE2E } from "./codeBuildE2E/codeBuildE2E";
export type { CodeBuildE2EArgs, E2eSource } from "./codeBuildE2E/codeBuildE2E";
export { WebAppMonitor } from "./webAppMonitor/webAppMonitor";
export type { WebAppMonitorArgs, WebAppMonitorAlarms, RumTelemetry } from "./webAppMonitor/webAppMonitor";
export type { Placement } from "./common/naming";
export type { DataProtection } from "./common/dataProtection";
export type { PeopleTrust } from "./common/personaTrust";
export { SageMakerEndpointPipeline } from "./sageMakerEndpointPipeline/sageMakerEndpointPipeline";
export { SageMakerEndpointMonitors } from "./sageMakerEndpointPipeline/sageMakerEndpointMonitors";
export type * from "./sageMakerEndpointPipeline/sageMakerEndpointPipelineArgs";
export { SageMakerMlEngineerRole } from "./sageMakerEndpointPipeline/mlEngineerRole";
export type { SageMakerMlEngineerRoleArgs, MlEngineerPipeline } from "./sageMakerEndpointPipeline/mlEngineerRole";
// The detector bundles its handlers with esbuild when it plans: the package ships their sources
// (functions/, package.json's "files") and depends on esbuild, so a program that installs it can
// plan one (tests/build/reuse.test.ts bundles both handlers from the built package).
export { AnomalyDetector } from "./anomalyDetector/anomalyDetector";
export type { AnomalyDetectorArgs, DetectorSource } from "./anomalyDetector/anomalyDetector";
