import { execFileSync } from "node:child_process";
import { createAutomationServer } from "./http/server";
import { createAutomation, settingsFromEnvironment, SettingsError } from "./settings";

/**
 * `npm run serve`: the orchestrator-compatible service. Refuses to start without AUTOMATION_TOKEN
 * (or with any other bad setting), exit code 2, one line per problem.
 */
function main(): void {
    let settings;
    try {
        settings = settingsFromEnvironment();
    } catch (error) {
        if (error instanceof SettingsError) {
            process.stderr.write(`${error.message}\n`);
            process.exit(2);
        }
        throw error;
    }
    if (settings.runner === "pulumi" && !pulumiCliVersion()) {
        process.stderr.write("the automation service cannot start:\n  AUTOMATION_RUNNER=pulumi: expected the pulumi CLI on the PATH (README, \"The pulumi runner\"), found none; or set AUTOMATION_RUNNER=offline\n");
        process.exit(2);
    }
    // Plans run in a worker thread, so that requests are answered while a pipeline is planned.
    const automation = createAutomation(settings, { offlineThread: true });
    // Engine progress, one JSON line an event, beside the request lines.
    automation.subscribe((event) => process.stdout.write(`${JSON.stringify({ event })}\n`));
    const server = createAutomationServer({ automation, token: settings.token, maxBodyBytes: settings.maxBodyBytes });
    server.listen(settings.port, settings.host, () => {
        const address = server.address();
        const port = typeof address === "object" && address ? address.port : settings.port;
        process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), message: "automation service listening", host: settings.host, port, runner: settings.runner })}\n`);
    });
    const stop = () => server.close(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

/** The installed CLI's version, or undefined: the Automation API runs the `pulumi` command. */
function pulumiCliVersion(): string | undefined {
    try {
        return execFileSync("pulumi", ["version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
        return undefined;
    }
}

main();
