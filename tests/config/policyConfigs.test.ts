import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { PACKS } from "../../tools/policyRunner/packs";

/** Every stack of the project (a Pulumi.<stack>.yaml), and every pack: each needs its policy config. */
const STACKS = fs.readdirSync(".").map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter((s): s is string => s !== undefined);

describe("policy configs", () => {
    it("finds the stacks", () => {
        expect(STACKS).to.include.members(["dev", "prod"]);
    });

    for (const { folder, pack } of PACKS) {
        for (const stack of STACKS) {
            it(`${folder} has policy-config.${stack}.json, naming only its own policies`, () => {
                const file = path.join("policies", folder, `policy-config.${stack}.json`);
                expect(fs.existsSync(file), file).to.equal(true);
                const config = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
                const names = pack.policies.map((p) => p.name);
                expect(Object.keys(config).filter((k) => !names.includes(k)), file).to.deep.equal([]);
            });
        }
    }

    it("lets a first preview pass where values are unknown: the persona pack does not report undecided answers", () => {
        for (const stack of STACKS) {
            const config = JSON.parse(fs.readFileSync(path.join("policies", "personas", `policy-config.${stack}.json`), "utf8")) as Record<string, { reportUnresolved?: boolean }>;
            const personaPolicies = PACKS.find((p) => p.folder === "personas")!.pack.policies.filter((p) => p.configSchema?.properties?.reportUnresolved);
            expect(personaPolicies.length).to.be.greaterThan(0);
            for (const policy of personaPolicies) expect(config[policy.name]?.reportUnresolved, `${stack} ${policy.name}`).to.equal(false);
        }
    });
});
