import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../../tools/engine/errors";
import { planStack } from "../../tools/engine/run";
import { createToyProject } from "./fixtures/toyProject";

describe("planStack", () => {
    let dir: string;

    before(() => {
        dir = createToyProject();
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads the stack file and runs the project's index.ts", async () => {
        const plan = await planStack("dev", dir);
        expect(plan.project).to.equal("toy");
        expect(plan.resources[0].urn).to.equal("urn:pulumi:dev::toy::pulumi:pulumi:Stack::toy-dev");
        expect(plan.outputs["label"]).to.equal("hello");
        expect(plan.outputs["roleArn"]).to.match(/^arn:aws:iam::123456789012:role\/librarian-[0-9a-f]{7}$/);
        expect(plan.resources.map((r) => r.type)).to.include.members(["toy:index:Shelf", "aws:s3/bucket:Bucket"]);
    });

    it("rejects with the program's problems error when the stack config is invalid", async () => {
        const err = await planStack("bad", dir).then(
            () => undefined,
            (e: unknown) => e,
        );
        expect((err as { problems?: string[] }).problems).to.have.length(2);
    });

    it("rejects with an InputError for a missing stack file or entry point", async () => {
        const missingStack = await planStack("nope", dir).catch((e: unknown) => e);
        expect(missingStack).to.be.instanceOf(InputError);
        const empty = fs.mkdtempSync(`${dir}-empty`);
        try {
            fs.copyFileSync(path.join(dir, "Pulumi.yaml"), path.join(empty, "Pulumi.yaml"));
            fs.copyFileSync(path.join(dir, "Pulumi.dev.yaml"), path.join(empty, "Pulumi.dev.yaml"));
            const noIndex = await planStack("dev", empty).catch((e: unknown) => e);
            expect(noIndex).to.be.instanceOf(InputError);
            expect((noIndex as Error).message).to.contain("index.ts");
        } finally {
            fs.rmSync(empty, { recursive: true, force: true });
        }
    });
});
