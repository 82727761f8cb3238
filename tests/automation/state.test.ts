import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConflictError } from "../../automation/errors";
import { PipelineStore, type PipelineRecord } from "../../automation/state/pipelineStore";
import { StackQueue } from "../../automation/state/stackQueue";

function record(pipelineId: string, stackName = pipelineId): PipelineRecord {
    const now = new Date().toISOString();
    return { pipelineId, pipelineType: "byom_realtime_builtin", stackName, body: { model_name: pipelineId }, status: "queued", operation: "up", runner: "offline", createdAt: now, updatedAt: now, events: [], outputs: {} };
}

/** A promise and the functions that settle it. */
function deferred<T = void>() {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
}

describe("automation: pipeline state", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "automation-state-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("a new store over the same directory finds every record (a restart)", () => {
        const store = new PipelineStore(dir);
        store.put(record("a"));
        store.put({ ...record("b"), status: "succeeded", outputs: { endpointName: "b" } });
        const reopened = new PipelineStore(dir);
        expect(reopened.all().map((r) => r.pipelineId).sort()).to.deep.equal(["a", "b"]);
        expect(reopened.get("b")?.outputs).to.deep.equal({ endpointName: "b" });
    });

    it("an update that cannot be written leaves the record's previous version whole, and no stray file", () => {
        const store = new PipelineStore(dir);
        store.put({ ...record("a"), status: "succeeded", outputs: { endpointName: "a" } });
        const broken = { ...record("a"), status: "running" } as PipelineRecord & { outputs: Record<string, unknown> };
        broken.outputs = { big: 10n }; // JSON cannot hold a BigInt
        expect(() => store.put(broken)).to.throw();
        expect(new PipelineStore(dir).get("a")).to.deep.include({ status: "succeeded", outputs: { endpointName: "a" } });
        expect(fs.readdirSync(path.join(dir, "pipelines"))).to.deep.equal(["a.json"]);
    });

    it("a temporary file a crash left behind is not read as a record", () => {
        new PipelineStore(dir).put(record("a"));
        fs.writeFileSync(path.join(dir, "pipelines", "b.json.1.2.tmp"), "{ half a rec");
        expect(new PipelineStore(dir).all().map((r) => r.pipelineId)).to.deep.equal(["a"]);
    });

    it("one pipeline's failed write leaves the other pipelines' records as they were", () => {
        const store = new PipelineStore(dir);
        store.put({ ...record("a"), status: "succeeded" });
        const circular = record("b") as PipelineRecord & { self?: unknown };
        circular.self = circular;
        expect(() => store.put(circular)).to.throw();
        expect(new PipelineStore(dir).get("a")?.status).to.equal("succeeded");
    });
});

describe("automation: the per-stack queue", () => {
    it("a second update of a stack that is queued or running is a ConflictError", async () => {
        const queue = new StackQueue(1);
        const first = deferred();
        const done = queue.submit("s", "p", () => first.promise);
        expect(() => queue.submit("s", "p", async () => {})).to.throw(ConflictError, /already being updated \(queued\)/);
        await Promise.resolve();
        expect(queue.stateOf("s")).to.equal("running");
        expect(() => queue.submit("s", "p", async () => {})).to.throw(ConflictError, /\(running\)/);
        first.resolve();
        await done;
        expect(queue.stateOf("s")).to.equal(undefined);
        await queue.submit("s", "p", async () => {});
    });

    it("runs at most `concurrency` stacks at once; the others wait, queued, in arrival order", async () => {
        const queue = new StackQueue(1);
        const order: string[] = [];
        const a = deferred();
        const doneA = queue.submit("a", "a", async () => { order.push("a"); await a.promise; });
        const doneB = queue.submit("b", "b", async () => { order.push("b"); });
        await new Promise((r) => setImmediate(r));
        expect([queue.stateOf("a"), queue.stateOf("b")]).to.deep.equal(["running", "queued"]);
        a.resolve();
        await Promise.all([doneA, doneB]);
        expect(order).to.deep.equal(["a", "b"]);
    });

    it("a failed update frees its stack and its slot: the next one runs", async () => {
        const queue = new StackQueue(1);
        const failing = queue.submit("a", "a", async () => { throw new Error("boom"); });
        const next = queue.submit("b", "b", async () => "ran");
        expect(await failing.catch((e: Error) => e.message)).to.equal("boom");
        expect(await next).to.equal("ran");
        expect(queue.stateOf("a")).to.equal(undefined);
    });
});
