import { expect } from "chai";
import type { ExportedResource, Plan } from "../../tools/engine/stackExport";
import { planOf } from "../helpers/plans";
import { PolicyStatement, list, named, ofType, statements, tag } from "../helpers/resources";

describe("AthenaAnalystRole", () => {
    let prod: Plan;
    let role: ExportedResource;
    let policy: PolicyStatement[];
    before(async () => {
        prod = await planOf("prod");
        role = named(prod, "analyst-sales-analysts-role");
        policy = ofType(prod, "aws:iam/rolePolicy:RolePolicy")
            .filter((p) => p.outputs.role === role.outputs.name)
            .flatMap((p) => statements(p.outputs.policy));
    });
    const allowing = (action: string) => policy.filter((s) => s.Effect === "Allow" && list(s.Action).includes(action));

    it("is the analyst persona of its group", () => {
        expect(tag(role, "persona")).to.equal("analyst");
        expect(tag(role, "analyst-group")).to.equal("sales-analysts");
        expect(named(prod, "analyst-sales-analysts").type).to.equal("analytics:index:AthenaAnalystRole");
    });

    it("allows athena:StartQueryExecution only in the group's own workgroup", () => {
        const workgroup = named(prod, "analyst-sales-analysts-workgroup").outputs;
        expect(workgroup.name).to.equal("analytics-platform-prod-analysts-sales-analysts");
        const start = allowing("athena:StartQueryExecution");
        expect(start).to.have.length(1);
        expect(start[0].Resource).to.equal(workgroup.arn);
        expect(policy.some((s) => list(s.Action).some((a) => a === "athena:*" || a === "*"))).to.equal(false);
    });

    it("writes query results only under its own prefix, in a workgroup that forces them there", () => {
        const resultsArn = String(named(prod, "query-results").outputs.arn);
        const put = allowing("s3:PutObject");
        expect(put).to.have.length(1);
        expect(put[0].Resource).to.equal(`${resultsArn}/analysts/sales-analysts/*`);
        const list_ = allowing("s3:ListBucket");
        expect(list_[0].Condition).to.deep.equal({ StringLike: { "s3:prefix": ["analysts/sales-analysts/*"] } });
        const configuration = named(prod, "analyst-sales-analysts-workgroup").outputs.configuration as {
            enforceWorkgroupConfiguration: boolean;
            resultConfiguration: { outputLocation: string };
        };
        expect(configuration.enforceWorkgroupConfiguration).to.equal(true);
        expect(configuration.resultConfiguration.outputLocation).to.equal(`s3://${String(named(prod, "query-results").outputs.bucket)}/analysts/sales-analysts/`);
    });

    it("cannot create databases, pass roles or read raw lake objects", () => {
        const lakeArn = String(named(prod, "lake").outputs.arn);
        const actions = policy.flatMap((s) => list(s.Action));
        for (const forbidden of ["glue:CreateDatabase", "glue:CreateTable", "iam:PassRole", "lakeformation:PutDataLakeSettings"]) {
            expect(actions, forbidden).not.to.include(forbidden);
        }
        const resources = policy.flatMap((s) => list(s.Resource).map(String));
        expect(resources.some((r) => r.startsWith(lakeArn))).to.equal(false);
        const attachments = ofType(prod, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.outputs.role === role.outputs.name);
        expect(attachments, "no managed policy such as AmazonAthenaFullAccess").to.have.length(0);
    });

    it("uses the lake key only through S3", () => {
        const kms = allowing("kms:Decrypt");
        expect(kms).to.have.length(1);
        expect(kms[0].Resource).to.equal(named(prod, "lake-key").outputs.arn);
        expect(kms[0].Condition).to.deep.equal({ StringEquals: { "kms:ViaService": "s3.ap-northeast-1.amazonaws.com" } });
    });

    it("is granted SELECT minus the excluded columns on each table, in one grant per table", () => {
        const grants = ofType(prod, "aws:lakeformation/permissions:Permissions").filter((g) => g.outputs.principal === role.outputs.arn);
        const onTables = grants.filter((g) => g.outputs.tableWithColumns);
        expect(onTables.map((g) => g.outputs.tableWithColumns)).to.have.deep.members([
            { databaseName: "sales", name: "sales", wildcard: true, excludedColumnNames: ["item_price"] },
            { databaseName: "sales", name: "items", wildcard: true, excludedColumnNames: [] },
            { databaseName: "sales", name: "item_categories", wildcard: true, excludedColumnNames: [] },
            { databaseName: "sales", name: "shops", wildcard: true, excludedColumnNames: [] },
        ]);
        for (const g of onTables) expect(g.outputs.permissions, g.urn).to.deep.equal(["SELECT"]);
        expect(grants.some((g) => g.outputs.table), "no second grant on the same table").to.equal(false);
        expect(grants.some((g) => g.outputs.dataLocation), "no data location: analysts create nothing").to.equal(false);
    });
});
