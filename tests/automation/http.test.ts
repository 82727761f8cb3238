import { expect } from "chai";
import * as http from "node:http";
import { platformEnvironment } from "../../automation/pipelines/pipelineEnvironment";
import { SageMakerPipelineStacks } from "../../automation/pipelines/sageMakerStacks";
import type { PipelineStacks } from "../../automation/library/pipelineStacks";
import { DATA_QUALITY_MONITOR_BODY, REALTIME_BUILTIN_BODY, REALTIME_CUSTOM_BODY } from "./support/bodies";
import { ControlledRunner, post, startService, tempDir, TOKEN, until, type Running } from "./support/harness";

const ENVIRONMENT = platformEnvironment("dev", process.cwd());
const MONITOR_OF_REALTIME = { ...DATA_QUALITY_MONITOR_BODY, endpoint_name: REALTIME_BUILTIN_BODY.endpoint_name };

describe("automation: the HTTP service", () => {
    let service: Running;
    let runner: ControlledRunner;
    let dataDir: string;
    const stacks = new SageMakerPipelineStacks(ENVIRONMENT);

    beforeEach(async () => {
        dataDir = tempDir();
        runner = new ControlledRunner();
        service = await startService({ dataDir, runner, stacks, region: ENVIRONMENT.region });
    });
    afterEach(async () => service.close());

    describe("401 without the bearer token", () => {
        for (const [what, token] of [["no Authorization header", null], ["a wrong token", "not-the-token-at-all"], ["the token as a prefix", TOKEN.slice(0, -1)]] as const) {
            it(what, async () => {
                const answer = await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY, token);
                expect(answer).to.deep.equal({ status: 401, body: { message: "Unauthorized" } });
                expect(runner.started).to.deep.equal([]);
            });
        }
        it("a Basic header is not a bearer token", async () => {
            const response = await fetch(`${service.url}/pipelinestatus`, { method: "POST", headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` }, body: "{}" });
            expect(response.status).to.equal(401);
        });
    });

    it("404 for an unknown path, 405 for a method other than POST", async () => {
        expect((await post(`${service.url}/provisionpipelines`, {})).status).to.equal(404);
        const wrong = await post(`${service.url}/provisionpipeline`, undefined, TOKEN, "GET");
        expect(wrong.status).to.equal(405);
        expect(wrong.body.message).to.match(/use POST/);
    });

    it("413 for a body over the limit, before it is parsed", async () => {
        const big = { ...REALTIME_BUILTIN_BODY, padding: "x".repeat(70 * 1024) };
        expect((await post(`${service.url}/provisionpipeline`, big)).status).to.equal(413);
        expect(runner.started).to.deep.equal([]);
    });

    it("413 also for a chunked body without a length", async () => {
        const { port } = new URL(service.url);
        const status = await new Promise<number>((resolve, reject) => {
            const req = http.request({ host: "127.0.0.1", port, path: "/provisionpipeline", method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "transfer-encoding": "chunked" } }, (res) => {
                res.resume();
                resolve(res.statusCode ?? 0);
            });
            req.on("error", reject);
            for (let i = 0; i < 80; i++) req.write("x".repeat(1024));
            req.end();
        });
        expect(status).to.equal(413);
    });

    it("400 in the orchestrator's shape, naming the field", async () => {
        const answer = await post(`${service.url}/provisionpipeline`, { ...REALTIME_BUILTIN_BODY, inference_instance: "ml.m5.larg" });
        expect(answer.status).to.equal(400);
        expect(answer.body).to.deep.include({ message: "A BadRequest exception occurred", field: "inference_instance" });
        expect(answer.body.detailedMessage).to.match(/^Bad request\. inference_instance: expected a SageMaker hosting instance type/);
        const missing = await post(`${service.url}/provisionpipeline`, { pipeline_type: "byom_realtime_builtin" });
        expect(missing.body.detailedMessage).to.equal("Bad request. API body does not have the necessary parameter: model_name");
        expect((await post(`${service.url}/provisionpipeline`, "{not json")).body.detailedMessage).to.equal("Bad request. API body is not valid JSON.");
        expect((await post(`${service.url}/pipelinestatus`, {})).body.detailedMessage).to.equal("Bad request. API body does not have the necessary parameter: pipeline_id");
    });

    it("200 and the orchestrator's answers; status goes queued/running -> succeeded with the outputs", async () => {
        const created = await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY);
        expect(created).to.deep.equal({ status: 200, body: { message: "success: stack creation started", pipeline_id: "my-model-name-realtime" } });
        const during = await post(`${service.url}/pipelinestatus`, { pipeline_id: "my-model-name-realtime" });
        expect(during.status).to.equal(200);
        expect(during.body.status).to.be.oneOf(["queued", "running"]);
        await until(() => runner.started.length === 1);
        expect(runner.started[0]).to.deep.include({ kind: "inline", stackName: "my-model-name", projectName: "mlops" });
        runner.finish({ outputs: { endpointName: "custom-endpoint-name" }, changes: { create: 17 } });
        await service.automation.waitFor("my-model-name-realtime");
        const after = await post(`${service.url}/pipelinestatus`, { pipeline_id: "my-model-name-realtime" });
        expect(after.body).to.deep.include({ pipeline_id: "my-model-name-realtime", status: "succeeded", stack: "my-model-name", outputs: { endpointName: "custom-endpoint-name" } });
        expect((after.body.events as { message: string }[]).map((e) => e.message)).to.include.members(["queued", "running", "create stack my-model-name", "succeeded"]);
        const updated = await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY);
        expect(updated.body).to.deep.equal({ message: "Pipeline my-model-name-realtime is already provisioned. Updating template parameters.", pipeline_id: "my-model-name-realtime" });
    });

    it("409 for a second update of a pipeline (or of its model's stack) while one is queued or running", async () => {
        expect((await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY)).status).to.equal(200);
        const again = await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY);
        expect(again.status).to.equal(409);
        expect(again.body).to.deep.include({ pipeline_id: "my-model-name-realtime" });
        await until(() => runner.started.length === 1);
        runner.finish();
        await service.automation.waitFor("my-model-name-realtime");
        // A monitor updates its model's stack: while it runs, the realtime pipeline waits its turn.
        expect((await post(`${service.url}/provisionpipeline`, MONITOR_OF_REALTIME)).status).to.equal(200);
        expect((await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY)).status).to.equal(409);
        runner.finish();
        await service.automation.waitFor("my-model-name-data-quality-monitor");
        expect((await post(`${service.url}/pipelinestatus`, { pipeline_id: "my-model-name-data-quality-monitor" })).body.status).to.equal("succeeded");
    });

    it("404 for a pipeline never provisioned", async () => {
        const answer = await post(`${service.url}/pipelinestatus`, { pipeline_id: "nobody-realtime" });
        expect(answer).to.deep.equal({ status: 404, body: { message: "Pipeline nobody-realtime has not been provisioned yet.", pipeline_id: "nobody-realtime" } });
    });

    it("a failed update is reported as failed, and another pipeline's update goes on untouched", async () => {
        await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY);
        await post(`${service.url}/provisionpipeline`, REALTIME_CUSTOM_BODY);
        await until(() => runner.started.length === 2);
        runner.finish(new Error("creating SageMaker Endpoint: ResourceLimitExceeded\n    at Object.<anonymous> (/x.js:1:1)"));
        runner.finish();
        const failed = await service.automation.waitFor("my-model-name-realtime");
        const other = await service.automation.waitFor("my-custom-model-realtime");
        expect(failed).to.deep.include({ status: "failed", error: "creating SageMaker Endpoint: ResourceLimitExceeded" });
        expect(other.status).to.equal("succeeded");
    });

    it("a monitor joins the stack of the endpoint it names when the service made it, else its own monitor-only stack (the seed's monitor body)", async () => {
        await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY);
        await until(() => runner.started.length === 1);
        runner.finish();
        await service.automation.waitFor("my-model-name-realtime");
        const own = await post(`${service.url}/provisionpipeline`, { ...DATA_QUALITY_MONITOR_BODY, model_name: "other-model", endpoint_name: "Custom-Endpoint-Name" });
        expect(own.status).to.equal(200);
        await until(() => runner.started.length === 2);
        expect(runner.started[1].stackName).to.equal("my-model-name");
        // Its capture location must be where that endpoint captures.
        const elsewhere = await post(`${service.url}/provisionpipeline`, { ...DATA_QUALITY_MONITOR_BODY, model_name: "third-model", endpoint_name: "custom-endpoint-name", data_capture_location: "mlops-data-123456789012/other" });
        expect(elsewhere.status).to.equal(400);
        expect(elsewhere.body).to.deep.include({ field: "data_capture_location" });
        runner.finish();
        await service.automation.waitFor("other-model-data-quality-monitor");
        expect((await post(`${service.url}/provisionpipeline`, DATA_QUALITY_MONITOR_BODY)).status).to.equal(200);
        await until(() => runner.started.length === 3);
        expect(runner.started[2].stackName).to.equal("my-model-name-monitors");
        runner.finish();
    });

    it("logs one JSON line a request, with method, path, status, duration and pipeline id, never the token", async () => {
        await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY);
        await post(`${service.url}/pipelinestatus`, { pipeline_id: "my-model-name-realtime" }, "wrong-token-wrong-token");
        expect(service.logs).to.have.length(2);
        expect(service.logs[0]).to.include({ method: "POST", path: "/provisionpipeline", status: 200, pipelineId: "my-model-name-realtime" });
        expect(service.logs[0].durationMs).to.be.a("number");
        expect(service.logs[1]).to.include({ status: 401 });
        expect(JSON.stringify(service.logs)).not.to.include(TOKEN).and.not.to.include("wrong-token");
    });
});

describe("automation: 500 without a stack trace", () => {
    it("an unexpected failure answers the orchestrator's generic message; the log keeps the reason", async () => {
        const broken: PipelineStacks = { projectName: "mlops", stackOf: () => "s", target: () => { throw new TypeError("cannot read properties of undefined"); } };
        const service = await startService({ dataDir: tempDir(), runner: new ControlledRunner(), stacks: broken });
        try {
            const answer = await post(`${service.url}/provisionpipeline`, REALTIME_BUILTIN_BODY);
            expect(answer).to.deep.equal({ status: 500, body: { message: "An Unexpected Server side exception occurred" } });
            expect(service.logs[0]).to.include({ status: 500, error: "cannot read properties of undefined" });
        } finally {
            await service.close();
        }
    });
});
