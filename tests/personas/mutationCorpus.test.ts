import { expect } from "chai";
import { PersonaMatrix, PersonaMatrixRow, evaluatePersonas } from "../../policies/access";
import { CONTROLS, mutations } from "./support/mutations";
import { EditableExport } from "./support/stackEdits";

/**
 * The mutation corpus: every regression of support/mutations.ts must make some expectation of its
 * persona fail (not a pending one), on a row that names what the regression changed; every control
 * must leave the matrix exactly as it was.
 */
const rowKey = (r: PersonaMatrixRow) => `${r.persona}|${r.role}|${r.capability}|${r.holds}`;
const enforcedFailures = (m: PersonaMatrix) => m.rows.filter((r) => !r.holds && !r.pending);

describe("the mutation corpus (prod plan)", function () {
    let pristine: EditableExport;
    let baseline: Set<string>;

    before(async () => {
        pristine = await EditableExport.of("prod");
        const matrix = await evaluatePersonas(pristine.policyResources());
        expect(enforcedFailures(matrix)).to.deep.equal([]);
        baseline = new Set(matrix.rows.map(rowKey));
    });

    const copy = () => new EditableExport(JSON.parse(JSON.stringify(pristine.resources)));
    const cases = mutations();

    it("holds at least 120 regressions", () => {
        expect(cases.length).to.be.at.least(120);
    });

    for (const mutation of cases) {
        it(`catches ${mutation.name}`, async () => {
            const edited = copy();
            const changed = mutation.apply(edited);
            const matrix = await evaluatePersonas(edited.policyResources(), undefined, [mutation.persona]);
            const caught = enforcedFailures(matrix).filter((r) => r.persona === mutation.persona && !baseline.has(rowKey(r)));
            const naming = caught.filter((r) => r.why.includes(changed) || r.role === changed);
            expect(naming.map((r) => r.capability), `no failing ${mutation.persona} row names ${changed}; failing: ${caught.map((r) => `${r.capability}: ${r.why}`).join(" | ") || "none"}`).to.have.length.greaterThan(0);
        });
    }

    for (const control of CONTROLS) {
        it(`reads the same stack when ${control.name}`, async () => {
            const edited = copy();
            control.apply(edited);
            const matrix = await evaluatePersonas(edited.policyResources());
            expect(matrix.rows.map(rowKey).sort()).to.deep.equal([...baseline].sort());
        });
    }
});
