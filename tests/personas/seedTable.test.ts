import { expect } from "chai";
import { AccessEvaluator } from "../../policies/access";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { BUCKET_NAMES, Bucket, ROLE_NAMES, SeedPersona, SeedSetup, planSeedSetup } from "./support/seedSetups";

/**
 * The seed's first article, section 3: who could create a Glue database in bucket A and in bucket
 * B, in four set-ups of "Data lake locations" (registered) x "Data locations" (grants). Each cell
 * lists the personas that succeeded; the PL failed where it is missing; the analyst was tried only
 * in the last row's bucket B. These are the observed cells, nothing more.
 */
interface Row extends SeedSetup {
    /** The article's wording of the row. */
    cited: string;
    /** The observed outcome per bucket and persona (personas not tried are absent). */
    observed: Record<Bucket, Partial<Record<SeedPersona, boolean>>>;
    /** Grants Lake Formation refused. */
    refused: Bucket[];
}

const TABLE: Row[] = [
    {
        row: 1, cited: "バケットA | 指定なし | データレイク管理者 | データレイク管理者、PL",
        registered: ["A"], grants: [], refused: [],
        observed: { A: { admin: true, pl: false }, B: { admin: true, pl: true } },
    },
    {
        row: 2, cited: "バケットA | バケットAへの権限をPLに付与 | データレイク管理者、PL | データレイク管理者、PL",
        registered: ["A"], grants: [{ on: "A", to: "pl" }], refused: [],
        observed: { A: { admin: true, pl: true }, B: { admin: true, pl: true } },
    },
    {
        row: 3, cited: "指定なし | バケットAへの権限をPLに付与 →データレイク管理下でないので、設定不可 | データレイク管理者、PL | データレイク管理者、PL",
        registered: [], grants: [{ on: "A", to: "pl" }], refused: ["A"],
        observed: { A: { admin: true, pl: true }, B: { admin: true, pl: true } },
    },
    {
        row: 4, cited: "バケットB | バケットBへの権限をアナリストに付与 | データレイク管理者、PL | データレイク管理者、※アナリスト",
        registered: ["B"], grants: [{ on: "B", to: "analyst" }], refused: [],
        observed: { A: { admin: true, pl: true }, B: { admin: true, pl: false, analyst: true } },
    },
];

const PERSONA_WORDS: Record<SeedPersona, string> = { admin: "the data-lake admin", pl: "the project leader", analyst: "the analyst" };

describe("the seed's table of Data lake locations x Data locations (first article, section 3)", () => {
    for (const row of TABLE) {
        describe(`row ${row.row}: ${row.cited}`, () => {
            let access: AccessEvaluator;

            before(async () => {
                access = new AccessEvaluator(toPolicyResources((await planSeedSetup(row)).resources));
            });

            for (const bucket of ["A", "B"] as Bucket[]) {
                for (const [persona, succeeded] of Object.entries(row.observed[bucket]) as [SeedPersona, boolean][]) {
                    it(`${PERSONA_WORDS[persona]} ${succeeded ? "can" : "cannot"} create a database in bucket ${bucket}`, async () => {
                        const verdict = await access.canCreateDatabaseAt(access.role(ROLE_NAMES[persona]), `arn:aws:s3:::${BUCKET_NAMES[bucket]}`);
                        expect(verdict.allowed, verdict.why).to.equal(succeeded);
                    });
                }
            }

            it(row.refused.length > 0 ? "reports the grant on the unregistered bucket as one Lake Formation refuses" : "has no grant Lake Formation would refuse", () => {
                const refused = access.lakeFormation.invalidGrants;
                expect(refused.map((g) => g.location)).to.deep.equal(row.refused.map((b) => `arn:aws:s3:::${BUCKET_NAMES[b]}`));
                for (const grant of refused) {
                    expect(grant.resolved).to.equal(true);
                    expect(grant.message).to.include("not registered with Lake Formation").and.to.include(grant.grant);
                }
            });
        });
    }

    describe("the reasons the evaluator gives match the article's conclusions", () => {
        it("in a registered bucket AWSLakeFormationDataAdmin is not enough without a grant; in an unregistered one it is", async () => {
            const access = new AccessEvaluator(toPolicyResources((await planSeedSetup(TABLE[0])).resources));
            const pl = access.role(ROLE_NAMES.pl);
            const inA = await access.canCreateDatabaseAt(pl, `arn:aws:s3:::${BUCKET_NAMES.A}`);
            expect(inA.why).to.include("registered with Lake Formation").and.to.include("no DATA_LOCATION_ACCESS grant");
            const inB = await access.canCreateDatabaseAt(pl, `arn:aws:s3:::${BUCKET_NAMES.B}`);
            expect(inB.why).to.include("AWSLakeFormationDataAdmin").and.to.include("IAM alone decides");
        });

        it("the analyst could create one because AmazonAthenaFullAccess allows glue:CreateDatabase", async () => {
            const access = new AccessEvaluator(toPolicyResources((await planSeedSetup(TABLE[3])).resources));
            const verdict = await access.canCreateDatabaseAt(access.role(ROLE_NAMES.analyst), `arn:aws:s3:::${BUCKET_NAMES.B}`);
            expect(verdict.why).to.include("AmazonAthenaFullAccess").and.to.include("BaseGluePermissions").and.to.include("grant-B-to-analyst");
        });
    });
});
