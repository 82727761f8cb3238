import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { Capability, Expected, PERSONA_MODEL } from "../../personas/model";
import { PERSONAS, Persona } from "../../personas/personaNames";

/** Whether the persona's model has this expectation (the capability compared field by field). */
function states(persona: Persona, expected: Expected, capability: Capability): boolean {
    return PERSONA_MODEL[persona].expectations.some((e) => e.expected === expected && JSON.stringify(e.capability) === JSON.stringify(capability));
}

describe("the persona model (personas/model.ts)", () => {
    it("defines every persona of personaNames.ts, each with musts and must-nots", () => {
        expect(Object.keys(PERSONA_MODEL).sort()).to.deep.equal([...PERSONAS].sort());
        for (const persona of PERSONAS) {
            const kinds = PERSONA_MODEL[persona].expectations.map((e) => e.expected);
            expect(kinds, persona).to.include("must");
            expect(kinds, persona).to.include("must-not");
        }
    });

    it("gives each expectation a description the matrix prints and a remedy, once per persona", () => {
        for (const persona of PERSONAS) {
            const descriptions = PERSONA_MODEL[persona].expectations.map((e) => e.description);
            expect(new Set(descriptions).size, `${persona}: descriptions repeat`).to.equal(descriptions.length);
            for (const e of PERSONA_MODEL[persona].expectations) {
                // Read after "must" / "must not" in the policies' messages: a verb phrase, no full stop.
                expect(e.description, persona).to.match(/^[a-zA-Z].*[^.]$/);
                expect(e.remedy.length, `${persona}: ${e.description}`).to.be.greaterThan(20);
            }
        }
    });

    // docs/personas.md's table and the minimum, one line each.
    const required: [Persona, Expected, Capability][] = [
        ["analyst", "must", { kind: "athenaInWorkgroup", workgroup: "own" }],
        ["analyst", "must", { kind: "writeQueryResults", prefix: "own" }],
        ["analyst", "must", { kind: "select", table: "granted" }],
        ["analyst", "must-not", { kind: "select", table: "granted", column: "excluded" }],
        ["analyst", "must-not", { kind: "createDatabaseIn", location: "lake-bucket" }],
        ["analyst", "must-not", { kind: "readRawObjects" }],
        ["analyst", "must-not", { kind: "passRole", role: "any other" }],
        ["analyst", "must-not", { kind: "athenaInWorkgroup", workgroup: "other" }],
        ["analyst", "must-not", { kind: "writeQueryResults", prefix: "other" }],
        ["data-lake-admin", "must", { kind: "lakeFormationAdmin" }],
        ["data-lake-admin", "must", { kind: "grantLakeFormationPermissions" }],
        ["data-lake-admin", "must-not", { kind: "administratorAccess" }],
        ["workflow", "must", { kind: "readRawObjects" }],
        ["workflow", "must", { kind: "createTableIn", database: "lake-database", location: "lake-bucket" }],
        ["workflow", "must-not", { kind: "assumableBy", who: "people" }],
        ["project-leader", "must-not", { kind: "changeLakeFormationSettings" }],
        ["project-leader", "must-not", { kind: "lakeFormationAdmin" }],
    ];
    for (const [persona, expected, capability] of required) {
        it(`states: ${persona} ${expected} ${JSON.stringify(capability)}`, () => {
            expect(states(persona, expected, capability)).to.equal(true);
        });
    }

    it("never says a persona must and must not do the same thing", () => {
        for (const persona of PERSONAS) {
            const musts = PERSONA_MODEL[persona].expectations.filter((e) => e.expected === "must").map((e) => JSON.stringify(e.capability));
            const mustNots = PERSONA_MODEL[persona].expectations.filter((e) => e.expected === "must-not").map((e) => JSON.stringify(e.capability));
            expect(musts.filter((m) => mustNots.includes(m)), persona).to.deep.equal([]);
        }
    });

    it("is an independent statement of intent: no component reads it to build policies", () => {
        const root = path.resolve(__dirname, "../../components");
        const files = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".ts"));
        expect(files.length).to.be.greaterThan(0);
        for (const file of files) {
            expect(fs.readFileSync(path.join(root, file), "utf8"), file).to.not.match(/personas\/model/);
        }
    });
});
