import { expect } from "chai";
import { SageMakerEndpointPipeline, SageMakerEndpointPipelineArgs } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointPipeline";
import { PipelineSpec } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointPipelineArgs";
import { Plan, planProgram } from "../../tools/engine/run";
import { list, named, ofType, statements, tag } from "../helpers/resources";
import { contentHash } from "../../components/sageMakerEndpointPipeline/contentName";
import { RecordedPlan, planRecorded } from "./support/registrations";

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const BUCKET = "team-ml-bucket";
const placement = { project: "analytics-platform", stack: "qa", tags: {} };
const alarms = { invocation5xxErrorsThreshold: 0, modelLatencyThresholdMs: 500, periodSeconds: 300, evaluationPeriods: 1 };
const common = {
    placement, region: REGION, peopleTrust: { trustedPrincipals: [`arn:aws:iam::${ACCOUNT}:root`] }, alertEmails: ["ml@example.com"],
    kmsDeletionWindowDays: 7, logRetentionDays: 14, protection: { protectData: true, versioning: true }, network: { isolation: true }, alarms, callerPrincipals: [],
};
const monitor = {
    baselineData: `s3://${BUCKET}/baseline/data.csv`, baselineJobOutputLocation: `s3://${BUCKET}/baseline/out`, monitoringOutputLocation: `s3://${BUCKET}/monitoring`,
    scheduleExpression: "cron(0 * ? * * *)", instanceType: "ml.m5.large", instanceVolumeSizeGb: 20, maxRuntimeSeconds: 3300, baselineMaxRuntimeSeconds: 3300,
};

/** Three pipelines, one of each kind: built-in realtime with everything, custom image, serverless. */
const PIPELINES: PipelineSpec[] = [
    {
        name: "builtin", model: { kind: "builtin", framework: "xgboost", frameworkVersion: "1.7-1", artifactLocation: `s3://${BUCKET}/builtin/model.tar.gz` },
        endpoint: { kind: "realtime", instanceType: "ml.m5.large", initialInstanceCount: 2, autoscaling: { minCapacity: 2, maxCapacity: 4, targetInvocationsPerInstance: 1000, scaleInCooldownSeconds: 300, scaleOutCooldownSeconds: 60 } },
        dataCapture: { location: `s3://${BUCKET}/capture`, samplingPercentage: 50, captureInput: true, captureOutput: true },
        dataQualityMonitor: monitor, ...common,
        modelQualityMonitor: {
            ...monitor, maxRuntimeSeconds: 1800, problemType: "BinaryClassification", groundTruthInput: `s3://${BUCKET}/ground-truth`,
            baselineGroundTruthAttribute: "label", baselineProbabilityAttribute: "probability", inferenceAttribute: "prediction", probabilityAttribute: "probability", probabilityThreshold: 0.5,
        },
    } as PipelineSpec,
    {
        name: "custom", model: { kind: "custom", imageUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn:1.0`, artifactLocation: `s3://${BUCKET}/custom/model.tar.gz` },
        endpoint: { kind: "realtime", instanceType: "ml.g4dn.xlarge", initialInstanceCount: 1 }, ...common,
        network: { isolation: false, vpc: { subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] } },
    } as PipelineSpec,
    {
        name: "serverless", model: { kind: "builtin", framework: "xgboost", frameworkVersion: "1", artifactLocation: `s3://${BUCKET}/serverless/model.tar.gz` },
        endpoint: { kind: "serverless", memorySizeMb: 2048, maxConcurrency: 5 }, ...common,
    } as PipelineSpec,
];

describe("SageMakerEndpointPipeline", function () {
    let plan: Plan;
    before(async () => {
        plan = await planProgram({
            project: placement.project, stack: placement.stack, config: { "aws:region": REGION },
            program: () => {
                for (const p of PIPELINES) new SageMakerEndpointPipeline(`sagemaker-${p.name}`, { ...common, ...p } as SageMakerEndpointPipelineArgs);
                return {};
            },
        });
    });
    const policyOf = (name: string) => statements(named(ofType(plan, "aws:iam/rolePolicy:RolePolicy"), name).outputs.policy);
    const role = (name: string) => named(ofType(plan, "aws:iam/role:Role"), name);
    const sid = (name: string, id: string) => policyOf(name).find((s) => s.Sid === id);

    it("resolves the built-in image per region and runs a custom image as given", () => {
        expect(named(plan, "sagemaker-builtin-model").outputs.primaryContainer).to.deep.include({ image: "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1", modelDataUrl: `s3://${BUCKET}/builtin/model.tar.gz` });
        expect(named(plan, "sagemaker-serverless-model").outputs.primaryContainer).to.deep.include({ image: "685385470294.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1" });
        expect(named(plan, "sagemaker-custom-model").outputs.primaryContainer).to.deep.include({ image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn:1.0` });
    });

    it("gives the execution role only its artifact, its capture prefix, the key through S3, its image and its logs", () => {
        const builtin = "sagemaker-builtin-execution";
        expect(sid(builtin, "ReadModelArtifact")).to.deep.include({ Action: "s3:GetObject", Resource: `arn:aws:s3:::${BUCKET}/builtin/model.tar.gz` });
        expect(sid(builtin, "WriteDataCapture")).to.deep.include({ Resource: `arn:aws:s3:::${BUCKET}/capture/*` });
        expect(sid(builtin, "UseKeyThroughS3")?.Condition).to.deep.equal({ StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` } });
        expect(list(sid(builtin, "UseKeyThroughS3")?.Resource)).to.deep.equal([named(plan, "sagemaker-builtin-key").outputs.arn]);
        expect(sid(builtin, "PullModelImage")?.Resource).to.deep.equal([`arn:aws:ecr:${REGION}:141502667606:repository/sagemaker-xgboost`]);
        expect(list(sid(builtin, "WriteOwnLogs")?.Resource)[0]).to.equal(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/Endpoints/analytics-platform-qa-builtin*`);
        // No capture: no S3 write and no encrypting with the key.
        expect(sid("sagemaker-serverless-execution", "WriteDataCapture")).to.equal(undefined);
        expect(sid("sagemaker-serverless-execution", "UseKeyThroughS3")?.Action).to.deep.equal(["kms:Decrypt"]);
        // Every S3 resource of the role is the artifact or the capture prefix: nothing of any other bucket path.
        const s3 = policyOf(builtin).filter((s) => list(s.Action).some((a) => a.startsWith("s3:"))).flatMap((s) => list(s.Resource));
        expect(s3.sort()).to.deep.equal([`arn:aws:s3:::${BUCKET}/builtin/model.tar.gz`, `arn:aws:s3:::${BUCKET}/capture/*`]);
        const trust = statements(role(builtin).outputs.assumeRolePolicy);
        expect(trust.map((s) => s.Principal)).to.deep.equal([{ Service: "sagemaker.amazonaws.com" }]);
        expect(tag(role(builtin), "persona")).to.equal("sagemaker-execution");
    });

    it("captures input and output at the sampling rate, encrypted with the pipeline's key, and encrypts the volume where SageMaker allows", () => {
        const config = named(plan, "sagemaker-builtin-config").outputs;
        const key = named(plan, "sagemaker-builtin-key").outputs.arn;
        expect(config.dataCaptureConfig).to.deep.equal({
            enableCapture: true, initialSamplingPercentage: 50, destinationS3Uri: `s3://${BUCKET}/capture`, kmsKeyId: key,
            captureOptions: [{ captureMode: "Input" }, { captureMode: "Output" }],
        });
        expect(config.kmsKeyArn).to.equal(key);
        expect(config.productionVariants).to.deep.equal([{ variantName: "AllTraffic", modelName: named(plan, "sagemaker-builtin-model").outputs.name, instanceType: "ml.m5.large", initialInstanceCount: 2, initialVariantWeight: 1 }]);
        // g4dn has local NVMe storage (SageMaker refuses a key), serverless has no volume.
        expect(named(plan, "sagemaker-custom-config").outputs.kmsKeyArn).to.equal(undefined);
        expect(named(plan, "sagemaker-serverless-config").outputs.kmsKeyArn).to.equal(undefined);
        expect(named(plan, "sagemaker-serverless-config").outputs.dataCaptureConfig).to.equal(undefined);
        expect((named(plan, "sagemaker-serverless-config").outputs.productionVariants as object[])[0]).to.deep.include({ serverlessConfig: { memorySizeInMb: 2048, maxConcurrency: 5 } });
    });

    it("replaces immutable pieces under new names: a name prefix for the config, content-hashed model names, a fixed endpoint name", () => {
        const config = named(plan, "sagemaker-builtin-config").outputs;
        expect(config.namePrefix).to.equal("analytics-platform-qa-builtin-");
        expect(config.name).to.match(/^analytics-platform-qa-builtin-\d{26}$/);
        expect(named(plan, "sagemaker-builtin-model").outputs.name).to.match(/^analytics-platform-qa-builtin-model-[0-9a-f]{8}$/);
        expect(named(plan, "sagemaker-builtin-model").outputs.name).to.not.equal(named(plan, "sagemaker-serverless-model").outputs.name);
        const endpoint = named(plan, "sagemaker-builtin-endpoint");
        expect(endpoint.outputs).to.deep.include({ name: "analytics-platform-qa-builtin", endpointConfigName: config.name });
    });

    it("scales the realtime variant on invocations per instance where configured, nowhere else", () => {
        const target = named(plan, "sagemaker-builtin-scaling").outputs;
        expect(target).to.deep.include({ serviceNamespace: "sagemaker", scalableDimension: "sagemaker:variant:DesiredInstanceCount", resourceId: "endpoint/analytics-platform-qa-builtin/variant/AllTraffic", minCapacity: 2, maxCapacity: 4 });
        const policy = named(plan, "sagemaker-builtin-invocations").outputs;
        expect(policy.targetTrackingScalingPolicyConfiguration).to.deep.include({ targetValue: 1000, predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" } });
        expect(ofType(plan, "aws:appautoscaling/target:Target")).to.have.length(1);
    });

    it("alarms on the endpoint's 5xx errors and latency to its encrypted topic", () => {
        const topic = named(plan, "sagemaker-builtin-alerts").outputs;
        const errors = named(plan, "sagemaker-builtin-5xx-errors").outputs;
        const latency = named(plan, "sagemaker-builtin-latency").outputs;
        expect(errors).to.deep.include({ namespace: "AWS/SageMaker", metricName: "Invocation5XXErrors", statistic: "Sum", threshold: 0, alarmActions: [topic.arn] });
        expect(latency).to.deep.include({ metricName: "ModelLatency", threshold: 500_000, alarmActions: [topic.arn] });
        expect(errors.dimensions).to.deep.equal({ EndpointName: "analytics-platform-qa-builtin", VariantName: "AllTraffic" });
        expect(topic.kmsMasterKeyId).to.equal(named(plan, "sagemaker-builtin-alerts-key").outputs.arn);
    });

    it("lets the caller role only invoke its own endpoint", () => {
        const document = policyOf("sagemaker-builtin-caller");
        expect(document).to.deep.equal([{ Sid: "InvokeOwnEndpoint", Effect: "Allow", Action: "sagemaker:InvokeEndpoint", Resource: named(plan, "sagemaker-builtin-endpoint").outputs.arn }]);
    });

    it("isolates the model's network, or puts it in the configured VPC with the role's network-interface rights", () => {
        expect(named(plan, "sagemaker-builtin-model").outputs.enableNetworkIsolation).to.equal(true);
        expect(named(plan, "sagemaker-custom-model").outputs.vpcConfig).to.deep.equal({ subnets: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] });
        expect(sid("sagemaker-custom-execution", "RunInVpc")).to.not.equal(undefined);
        expect(sid("sagemaker-builtin-execution", "RunInVpc")).to.equal(undefined);
    });

    it("monitors data quality on the schedule against the baseline the one-time job writes", () => {
        const definition = named(ofType(plan, "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"), "sagemaker-builtin-data-quality").outputs;
        expect(definition.dataQualityBaselineConfig).to.deep.equal({
            constraintsResource: { s3Uri: `s3://${BUCKET}/baseline/out/constraints.json` }, statisticsResource: { s3Uri: `s3://${BUCKET}/baseline/out/statistics.json` },
        });
        expect(definition.dataQualityAppSpecification).to.deep.equal({ imageUri: "468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest" });
        expect(definition.jobResources).to.deep.equal({ clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 20, volumeKmsKeyId: named(plan, "sagemaker-builtin-key").outputs.arn } });
        expect(definition.stoppingCondition).to.deep.equal({ maxRuntimeInSeconds: 3300 });
        const schedules = ofType(plan, "aws:sagemaker/monitoringSchedule:MonitoringSchedule");
        expect(schedules).to.have.length(2);
        expect(named(schedules, "sagemaker-builtin-data-quality").outputs.monitoringScheduleConfig).to.deep.include({ monitoringType: "DataQuality", scheduleConfig: { scheduleExpression: "cron(0 * ? * * *)" }, monitoringJobDefinitionName: definition.name });
        const monitoring = "sagemaker-builtin-monitoring";
        expect(sid(monitoring, "ReadCapture")).to.deep.include({ Resource: `arn:aws:s3:::${BUCKET}/capture/*` });
        expect(list(sid(monitoring, "BaselineAndReports")?.Resource)).to.deep.equal([`arn:aws:s3:::${BUCKET}/baseline/out/*`, `arn:aws:s3:::${BUCKET}/monitoring/*`]);
        expect(ofType(plan, "aws:iam/role:Role").filter((r) => r.urn.endsWith("-monitoring"))).to.have.length(1);
    });

    it("monitors model quality with the ground truth, the problem type and the attributes (aws-native)", () => {
        const definition = named(ofType(plan, "aws-native:sagemaker:ModelQualityJobDefinition"), "sagemaker-builtin-model-quality").outputs;
        expect(definition.modelQualityAppSpecification).to.deep.equal({ imageUri: "468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest", problemType: "BinaryClassification" });
        expect(definition.modelQualityJobInput).to.deep.equal({
            endpointInput: { endpointName: "analytics-platform-qa-builtin", localPath: "/opt/ml/processing/input/endpoint", inferenceAttribute: "prediction", probabilityAttribute: "probability", probabilityThresholdAttribute: 0.5 },
            groundTruthS3Input: { s3Uri: `s3://${BUCKET}/ground-truth` },
        });
        expect(definition.modelQualityBaselineConfig).to.deep.equal({ constraintsResource: { s3Uri: `s3://${BUCKET}/baseline/out/constraints.json` } });
        expect(definition.stoppingCondition).to.deep.equal({ maxRuntimeInSeconds: 1800 });
        expect(definition.jobDefinitionName).to.match(/^analytics-platform-qa-builtin-model-quality-[0-9a-f]{8}$/);
        const schedule = named(ofType(plan, "aws:sagemaker/monitoringSchedule:MonitoringSchedule"), "sagemaker-builtin-model-quality").outputs;
        expect(schedule.monitoringScheduleConfig).to.deep.include({ monitoringType: "ModelQuality", monitoringJobDefinitionName: definition.jobDefinitionName });
        expect(sid("sagemaker-builtin-monitoring", "ReadGroundTruth")).to.deep.include({ Resource: `arn:aws:s3:::${BUCKET}/ground-truth/*` });
    });

    it("protects the keys that decrypt the captured data when the stack keeps data", () => {
        expect(named(plan, "sagemaker-builtin-key").protect).to.equal(true);
        expect(named(plan, "sagemaker-builtin-alerts-key").protect).to.equal(true);
    });
});

describe("contentName (immutable SageMaker resources)", () => {
    it("changes with any setting and stays the same for the same settings", async () => {
        const { contentName } = await import("../../components/sageMakerEndpointPipeline/contentName");
        const a = contentName(placement, "churn-model", "sagemaker-model", { image: "i", modelDataUrl: "s3://b/v1/model.tar.gz" });
        expect(contentName(placement, "churn-model", "sagemaker-model", { image: "i", modelDataUrl: "s3://b/v1/model.tar.gz" })).to.equal(a);
        expect(contentName(placement, "churn-model", "sagemaker-model", { image: "i", modelDataUrl: "s3://b/v2/model.tar.gz" })).to.not.equal(a);
        expect(a).to.match(/^analytics-platform-qa-churn-model-[0-9a-f]{8}$/);
    });
});

describe("SageMakerEndpointPipeline replacement (prod, as registered)", function () {
    const IMMUTABLE = ["aws:sagemaker/model:Model", "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"];
    let prod: RecordedPlan;
    before(async () => {
        prod = await planRecorded("prod");
    });

    it("creates a new endpoint config, model and job definition before the old ones go; the endpoint and schedule keep their names and go delete-first", () => {
        const config = prod.registrations.find((r) => r.type === "aws:sagemaker/endpointConfiguration:EndpointConfiguration");
        expect(config?.props.name, "no fixed name: the provider makes a new one from namePrefix").to.equal(undefined);
        expect(config?.props.namePrefix).to.equal("analytics-platform-prod-churn-xgb-");
        expect(config?.opts.deleteBeforeReplace ?? false, "create-before-delete: the old config stays until the endpoint moved").to.equal(false);
        for (const type of IMMUTABLE) {
            expect(prod.registrations.find((r) => r.type === type)?.opts.deleteBeforeReplace ?? false, `${type}: the schedule or config moves to the new one first`).to.equal(false);
        }
        for (const type of ["aws:sagemaker/endpoint:Endpoint", "aws:sagemaker/monitoringSchedule:MonitoringSchedule"]) {
            expect(prod.registrations.find((r) => r.type === type)?.opts.deleteBeforeReplace, type).to.equal(true);
        }
    });

    it("names the model and each job definition by every input it is created with but tags, so a replacement never reuses a name", () => {
        for (const type of IMMUTABLE) {
            // The inputs as the engine received them, Outputs resolved.
            const registered = prod.plan.resources.find((r) => r.type === type);
            if (!registered) throw new Error(`no ${type} in the prod plan`);
            const { name, tags, ...settings } = registered.inputs;
            expect(tags, type).to.be.an("object");
            expect(String(name), type).to.match(new RegExp(`-${contentHash(settings)}$`));
            // A changed input (another key, as when the pipeline's own key is replaced) is another name.
            expect(String(name)).to.not.match(new RegExp(`-${contentHash({ ...settings, roleArn: "arn:aws:iam::123456789012:role/other" })}$`));
        }
    });
});
