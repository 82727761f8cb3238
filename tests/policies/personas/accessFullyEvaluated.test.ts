import { expect } from "chai";
import { accessFullyEvaluated } from "../../../policies/personas/rules/accessFullyEvaluated";
import { runPolicy } from "../../../tools/policyRunner/runPolicies";
import { EditableExport } from "../../personas/support/stackEdits";

describe("persona-access-fully-evaluated", () => {
    let pristine: EditableExport;
    before(async () => {
        pristine = await EditableExport.of("prod");
    });
    const copy = () => new EditableExport(JSON.parse(JSON.stringify(pristine.resources)));

    it("is quiet on the planned stack", async () => {
        expect(await runPolicy(accessFullyEvaluated, copy().policyResources())).to.deep.equal([]);
    });

    const cases: [string, (e: EditableExport) => string][] = [
        ["a Glue catalog resource policy", (e) => e.add("aws:glue/resourcePolicy:ResourcePolicy", "catalog-policy", { policy: "{}" }).urn],
        ["an aws-native role", (e) => e.add("aws-native:iam:Role", "native-role", { assumeRolePolicyDocument: {} }).urn],
        ["an IAM group policy", (e) => e.add("aws:iam/groupPolicy:GroupPolicy", "group-policy", { group: "g", policy: "{}" }).urn],
        ["a Lake Formation opt-in", (e) => e.add("aws:lakeformation/optIn:OptIn", "opt-in", {}).urn],
        ["a grant to another account", (e) => e.grant("cross-account", e.personaRole("analyst"), ["SELECT"], { principal: "111122223333", table: { databaseName: "sales", name: "sales" } }).urn],
        ["a grant on an LF-tag itself", (e) => e.grant("tag-grant", e.personaRole("analyst"), ["ASSOCIATE"], { lfTag: { key: "k", values: ["v"] } }).urn],
        ["a location in hybrid access mode", (e) => {
            const location = e.find("aws:lakeformation/resource:Resource", "lake-location");
            location.outputs.hybridAccessEnabled = true;
            return location.urn;
        }],
        ["trusted resource owners", (e) => {
            const settings = e.find("aws:lakeformation/dataLakeSettings:DataLakeSettings", "lake-formation-settings");
            settings.outputs.trustedResourceOwners = ["111122223333"];
            return settings.urn;
        }],
        ["the analyst as a read-only admin", (e) => {
            const settings = e.find("aws:lakeformation/dataLakeSettings:DataLakeSettings", "lake-formation-settings");
            settings.outputs.readOnlyAdmins = [e.personaRole("analyst").outputs.arn];
            return settings.urn;
        }],
    ];
    it("reads an LF-tag policy grant as access (no finding for the tags themselves), and names what a cross-account one exposes", async () => {
        const e = copy();
        e.add("aws:lakeformation/lfTag:LfTag", "tier", { key: "tier", values: ["public", "restricted"] });
        e.add("aws:lakeformation/resourceLfTags:ResourceLfTags", "sales-tier", { table: { databaseName: "sales", name: "sales" }, lfTags: [{ key: "tier", value: "restricted" }] });
        const local = e.grant("tier-local", e.personaRole("project-leader"), ["SELECT"], { lfTagPolicy: { resourceType: "TABLE", expressions: [{ key: "tier", values: ["restricted"] }] } });
        const shared = e.add("aws:lakeformation/permissions:Permissions", "tier-shared", { principal: "arn:aws:iam::111122223333:role/partner", permissions: ["SELECT"], lfTagPolicy: { resourceType: "TABLE", expressions: [{ key: "tier", values: ["restricted"] }] } });
        const violations = await runPolicy(accessFullyEvaluated, e.policyResources());
        expect(violations.map((v) => v.urn)).to.deep.equal([shared.urn]);
        expect(violations[0].message).to.include("resource exposure: grant tier-shared gives SELECT on table sales.sales to arn:aws:iam::111122223333:role/partner");
        expect(local.urn).to.not.equal(shared.urn);
    });

    for (const [what, apply] of cases) {
        it(`reports ${what} on the resource`, async () => {
            const e = copy();
            const urn = apply(e);
            const violations = await runPolicy(accessFullyEvaluated, e.policyResources());
            expect(violations.map((v) => v.urn)).to.include(urn);
        });
    }
});
