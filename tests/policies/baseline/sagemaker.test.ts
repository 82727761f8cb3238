import { sagemakerEndpointAlarmed, sagemakerEndpointConfigEncrypted, sagemakerExecutionRoleLeastPrivilege, sagemakerModelNetworkIsolated, sagemakerMonitoringEncrypted } from "../../../policies/baseline/rules/sagemaker";
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

    describe("sagemaker-execution-role-least-privilege", () => {
        const ROLE_ARN = "arn:aws:iam::123456789012:role/churn-execution";
        const ARTIFACT = "arn:aws:s3:::team-ml/churn/model.tar.gz";
        const role = crafted("aws:iam/role:Role", "execution", { name: "churn-execution", arn: ROLE_ARN, assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }] }) });
        const model = crafted("aws:sagemaker/model:Model", "model", { executionRoleArn: ROLE_ARN, enableNetworkIsolation: true, primaryContainer: { image: "i", modelDataUrl: "s3://team-ml/churn/model.tar.gz" } });
        const inline = (statements: object[]) => crafted("aws:iam/rolePolicy:RolePolicy", "execution-policy", { role: "churn-execution", name: "p", policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });
        const scoped = [
            { Sid: "ReadModelArtifact", Effect: "Allow", Action: "s3:GetObject", Resource: ARTIFACT },
            { Sid: "WriteDataCapture", Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::team-ml/capture/*" },
        ];

        it("passes a role that reads only the artifact and writes only the capture prefix", async () => {
            expectNoViolations(await check(sagemakerExecutionRoleLeastPrivilege, asPolicyResources(role, model, inline(scoped))));
        });

        it("fails a managed policy, a service-wide action, S3 on every resource, and a read beyond the artifact", async () => {
            const attached = crafted("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "full-access", { role: "churn-execution", policyArn: "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess" });
            expectOneViolation(await check(sagemakerExecutionRoleLeastPrivilege, asPolicyResources(role, model, inline(scoped), attached)), {
                policy: "sagemaker-execution-role-least-privilege", urn: model.urn, change: /AmazonSageMakerFullAccess attached/,
            });
            const cases: [object, RegExp][] = [
                [{ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::team-ml/*" }, /allows s3:\*: name the actions/],
                [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }, /on every resource/],
                [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: [ARTIFACT, "arn:aws:s3:::team-ml/*"] }, /reads arn:aws:s3:::team-ml\/\* besides the model artifact/],
            ];
            for (const [extra, change] of cases) {
                expectOneViolation(await check(sagemakerExecutionRoleLeastPrivilege, asPolicyResources(role, model, inline([...scoped, extra]))), {
                    policy: "sagemaker-execution-role-least-privilege", urn: model.urn, change,
                });
            }
        });
    });

    describe("sagemaker-endpoint-alarmed", () => {
        const endpoint = crafted("aws:sagemaker/endpoint:Endpoint", "endpoint", { name: "churn", endpointConfigName: "c" });
        const alarm = (overrides: Record<string, unknown> = {}) => crafted("aws:cloudwatch/metricAlarm:MetricAlarm", "errors", {
            name: "churn-5xx", namespace: "AWS/SageMaker", metricName: "Invocation5XXErrors", dimensions: { EndpointName: "churn", VariantName: "AllTraffic" }, alarmActions: ["arn:aws:sns:ap-northeast-1:123456789012:alerts"], ...overrides,
        });

        it("passes an endpoint with an alarm that notifies", async () => {
            expectNoViolations(await check(sagemakerEndpointAlarmed, asPolicyResources(endpoint, alarm())));
        });

        it("fails an endpoint without an alarm, and an alarm without actions", async () => {
            expectOneViolation(await check(sagemakerEndpointAlarmed, asPolicyResources(endpoint, alarm({ dimensions: { EndpointName: "other" } }))), {
                policy: "sagemaker-endpoint-alarmed", urn: endpoint.urn, change: "add CloudWatch alarms on Invocation5XXErrors and ModelLatency",
            });
            const silent = alarm({ alarmActions: [] });
            const violations = await check(sagemakerEndpointAlarmed, asPolicyResources(endpoint, silent));
            if (!violations.some((v) => v.urn === silent.urn && v.message.includes("notifies nobody"))) throw new Error(`expected the silent alarm reported, got ${JSON.stringify(violations)}`);
        });
    });

    describe("sagemaker-monitoring-encrypted", () => {
        const definition = (overrides: Record<string, unknown> = {}) => crafted("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", "data-quality", {
            roleArn: "r", dataQualityAppSpecification: { imageUri: "i" }, dataQualityJobInput: { endpointInput: { endpointName: "churn" } },
            dataQualityJobOutputConfig: { kmsKeyId: KEY_ARN, monitoringOutputs: { s3Output: { s3Uri: "s3://b/m" } } },
            jobResources: { clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 20, volumeKmsKeyId: KEY_ARN } },
            networkConfig: { enableNetworkIsolation: true }, ...overrides,
        });

        it("passes an encrypted, isolated job definition", async () => {
            expectNoViolations(await check(sagemakerMonitoringEncrypted, asPolicyResources(definition())));
        });

        it("fails unencrypted reports, an unencrypted volume, and open network access", async () => {
            const cases: [Record<string, unknown>, string][] = [
                [{ dataQualityJobOutputConfig: { monitoringOutputs: { s3Output: { s3Uri: "s3://b/m" } } } }, "set dataQualityJobOutputConfig.kmsKeyId"],
                [{ jobResources: { clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 20 } } }, "set jobResources.clusterConfig.volumeKmsKeyId"],
                [{ networkConfig: { enableNetworkIsolation: false } }, "set networkConfig.enableNetworkIsolation: true"],
            ];
            for (const [overrides, change] of cases) {
                const bad = definition(overrides);
                expectOneViolation(await check(sagemakerMonitoringEncrypted, asPolicyResources(bad)), { policy: "sagemaker-monitoring-encrypted", urn: bad.urn, change });
            }
        });
    });
});
