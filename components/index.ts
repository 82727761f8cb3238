/**
 * The components another Pulumi program can use: `import { DataLake, AthenaAnalystRole } from
 * "analytics-platform/components"` (built by `npm run build`; see docs/reuse.md). Everything a
 * component needs comes in through its arguments, never from this project's stack config.
 */
export { DataLake } from "./dataLake/dataLake";
export type { DataLakeArgs, Dataset } from "./dataLake/dataLake";
export { AthenaAnalystRole } from "./athenaAnalystRole/athenaAnalystRole";
export type { AthenaAnalystRoleArgs, AnalystTable, LakeForAnalysts } from "./athenaAnalystRole/athenaAnalystRole";
export type { Placement } from "./common/naming";
export type { DataProtection } from "./common/dataProtection";
export type { PeopleTrust } from "./common/personaTrust";
export { SageMakerEndpointPipeline } from "./sageMakerEndpointPipeline/sageMakerEndpointPipeline";
export type * from "./sageMakerEndpointPipeline/sageMakerEndpointPipelineArgs";
export { SageMakerMlEngineerRole } from "./sageMakerEndpointPipeline/mlEngineerRole";
export type { SageMakerMlEngineerRoleArgs, MlEngineerPipeline } from "./sageMakerEndpointPipeline/mlEngineerRole";
