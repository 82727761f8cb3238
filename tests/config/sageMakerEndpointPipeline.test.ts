import { expect } from "chai";
import { builtinImageUri, modelMonitorImageUri } from "../../config/sageMakerImages";
import { endpointMonitorsSchema } from "../../config/sageMakerEndpointPipeline";
import { readStackConfig } from "../../tools/engine/stackFile";
import { configProblems } from "../helpers/configProblems";

const FILE = "Pulumi.dev.yaml";
const KEY = "analytics-platform:sageMakerEndpointPipelines";
type Pipeline = Record<string, unknown>;

const BUCKET = "s3://team-ml-bucket";
const realtime = { kind: "realtime", instanceType: "ml.m5.large", initialInstanceCount: 2 };
const capture = { location: `${BUCKET}/capture` };
const monitorCommon = { baselineData: `${BUCKET}/baseline/data.csv`, baselineJobOutputLocation: `${BUCKET}/baseline/out`, monitoringOutputLocation: `${BUCKET}/monitoring` };

/** The problems of the dev stack with its first pipeline changed by `edit` (and the region, if given). */
function problemsWith(edit: (pipeline: Pipeline) => void, region?: string): string[] {
    const { config } = readStackConfig("dev");
    const value = JSON.parse(config[KEY]) as { pipelines: Pipeline[] };
    edit(value.pipelines[0]);
    config[KEY] = JSON.stringify(value);
    if (region) config["aws:region"] = region;
    return configProblems(FILE, config);
}

function expectOne(problems: string[], keyPath: string, finding: RegExp): void {
    expect(problems, problems.join("\n")).to.have.length(1);
    expect(problems[0], problems[0]).to.contain(`${FILE}: ${KEY}.pipelines[0].${keyPath}: expected`);
    expect(problems[0]).to.match(finding);
}

describe("config: sageMakerEndpointPipelines", () => {
    it("accepts the dev stack's serverless pipeline, a realtime pipeline with capture, autoscaling and both monitors, and a custom image", () => {
        expect(problemsWith(() => undefined)).to.deep.equal([]);
        expect(problemsWith((p) => {
            p.endpoint = { ...realtime, autoscaling: { minCapacity: 1, maxCapacity: 4, targetInvocationsPerInstance: 100 } };
            p.dataCapture = capture;
            p.dataQualityMonitor = monitorCommon;
        })).to.deep.equal([]);
        expect(problemsWith((p) => (p.model = { kind: "custom", imageUri: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/churn:1.0", artifactLocation: `${BUCKET}/m/model.tar.gz` }))).to.deep.equal([]);
    });

    it("names the key of an unknown framework, version, or a region the version is not published in", () => {
        expectOne(problemsWith((p) => ((p.model as Pipeline).framework = "lightgbm")), "model.framework", /built-in framework \(xgboost\).*found "lightgbm"/);
        expectOne(problemsWith((p) => ((p.model as Pipeline).frameworkVersion = "0.72")), "model.frameworkVersion", /version of xgboost .*found "0.72"/);
        // The legacy xgboost "1" image is not published in il-central-1 (the open-source one is).
        expectOne(problemsWith((p) => ((p.model as Pipeline).frameworkVersion = "1"), "il-central-1"), "model.frameworkVersion", /region where SageMaker publishes xgboost:1 \(xgboost 1\) .*found "il-central-1"/);
        expect(problemsWith(() => undefined, "il-central-1")).to.deep.equal([]);
    });

    it("rejects serverless with data capture or a monitor, naming the key", () => {
        expectOne(problemsWith((p) => (p.dataCapture = capture)), "dataCapture", /expected no dataCapture on a serverless endpoint/);
        expectOne(problemsWith((p) => (p.dataQualityMonitor = monitorCommon)), "dataQualityMonitor.enabled", /expected false on a serverless endpoint/);
    });

    it("accepts a model-quality monitor with its problem type's attributes", () => {
        expect(problemsWith((p) => {
            p.endpoint = realtime;
            p.dataCapture = capture;
            p.modelQualityMonitor = { ...monitorCommon, problemType: "BinaryClassification", groundTruthInput: `${BUCKET}/ground-truth`, baselineGroundTruthAttribute: "label", baselineProbabilityAttribute: "probability" };
        })).to.deep.equal([]);
    });

    it("rejects a monitor without data capture and a model-quality monitor missing its problem type's attribute", () => {
        const withEndpoint = (p: Pipeline) => (p.endpoint = realtime);
        expectOne(problemsWith((p) => { withEndpoint(p); p.dataQualityMonitor = monitorCommon; }), "dataQualityMonitor.enabled", /without dataCapture/);
        expectOne((problemsWith((p) => {
            withEndpoint(p);
            p.dataCapture = capture;
            p.modelQualityMonitor = { ...monitorCommon, problemType: "Regression", groundTruthInput: `${BUCKET}/gt`, baselineGroundTruthAttribute: "y" };
        })), "modelQualityMonitor.inferenceAttribute", /for problemType Regression, found nothing/);
        expectOne((problemsWith((p) => {
            withEndpoint(p);
            p.dataCapture = capture;
            p.modelQualityMonitor = { ...monitorCommon, problemType: "BinaryClassification", groundTruthInput: `${BUCKET}/gt`, baselineGroundTruthAttribute: "y" };
        })), "modelQualityMonitor.baselineProbabilityAttribute", /BinaryClassification, found nothing/);
    });

    it("checks instance types, counts against autoscaling, serverless memory, schedules, runtimes and locations", () => {
        expectOne(problemsWith((p) => (p.endpoint = { ...realtime, instanceType: "ml.m5.larg" })), "endpoint.instanceType", /hosting instance type.*found "ml.m5.larg"/);
        expectOne(problemsWith((p) => (p.endpoint = { ...realtime, initialInstanceCount: 5, autoscaling: { minCapacity: 1, maxCapacity: 4, targetInvocationsPerInstance: 10 } })), "endpoint.initialInstanceCount", /within autoscaling's 1-4, found 5/);
        expectOne(problemsWith((p) => (p.endpoint = { kind: "serverless", memorySizeMb: 1500 })), "endpoint.memorySizeMb", /1024, 2048.*found 1500/);
        expectOne(problemsWith((p) => (p.endpoint = { kind: "serverless", memorySizeMb: 7168 })), "endpoint.memorySizeMb", /found 7168/);
        const monitored = (monitor: Pipeline) => (p: Pipeline) => { p.endpoint = realtime; p.dataCapture = capture; p.dataQualityMonitor = { ...monitorCommon, ...monitor }; };
        expectOne(problemsWith(monitored({ scheduleExpression: "cron(0 * * * ? *)" })), "dataQualityMonitor.scheduleExpression", /Model Monitor schedule/);
        expect(problemsWith(monitored({ scheduleExpression: "cron(0 6/12 ? * * *)" }))).to.deep.equal([]);
        expectOne(problemsWith(monitored({ maxRuntimeSeconds: 3601 })), "dataQualityMonitor.maxRuntimeSeconds", /at most 3600 seconds for an hourly schedule/);
        expectOne(problemsWith(monitored({ instanceType: "ml.t2.medium" })), "dataQualityMonitor.instanceType", /processing instance type/);
        expectOne(problemsWith(monitored({ monitoringOutputLocation: "team-ml-bucket/monitoring" })), "dataQualityMonitor.monitoringOutputLocation", /S3 location/);
        expectOne(problemsWith((p) => ((p.model as Pipeline).artifactLocation = `${BUCKET}/model.pkl`)), "model.artifactLocation", /model archive/);
    });
});

describe("built-in image URIs (SageMaker Python SDK image_uri_config)", () => {
    const cases: [string, string, string, string][] = [
        ["xgboost", "1.7-1", "ap-northeast-1", "354813040037.dkr.ecr.ap-northeast-1.amazonaws.com/sagemaker-xgboost:1.7-1"],
        ["xgboost", "1.7-1", "us-east-1", "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"],
        ["xgboost", "1.5-1", "eu-west-1", "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.5-1"],
        ["xgboost", "1", "ap-northeast-1", "501404015308.dkr.ecr.ap-northeast-1.amazonaws.com/xgboost:1"],
        ["xgboost", "1", "us-west-2", "433757028032.dkr.ecr.us-west-2.amazonaws.com/xgboost:1"],
        ["xgboost", "1.7-1", "cn-north-1", "450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1"],
    ];
    for (const [framework, version, region, uri] of cases) {
        it(`${framework} ${version} in ${region}`, () => expect(builtinImageUri(framework, version, region)).to.equal(uri));
    }
    it("Model Monitor's analyzer image per region", () => {
        expect(modelMonitorImageUri("ap-northeast-1")).to.equal("574779866223.dkr.ecr.ap-northeast-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest");
        expect(modelMonitorImageUri("us-east-1")).to.equal("156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest");
        expect(modelMonitorImageUri("il-central-1")).to.have.property("problem").that.matches(/found "il-central-1"/);
    });
});

describe("config: the monitors of an existing endpoint (endpointMonitorsSchema)", () => {
    const base = { name: "churn", endpointName: "xgb-churn-prediction-endpoint", captureLocation: `${BUCKET}/capture` };
    const modelQuality = { ...monitorCommon, enabled: true, problemType: "Regression", groundTruthInput: `${BUCKET}/ground-truth`, baselineGroundTruthAttribute: "label", inferenceAttribute: "0" };
    const issues = (value: unknown) => {
        const parsed = endpointMonitorsSchema.safeParse(value);
        return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };

    it("takes an endpoint by name, its capture location and a monitor, with the monitor's defaults", () => {
        const parsed = endpointMonitorsSchema.parse({ ...base, dataQualityMonitor: { ...monitorCommon, enabled: true } });
        expect(parsed).to.deep.include({ network: { isolation: true }, modelQualityMonitor: { enabled: false } });
        expect(parsed.dataQualityMonitor).to.deep.include({ enabled: true, scheduleExpression: "cron(0 * ? * * *)", maxRuntimeSeconds: 3600 });
    });

    it("needs at least one monitor", () => {
        expect(issues(base)).to.deep.equal(["dataQualityMonitor.enabled: expected dataQualityMonitor or modelQualityMonitor enabled, found neither"]);
    });

    it("keeps the monitors' own rules: the hourly runtime, the problem type's attributes", () => {
        expect(issues({ ...base, dataQualityMonitor: { ...monitorCommon, enabled: true, maxRuntimeSeconds: 3601 } })).to.deep.equal(["dataQualityMonitor.maxRuntimeSeconds: expected at most 3600 seconds for an hourly schedule, found 3601"]);
        const { inferenceAttribute: _i, ...noInference } = modelQuality;
        expect(issues({ ...base, modelQualityMonitor: noInference })).to.deep.equal(["modelQualityMonitor.inferenceAttribute: expected inferenceAttribute for problemType Regression, found nothing"]);
    });

    it("checks the endpoint's name and the capture location as SageMaker and S3 take them", () => {
        const ok = { ...base, dataQualityMonitor: { ...monitorCommon, enabled: true } };
        expect(issues({ ...ok, endpointName: "xgb_churn" })[0]).to.match(/^endpointName: a SageMaker name/);
        expect(issues({ ...ok, captureLocation: "team-ml-bucket/capture" })[0]).to.match(/^captureLocation: an S3 location/);
    });
});
