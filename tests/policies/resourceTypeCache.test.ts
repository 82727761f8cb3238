import { expect } from "chai";
import { resourceTypeLookup } from "../../policies/access/iam/resourceTypeCache";
import { RoleSimulator } from "../../policies/access/iam/roleSimulator";

// What policies/access/iam/resourceTypeCache.ts does to iam-simulate: without it, the simulations
// of the packs, the plan and this suite are several times slower; with a wrong answer, wrong.
describe("iam-simulate's resource-type lookup, remembered per process", () => {
    it("is in place wherever the role simulator is loaded (fails when iam-simulate moves it)", () => {
        expect(RoleSimulator).to.be.a("function");
        expect(resourceTypeLookup(), "iam-simulate's simulation_engine/resourceTypes.js").to.not.equal(undefined);
        expect(resourceTypeLookup()?.remembered).to.equal(true);
    });

    it("answers as iam-simulate does, a fresh array each time", async () => {
        const { lookup } = resourceTypeLookup() ?? expect.fail("no lookup");
        const key = (types: unknown[]) => types.map((t) => (t as { key: string }).key);
        const object = await lookup("s3", "GetObject", "arn:aws:s3:::lake/raw/x.csv");
        expect(key(object)).to.deep.equal(["object"]);
        const again = await lookup("s3", "GetObject", "arn:aws:s3:::lake/raw/x.csv");
        expect(again).to.deep.equal(object);
        expect(again).to.not.equal(object);
        expect(key(await lookup("s3", "ListBucket", "arn:aws:s3:::lake"))).to.deep.equal(["bucket"]);
        expect(key(await lookup("glue", "GetTable", "arn:aws:glue:ap-northeast-1:123456789012:table/sales/orders"))).to.deep.equal(["table"]);
    });

    it("rejects an action without resource types every time it is asked", async () => {
        const { lookup } = resourceTypeLookup() ?? expect.fail("no lookup");
        for (let i = 0; i < 2; i++) {
            const error = await lookup("s3", "ListAllMyBuckets", "*").then(() => undefined, (e: unknown) => e);
            expect(String(error)).to.contain("does not have any resource types");
        }
    });
});
