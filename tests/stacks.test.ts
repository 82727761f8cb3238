import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConfigError } from "../config";
import { planStack } from "../tools/engine/run";
import { planOf } from "./helpers/plans";

describe("the program, per stack", () => {
    for (const stack of ["dev", "prod"] as const) {
        it(`plans the ${stack} stack end to end`, async () => {
            const plan = await planOf(stack);
            expect(plan.resources[0].type).to.equal("pulumi:pulumi:Stack");
            const components = plan.resources.filter((r) => !r.custom && r.type.startsWith("analytics:index:")).map((r) => r.type);
            expect(components).to.have.members(["analytics:index:DataLake", "analytics:index:AthenaAnalystRole", "analytics:index:AnomalyDetector", "analytics:index:AnomalyDetector", "analytics:index:CodeBuildE2E", "analytics:index:WebAppMonitor", "analytics:index:SageMakerEndpointPipeline", "analytics:index:SageMakerMlEngineerRole"]);
            for (const r of plan.resources.slice(1)) {
                // Default providers are the engine's, registered without a parent (as in a real export).
                if (isDefaultProvider(r.urn)) continue;
                expect(r.parent, r.urn).to.be.a("string");
                expect(r.urn, r.urn).to.match(new RegExp(`^urn:pulumi:${stack}::analytics-platform::`));
            }
            expect(Object.keys(plan.outputs)).to.have.members(["dataLake", "analysts", "codeBuildE2E", "webAppMonitor", "sageMaker", "anomalyDetectors"]);
        });
    }

    it("registers nothing but the stack itself when the config is wrong", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-stack-"));
        try {
            for (const file of ["Pulumi.yaml", "index.ts"]) fs.symlinkSync(path.resolve(file), path.join(dir, file));
            for (const folder of ["config", "components", "personas", "node_modules"]) fs.symlinkSync(path.resolve(folder), path.join(dir, folder));
            const yaml = fs.readFileSync("Pulumi.dev.yaml", "utf8").replace("crawlerSchedule: cron(0 3 * * ? *)", "crawlerSchedule: daily");
            fs.writeFileSync(path.join(dir, "Pulumi.broken.yaml"), yaml);
            const error = await planStack("broken", dir).catch((e: unknown) => e);
            expect(error).to.be.instanceOf(ConfigError);
            expect((error as ConfigError).problems).to.deep.equal([
                'Pulumi.broken.yaml: analytics-platform:dataLake.crawlerSchedule: expected an AWS cron expression: cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>) with ? in one day field, found "daily"',
            ]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

function isDefaultProvider(urn: string): boolean {
    return /::pulumi:providers:[^:]+::default(_[0-9_]+)?$/.test(urn);
}
