import { expect } from "chai";
import { validateBody } from "../../automation/body/validate";
import { REQUIRED_KEYS } from "../../automation/body/requiredKeys";
import { IMPLEMENTED_PIPELINE_TYPES, NOT_IMPLEMENTED_PIPELINE_TYPES } from "../../automation/body/pipelineTypes";
import { BadRequestError } from "../../automation/errors";
import { firstMissingKey } from "../../automation/body/requiredKeys";
import { ASSETS_BUCKET, DATA_QUALITY_MONITOR_BODY, MODEL_QUALITY_MONITOR_BODY, REALTIME_BUILTIN_BODY, REALTIME_CUSTOM_BODY } from "./support/bodies";

const RULES = { assetsBucket: ASSETS_BUCKET, region: "us-east-1" };

/** The BadRequestError a body gets (fails the test if it is accepted). */
function rejection(body: unknown): BadRequestError {
    try {
        validateBody(body, RULES);
    } catch (error) {
        if (error instanceof BadRequestError) return error;
        throw error;
    }
    throw new Error(`accepted: ${JSON.stringify(body)}`);
}

const VALID: Record<string, Record<string, unknown>> = {
    byom_realtime_builtin: REALTIME_BUILTIN_BODY,
    byom_realtime_custom: REALTIME_CUSTOM_BODY,
    byom_data_quality_monitor: DATA_QUALITY_MONITOR_BODY,
    byom_model_quality_monitor: MODEL_QUALITY_MONITOR_BODY,
};

describe("automation: orchestrator bodies", () => {
    describe("the seed's two bodies, placeholders filled, as they are", () => {
        it("byom_realtime_builtin becomes the component's model, endpoint and capture", () => {
            const request = validateBody(REALTIME_BUILTIN_BODY, RULES);
            expect(request).to.deep.include({ pipelineId: "my-model-name-realtime", modelName: "my-model-name", endpointName: "custom-endpoint-name" });
            if (request.kind !== "realtime") throw new Error(request.kind);
            expect(request.model).to.deep.equal({ kind: "builtin", framework: "xgboost", frameworkVersion: "1", artifactLocation: `s3://${ASSETS_BUCKET}/path/to/model.tar.gz` });
            expect(request.endpoint).to.deep.equal({ kind: "realtime", instanceType: "ml.m5.large", initialInstanceCount: 1 });
            expect(request.dataCapture.location).to.equal("s3://mlops-data-123456789012/datacapture");
        });
        it("byom_data_quality_monitor, numbers sent as strings", () => {
            const request = validateBody(DATA_QUALITY_MONITOR_BODY, RULES);
            if (request.kind !== "data-quality-monitor") throw new Error(request.kind);
            expect(request.endpointName).to.equal("xgb-churn-prediction-endpoint");
            expect(request.monitor).to.deep.include({
                baselineData: `s3://${ASSETS_BUCKET}/path/to/data_with_header.csv`,
                scheduleExpression: "cron(0 * ? * * *)",
                instanceVolumeSizeGb: 20,
                maxRuntimeSeconds: 3300,
                baselineMaxRuntimeSeconds: 3300,
            });
        });
    });

    describe("byom_model_quality_monitor: the orchestrator's keys become the component's model-quality monitor", () => {
        it("a binary classifier's body: the monitor common keys, the attributes, the ground truth, the threshold as a number", () => {
            const request = validateBody(MODEL_QUALITY_MONITOR_BODY, RULES);
            if (request.kind !== "model-quality-monitor") throw new Error(request.kind);
            expect(request).to.deep.include({ pipelineId: "my-model-name-model-quality-monitor", endpointName: "xgb-churn-prediction-endpoint", dataCaptureLocation: "s3://mlops-data-123456789012/datacapture" });
            expect(request.monitor).to.deep.equal({
                baselineData: `s3://${ASSETS_BUCKET}/path/to/baseline_with_predictions.csv`,
                baselineJobOutputLocation: "s3://mlops-data-123456789012/mq-baseline",
                monitoringOutputLocation: "s3://mlops-data-123456789012/mq-monitoring",
                scheduleExpression: "cron(0 * ? * * *)",
                instanceType: "ml.m5.large",
                instanceVolumeSizeGb: 20,
                maxRuntimeSeconds: 1800,
                baselineMaxRuntimeSeconds: 3600,
                problemType: "BinaryClassification",
                groundTruthInput: "s3://mlops-data-123456789012/ground-truth",
                baselineInferenceAttribute: "prediction",
                baselineGroundTruthAttribute: "label",
                baselineProbabilityAttribute: "probability",
                inferenceAttribute: "0",
                probabilityAttribute: "0",
                probabilityThreshold: 0.5,
            });
        });
        it("a regression body needs no probability keys, and gets none", () => {
            const { baseline_probability_attribute: _b, monitor_probability_attribute: _p, probability_threshold_attribute: _t, ...regression } = MODEL_QUALITY_MONITOR_BODY;
            const request = validateBody({ ...regression, problem_type: "Regression" }, RULES);
            expect(request.kind === "model-quality-monitor" && request.monitor).to.deep.include({ problemType: "Regression", inferenceAttribute: "0" }).and.not.have.any.keys("probabilityThreshold", "baselineProbabilityAttribute");
        });
    });

    it("the custom-image body is accepted too", () => {
        expect(validateBody(REALTIME_CUSTOM_BODY, RULES)).to.deep.include({ pipelineId: "my-custom-model-realtime" });
    });

    describe("required keys: each key of the table, missing, is named as the orchestrator names it", () => {
        for (const type of IMPLEMENTED_PIPELINE_TYPES) {
            for (const key of REQUIRED_KEYS[type](VALID[type]).filter((k) => k !== "pipeline_type")) {
                it(`${type} without ${key}`, () => {
                    const { [key]: _dropped, ...body } = VALID[type];
                    const error = rejection(body);
                    expect(error.status).to.equal(400);
                    expect(error.body()).to.deep.equal({
                        message: "A BadRequest exception occurred",
                        detailedMessage: `Bad request. API body does not have the necessary parameter: ${key}`,
                        field: key,
                    });
                });
            }
        }
        it("conditional keys follow problem_type (the model-quality row of the table)", () => {
            const { monitor_inference_attribute: _a, ...binary } = MODEL_QUALITY_MONITOR_BODY;
            expect(firstMissingKey("byom_model_quality_monitor", binary)).to.equal(undefined);
            expect(firstMissingKey("byom_model_quality_monitor", { ...binary, problem_type: "Regression" })).to.equal("monitor_inference_attribute");
            const { baseline_probability_attribute: _b, ...noProbability } = MODEL_QUALITY_MONITOR_BODY;
            expect(firstMissingKey("byom_model_quality_monitor", noProbability)).to.equal("baseline_probability_attribute");
        });
        it("the not-implemented types have their table rows too", () => {
            expect(REQUIRED_KEYS.byom_batch_builtin({})).to.include.members(["batch_inference_data", "batch_job_output_location", "model_framework"]);
            expect(REQUIRED_KEYS.byom_image_builder({})).to.deep.equal(["pipeline_type", "custom_algorithm_docker", "ecr_repo_name", "image_tag"]);
            expect(REQUIRED_KEYS.byom_batch_custom({ use_model_registry: "Yes" })).to.include("model_package_name").and.not.include("custom_image_uri");
        });
    });

    describe("pipeline types", () => {
        it("no pipeline_type", () => expect(rejection({ model_name: "m" }).detailedMessage).to.equal("Bad request. API body does not have the necessary parameter: pipeline_type"));
        it("an unknown type lists the orchestrator's types", () => {
            const error = rejection({ pipeline_type: "byom_realtime" });
            expect(error.field).to.equal("pipeline_type");
            expect(error.detailedMessage).to.match(/not supported: "byom_realtime"\. Expected one of byom_realtime_builtin, /);
        });
        for (const type of NOT_IMPLEMENTED_PIPELINE_TYPES) {
            it(`${type} is named as not implemented, with the implemented ones`, () => {
                const error = rejection({ pipeline_type: type });
                expect(error.detailedMessage).to.equal(`Bad request. Pipeline type ${type} is not implemented by this service. Implemented: ${IMPLEMENTED_PIPELINE_TYPES.join(", ")}.`);
            });
        }
        it("the model registry is not implemented", () => {
            const { model_framework: _f, model_framework_version: _v, model_artifact_location: _l, ...rest } = REALTIME_BUILTIN_BODY;
            expect(rejection({ ...rest, use_model_registry: "Yes", model_package_name: "pkg" }).field).to.equal("use_model_registry");
        });
        it("a body that is not an object", () => {
            for (const body of [null, [], "text", 5]) expect(rejection(body).detailedMessage).to.equal("Bad request. API body must be a JSON object.");
        });
    });

    describe("values are checked before anything is provisioned, each failure naming its field", () => {
        const cases: [string, string, unknown, RegExp][] = [
            ["byom_realtime_builtin", "inference_instance", "m5.large", /hosting instance type/],
            ["byom_realtime_builtin", "inference_instance", "ml.m5.larg", /hosting instance type/],
            ["byom_realtime_builtin", "model_framework", "tensorflowish", /built-in framework/],
            ["byom_realtime_builtin", "model_framework_version", "9", /a version of xgboost/],
            ["byom_realtime_builtin", "model_artifact_location", "path/to/model.zip", /\.tar\.gz/],
            ["byom_realtime_builtin", "model_artifact_location", "s3://another-bucket/model.tar.gz", /assets bucket "mlops-assets-123456789012"/],
            ["byom_realtime_builtin", "model_artifact_location", "../model.tar.gz", /"\."\/"\.\." segments/],
            ["byom_realtime_builtin", "data_capture_location", "Bad_Bucket/prefix", /S3 location/],
            ["byom_realtime_builtin", "data_capture_location", "https://bucket/prefix", /bucket\/prefix or s3:\/\/bucket\/prefix/],
            ["byom_realtime_builtin", "model_name", "My_Model", /lower-case letters, digits and hyphens/],
            ["byom_realtime_builtin", "model_name", 5, /a string, found 5/],
            ["byom_realtime_builtin", "endpoint_name", "end_point", /SageMaker name/],
            ["byom_realtime_builtin", "kms_key_arn", "alias/mine", /KMS key ARN/],
            ["byom_realtime_builtin", "unknown_key", "x", /not a parameter of byom_realtime_builtin/],
            ["byom_realtime_custom", "custom_image_uri", "docker.io/library/nginx:latest", /ECR image/],
            ["byom_data_quality_monitor", "schedule_expression", "cron(5 * ? * * *)", /Model Monitor schedule/],
            ["byom_data_quality_monitor", "schedule_expression", "rate(1 hour)", /Model Monitor schedule/],
            ["byom_data_quality_monitor", "monitor_max_runtime_seconds", "0", />=1/],
            ["byom_data_quality_monitor", "monitor_max_runtime_seconds", "an hour", /a number/],
            ["byom_data_quality_monitor", "instance_volume_size", 0, />=1/],
            ["byom_data_quality_monitor", "instance_type", "ml.g5.xlarge", /processing instance type/],
            ["byom_data_quality_monitor", "baseline_data", "s3://elsewhere/data.csv", /assets bucket/],
            ["byom_data_quality_monitor", "monitoring_output_location", "s3://", /S3 location/],
            ["byom_data_quality_monitor", "endpoint_name", "xgb_churn", /SageMaker name/],
            ["byom_data_quality_monitor", "data_capture_location", "ftp://bucket/prefix", /bucket\/prefix or s3:\/\/bucket\/prefix/],
            ["byom_data_quality_monitor", "kms_key_arn", "alias/mine", /KMS key ARN/],
            ["byom_model_quality_monitor", "problem_type", "Classification", /Regression.*BinaryClassification/],
            ["byom_model_quality_monitor", "monitor_ground_truth_input", "Bad_Bucket/labels", /S3 location/],
            ["byom_model_quality_monitor", "probability_threshold_attribute", "1.5", /<=1/],
            ["byom_model_quality_monitor", "probability_threshold_attribute", "half", /a number/],
            ["byom_model_quality_monitor", "baseline_ground_truth_attribute", 7, /a string/],
            ["byom_model_quality_monitor", "bias_config", "{}", /not a parameter of byom_model_quality_monitor/],
        ];
        for (const [type, field, value, message] of cases) {
            it(`${type} ${field}: ${JSON.stringify(value)}`, () => {
                const error = rejection({ ...VALID[type], [field]: value });
                expect(error.field).to.equal(field);
                expect(error.detailedMessage).to.match(new RegExp(`^Bad request\\. ${field}: `));
                expect(error.detailedMessage).to.match(message);
            });
        }
        it("monitor_max_runtime_seconds: at most 86400 on any schedule", () => {
            const error = rejection({ ...DATA_QUALITY_MONITOR_BODY, schedule_expression: "cron(0 3 ? * * *)", monitor_max_runtime_seconds: "86401" });
            expect([error.field, error.detailedMessage]).to.deep.equal(["monitor_max_runtime_seconds", 'Bad request. monitor_max_runtime_seconds: expected a number <=86400, found "86401"']);
        });
        it("a daily schedule allows a longer run than an hourly one", () => {
            expect(() => validateBody({ ...DATA_QUALITY_MONITOR_BODY, schedule_expression: "cron(0 3 ? * * *)", monitor_max_runtime_seconds: "7200" }, RULES)).not.to.throw();
        });
        it("endpoint_name is lower-cased, as the orchestrator does", () => {
            expect(validateBody({ ...REALTIME_BUILTIN_BODY, endpoint_name: "Custom-Endpoint" }, RULES)).to.deep.include({ endpointName: "custom-endpoint" });
        });
        it("a built-in image must be published in the service's region", () => {
            const error = (() => { try { validateBody(REALTIME_BUILTIN_BODY, { ...RULES, region: "xx-nowhere-1" }); } catch (e) { return e as BadRequestError; } throw new Error("accepted"); })();
            expect(error.field).to.equal("model_framework_version");
        });
    });
});
