import { expect } from "chai";
import { personaRoleTagged } from "../../../policies/personas/rules/personaTags";
import { runPolicy } from "../../../tools/policyRunner/runPolicies";
import { EditableExport, documentOf } from "../../personas/support/stackEdits";

const peopleTrust = documentOf([{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::123456789012:root" } }]);
const glueTrust = documentOf([{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "glue.amazonaws.com" } }]);

describe("persona-role-tagged", () => {
    let edit: EditableExport;

    beforeEach(async () => {
        edit = await EditableExport.of("prod");
    });

    it("passes the prod plan, where the service role for the lake location needs no persona", async () => {
        expect(await runPolicy(personaRoleTagged, edit.policyResources())).to.deep.equal([]);
    });

    it("fails a persona tag that names no persona", async () => {
        const analyst = edit.personaRole("analyst");
        (analyst.outputs.tags as Record<string, string>).persona = "data-scientist";
        const [violation, ...rest] = await runPolicy(personaRoleTagged, edit.policyResources());
        expect(rest).to.deep.equal([]);
        expect(violation.urn).to.equal(analyst.urn);
        expect(violation.message).to.include("persona=data-scientist, which is not a persona").and.to.include("data-lake-admin, workflow, project-leader, analyst");
    });

    it("fails a role people can assume that carries no persona tag", async () => {
        const role = edit.add("aws:iam/role:Role", "auditor-role", { name: "auditor", arn: "arn:aws:iam::123456789012:role/auditor", assumeRolePolicy: peopleTrust, tags: {} });
        const [violation] = await runPolicy(personaRoleTagged, edit.policyResources());
        expect(violation.urn).to.equal(role.urn);
        expect(violation.message).to.include("role auditor can be assumed by people").and.to.include("carries no persona tag");
    });

    it("fails a service role Lake Formation grants to that carries no persona tag", async () => {
        const role = edit.add("aws:iam/role:Role", "etl-role", { name: "etl", arn: "arn:aws:iam::123456789012:role/etl", assumeRolePolicy: glueTrust, tags: {} });
        edit.grant("etl-tables", role, ["SELECT"], { table: { databaseName: "sales", wildcard: true } });
        const [violation] = await runPolicy(personaRoleTagged, edit.policyResources());
        expect(violation.urn).to.equal(role.urn);
        expect(violation.message).to.include("named by Lake Formation (grant etl-tables)");
    });
});
