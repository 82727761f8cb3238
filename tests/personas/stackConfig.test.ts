import { expect } from "chai";
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
});
