import { expect } from "chai";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { settingsFromEnvironment, SettingsError } from "../../automation/settings";

const GOOD = { AUTOMATION_TOKEN: "a-token-of-enough-length", ASSETS_BUCKET: "mlops-assets-123456789012", AUTOMATION_RUNNER: "offline" };

function problems(env: Record<string, string>): string[] {
    try {
        settingsFromEnvironment(env, "/srv/app");
    } catch (error) {
        if (error instanceof SettingsError) return error.problems;
        throw error;
    }
    return [];
}

describe("automation: the service's settings", () => {
    it("defaults: loopback, 8080, a file backend under .automation/ of the working directory", () => {
        expect(settingsFromEnvironment(GOOD, "/srv/app")).to.deep.include({
            host: "127.0.0.1",
            port: 8080,
            runner: "offline",
            dataDir: "/srv/app/.automation",
            backendUrl: "file:///srv/app/.automation/state",
            platformStack: "dev",
            concurrency: 2,
        });
    });

    it("PULUMI_BACKEND_URL, an S3 backend for teams, is used as given", () => {
        expect(settingsFromEnvironment({ ...GOOD, PULUMI_BACKEND_URL: "s3://team-pulumi-state" }, "/srv/app").backendUrl).to.equal("s3://team-pulumi-state");
    });

    it("refuses to start without a token, naming it", () => {
        const { AUTOMATION_TOKEN: _t, ...rest } = GOOD;
        expect(problems(rest)).to.deep.equal(["AUTOMATION_TOKEN: expected the bearer token every request must carry, found nothing"]);
        expect(problems({ ...GOOD, AUTOMATION_TOKEN: "short" })[0]).to.match(/^AUTOMATION_TOKEN: expected at least 16 characters/);
    });

    it("names every other bad setting at once", () => {
        expect(problems({ AUTOMATION_TOKEN: GOOD.AUTOMATION_TOKEN, AUTOMATION_RUNNER: "cloud", PORT: "http", ASSETS_BUCKET: "Not_A_Bucket" }).map((p) => p.split(":")[0])).to.deep.equal(["AUTOMATION_RUNNER", "PORT", "ASSETS_BUCKET"]);
    });

    it("the pulumi runner needs a secrets provider: a passphrase or a KMS key from the environment", () => {
        const pulumi = { ...GOOD, AUTOMATION_RUNNER: "pulumi" };
        expect(problems(pulumi)[0]).to.match(/^PULUMI_CONFIG_PASSPHRASE/);
        expect(problems({ ...pulumi, PULUMI_CONFIG_PASSPHRASE: "" })).to.deep.equal([]);
        expect(problems({ ...pulumi, AUTOMATION_SECRETS_PROVIDER: "awskms://alias/pulumi-secrets" })).to.deep.equal([]);
        expect(problems({ ...pulumi, AUTOMATION_SECRETS_PROVIDER: "plaintext" })[0]).to.match(/^AUTOMATION_SECRETS_PROVIDER/);
    });

    /** `npm run serve` with `env`: its exit code and output (it must exit by itself). */
    function serve(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string; stdout: string }> {
        const root = path.resolve(__dirname, "../..");
        return new Promise((resolve) => {
            const child = execFile(process.execPath, ["-r", "./tools/register.js", "automation/serve.ts"], { cwd: root, env }, (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
        });
    }

    it("npm run serve exits 2 without AUTOMATION_TOKEN, saying so, before listening", async () => {
        const { AUTOMATION_TOKEN: _t, ...env } = { ...process.env, ...GOOD };
        const result = await serve(env);
        expect(result.code).to.equal(2);
        expect(result.stderr).to.include("AUTOMATION_TOKEN: expected the bearer token");
        expect(result.stdout).not.to.include("listening");
    });

    it("npm run serve with the pulumi runner and no pulumi CLI on the PATH exits 2, naming the way out", async () => {
        const result = await serve({ ...process.env, ...GOOD, AUTOMATION_RUNNER: "pulumi", PULUMI_CONFIG_PASSPHRASE: "x", PATH: "/nonexistent" });
        expect(result.code).to.equal(2);
        expect(result.stderr).to.include("expected the pulumi CLI on the PATH").and.to.include("AUTOMATION_RUNNER=offline");
    });
});
