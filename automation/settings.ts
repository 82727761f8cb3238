import * as path from "node:path";
import { Automation } from "./library/automation";
import { platformEnvironment } from "./pipelines/pipelineEnvironment";
import { SageMakerPipelineStacks } from "./pipelines/sageMakerStacks";
import { OfflineRunner } from "./runner/offlineRunner";
import { PulumiRunner, type WorkspaceFactory } from "./runner/pulumiRunner";
import type { Runner } from "./runner/runner";

/** The service's settings, from the environment (README, "Automation service"). */
export interface AutomationSettings {
    token: string;
    host: string;
    port: number;
    runner: "pulumi" | "offline";
    /** Records (`pipelines/`) and the default state backend (`state/`). */
    dataDir: string;
    backendUrl: string;
    secretsProvider: string;
    assetsBucket: string;
    /** The platform stack whose environment the pipelines follow. */
    platformStack: string;
    /** The platform project (Pulumi.yaml, Pulumi.<stack>.yaml, index.ts). */
    platformDir: string;
    concurrency: number;
    maxBodyBytes: number;
}

/** A setting that is missing or wrong: the service does not start, and says which and why. */
export class SettingsError extends Error {
    constructor(readonly problems: string[]) {
        super(`the automation service cannot start:\n${problems.map((p) => `  ${p}`).join("\n")}`);
        this.name = "SettingsError";
    }
}

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AutomationSettings {
    const problems: string[] = [];
    const token = env["AUTOMATION_TOKEN"] ?? "";
    if (token.length === 0) problems.push("AUTOMATION_TOKEN: expected the bearer token every request must carry, found nothing");
    else if (token.length < 16) problems.push(`AUTOMATION_TOKEN: expected at least 16 characters, found ${token.length}`);
    const runner = env["AUTOMATION_RUNNER"] ?? "pulumi";
    if (runner !== "pulumi" && runner !== "offline") problems.push(`AUTOMATION_RUNNER: expected pulumi or offline, found "${runner}"`);
    const port = integer(env["PORT"] ?? "8080", "PORT", 0, 65535, problems);
    const concurrency = integer(env["AUTOMATION_CONCURRENCY"] ?? "2", "AUTOMATION_CONCURRENCY", 1, 16, problems);
    const maxBodyBytes = integer(env["AUTOMATION_MAX_BODY_BYTES"] ?? "65536", "AUTOMATION_MAX_BODY_BYTES", 1024, 10_485_760, problems);
    const assetsBucket = env["ASSETS_BUCKET"] ?? "";
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(assetsBucket)) {
        problems.push(`ASSETS_BUCKET: expected the S3 bucket holding model artifacts and baseline data, found ${assetsBucket ? `"${assetsBucket}"` : "nothing"}`);
    }
    const dataDir = path.resolve(cwd, env["AUTOMATION_DATA_DIR"] ?? ".automation");
    const secretsProvider = env["AUTOMATION_SECRETS_PROVIDER"] ?? "passphrase";
    if (runner === "pulumi") {
        if (secretsProvider === "passphrase" && env["PULUMI_CONFIG_PASSPHRASE"] === undefined && env["PULUMI_CONFIG_PASSPHRASE_FILE"] === undefined) {
            problems.push("PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE): expected with the passphrase secrets provider, found neither (or set AUTOMATION_SECRETS_PROVIDER=awskms://...)");
        } else if (secretsProvider !== "passphrase" && !/^(awskms|azurekeyvault|gcpkms|hashivault):\/\//.test(secretsProvider)) {
            problems.push(`AUTOMATION_SECRETS_PROVIDER: expected passphrase or a KMS URL such as awskms://alias/pulumi, found "${secretsProvider}"`);
        }
    }
    if (problems.length > 0) throw new SettingsError(problems);
    return {
        token,
        host: env["HOST"] ?? "127.0.0.1",
        port,
        runner: runner as "pulumi" | "offline",
        dataDir,
        backendUrl: env["PULUMI_BACKEND_URL"] ?? `file://${path.join(dataDir, "state")}`,
        secretsProvider,
        assetsBucket,
        platformStack: env["AUTOMATION_PLATFORM_STACK"] ?? "dev",
        platformDir: path.resolve(cwd, env["AUTOMATION_PLATFORM_DIR"] ?? "."),
        concurrency,
        maxBodyBytes,
    };
}

function integer(text: string, name: string, min: number, max: number, problems: string[]): number {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) problems.push(`${name}: expected a whole number from ${min} to ${max}, found "${text}"`);
    return value;
}

export interface CreateAutomationOptions {
    /** Replaces the Automation API's LocalWorkspace (tests). */
    workspace?: WorkspaceFactory;
    /** The offline runner plans in a worker thread (the service), rather than in the caller's. */
    offlineThread?: boolean;
}

/** The runner the settings name. */
export function runnerFor(settings: AutomationSettings, options: CreateAutomationOptions = {}): Runner {
    return settings.runner === "offline"
        ? new OfflineRunner({ thread: options.offlineThread })
        : new PulumiRunner({ backendUrl: settings.backendUrl, secretsProvider: settings.secretsProvider, concurrency: settings.concurrency, workspace: options.workspace });
}

/** An Automation for the settings: the library's entry point for a service that embeds it. */
export function createAutomation(settings: Omit<AutomationSettings, "token" | "host" | "port" | "maxBodyBytes">, options: CreateAutomationOptions = {}): Automation {
    const environment = platformEnvironment(settings.platformStack, settings.platformDir);
    return new Automation({
        dataDir: settings.dataDir,
        runner: runnerFor(settings as AutomationSettings, options),
        rules: { assetsBucket: settings.assetsBucket, region: environment.region },
        stacks: new SageMakerPipelineStacks(environment),
        platformDir: settings.platformDir,
    });
}
