export { ConfigError } from "./errors";
export { loadStackSettings, parsePlatformConfig, NAMESPACE } from "./load";
export type { StackSettings } from "./load";
export * from "./schema";
export * from "./sageMakerEndpointPipeline";
export { BUILTIN_IMAGES, builtinImageUri, modelMonitorImageUri } from "./sageMakerImages";
