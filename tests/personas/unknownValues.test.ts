import { expect } from "chai";
import { unknownCheckingProxy, type PolicyResource } from "@pulumi/policy";
import { PersonaMatrix, evaluatePersonas } from "../../policies/access";
import { EditableExport } from "./support/stackEdits";

/** Pulumi's sentinel for an unknown string (what a preview sends for a computed output). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The resources as CrossGuard hands them during a preview: props behind its unknown-checking proxy. */
function asDuringPreview(resources: PolicyResource[]): PolicyResource[] {
    return resources.map((r) => ({ ...r, props: unknownCheckingProxy(r.props) }));
}

describe("values unknown during preview", () => {
    let matrix: PersonaMatrix;

    before(async () => {
        // A preview that creates the analyst: its ARN and its inline policy (built from ARNs) are unknown.
        const edit = await EditableExport.of("prod");
        const analyst = edit.personaRole("analyst");
        analyst.outputs.arn = UNKNOWN;
        edit.find("aws:iam/rolePolicy:RolePolicy", "analyst-sales-analysts-athena").outputs.policy = UNKNOWN;
        edit.find("aws:lakeformation/permissions:Permissions", "workflow-data-location").outputs.dataLocation = { arn: UNKNOWN };
        matrix = await evaluatePersonas(asDuringPreview(edit.policyResources()));
    });

    it("are read through CrossGuard's proxy without failing the evaluation", () => {
        expect(matrix.rows.length).to.be.greaterThan(30);
    });

    it("leave the answers they decide open, and the matrix assumes the worst: a must denied, a must-not allowed", () => {
        const analyst = matrix.rows.filter((r) => r.persona === "analyst");
        const open = analyst.filter((r) => !r.resolved);
        expect(open.length).to.be.greaterThan(3);
        for (const row of open) {
            expect(row.allowed, row.capability).to.equal(row.expected === "must-not");
            expect(row.holds).to.equal(false);
            expect(row.why).to.match(/^undecided until deployment, assumed (allowed|denied): /);
        }
        const athena = analyst.find((r) => r.capability.startsWith("run Athena queries in its own workgroup"));
        expect(athena?.resolved).to.equal(false);
        expect(athena?.why).to.include("the document of inline policy athena-own-workgroup");
    });

    it("still decide what does not depend on them", () => {
        // The trust policy is known: people can assume the analyst, no service can.
        const trust = matrix.rows.filter((r) => r.persona === "analyst" && r.kind === "assumableBy");
        expect(trust.map((r) => [r.resolved, r.holds])).to.deep.equal([[true, true], [true, true]]);
        // Not in DataLakeSettings.admins, known by its name although its ARN is not.
        const admin = matrix.rows.find((r) => r.persona === "analyst" && r.kind === "lakeFormationAdmin");
        expect(admin?.resolved).to.equal(true);
        expect(matrix.rows.filter((r) => r.persona === "project-leader").every((r) => r.resolved)).to.equal(true);
    });

    it("make a grant's location undecidable, which is reported as such, not as refused", () => {
        expect(matrix.invalidGrants).to.have.length(1);
        expect(matrix.invalidGrants[0].resolved).to.equal(false);
        expect(matrix.invalidGrants[0].message).to.include("cannot tell whether grant workflow-data-location targets a registered location");
    });
});
