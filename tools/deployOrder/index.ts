/** The deployment-order check and the deploying identity's least-privilege policy (see check.ts). */
export { checkDeployOrder, formatDeployOrder, EXIT_DEPLOY_ORDER_FAILED } from "./check";
export type { DeployOrderFinding, DeployOrderOptions, DeployOrderResult } from "./check";
export { deployerPolicy } from "./deployerPolicy";
export type { DeployerPolicy } from "./deployerPolicy";
