import { performance } from "node:perf_hooks";
import { expect } from "chai";
import { evaluatePersonas } from "../../policies/access";
import { generateExport } from "../../tools/bench/generateExport";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { planOf } from "../helpers/plans";

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
    const start = performance.now();
    const value = await run();
    return { ms: performance.now() - start, value };
}

describe("the access evaluator's speed", () => {
    it("generates a realistic export of exactly the size asked, every URN once", () => {
        for (const count of [100, 1000]) {
            const resources = generateExport(count);
            expect(resources).to.have.length(count);
            expect(new Set(resources.map((r) => r.urn)).size).to.equal(count);
        }
        const types = new Set(generateExport(1000).map((r) => r.type));
        for (const type of ["aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/policy:Policy", "aws:s3/bucket:Bucket", "aws:lakeformation/permissions:Permissions", "aws:athena/workgroup:Workgroup"]) {
            expect(types, type).to.include(type);
        }
    });

    it("evaluates the prod plan well under 1 s and a generated export of 1,000 resources under 2 s", async () => {
        const prod = toPolicyResources((await planOf("prod")).resources);
        await evaluatePersonas(prod); // iam-simulate reads its IAM data once per process
        const small = await timed(() => evaluatePersonas(prod));
        const large = toPolicyResources(generateExport(1000));
        const big = await timed(() => evaluatePersonas(large));
        expect(big.value.rows.filter((r) => !r.holds)).to.deep.equal([]);
        expect(small.ms, "prod").to.be.below(1000);
        expect(big.ms, "1,000 resources").to.be.below(2000);
    });
});
