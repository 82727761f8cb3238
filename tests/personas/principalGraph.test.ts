import { expect } from "chai";
import { evaluatePersonas } from "../../policies/access";
import { EditableExport } from "./support/stackEdits";

describe("who can become whom", () => {
    it("gives a persona the access of the roles it can become, and says by which path", async () => {
        const e = await EditableExport.of("prod");
        const workflow = e.personaRole("workflow");
        e.addInlinePolicy(e.personaRole("analyst"), "pass-the-crawler-role", [{ Effect: "Allow", Action: "iam:PassRole", Resource: workflow.outputs.arn }]);
        const rows = (await evaluatePersonas(e.policyResources())).rows.filter((r) => r.persona === "analyst" && !r.holds);
        const become = rows.find((r) => r.kind === "becomeOthers");
        expect(become?.why).to.include(`iam:PassRole of ${workflow.outputs.name} to glue.amazonaws.com`).and.to.include("inline policy pass-the-crawler-role");
        // The workflow role reads the lake: through it, the analyst reads data outside Lake Formation.
        const exfiltration = rows.find((r) => r.capability.startsWith("read data outside Lake Formation"));
        expect(exfiltration?.why).to.include("it can become workflow-role").and.to.include("s3:GetObject");
    });

    it("lets the data-lake admin pass the workflow role (its model says so) and nothing more", async () => {
        const e = await EditableExport.of("prod");
        const admin = () => evaluatePersonas(e.policyResources()).then((m) => m.rows.filter((r) => r.persona === "data-lake-admin" && r.kind === "becomeOthers"));
        expect((await admin()).map((r) => r.holds)).to.deep.equal([true]);
        e.addInlinePolicy(e.personaRole("data-lake-admin"), "assume-the-analyst", [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: e.personaRole("analyst").outputs.arn }]);
        const [row] = await admin();
        expect(row.holds).to.equal(false);
        expect(row.why).to.include("sts:AssumeRole into").and.to.include("lets it in");
    });
});
