import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, loadStackSettings } from "../../config";
import { planProgram } from "../../tools/engine/run";
import { readStackConfig } from "../../tools/engine/stackFile";

/** Runs loadStackSettings as the program does, under the offline engine, and returns what it threw. */
async function loadError(config: Record<string, string>, secretKeys: string[] = []): Promise<unknown> {
    try {
        await planProgram({ project: "analytics-platform", stack: "dev", config, secretKeys, program: () => void loadStackSettings() });
    } catch (error) {
        return error;
    }
    return undefined;
}

describe("loadStackSettings reads config through pulumi.Config", () => {
    it("reads the stack's values as a Pulumi program does, and registers nothing else", async () => {
        const { config } = readStackConfig("dev");
        let settings: ReturnType<typeof loadStackSettings> | undefined;
        const plan = await planProgram({
            project: "analytics-platform",
            stack: "dev",
            config,
            program: () => {
                settings = loadStackSettings();
                // The same values pulumi.Config hands any program of the project.
                const lake = new pulumi.Config("analytics-platform").requireObject<{ databaseName: string }>("dataLake");
                return { databaseName: lake.databaseName };
            },
        });
        expect(settings?.region).to.equal(config["aws:region"]);
        expect(settings?.config.dataLake.databaseName).to.equal(plan.outputs["databaseName"]);
        expect(plan.resources.map((r) => r.type)).to.deep.equal(["pulumi:pulumi:Stack"]);
    });

    it("refuses a platform value set as a secret, naming the file and key, instead of putting it into plain resource properties", async () => {
        const { config } = readStackConfig("dev");
        const error = await loadError(config, ["analytics-platform:personas"]);
        expect(error).to.be.instanceOf(ConfigError);
        const problems = (error as ConfigError).problems;
        expect(problems[0]).to.equal(
            "Pulumi.dev.yaml: analytics-platform:personas: expected a plain value (the platform's settings end up in resource properties, which are not secret), found a secret value",
        );
        // The secret's text appears in no problem (the required key is then reported missing).
        const secretText = JSON.parse(config["analytics-platform:personas"]) as { trustedPrincipals: string[] };
        for (const principal of secretText.trustedPrincipals) {
            expect(problems.join("\n")).to.not.include(principal);
        }
    });

    it("still reports every other problem beside a missing region", async () => {
        const { config } = readStackConfig("dev");
        const { ["aws:region"]: _region, ...withoutRegion } = config;
        const error = await loadError({ ...withoutRegion, "analytics-platform:unknownKey": "1" });
        expect((error as ConfigError).problems).to.have.length(2);
        expect((error as ConfigError).problems[0]).to.match(/^Pulumi\.dev\.yaml: aws:region: expected an AWS region/);
        expect((error as ConfigError).problems[1]).to.match(/analytics-platform:unknownKey: unknown key/);
    });
});
