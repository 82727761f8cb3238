import { sagemakerEndpointConfigEncrypted, sagemakerModelNetworkIsolated } from "../../../policies/baseline/rules/sagemaker";
import { asPolicyResources, check, crafted, expectNoViolations, expectOneViolation } from "./crafted";

const ENDPOINT_CONFIG = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const KEY_ARN = "arn:aws:kms:ap-northeast-1:123456789012:key/ml";

function endpointConfig(overrides: Record<string, unknown> = {}) {
    return crafted(ENDPOINT_CONFIG, "endpoint-config", {
        kmsKeyArn: KEY_ARN,
        productionVariants: [{ variantName: "main", modelName: "model", instanceType: "ml.m5.large", initialInstanceCount: 1 }],
        dataCaptureConfig: {
            enableCapture: true, initialSamplingPercentage: 100, destinationS3Uri: "s3://capture/", kmsKeyId: KEY_ARN,
            captureOptions: [{ captureMode: "Input" }, { captureMode: "Output" }],
        },
        ...overrides,
    });
}

describe("baseline SageMaker rules", () => {
    describe("sagemaker-endpoint-config-encrypted", () => {
        it("passes an encrypted config, and a config on local-storage instances that SageMaker refuses a key for", async () => {
            expectNoViolations(await check(sagemakerEndpointConfigEncrypted, asPolicyResources(endpointConfig())));
            const nvme = endpointConfig({ kmsKeyArn: undefined, productionVariants: [{ variantName: "gpu", modelName: "model", instanceType: "ml.g4dn.xlarge" }] });
            expectNoViolations(await check(sagemakerEndpointConfigEncrypted, asPolicyResources(nvme)));
        });

        it("fails a config without a key, and data capture without a key", async () => {
            const keyless = endpointConfig({ kmsKeyArn: undefined });
            expectOneViolation(await check(sagemakerEndpointConfigEncrypted, asPolicyResources(keyless)), {
                policy: "sagemaker-endpoint-config-encrypted", urn: keyless.urn, change: "set kmsKeyArn to the platform's KMS key",
            });
            const capture = endpointConfig({ dataCaptureConfig: { enableCapture: true, initialSamplingPercentage: 10, destinationS3Uri: "s3://capture/", captureOptions: [{ captureMode: "Input" }] } });
            expectOneViolation(await check(sagemakerEndpointConfigEncrypted, asPolicyResources(capture)), {
                policy: "sagemaker-endpoint-config-encrypted", urn: capture.urn, change: "set dataCaptureConfig.kmsKeyId",
            });
        });
    });

    describe("sagemaker-model-network-isolated (advisory)", () => {
        it("passes an isolated model and a model in a VPC", async () => {
            const isolated = crafted("aws:sagemaker/model:Model", "isolated", { executionRoleArn: "r", enableNetworkIsolation: true });
            const inVpc = crafted("aws:sagemaker/model:Model", "in-vpc", { executionRoleArn: "r", vpcConfig: { subnets: ["s"], securityGroupIds: ["g"] } });
            expectNoViolations(await check(sagemakerModelNetworkIsolated, asPolicyResources(isolated, inVpc)));
        });

        it("reports a model with internet access", async () => {
            const open = crafted("aws:sagemaker/model:Model", "open", { executionRoleArn: "r" });
            const violation = expectOneViolation(await check(sagemakerModelNetworkIsolated, asPolicyResources(open)), {
                policy: "sagemaker-model-network-isolated", urn: open.urn, change: "set enableNetworkIsolation: true, or vpcConfig",
            });
            if (violation.enforcementLevel !== "advisory") throw new Error(`expected advisory, got ${violation.enforcementLevel}`);
        });
    });
});
