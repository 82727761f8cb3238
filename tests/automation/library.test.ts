import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { Automation } from "../../automation/library/automation";
import { BadRequestError, NotFoundError } from "../../automation/errors";
import { platformEnvironment } from "../../automation/pipelines/pipelineEnvironment";
import { SageMakerPipelineStacks } from "../../automation/pipelines/sageMakerStacks";
import { OfflineRunner } from "../../automation/runner/offlineRunner";
import type { ProgressEvent } from "../../automation/state/pipelineStore";
import { createAutomation, settingsFromEnvironment } from "../../automation/settings";
import { ASSETS_BUCKET, DATA_QUALITY_MONITOR_BODY, MODEL_QUALITY_MONITOR_BODY, REALTIME_BUILTIN_BODY } from "./support/bodies";
import { TOKEN } from "./support/harness";
import { post, startService, tempDir } from "./support/harness";

const ENVIRONMENT = platformEnvironment("dev", process.cwd());
const MONITOR_OF_REALTIME = { ...DATA_QUALITY_MONITOR_BODY, endpoint_name: REALTIME_BUILTIN_BODY.endpoint_name };

function offlineAutomation(dataDir: string): Automation {
    return new Automation({
        dataDir,
        runner: new OfflineRunner(),
        rules: { assetsBucket: ASSETS_BUCKET, region: ENVIRONMENT.region },
        stacks: new SageMakerPipelineStacks(ENVIRONMENT),
        platformDir: process.cwd(),
    });
}

describe("automation: the library with the offline runner (the real component, planned)", () => {
    const dataDir = tempDir();
    let automation: Automation;
    const events: ProgressEvent[] = [];

    before(() => {
        automation = offlineAutomation(dataDir);
        automation.subscribe((e) => events.push(e));
    });
    after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it("the seed's realtime body provisions: the plan's endpoint, model and capture are the pipeline's outputs", async () => {
        expect(automation.provision(REALTIME_BUILTIN_BODY)).to.deep.equal({ message: "success: stack creation started", pipeline_id: "my-model-name-realtime" });
        const status = await automation.waitFor("my-model-name-realtime");
        expect(status).to.deep.include({ status: "succeeded", runner: "offline", stack: "my-model-name" });
        expect(status.outputs).to.include({ endpointName: "custom-endpoint-name", imageUri: `501404015308.dkr.ecr.${ENVIRONMENT.region}.amazonaws.com/xgboost:1` });
        expect(status.outputs.plannedResources).to.include({ "aws:sagemaker/endpoint:Endpoint": 1, "aws:sagemaker/model:Model": 1, "aws:sagemaker/endpointConfiguration:EndpointConfiguration": 1 });
        expect(status.outputs).not.to.have.property("dataQualityMonitor");
        // Progress streamed to the subscriber as it happened, state changes included.
        const mine = events.filter((e) => e.pipelineId === "my-model-name-realtime").map((e) => e.message);
        expect(mine[0]).to.equal("queued");
        expect(mine).to.include.members(["running", "succeeded"]);
        expect(mine.some((m) => /^create aws:sagemaker\/endpoint:Endpoint /.test(m))).to.equal(true);
    });

    it("the seed's monitor body, naming that endpoint, adds the data-quality monitor to the model's stack", async () => {
        expect(automation.provision(MONITOR_OF_REALTIME).pipeline_id).to.equal("my-model-name-data-quality-monitor");
        const status = await automation.waitFor("my-model-name-data-quality-monitor");
        expect(status).to.deep.include({ status: "succeeded", stack: "my-model-name" });
        expect(status.outputs.plannedResources).to.include({ "aws:sagemaker/endpoint:Endpoint": 1, "aws:sagemaker/monitoringSchedule:MonitoringSchedule": 1 });
        expect(status.outputs).to.have.nested.property("dataQualityMonitor.scheduleName");
    });

    it("the component's whole-pipeline rules apply before anything runs: an hourly monitor may run 3600 s at most", () => {
        let error: unknown;
        try {
            automation.provision({ ...MONITOR_OF_REALTIME, monitor_max_runtime_seconds: "3601" });
        } catch (e) {
            error = e;
        }
        expect(error).to.be.instanceOf(BadRequestError);
        expect((error as BadRequestError).body()).to.deep.include({ field: "monitor_max_runtime_seconds", detailedMessage: "Bad request. monitor_max_runtime_seconds: expected at most 3600 seconds for an hourly schedule, found 3601" });
        expect(automation.status("my-model-name-data-quality-monitor").status).to.equal("succeeded");
    });

    it("the realtime pipeline's next update keeps the monitor the stack has", async () => {
        automation.provision({ ...REALTIME_BUILTIN_BODY, inference_instance: "ml.m5.xlarge" });
        const status = await automation.waitFor("my-model-name-realtime");
        expect(status.outputs.plannedResources).to.include({ "aws:sagemaker/monitoringSchedule:MonitoringSchedule": 1 });
    });

    it("preview plans the body without storing or queueing anything", async () => {
        const result = await automation.preview({ ...REALTIME_BUILTIN_BODY, model_name: "preview-only" });
        expect(result.changes.create).to.be.greaterThan(5);
        expect(() => automation.status("preview-only-realtime")).to.throw(NotFoundError);
    });

    it("a restart finds every pipeline; an update the old process left running is failed, not lost", async () => {
        const record = path.join(dataDir, "pipelines", "my-model-name-realtime.json");
        const stored = JSON.parse(fs.readFileSync(record, "utf8"));
        fs.writeFileSync(record, JSON.stringify({ ...stored, status: "running" }));
        const restarted = offlineAutomation(dataDir);
        expect(restarted.list().map((s) => s.pipeline_id).sort()).to.deep.equal(["my-model-name-data-quality-monitor", "my-model-name-realtime"]);
        expect(restarted.status("my-model-name-data-quality-monitor")).to.deep.include({ status: "succeeded" });
        expect(restarted.status("my-model-name-realtime")).to.deep.include({ status: "failed" });
        expect(restarted.status("my-model-name-realtime").error).to.match(/^interrupted: the service stopped/);
        // The applied bodies survived: the monitor's stack update still includes the endpoint.
        restarted.provision(MONITOR_OF_REALTIME);
        expect((await restarted.waitFor("my-model-name-data-quality-monitor")).status).to.equal("succeeded");
    });

    it("a model's pipeline cannot be removed while its monitor stays: 400 at once, nothing queued", () => {
        let error: unknown;
        try {
            automation.destroy("my-model-name-realtime");
        } catch (e) {
            error = e;
        }
        expect((error as BadRequestError).body()).to.deep.include({ field: "model_name" });
        expect(automation.status("my-model-name-realtime").operation).to.equal("up");
    });

    it("destroy removes a monitor from the stack, then the pipeline itself; its status is then 404", async () => {
        automation.destroy("my-model-name-data-quality-monitor");
        // waitFor answers the status once the removal ended: the pipeline is gone.
        expect(await automation.waitFor("my-model-name-data-quality-monitor").catch((e) => e)).to.be.instanceOf(NotFoundError);
        const realtime = await automation.waitFor("my-model-name-realtime");
        expect(realtime.outputs.plannedResources).not.to.have.property("aws:sagemaker/monitoringSchedule:MonitoringSchedule");
        automation.destroy("my-model-name-realtime");
        expect(await automation.waitFor("my-model-name-realtime").catch((e) => e)).to.be.instanceOf(NotFoundError);
        expect(() => automation.status("my-model-name-realtime")).to.throw(NotFoundError);
        expect(fs.readdirSync(path.join(dataDir, "pipelines"))).to.deep.equal([]);
    });

    it("runs a platform stack through the same runner: dev plans with its outputs", async () => {
        const result = await automation.platform("dev").preview();
        expect(result.changes.create).to.be.greaterThan(20);
        expect(result.outputs.plannedResources).to.have.property("analytics:index:DataLake", 1);
    });
});

/** The endpoint, model and configuration a stack would create: none in a monitor-only stack. */
const ENDPOINT_TYPES = ["aws:sagemaker/endpoint:Endpoint", "aws:sagemaker/model:Model", "aws:sagemaker/endpointConfiguration:EndpointConfiguration"];

describe("automation: a monitor of an endpoint made elsewhere gets a monitor-only stack", () => {
    const dataDir = tempDir();
    let automation: Automation;

    before(async () => {
        automation = offlineAutomation(dataDir);
        automation.provision(REALTIME_BUILTIN_BODY);
        await automation.waitFor("my-model-name-realtime");
    });
    after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it("the seed's monitor body as written (xgb-churn-prediction-endpoint, not this service's custom-endpoint-name) monitors that endpoint by name", async () => {
        automation.provision(DATA_QUALITY_MONITOR_BODY);
        const status = await automation.waitFor("my-model-name-data-quality-monitor");
        expect(status).to.deep.include({ status: "succeeded", stack: "my-model-name-monitors" });
        expect(status.outputs).to.include({ endpointName: "xgb-churn-prediction-endpoint" });
        expect(status.outputs.plannedResources).to.include({
            "analytics:index:SageMakerEndpointMonitors": 1,
            "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition": 1,
            "aws:sagemaker/monitoringSchedule:MonitoringSchedule": 1,
            "aws:iam/role:Role": 1,
        }).and.not.to.have.any.keys(...ENDPOINT_TYPES);
        // The model's realtime stack is untouched: no monitor joined it.
        const realtime = automation.status("my-model-name-realtime");
        expect(realtime.outputs.plannedResources).not.to.have.property("aws:sagemaker/monitoringSchedule:MonitoringSchedule");
    });

    it("the model-quality monitor of that endpoint joins the monitor-only stack (aws-native job definition)", async () => {
        expect(automation.provision(MODEL_QUALITY_MONITOR_BODY)).to.deep.equal({ message: "success: stack creation started", pipeline_id: "my-model-name-model-quality-monitor" });
        const status = await automation.waitFor("my-model-name-model-quality-monitor");
        expect(status).to.deep.include({ status: "succeeded", stack: "my-model-name-monitors" });
        expect(status.outputs).to.have.nested.property("modelQualityMonitor.scheduleName");
        expect(status.outputs.plannedResources).to.include({ "aws-native:sagemaker:ModelQualityJobDefinition": 1, "aws:sagemaker/monitoringSchedule:MonitoringSchedule": 2 });
        // Both pipelines of the stack report the stack's outputs.
        expect(automation.status("my-model-name-data-quality-monitor").outputs).to.have.property("modelQualityMonitor");
    });

    it("the monitor-only stack's rules apply up front: an hourly model-quality monitor may run 3600 s at most", () => {
        const error = rejectionOf(() => automation.provision({ ...MODEL_QUALITY_MONITOR_BODY, monitor_max_runtime_seconds: "3601" }));
        expect(error.body()).to.deep.include({ field: "monitor_max_runtime_seconds", detailedMessage: "Bad request. monitor_max_runtime_seconds: expected at most 3600 seconds for an hourly schedule, found 3601" });
    });

    it("a model's monitors there watch one endpoint, one capture location", () => {
        expect(rejectionOf(() => automation.provision({ ...MODEL_QUALITY_MONITOR_BODY, data_capture_location: "mlops-data-123456789012/other" })).field).to.equal("data_capture_location");
    });

    it("a pipeline does not move between stacks: naming the service's endpoint now is refused until it is removed", () => {
        const error = rejectionOf(() => automation.provision({ ...DATA_QUALITY_MONITOR_BODY, endpoint_name: "custom-endpoint-name" }));
        expect(error.body()).to.deep.include({ field: "endpoint_name" });
        expect(error.body().detailedMessage).to.match(/is in stack my-model-name-monitors; this body puts it in my-model-name/);
    });

    it("a model named like a monitor-only stack is refused (the stacks would be one)", () => {
        const error = rejectionOf(() => automation.provision({ ...REALTIME_BUILTIN_BODY, model_name: "my-model-name-monitors", endpoint_name: "other-endpoint" }));
        expect(error.body()).to.deep.include({ field: "model_name" });
    });

    it("a model-quality monitor of the service's own endpoint joins its realtime stack, with the pipeline's key", async () => {
        const own = { ...MODEL_QUALITY_MONITOR_BODY, endpoint_name: "custom-endpoint-name" };
        const other = offlineAutomation(tempDir());
        other.provision(REALTIME_BUILTIN_BODY);
        await other.waitFor("my-model-name-realtime");
        // The monitor's reports use the pipeline's key there: another key is refused, not ignored.
        expect(rejectionOf(() => other.provision({ ...own, kms_key_arn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" })).field).to.equal("kms_key_arn");
        other.provision(own);
        const status = await other.waitFor("my-model-name-model-quality-monitor");
        expect(status).to.deep.include({ status: "succeeded", stack: "my-model-name" });
        expect(status.outputs.plannedResources).to.include({ "aws-native:sagemaker:ModelQualityJobDefinition": 1, "aws:sagemaker/endpoint:Endpoint": 1 });
    });

    it("a monitor-only stack's config holds its monitors (not a pipeline) and the aws-native provider's region", () => {
        const target = new SageMakerPipelineStacks(ENVIRONMENT).target("my-model-name-monitors", [automation.validate(MODEL_QUALITY_MONITOR_BODY)]);
        expect(target.config).to.include({ "aws:region": ENVIRONMENT.region, "aws-native:region": ENVIRONMENT.region });
        expect(target.config).not.to.have.property("mlops:pipeline");
        expect(JSON.parse(target.config["mlops:endpointMonitors"])).to.deep.include({ name: "my-model-name", endpointName: "xgb-churn-prediction-endpoint", captureLocation: "s3://mlops-data-123456789012/datacapture" });
    });

    it("removing the monitors removes the monitor-only stack; the realtime pipeline stays", async () => {
        automation.destroy("my-model-name-model-quality-monitor");
        await automation.waitFor("my-model-name-model-quality-monitor").catch(() => undefined);
        expect((await automation.waitFor("my-model-name-data-quality-monitor")).outputs).not.to.have.property("modelQualityMonitor");
        automation.destroy("my-model-name-data-quality-monitor");
        expect(await automation.waitFor("my-model-name-data-quality-monitor").catch((e) => e)).to.be.instanceOf(NotFoundError);
        expect(automation.list().map((p) => p.pipeline_id)).to.deep.equal(["my-model-name-realtime"]);
    });
});

function rejectionOf(call: () => unknown): BadRequestError {
    try {
        call();
    } catch (error) {
        if (error instanceof BadRequestError) return error;
        throw error;
    }
    throw new Error("accepted");
}

describe("automation: the seed's two bodies as written, end to end (AUTOMATION_RUNNER=offline)", () => {
    const environment = (dataDir: string) => ({ AUTOMATION_TOKEN: TOKEN, AUTOMATION_RUNNER: "offline", ASSETS_BUCKET, AUTOMATION_DATA_DIR: dataDir, AUTOMATION_PLATFORM_STACK: "dev" });

    it("through the library: both provision and report their status", async () => {
        const automation = createAutomation(settingsFromEnvironment(environment(tempDir())));
        expect(automation.runnerName).to.equal("offline");
        expect(automation.provision(REALTIME_BUILTIN_BODY)).to.deep.equal({ message: "success: stack creation started", pipeline_id: "my-model-name-realtime" });
        expect(automation.provision(DATA_QUALITY_MONITOR_BODY)).to.deep.equal({ message: "success: stack creation started", pipeline_id: "my-model-name-data-quality-monitor" });
        const realtime = await automation.waitFor("my-model-name-realtime");
        const monitor = await automation.waitFor("my-model-name-data-quality-monitor");
        expect(realtime).to.deep.include({ status: "succeeded", stack: "my-model-name" });
        expect(realtime.outputs).to.include({ endpointName: "custom-endpoint-name" });
        expect(monitor).to.deep.include({ status: "succeeded", stack: "my-model-name-monitors" });
        expect(monitor.outputs).to.include({ endpointName: "xgb-churn-prediction-endpoint" });
        expect(monitor.outputs).to.have.nested.property("dataQualityMonitor.scheduleName");
    });

    it("through HTTP: both answer 200, then /pipelinestatus reports them succeeded with their outputs", async () => {
        const service = await startService({ dataDir: tempDir(), runner: new OfflineRunner(), stacks: new SageMakerPipelineStacks(ENVIRONMENT), region: ENVIRONMENT.region });
        try {
            expect((await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY)).body).to.deep.equal({ message: "success: stack creation started", pipeline_id: "my-model-name-realtime" });
            expect(await post(`${service.url}/provisionpipeline`, DATA_QUALITY_MONITOR_BODY)).to.deep.equal({ status: 200, body: { message: "success: stack creation started", pipeline_id: "my-model-name-data-quality-monitor" } });
            await service.automation.waitFor("my-model-name-realtime");
            await service.automation.waitFor("my-model-name-data-quality-monitor");
            const realtime = await post(`${service.url}/pipelinestatus`, { pipeline_id: "my-model-name-realtime" });
            expect(realtime.body).to.deep.include({ status: "succeeded" });
            expect(realtime.body.outputs).to.include({ endpointName: "custom-endpoint-name" });
            const monitor = await post(`${service.url}/pipelinestatus`, { pipeline_id: "my-model-name-data-quality-monitor" });
            expect(monitor.body).to.deep.include({ status: "succeeded", stack: "my-model-name-monitors" });
            expect(monitor.body.outputs).to.include({ endpointName: "xgb-churn-prediction-endpoint" });
            expect(monitor.body.outputs).to.have.nested.property("dataQualityMonitor.scheduleName");
            expect((monitor.body.outputs as { plannedResources: object }).plannedResources).not.to.have.any.keys(...ENDPOINT_TYPES);
        } finally {
            await service.close();
        }
    });
});

describe("automation: the offline runner's planning thread (the service's mode)", () => {
    it("plans a pipeline in a worker thread to the same outputs as in-process, streaming its events", async () => {
        const stacks = new SageMakerPipelineStacks(ENVIRONMENT);
        const request = new Automation({ dataDir: tempDir(), runner: new OfflineRunner(), rules: { assetsBucket: ASSETS_BUCKET, region: ENVIRONMENT.region }, stacks }).validate(REALTIME_BUILTIN_BODY);
        const target = stacks.target("my-model-name", [request]);
        const threaded = new OfflineRunner({ thread: true });
        try {
            const events: string[] = [];
            const inThread = await threaded.up(target, (e) => events.push(e.message));
            const inProcess = await new OfflineRunner().up(target, () => {});
            expect(inThread).to.deep.equal(inProcess);
            expect(events.some((m) => /^create aws:sagemaker\/endpoint:Endpoint /.test(m))).to.equal(true);
            // A program that fails in the thread fails the run with its message.
            const broken = { ...target, config: { ...target.config, "mlops:pipeline": "{\"name\":\"Bad Name\"}" } };
            const failure = await threaded.up(broken, () => {}).catch((e: Error) => e.message);
            expect(failure).to.match(/pipeline\.name/);
        } finally {
            await threaded.close();
        }
    });
});
