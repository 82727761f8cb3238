import { expect } from "chai";
import { dataLocationGrantRegistered } from "../../../policies/personas/rules/dataLocationGrants";
import { runPolicy } from "../../../tools/policyRunner/runPolicies";
import { toPolicyResources } from "../../../tools/policyRunner/policyResources";
import { EditableExport } from "../../personas/support/stackEdits";
import { planSeedSetup } from "../../personas/support/seedSetups";

describe("data-location-grant-registered", () => {
    it("passes the prod plan, whose grants target the registered lake bucket", async () => {
        const edit = await EditableExport.of("prod");
        expect(await runPolicy(dataLocationGrantRegistered, edit.policyResources())).to.deep.equal([]);
    });

    it("fails the seed's third set-up: a grant on bucket A, which is not registered", async () => {
        const plan = await planSeedSetup({ row: 3, registered: [], grants: [{ on: "A", to: "pl" }] });
        const [violation, ...rest] = await runPolicy(dataLocationGrantRegistered, toPolicyResources(plan.resources));
        expect(rest).to.deep.equal([]);
        expect(violation.urn).to.match(/::aws:lakeformation\/permissions:Permissions::grant-A-to-pl$/);
        expect(violation.message).to.include("arn:aws:s3:::seed-bucket-a, which is not registered with Lake Formation")
            .and.to.include("Register the location (aws.lakeformation.Resource) or drop the grant");
    });

    it("fails a grant on a prefix of another bucket than the registered lake, and passes one under the lake", async () => {
        const edit = await EditableExport.of("prod");
        const leader = edit.personaRole("project-leader");
        const outside = edit.grant("leader-scratch", leader, ["DATA_LOCATION_ACCESS"], { dataLocation: { arn: "arn:aws:s3:::scratch-bucket/leader/" } });
        edit.grant("leader-sales", leader, ["DATA_LOCATION_ACCESS"], { dataLocation: { arn: `${edit.lakeBucketArn()}/sales/` } });
        const violations = await runPolicy(dataLocationGrantRegistered, edit.policyResources());
        expect(violations.map((v) => v.urn)).to.deep.equal([outside.urn]);
    });
});
