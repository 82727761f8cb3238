import { expect } from "chai";
import { PersonaMatrix, PersonaMatrixRow, evaluatePersonas } from "../../policies/access";
import { PACKS } from "../../tools/policyRunner/packs";
import { readPolicyConfig } from "../../tools/policyRunner/policyConfig";
import { Violation, runPolicy } from "../../tools/policyRunner/runPolicies";
import { CONTROLS, PACK_CONTROLS, PACK_MUTATIONS, mutations } from "./support/mutations";
import { EditableExport, copyJson } from "./support/stackEdits";

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

    const copy = () => new EditableExport(copyJson(pristine.resources));
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

describe("the mutation corpus, rules of the packs (prod plan)", function () {
    let pristine: EditableExport;
    const config = readPolicyConfig(PACKS.map((p) => p.folder), "prod");
    const policies = new Map(PACKS.flatMap((p) => p.pack.policies.map((policy) => [policy.name, policy] as const)));
    const names = [...new Set(PACK_MUTATIONS.map((m) => m.policy))];
    const violationsOf = async (e: EditableExport, name: string): Promise<Violation[]> =>
        (await runPolicy(policies.get(name)!, e.policyResources(), config)).filter((v) => v.enforcementLevel === "mandatory");
    const key = (v: Violation) => `${v.policy}|${v.urn}|${v.message}`;
    let baseline: Map<string, Set<string>>;

    before(async () => {
        pristine = await EditableExport.of("prod");
        baseline = new Map();
        for (const name of names) {
            const found = await violationsOf(pristine, name);
            expect(found.map(key), name).to.deep.equal([]);
            baseline.set(name, new Set(found.map(key)));
        }
    });

    const copy = () => new EditableExport(copyJson(pristine.resources));

    for (const mutation of PACK_MUTATIONS) {
        it(`${mutation.policy} catches ${mutation.name}`, async () => {
            const edited = copy();
            const changed = mutation.apply(edited);
            const caught = (await violationsOf(edited, mutation.policy)).filter((v) => !baseline.get(mutation.policy)!.has(key(v)));
            expect(caught.filter((v) => v.urn === changed || v.message.includes(changed)).map(key), `none names ${changed}; caught: ${caught.map(key).join(" | ") || "none"}`).to.have.length.greaterThan(0);
        });
    }

    for (const control of PACK_CONTROLS) {
        it(`reports nothing new when ${control.name}`, async () => {
            const edited = copy();
            control.apply(edited);
            for (const name of names) expect((await violationsOf(edited, name)).map(key), name).to.deep.equal([]);
            const matrix = await evaluatePersonas(edited.policyResources());
            expect(enforcedFailures(matrix).map(rowKey)).to.deep.equal([]);
        });
    }
});
