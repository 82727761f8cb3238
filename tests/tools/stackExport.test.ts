import { expect } from "chai";
import * as fs from "node:fs";
import { planProgram } from "../../tools/engine/run";
import { Plan, StackExport, toStackExport } from "../../tools/engine/stackExport";
import { toyProgram } from "./fixtures/toyProgram";

const ALLOWED_KEYS = [
    "urn", "custom", "type", "id", "inputs", "outputs", "parent", "dependencies", "protect", "retainOnDelete", "external",
    "provider", "additionalSecretOutputs", "deletedWith", "ignoreChanges", "replaceOnChanges", "registrationOptions",
];

describe("toStackExport", () => {
    let plan: Plan;
    let exported: StackExport;

    before(async () => {
        plan = await planProgram({ project: "toy", stack: "dev", config: { "aws:region": "eu-west-1" }, program: toyProgram });
        exported = toStackExport(plan, new Date("2030-01-02T03:04:05.000Z"));
    });

    it("has the CONTRACT's envelope: version 3, a manifest and the resources", () => {
        const sdk = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string };
        expect(exported.version).to.equal(3);
        expect(exported.deployment.manifest).to.deep.equal({ time: "2030-01-02T03:04:05.000Z", version: sdk.version });
        expect(exported.deployment.resources).to.deep.equal(plan.resources);
    });

    it("gives every resource the CONTRACT's fields, in the CONTRACT's order", () => {
        for (const r of exported.deployment.resources) {
            const keys = Object.keys(r);
            expect(keys.filter((k) => !ALLOWED_KEYS.includes(k)), r.urn).to.deep.equal([]);
            expect(keys, r.urn).to.deep.equal(ALLOWED_KEYS.filter((k) => k in r));
            expect(r.dependencies, r.urn).to.be.an("array");
            expect(r.protect, r.urn).to.be.a("boolean");
            expect("id" in r, r.urn).to.equal(r.custom);
            if (r.custom) {
                expect(r.id, r.urn).to.be.a("string").and.not.equal("");
            }
        }
        const [stack, ...rest] = exported.deployment.resources;
        expect(stack.type).to.equal("pulumi:pulumi:Stack");
        expect(stack).to.not.have.property("parent");
        for (const r of rest) {
            // The engine's default provider has no parent, as in a real export.
            if (r.type.startsWith("pulumi:providers:")) continue;
            expect(r.parent, r.urn).to.match(/^urn:pulumi:dev::toy::/);
        }
    });

    it("is plain JSON: it survives a JSON round trip unchanged", () => {
        expect(JSON.parse(JSON.stringify(exported))).to.deep.equal(exported);
    });

    it("does not share objects with the plan", () => {
        exported.deployment.resources[0].outputs["extra"] = 1;
        expect(plan.resources[0].outputs).to.not.have.property("extra");
    });
});
