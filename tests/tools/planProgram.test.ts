import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { planProgram, Plan } from "../../tools/engine/run";
import { withLocalStorage } from "../../tools/engine/pulumiInternals";
import { ExportedResource } from "../../tools/engine/stackExport";
import { ToyConfigError, toyProgram } from "./fixtures/toyProgram";

const PROJECT = "toy-project";

function plan(stack: string, region: string, program: () => unknown = toyProgram): Promise<Plan> {
    return planProgram({ project: PROJECT, stack, config: { "aws:region": region, "toy:label": stack }, program });
}

function byType(p: Plan, type: string): ExportedResource {
    const found = p.resources.filter((r) => r.type === type);
    expect(found, type).to.have.length(1);
    return found[0];
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
    try {
        await promise;
    } catch (err) {
        return err;
    }
    throw new Error("expected the promise to reject");
}

describe("planProgram", () => {
    let dev: Plan;

    before(async () => {
        dev = await plan("dev", "eu-west-1");
    });

    it("registers the root stack resource first, as a component carrying the stack outputs", () => {
        const stack = dev.resources[0];
        expect(stack.urn).to.equal(`urn:pulumi:dev::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-dev`);
        expect(stack.custom).to.equal(false);
        expect(stack).to.not.have.property("parent");
        expect(stack).to.not.have.property("id");
        expect(stack.outputs).to.deep.equal(dev.outputs);
        expect(dev.outputs["bucketName"]).to.match(/^box-data-[0-9a-f]{7}$/);
    });

    it("gives top-level resources the stack as parent, without the stack type in their URN", () => {
        const role = byType(dev, "aws:iam/role:Role");
        expect(role.urn).to.equal(`urn:pulumi:dev::${PROJECT}::aws:iam/role:Role::reader`);
        expect(role.parent).to.equal(dev.resources[0].urn);
    });

    it("records components with custom false, their args as inputs and their registered outputs", () => {
        const box = byType(dev, "test:index:Box");
        expect(box.custom).to.equal(false);
        expect(box.urn).to.equal(`urn:pulumi:dev::${PROJECT}::test:index:Box::box`);
        expect(box.inputs).to.deep.equal({ label: "dev" });
        expect(box.outputs).to.deep.equal({ bucketName: dev.outputs["bucketName"] });
    });

    it("qualifies a child's URN with the whole parent type chain", () => {
        const bucket = byType(dev, "aws:s3/bucket:Bucket");
        const box = byType(dev, "test:index:Box");
        expect(bucket.parent).to.equal(box.urn);
        expect(bucket.urn).to.equal(`urn:pulumi:dev::${PROJECT}::test:index:Box$aws:s3/bucket:Bucket::box-data`);
        const topic = byType(dev, "aws:sns/topic:Topic");
        expect(topic.parent).to.equal(byType(dev, "test:index:Inner").urn);
        expect(topic.urn).to.equal(
            `urn:pulumi:dev::${PROJECT}::test:index:Box$test:index:Inner$aws:sns/topic:Topic::box-inner-alerts`,
        );
    });

    it("records protect, retainOnDelete and dependencies", () => {
        const bucket = byType(dev, "aws:s3/bucket:Bucket");
        const topic = byType(dev, "aws:sns/topic:Topic");
        const role = byType(dev, "aws:iam/role:Role");
        expect(bucket.protect).to.equal(true);
        expect(role.protect).to.equal(false);
        expect(topic.retainOnDelete).to.equal(true);
        expect(bucket).to.not.have.property("retainOnDelete");
        // dependsOn a component means depending on the resources inside it.
        expect(role.dependencies).to.have.members([bucket.urn, topic.urn]);
        expect(bucket.dependencies).to.deep.equal([]);
    });

    it("returns realistic ids and ARNs for the configured region and the placeholder account", () => {
        const bucket = byType(dev, "aws:s3/bucket:Bucket");
        expect(bucket.id).to.match(/^box-data-[0-9a-f]{7}$/);
        expect(bucket.outputs).to.include({ bucket: bucket.id, arn: `arn:aws:s3:::${bucket.id}` });
        expect(bucket.outputs["tagsAll"]).to.deep.equal({ label: "dev" });
        const key = byType(dev, "aws:kms/key:Key");
        expect(key.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(key.outputs["arn"]).to.equal(`arn:aws:kms:eu-west-1:123456789012:key/${key.id}`);
        expect(key.inputs).to.deep.equal({ description: "toy" });
        const topic = byType(dev, "aws:sns/topic:Topic");
        expect(topic.id).to.match(/^arn:aws:sns:eu-west-1:123456789012:box-inner-alerts-[0-9a-f]{7}$/);
        expect(dev.outputs["roleArn"]).to.match(/^arn:aws:iam::123456789012:role\/reader-[0-9a-f]{7}$/);
        expect(dev.outputs["accountId"]).to.equal("123456789012");
    });

    it("shows secrets as [secret]", () => {
        expect(dev.outputs["token"]).to.equal("[secret]");
    });

    it("gives independent, reproducible results for several stacks in one process", async () => {
        const prod = await plan("prod", "us-west-2");
        const devAgain = await plan("dev", "eu-west-1");
        expect(prod.resources).to.have.length(dev.resources.length);
        for (const r of prod.resources) {
            expect(r.urn).to.match(new RegExp(`^urn:pulumi:prod::${PROJECT}::`));
        }
        expect(byType(prod, "aws:kms/key:Key").outputs["arn"]).to.match(/^arn:aws:kms:us-west-2:/);
        expect(byType(prod, "test:index:Box").inputs).to.deep.equal({ label: "prod" });
        expect(JSON.stringify(devAgain)).to.equal(JSON.stringify(dev));
    });

    it("rejects with the program's own error, and the next run is clean", async () => {
        const problems = ["Pulumi.bad.yaml: toy:label: expected a string, found a number"];
        const thrown = new ToyConfigError(problems);
        const err = await rejection(
            plan("bad", "eu-west-1", () => {
                new aws.s3.Bucket("half-built", {});
                throw thrown;
            }),
        );
        expect(err).to.equal(thrown);
        expect((err as ToyConfigError).problems).to.deep.equal(problems);
        const after = await plan("dev", "eu-west-1");
        expect(JSON.stringify(after)).to.equal(JSON.stringify(dev));
    });

    it("records a resource read with Resource.get as external, named by its id", async () => {
        const read = await plan("dev", "eu-west-1", () => {
            const legacy = aws.s3.Bucket.get("legacy", "acme-legacy-logs");
            return { arn: legacy.arn };
        });
        const legacy = byType(read, "aws:s3/bucket:Bucket");
        expect(legacy).to.include({ id: "acme-legacy-logs", external: true, custom: true });
        expect(read.outputs["arn"]).to.equal("arn:aws:s3:::acme-legacy-logs");
    });

    it("rejects on a duplicate URN, as the real engine does", async () => {
        const err = await rejection(
            plan("dup", "eu-west-1", () => {
                const a = new aws.s3.Bucket("same", {});
                const b = new aws.s3.Bucket("same", {});
                return { a: a.bucket, b: b.bucket };
            }),
        );
        expect(String(err)).to.match(/Duplicate resource URN 'urn:pulumi:dup::toy-project::aws:s3\/bucket:Bucket::same'/);
    });

    it("rejects when a callback fails even if no output awaits it", async () => {
        const boom = new Error("boom in apply");
        const err = await rejection(
            plan("apply", "eu-west-1", () => {
                const bucket = new aws.s3.Bucket("b", {});
                bucket.arn.apply(() => {
                    throw boom;
                });
                return {};
            }),
        );
        expect(err).to.equal(boom);
    });

    it("leaves mocks that a unit test set with setMocks working", async () => {
        const seen: string[] = [];
        // A store of its own stands in for the process-wide one, so no mocks outlive this test.
        await withLocalStorage(async () => {
            await pulumi.runtime.setMocks(
                {
                    newResource: (args) => {
                        seen.push(args.name);
                        return { id: `${args.name}-id`, state: args.inputs };
                    },
                    call: (args) => args.inputs,
                },
                "unit",
                "test",
            );
            await plan("dev", "eu-west-1");
            const bucket = new aws.s3.Bucket("unit-bucket", {});
            expect(await new Promise((resolve) => bucket.id.apply(resolve))).to.equal("unit-bucket-id");
            expect(pulumi.getStack()).to.equal("test");
        });
        expect(seen).to.deep.equal(["unit-bucket"]);
    });
});
