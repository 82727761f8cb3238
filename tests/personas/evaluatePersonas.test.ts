import { expect } from "chai";
import { AccessEvaluator, PersonaMatrix, evaluatePersonas } from "../../policies/access";
import { PERSONA_MODEL } from "../../personas/model";
import { PERSONAS } from "../../personas/personaNames";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { planOf } from "../helpers/plans";

const failing = (matrix: PersonaMatrix) => matrix.rows.filter((r) => !r.holds && !r.pending).map((r) => `${r.persona} ${r.role} ${r.expected} ${r.capability}: ${r.why}`);

for (const stack of ["dev", "prod"] as const) {
    describe(`the persona matrix of the ${stack} plan`, () => {
        let matrix: PersonaMatrix;

        before(async () => {
            matrix = await evaluatePersonas(toPolicyResources((await planOf(stack)).resources));
        });

        it("holds everywhere: every must is allowed, every must-not is not", () => {
            expect(matrix.rows.length).to.be.greaterThan(30);
            expect(failing(matrix)).to.deep.equal([]);
        });

        it("is decided everywhere (a plan knows every value) and has no grant Lake Formation would refuse", () => {
            expect(matrix.rows.filter((r) => !r.resolved)).to.deep.equal([]);
            expect(matrix.invalidGrants).to.deep.equal([]);
        });

        it("checks every expectation of the model for every persona role", () => {
            for (const persona of PERSONAS) {
                const rows = matrix.rows.filter((r) => r.persona === persona);
                expect(rows.length, persona).to.be.greaterThan(0);
                // A persona the program does not declare yet has one row, pending: no role to check.
                if (PERSONA_MODEL[persona].pendingDeclaration && rows.length === 1 && rows[0].role === "(none)") continue;
                for (const expectation of PERSONA_MODEL[persona].expectations) {
                    expect(rows.some((r) => r.capability.startsWith(expectation.description) && r.expected === expectation.expected), `${persona}: ${expectation.description}`).to.equal(true);
                }
            }
        });

        it("says which statement or grant decided", () => {
            const row = (persona: string, start: string) => {
                const found = matrix.rows.find((r) => r.persona === persona && r.capability.startsWith(start));
                if (!found) throw new Error(`no row ${persona}: ${start}`);
                return found;
            };
            expect(row("data-lake-admin", "change Lake Formation settings").why).to.include("explicitly denies").and.to.include("AWSLakeFormationDataAdminDeny");
            expect(row("workflow", "create tables in the lake database").why).to.include("grant workflow-database gives CREATE_TABLE").and.to.include("grant workflow-data-location gives DATA_LOCATION_ACCESS");
            expect(row("analyst", "SELECT the columns its grants exclude").capability).to.match(/: sales(_dev)?\.sales\.item_price$/);
            expect(row("analyst", "SELECT the columns its grants exclude").why).to.include("no Lake Formation grant of SELECT covers");
            expect(row("workflow", "be assumable by people").why).to.include("lets none of");
        });
    });
}

describe("what the stack config changes in the matrix", () => {
    it("lets the project leader create databases in the lake only where it is granted the location (dev, not prod)", async () => {
        const canCreate = async (stack: "dev" | "prod") => {
            const access = new AccessEvaluator(toPolicyResources((await planOf(stack)).resources));
            const [outcome] = await access.check(access.personaRoles().find((p) => p.persona === "project-leader")!.role, { kind: "createDatabaseIn", location: "lake-bucket" });
            return outcome.verdict;
        };
        const dev = await canCreate("dev");
        const prod = await canCreate("prod");
        expect(dev.allowed, dev.why).to.equal(true);
        expect(dev.why).to.include("grant project-leader-data-location gives DATA_LOCATION_ACCESS");
        expect(prod.allowed, prod.why).to.equal(false);
        expect(prod.why).to.include("no DATA_LOCATION_ACCESS grant");
    });
});
