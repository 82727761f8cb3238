import { expect } from "chai";
import { SageMakerEndpointMonitors } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointMonitors";
import { SageMakerEndpointMonitorsArgs } from "../../components/sageMakerEndpointPipeline/sageMakerEndpointPipelineArgs";
import { Plan, planProgram } from "../../tools/engine/run";
import { list, named, ofType, statements } from "../helpers/resources";

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const BUCKET = "team-ml-bucket";
const placement = { project: "mlops", stack: "churn-monitors", tags: {} };
const monitor = {
    baselineData: `s3://${BUCKET}/baseline/data.csv`, baselineJobOutputLocation: `s3://${BUCKET}/baseline/out`, monitoringOutputLocation: `s3://${BUCKET}/monitoring`,
    scheduleExpression: "cron(0 * ? * * *)", instanceType: "ml.m5.large", instanceVolumeSizeGb: 20, maxRuntimeSeconds: 3300, baselineMaxRuntimeSeconds: 3300,
};
const GIVEN_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const base = { placement, region: REGION, kmsDeletionWindowDays: 7, protection: { protectData: false, versioning: true }, network: { isolation: true } };

/** Two monitor-only components: one with both monitors and its own key, one data-quality monitor with the team's key. */
const MONITORS: [string, SageMakerEndpointMonitorsArgs][] = [
    ["churn", {
        ...base, name: "churn", endpointName: "xgb-churn-prediction-endpoint", captureLocation: `s3://${BUCKET}/capture`,
        dataQualityMonitor: monitor,
        modelQualityMonitor: { ...monitor, maxRuntimeSeconds: 1800, problemType: "Regression", groundTruthInput: `s3://${BUCKET}/ground-truth`, baselineGroundTruthAttribute: "label", inferenceAttribute: "0" },
    }],
    ["keyed", { ...base, name: "keyed", endpointName: "team-endpoint", captureLocation: `s3://${BUCKET}/team-capture`, kmsKeyArn: GIVEN_KEY, dataQualityMonitor: monitor }],
];

describe("SageMakerEndpointMonitors (monitors of an endpoint made elsewhere)", function () {
    let plan: Plan;
    before(async () => {
        plan = await planProgram({
            project: placement.project, stack: placement.stack, config: { "aws:region": REGION, "aws-native:region": REGION },
            program: () => {
                for (const [name, args] of MONITORS) new SageMakerEndpointMonitors(name, args);
                return {};
            },
        });
    });
    const dataQuality = (name: string) => named(ofType(plan, "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"), `${name}-data-quality`);
    const sid = (name: string, id: string) => statements(named(ofType(plan, "aws:iam/rolePolicy:RolePolicy"), name).outputs.policy).find((s) => s.Sid === id);

    it("makes no model, endpoint configuration, endpoint or execution role of its own", () => {
        for (const type of ["aws:sagemaker/model:Model", "aws:sagemaker/endpointConfiguration:EndpointConfiguration", "aws:sagemaker/endpoint:Endpoint"]) {
            expect(ofType(plan, type), type).to.have.length(0);
        }
        expect(ofType(plan, "aws:iam/role:Role").map((r) => r.urn.split("::").pop()).sort()).to.deep.equal(["churn-monitoring", "keyed-monitoring"]);
    });

    it("points each job definition at the endpoint by name, with a schedule of its kind", () => {
        expect(dataQuality("churn").outputs).to.have.nested.property("dataQualityJobInput.endpointInput.endpointName", "xgb-churn-prediction-endpoint");
        expect(named(ofType(plan, "aws-native:sagemaker:ModelQualityJobDefinition"), "churn-model-quality").outputs).to.nested.include({ "modelQualityJobInput.endpointInput.endpointName": "xgb-churn-prediction-endpoint", "modelQualityJobInput.endpointInput.inferenceAttribute": "0" });
        const schedules = ofType(plan, "aws:sagemaker/monitoringSchedule:MonitoringSchedule").map((s) => (s.outputs.monitoringScheduleConfig as { monitoringType: string }).monitoringType).sort();
        expect(schedules).to.deep.equal(["DataQuality", "DataQuality", "ModelQuality"]);
    });

    it("reads the capture only under the location given, and the ground truth only under its prefix", () => {
        expect(sid("churn-monitoring", "ReadCapture")).to.deep.include({ Action: "s3:GetObject", Resource: `arn:aws:s3:::${BUCKET}/capture/*` });
        expect(sid("keyed-monitoring", "ReadCapture")).to.deep.include({ Resource: `arn:aws:s3:::${BUCKET}/team-capture/*` });
        expect(sid("churn-monitoring", "ReadGroundTruth")).to.deep.include({ Resource: `arn:aws:s3:::${BUCKET}/ground-truth/*` });
        expect(sid("keyed-monitoring", "ReadGroundTruth")).to.equal(undefined);
    });

    it("encrypts reports and volumes with its own rotating key, or with the key given (and makes none then)", () => {
        const own = named(ofType(plan, "aws:kms/key:Key"), "churn-key").outputs;
        expect(own.enableKeyRotation).to.equal(true);
        expect(ofType(plan, "aws:kms/key:Key")).to.have.length(1);
        expect(dataQuality("churn").outputs).to.have.nested.property("dataQualityJobOutputConfig.kmsKeyId", own.arn);
        expect(dataQuality("keyed").outputs).to.have.nested.property("dataQualityJobOutputConfig.kmsKeyId", GIVEN_KEY);
        expect(list(sid("keyed-monitoring", "UseKeyThroughS3")?.Resource)).to.deep.equal([GIVEN_KEY]);
    });

    it("refuses to be made without a monitor", async () => {
        const failure = await planProgram({
            project: placement.project, stack: placement.stack, config: { "aws:region": REGION },
            program: () => {
                new SageMakerEndpointMonitors("none", { ...base, name: "none", endpointName: "e", captureLocation: `s3://${BUCKET}/c` });
                return {};
            },
        }).then(() => "planned", (e: Error) => e.message);
        expect(failure).to.match(/expected dataQualityMonitor or modelQualityMonitor, found neither/);
    });
});
