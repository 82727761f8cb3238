import { expect } from "chai";
import { evaluatePersonas } from "../../policies/access";
import { generateExport } from "../../tools/bench/generateExport";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";

// How fast this runs is measured by `npm run bench`, not asserted here: timing in tests flakes.
describe("the access evaluator at scale", () => {
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

    it("finds every persona of a generated export of 1,000 resources as the model expects", async () => {
        const matrix = await evaluatePersonas(toPolicyResources(generateExport(1000)));
        // Every persona has rows: the data engineer's is the pending "not declared" row until its role lands.
        expect(new Set(matrix.rows.map((r) => r.persona))).to.have.keys("data-lake-admin", "workflow", "project-leader", "analyst", "data-engineer");
        expect(new Set(matrix.rows.filter((r) => r.persona === "analyst").map((r) => r.role)).size).to.be.greaterThan(10);
        expect(matrix.rows.filter((r) => !r.holds && !r.pending)).to.deep.equal([]);
    });
});
