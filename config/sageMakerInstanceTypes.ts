/**
 * The SageMaker instance types the platform accepts, and what an hour of one costs.
 *
 * Hosting (endpoint variants): the CPU and common GPU/Inferentia types of the SageMaker API's
 * `ProductionVariantInstanceType` enum (Amazon SageMaker API Reference, ProductionVariant). Processing
 * (Model Monitor jobs run as processing jobs): the general-purpose and compute types of
 * `ProcessingInstanceType` (API Reference, ProcessingClusterConfig). Types outside these lists
 * exist (large GPU types, newer families): add them here when a team needs one, so that a typo
 * ("ml.m5.larg") fails at `pulumi preview` rather than after the model was created.
 */

const sizes = (family: string, list: string[]) => list.map((size) => `ml.${family}.${size}`);
const STANDARD = ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"];

export const HOSTING_INSTANCE_TYPES: readonly string[] = [
    ...sizes("t2", ["medium", "large", "xlarge", "2xlarge"]),
    ...sizes("m5", STANDARD), ...sizes("m5d", STANDARD),
    ...sizes("m6i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
    ...sizes("c5", ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"]),
    ...sizes("c5d", ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"]),
    ...sizes("c6i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
    ...sizes("r5", STANDARD), ...sizes("r5d", STANDARD),
    ...sizes("g4dn", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"]),
    ...sizes("g5", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
    ...sizes("inf1", ["xlarge", "2xlarge", "6xlarge", "24xlarge"]),
    ...sizes("inf2", ["xlarge", "8xlarge", "24xlarge", "48xlarge"]),
];

export const PROCESSING_INSTANCE_TYPES: readonly string[] = [
    ...sizes("t3", ["medium", "large", "xlarge", "2xlarge"]),
    ...sizes("m4", ["xlarge", "2xlarge", "4xlarge", "10xlarge", "16xlarge"]),
    ...sizes("m5", STANDARD),
    ...sizes("c4", ["xlarge", "2xlarge", "4xlarge", "8xlarge"]),
    ...sizes("c5", ["xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"]),
    ...sizes("r5", STANDARD),
];

/**
 * On-demand USD per instance-hour of real-time inference in us-east-1 (Amazon SageMaker AI pricing
 * page, "Real-Time Inference", as listed in 2025; other regions are up to about 30% dearer, e.g.
 * Tokyo). For the plan summary's estimate only: a type without a price is shown without one.
 */
export const HOSTING_PRICE_PER_HOUR: Readonly<Record<string, number>> = {
    "ml.t2.medium": 0.056,
    "ml.t2.large": 0.111,
    "ml.t2.xlarge": 0.222,
    "ml.m5.large": 0.115,
    "ml.m5.xlarge": 0.23,
    "ml.m5.2xlarge": 0.461,
    "ml.m5.4xlarge": 0.922,
    "ml.c5.large": 0.102,
    "ml.c5.xlarge": 0.204,
    "ml.c5.2xlarge": 0.408,
    "ml.g4dn.xlarge": 0.736,
};

/** Hours in an average month (730 = 8760 / 12), as AWS's pricing calculator counts them. */
export const HOURS_PER_MONTH = 730;

/**
 * Instance families with local NVMe instance storage, which a hardware module encrypts: SageMaker
 * refuses an endpoint config KmsKeyId for them (API Reference, CreateEndpointConfig, KmsKeyId).
 */
export const LOCAL_STORAGE_FAMILIES: readonly string[] = ["ml.c5d", "ml.m5d", "ml.r5d", "ml.g4dn", "ml.g5", "ml.p3dn", "ml.p4d", "ml.p4de", "ml.p5", "ml.trn1"];

/** Whether SageMaker refuses a volume key for this instance type (local instance storage). */
export function hasLocalStorage(instanceType: string): boolean {
    return LOCAL_STORAGE_FAMILIES.some((family) => instanceType.startsWith(`${family}.`));
}
