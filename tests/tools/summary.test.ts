import { expect } from "chai";
import { planProgram } from "../../tools/engine/run";
import { Plan } from "../../tools/engine/stackExport";
import { formatSummary, summarizePlan } from "../../tools/engine/summary";
import { toyProgram } from "./fixtures/toyProgram";

describe("plan summary", () => {
    let plan: Plan;

    before(async () => {
        plan = await planProgram({ project: "toy", stack: "dev", config: {}, program: toyProgram });
    });

    it("lists components with their direct children, counts by type and protected resources", () => {
        const s = summarizePlan(plan);
        expect(s.components.map((c) => [c.type, c.name, c.children])).to.deep.equal([
            ["test:index:Box", "box", 2],
            ["test:index:Inner", "box-inner", 1],
        ]);
        expect(s.countsByType).to.deep.equal([
            { type: "aws:iam/role:Role", count: 1 },
            { type: "aws:kms/key:Key", count: 1 },
            { type: "aws:s3/bucket:Bucket", count: 1 },
            { type: "aws:sns/topic:Topic", count: 1 },
            { type: "pulumi:providers:aws", count: 1 },
        ]);
        expect(s).to.include({ total: 8, custom: 5, protected: 1 });
    });

    it("prints the stack, components, counts and one line per output", () => {
        const text = formatSummary(plan);
        expect(text).to.contain("Plan of toy/dev");
        expect(text).to.match(/test:index:Box\s+box\s+2 children/);
        expect(text).to.match(/aws:s3\/bucket:Bucket\s+1/);
        expect(text).to.contain("Protected resources: 1");
        expect(text).to.match(/^ {2}keyArn: +arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]+$/m);
        expect(text).to.match(/^ {2}token: +\[secret\]$/m);
    });
});
