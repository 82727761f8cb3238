import { expect } from "chai";
import type { EngineEvent, LocalWorkspaceOptions } from "@pulumi/pulumi/automation";
import { PulumiRunner, type AutomationStack, type WorkspaceFactory } from "../../automation/runner/pulumiRunner";
import type { InlineTarget, RunnerEvent } from "../../automation/runner/runner";

/** A workspace that records what the runner asks of the Automation API (the real one needs the CLI). */
function fakeWorkspace() {
    const calls: { how: "inline" | "project"; args: Record<string, unknown>; opts: LocalWorkspaceOptions }[] = [];
    const configs: Record<string, { value: string }>[] = [];
    const events: EngineEvent[] = [
        { sequence: 1, timestamp: 1, resourcePreEvent: { metadata: { op: "create", urn: "urn:pulumi:m::mlops::aws:sagemaker/endpoint:Endpoint::m", type: "aws:sagemaker/endpoint:Endpoint", provider: "" } as never } },
        { sequence: 2, timestamp: 2, diagnosticEvent: { message: "deprecated input\n", color: "never", severity: "warning" } },
        { sequence: 3, timestamp: 3, summaryEvent: { maybeCorrupt: false, durationSeconds: 42, resourceChanges: { create: 12 }, policyPacks: {} } },
    ];
    const stack = (name: string): AutomationStack => ({
        name,
        setAllConfig: async (config) => void configs.push(config as Record<string, { value: string }>),
        up: async (opts) => {
            opts?.onOutput?.("Updating (m)\n\n     Type  Name\n");
            for (const e of events) opts?.onEvent?.(e);
            return { stdout: "", stderr: "", summary: { resourceChanges: { create: 12 } } as never, outputs: { endpointName: { value: "m", secret: false }, token: { value: "s3cr3t", secret: true } } };
        },
        preview: async () => ({ stdout: "", stderr: "", changeSummary: { create: 12 } }),
        destroy: async () => ({ stdout: "", stderr: "", summary: { resourceChanges: { delete: 12 } } as never }),
        outputs: async () => ({ endpointName: { value: "m", secret: false } }),
    });
    const factory: WorkspaceFactory = {
        inline: async (args, opts) => (calls.push({ how: "inline", args, opts }), stack(args.stackName)),
        project: async (args, opts) => (calls.push({ how: "project", args, opts }), stack(args.stackName)),
    };
    return { factory, calls, configs };
}

const TARGET: InlineTarget = {
    kind: "inline",
    projectName: "mlops",
    stackName: "my-model-name",
    config: { "aws:region": "us-east-1", "mlops:pipeline": "{\"name\":\"my-model-name\"}" },
    program: () => ({}),
};

describe("automation: the pulumi runner's use of the Automation API (fake workspace)", () => {
    const options = { backendUrl: "file:///srv/automation/state", secretsProvider: "awskms://alias/pulumi", concurrency: 2 };

    it("opens the pipeline's stack by name, inline, with the backend and secrets provider, and sets its config", async () => {
        const ws = fakeWorkspace();
        await new PulumiRunner({ ...options, workspace: ws.factory }).up(TARGET, () => {});
        expect(ws.calls).to.have.length(1);
        const [{ how, args, opts }] = ws.calls;
        expect(how).to.equal("inline");
        expect(args).to.deep.include({ stackName: "my-model-name", projectName: "mlops" });
        expect(args.program).to.be.a("function");
        expect(opts.secretsProvider).to.equal("awskms://alias/pulumi");
        expect(opts.envVars).to.deep.equal({ PULUMI_BACKEND_URL: "file:///srv/automation/state" });
        expect(opts.projectSettings).to.deep.equal({ name: "mlops", runtime: "nodejs", backend: { url: "file:///srv/automation/state" } });
        expect(ws.configs).to.deep.equal([{ "aws:region": { value: "us-east-1" }, "mlops:pipeline": { value: "{\"name\":\"my-model-name\"}" } }]);
    });

    it("streams the engine's output and events, and keeps secrets out of the outputs", async () => {
        const ws = fakeWorkspace();
        const seen: RunnerEvent[] = [];
        const result = await new PulumiRunner({ ...options, workspace: ws.factory }).up(TARGET, (e) => seen.push(e));
        expect(seen).to.deep.equal([
            { kind: "output", message: "Updating (m)" },
            { kind: "output", message: "     Type  Name" },
            { kind: "engine", message: "create aws:sagemaker/endpoint:Endpoint m" },
            { kind: "engine", message: "warning: deprecated input" },
            { kind: "engine", message: "summary: create 12 in 42 s" },
        ]);
        expect(result).to.deep.equal({ outputs: { endpointName: "m", token: "[secret]" }, changes: { create: 12 } });
    });

    it("runs a platform stack from the project directory, without setting config (its stack file has it)", async () => {
        const ws = fakeWorkspace();
        const runner = new PulumiRunner({ ...options, workspace: ws.factory });
        expect(await runner.preview({ kind: "project", workDir: "/repo", stackName: "prod" }, () => {})).to.deep.equal({ outputs: {}, changes: { create: 12 } });
        expect(await runner.outputs({ kind: "project", workDir: "/repo", stackName: "prod" })).to.deep.equal({ endpointName: "m" });
        expect(ws.calls.map((c) => [c.how, c.args])).to.deep.equal([["project", { stackName: "prod", workDir: "/repo" }], ["project", { stackName: "prod", workDir: "/repo" }]]);
        expect(ws.configs).to.deep.equal([]);
    });

    it("destroy answers the engine's counts", async () => {
        const ws = fakeWorkspace();
        expect(await new PulumiRunner({ ...options, workspace: ws.factory }).destroy(TARGET, () => {})).to.deep.equal({ outputs: {}, changes: { delete: 12 } });
    });
});
