import * as fs from "node:fs";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Server } from "node:http";
import { createAutomationServer } from "../../../automation/http/server";
import { Automation } from "../../../automation/library/automation";
import type { PipelineStacks } from "../../../automation/library/pipelineStacks";
import type { OnRunnerEvent, Runner, RunResult, StackTarget } from "../../../automation/runner/runner";
import { ASSETS_BUCKET } from "./bodies";

export const TOKEN = "test-token-0123456789abcdef";

/** A runner whose updates end when the test says so: queued/running states and 409s can be observed. */
export class ControlledRunner implements Runner {
    readonly name = "offline" as const;
    readonly started: StackTarget[] = [];
    private readonly pending: { resolve: (r: RunResult) => void; reject: (e: unknown) => void; onEvent: OnRunnerEvent }[] = [];
    constructor(readonly concurrency = 2) {}
    up(target: StackTarget, onEvent: OnRunnerEvent): Promise<RunResult> {
        this.started.push(target);
        onEvent({ kind: "engine", message: `create stack ${target.stackName}` });
        return new Promise((resolve, reject) => this.pending.push({ resolve, reject, onEvent }));
    }
    preview = this.up;
    destroy = this.up;
    async outputs(): Promise<Record<string, unknown>> {
        return {};
    }
    /** Ends the oldest running update. */
    finish(result: RunResult | Error = { outputs: { endpointName: "ep" }, changes: { create: 1 } }): void {
        const next = this.pending.shift();
        if (!next) throw new Error("no update is running");
        if (result instanceof Error) next.reject(result);
        else next.resolve(result);
    }
}

export function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "automation-"));
}

export interface Running {
    url: string;
    automation: Automation;
    logs: Record<string, unknown>[];
    close(): Promise<void>;
}

/** The service on a free loopback port (port 0), over `stacks` and `runner`. */
export async function startService(options: { dataDir: string; runner: Runner; stacks: PipelineStacks; region?: string; maxBodyBytes?: number }): Promise<Running> {
    const automation = new Automation({ dataDir: options.dataDir, runner: options.runner, stacks: options.stacks, rules: { assetsBucket: ASSETS_BUCKET, region: options.region ?? "us-east-1" } });
    const logs: Record<string, unknown>[] = [];
    const server: Server = createAutomationServer({ automation, token: TOKEN, maxBodyBytes: options.maxBodyBytes, log: (line) => logs.push(JSON.parse(line)) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        automation,
        logs,
        close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
    };
}

export async function post(url: string, body: unknown, token: string | null = TOKEN, method = "POST"): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json", ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
        ...(method === "GET" || method === "HEAD" ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** Waits until `check` holds (polling; no timing assertion: mocha's timeout bounds it). */
export async function until(check: () => boolean): Promise<void> {
    while (!check()) await new Promise((r) => setTimeout(r, 5));
}
