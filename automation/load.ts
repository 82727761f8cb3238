import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";

/**
 * `npm run load`: a bounded load test of `npm run serve` on loopback with the offline runner. It
 * starts the service as a child process on a free port, sends TOTAL requests, CONCURRENCY at a
 * time, mixed valid and invalid, checks every status code, prints p50/p99 latencies per kind of
 * answer, and stops the service. Exit 1 if any answer had the wrong status or the service died.
 */
const TOTAL = Number(process.env["LOAD_REQUESTS"] ?? 200);
const CONCURRENCY = Number(process.env["LOAD_CONCURRENCY"] ?? 20);
const TOKEN = "load-test-token-0123456789";
const ASSETS_BUCKET = "mlops-assets-123456789012";

interface Probe {
    kind: string;
    path: string;
    method?: string;
    body?: unknown;
    token?: string;
    expected: number[];
}

const realtime = (model: string) => ({
    pipeline_type: "byom_realtime_builtin",
    model_framework: "xgboost",
    model_framework_version: "1",
    model_name: model,
    model_artifact_location: "path/to/model.tar.gz",
    data_capture_location: "mlops-data-123456789012/datacapture",
    inference_instance: "ml.m5.large",
});

/** The i-th request: a fixed mix of valid provisions, status reads and each kind of mistake. */
function probe(i: number): Probe {
    const model = `load-model-${i % 40}`;
    switch (i % 10) {
        case 0:
        case 1:
            // The same model comes back while its first update may still be queued: 200 or 409.
            return { kind: "provision", path: "/provisionpipeline", body: realtime(model), expected: [200, 409] };
        case 2:
            return { kind: "status", path: "/pipelinestatus", body: { pipeline_id: `load-model-${i % 40}-realtime` }, expected: [200, 404] };
        case 3:
            return { kind: "validation", path: "/provisionpipeline", body: { ...realtime(model), inference_instance: "ml.m5.larg" }, expected: [400] };
        case 4:
            return { kind: "validation", path: "/provisionpipeline", body: { pipeline_type: "byom_realtime_builtin", model_name: model }, expected: [400] };
        case 5:
            return { kind: "validation", path: "/provisionpipeline", body: { ...realtime(model), pipeline_type: "byom_batch_builtin" }, expected: [400] };
        case 6:
            return { kind: "unauthorized", path: "/provisionpipeline", body: realtime(model), token: "wrong-token", expected: [401] };
        case 7:
            return { kind: "not found", path: "/pipelinestatus", body: { pipeline_id: `never-${i}-realtime` }, expected: [404] };
        case 8:
            return { kind: "method", path: "/provisionpipeline", method: "GET", expected: [405] };
        default:
            return { kind: "too large", path: "/provisionpipeline", body: { ...realtime(model), padding: "x".repeat(80 * 1024) }, expected: [413] };
    }
}

/** The service's own request log lines (status and durationMs, measured inside the service). */
const served: { status: number; durationMs: number }[] = [];

async function startService(dataDir: string): Promise<{ port: number; stop: () => void; exited: () => boolean }> {
    const child = spawn(process.execPath, ["-r", "./tools/register.js", "automation/serve.ts"], {
        env: { ...process.env, AUTOMATION_TOKEN: TOKEN, AUTOMATION_RUNNER: "offline", ASSETS_BUCKET, AUTOMATION_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" },
        stdio: ["ignore", "pipe", "inherit"],
    });
    let exited = false;
    child.on("exit", () => (exited = true));
    const lines = readline.createInterface({ input: child.stdout });
    const port = await new Promise<number>((resolve, reject) => {
        child.on("exit", (code) => reject(new Error(`the service exited with ${code} before listening`)));
        lines.on("line", (line) => {
            const parsed = JSON.parse(line) as { message?: string; port?: number; status?: number; durationMs?: number };
            if (parsed.message === "automation service listening" && parsed.port) resolve(parsed.port);
            if (parsed.status !== undefined && parsed.durationMs !== undefined) served.push({ status: parsed.status, durationMs: parsed.durationMs });
        });
    });
    return { port, stop: () => child.kill("SIGTERM"), exited: () => exited };
}

/**
 * Steady state first: one request of each kind (the first call of each code path compiles it)
 * and one provision planned to its end (the planning thread loads the engine and the AWS SDK
 * once). Not counted.
 */
async function warmUp(port: number): Promise<void> {
    const send = (p: Probe) => fetch(`http://127.0.0.1:${port}${p.path}`, {
        method: p.method ?? "POST",
        headers: { authorization: `Bearer ${p.token ?? TOKEN}`, "content-type": "application/json" },
        ...(p.body === undefined ? {} : { body: JSON.stringify(p.body) }),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
    for (let i = 0; i < 10; i++) await send(probe(i + 1000));
    await send({ kind: "warm-up", path: "/provisionpipeline", body: realtime("warm-up"), expected: [200] });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
        const status = await send({ kind: "warm-up", path: "/pipelinestatus", body: { pipeline_id: "warm-up-realtime" }, expected: [200] });
        if (status["status"] === "succeeded" || status["status"] === "failed") return;
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the warm-up pipeline was not planned within 120 s");
}

function percentile(sorted: number[], p: number): number {
    return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "automation-load-"));
    const service = await startService(dataDir);
    await warmUp(service.port);
    served.length = 0;
    const latencies = new Map<string, number[]>();
    const wrong: string[] = [];
    let next = 0;
    const worker = async () => {
        while (next < TOTAL) {
            const p = probe(next++);
            const started = performance.now();
            const response = await fetch(`http://127.0.0.1:${service.port}${p.path}`, {
                method: p.method ?? "POST",
                headers: { authorization: `Bearer ${p.token ?? TOKEN}`, "content-type": "application/json" },
                ...(p.body === undefined ? {} : { body: JSON.stringify(p.body) }),
            });
            await response.arrayBuffer();
            const ms = performance.now() - started;
            latencies.set(p.kind, [...(latencies.get(p.kind) ?? []), ms]);
            if (!p.expected.includes(response.status)) wrong.push(`${p.kind} ${p.path}: expected ${p.expected.join(" or ")}, got ${response.status}`);
        }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    console.log(`${TOTAL} requests, concurrency ${CONCURRENCY}, ${seconds.toFixed(2)} s; round trip as the client saw it:`);
    for (const [kind, values] of [...latencies.entries(), ["all", all] as [string, number[]]]) {
        const sorted = [...values].sort((a, b) => a - b);
        console.log(`  ${kind.padEnd(13)} n=${String(sorted.length).padStart(3)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(6)} ms`);
    }
    // Inside the service: from the request's arrival to its answer (no client or network time).
    for (const [what, statuses] of [["validation (400), in the service", [400]], ["every answer, in the service", undefined]] as const) {
        const sorted = served.filter((r) => !statuses || (statuses as readonly number[]).includes(r.status)).map((r) => r.durationMs).sort((a, b) => a - b);
        console.log(`  ${what.padEnd(33)} n=${String(sorted.length).padStart(3)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(6)} ms`);
    }
    const alive = !service.exited();
    service.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!alive) console.log("the service died during the run");
    for (const line of wrong) console.log(`wrong status: ${line}`);
    console.log(wrong.length === 0 && alive ? "ok: every status as expected, the service stayed up" : "FAILED");
    process.exitCode = wrong.length === 0 && alive ? 0 : 1;
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
