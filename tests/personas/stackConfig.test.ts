import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stackConfigFor, stackOf } from "../../policies/access/stack/stackConfig";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { planOf } from "../helpers/plans";

describe("the stack config the persona checks take their expectations from", () => {
    it("is the config of the stack the resources belong to, whichever stack was planned last", async () => {
        const dev = toPolicyResources((await planOf("dev")).resources);
        const prod = toPolicyResources((await planOf("prod")).resources);
        for (const [stack, resources] of [["dev", dev], ["prod", prod]] as const) {
            expect(stackOf(resources)).to.equal(stack);
            const source = stackConfigFor(resources);
            expect(source, stack).to.not.equal(undefined);
            const { dataLake } = source!.config;
            expect(dataLake.enabled && dataLake.databaseName, stack).to.equal(stack === "prod" ? "sales" : (dev.find((r) => r.type === "aws:glue/catalogDatabase:CatalogDatabase")?.props.name as string));
        }
    });

    it("is absent for an export of a stack this project does not have", () => {
        const resources = [{ urn: "urn:pulumi:elsewhere::other::pulumi:pulumi:Stack::other-elsewhere", type: "pulumi:pulumi:Stack", name: "other-elsewhere", props: {} }];
        expect(stackConfigFor(resources as never)).to.equal(undefined);
    });

    it("reads a stack file edited since the last check as it is now (each file is parsed once while its text is the same)", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-config-"));
        try {
            const resources = [{ urn: "urn:pulumi:dev::analytics-platform::pulumi:pulumi:Stack::analytics-platform-dev", type: "pulumi:pulumi:Stack", name: "s", props: {} }];
            const original = fs.readFileSync(path.resolve(__dirname, "../../Pulumi.dev.yaml"), "utf8");
            fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), original);
            const first = stackConfigFor(resources as never, [dir]);
            expect(stackConfigFor(resources as never, [dir]), "the same text: the same answer").to.equal(first);
            fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), original.replace(/aws:region: \S+/, "aws:region: eu-west-1"));
            const edited = stackConfigFor(resources as never, [dir]);
            expect(first?.region).to.equal("ap-northeast-1");
            expect(edited?.region).to.equal("eu-west-1");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
