import { expect } from "chai";
import { pack } from "../../../policies/personas/policies";
import { analystPersona, dataLakeAdminPersona, projectLeaderPersona, workflowPersona } from "../../../policies/personas/rules/personaModel";
import { Violation, runPacks, runPolicy } from "../../../tools/policyRunner/runPolicies";
import { EditableExport, documentOf } from "../../personas/support/stackEdits";

const ROLE = "aws:iam/role:Role";

/** The one violation of the policy whose message names this capability. */
function about(violations: Violation[], capability: string): Violation {
    const found = violations.filter((v) => v.message.includes(capability));
    expect(found, `${capability} in\n${violations.map((v) => v.message).join("\n")}`).to.have.length(1);
    return found[0];
}

describe("the persona-model policies, on a prod export edited", () => {
    let edit: EditableExport;

    beforeEach(async () => {
        edit = await EditableExport.of("prod");
    });

    it("the analyst given glue:CreateDatabase on *, CREATE_DATABASE on the catalog and a DATA_LOCATION_ACCESS grant on the lake can create a database there", async () => {
        const analyst = edit.personaRole("analyst");
        edit.addInlinePolicy(analyst, "create-databases", [{ Sid: "CreateDatabases", Effect: "Allow", Action: "glue:CreateDatabase", Resource: "*" }]);
        edit.grant("analyst-lake-location", analyst, ["DATA_LOCATION_ACCESS"], { dataLocation: { arn: edit.lakeBucketArn() } });
        edit.grant("analyst-catalog", analyst, ["CREATE_DATABASE"], { catalogResource: true });
        const violations = await runPolicy(analystPersona, edit.policyResources());

        const inLake = about(violations, "must not create a Glue database in the lake bucket");
        expect(inLake.urn).to.equal(analyst.urn);
        expect(inLake.enforcementLevel).to.equal("mandatory");
        expect(inLake.message).to.include(`analyst role ${analyst.outputs.name}`)
            .and.to.include("but it can")
            .and.to.include("inline policy create-databases CreateDatabases")
            .and.to.include("grant analyst-lake-location gives DATA_LOCATION_ACCESS")
            .and.to.include("Change: remove glue:CreateDatabase");
        // Lake Formation does not stand between IAM and a bucket it does not manage.
        expect(about(violations, "must not create a Glue database in a bucket Lake Formation does not manage").message).to.include("IAM alone decides");
    });

    it("with glue:CreateDatabase alone, the catalog's CREATE_DATABASE gate (closed by the README's first-deployment step) keeps the analyst from creating databases; the IAM statement is still reported", async () => {
        const analyst = edit.personaRole("analyst");
        edit.addInlinePolicy(analyst, "create-databases", [{ Effect: "Allow", Action: "glue:CreateDatabase", Resource: "*" }]);
        const violations = await runPolicy(analystPersona, edit.policyResources());
        expect(violations.map((v) => v.message).filter((m) => m.includes("create a Glue database in"))).to.deep.equal([]);
        expect(about(violations, "must not modify the platform's resources").message).to.include("glue:CreateDatabase on the Glue catalog");
    });

    it("IAM_ALLOWED_PRINCIPALS given CREATE_DATABASE on the catalog reopens the gate: the analyst with glue:CreateDatabase can create a database where Lake Formation does not manage", async () => {
        const analyst = edit.personaRole("analyst");
        edit.addInlinePolicy(analyst, "create-databases", [{ Effect: "Allow", Action: "glue:CreateDatabase", Resource: "*" }]);
        edit.add("aws:lakeformation/permissions:Permissions", "iam-allowed-catalog", { principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["CREATE_DATABASE"], catalogResource: true });
        const violation = about(await runPolicy(analystPersona, edit.policyResources()), "create a Glue database in a bucket Lake Formation does not manage");
        expect(violation.message).to.include("grant iam-allowed-catalog gives CREATE_DATABASE to IAM_ALLOWED_PRINCIPALS");
    });

    it("the analyst given AmazonAthenaFullAccess (the seed's choice) can create databases and query in other workgroups", async () => {
        const analyst = edit.personaRole("analyst");
        edit.attach(analyst, "arn:aws:iam::aws:policy/AmazonAthenaFullAccess");
        // The seed's account kept the catalog's default: CREATE_DATABASE for IAM_ALLOWED_PRINCIPALS.
        edit.add("aws:lakeformation/permissions:Permissions", "iam-allowed-catalog", { principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["CREATE_DATABASE"], catalogResource: true });
        const violations = await runPolicy(analystPersona, edit.policyResources());
        expect(about(violations, "create a Glue database in a bucket Lake Formation does not manage").message)
            .to.include("AmazonAthenaFullAccess (AWS managed v15) BaseGluePermissions");
        expect(about(violations, "run Athena queries in another group's workgroup").message)
            .to.include("AmazonAthenaFullAccess (AWS managed v15) BaseAthenaPermissions")
            .and.to.include("Change: scope athena:* to the group's own workgroup ARN");
        expect(violations.every((v) => v.urn === analyst.urn)).to.equal(true);
    });

    it("a second grant to the analyst defeats its column exclusion", async () => {
        const analyst = edit.personaRole("analyst");
        edit.grant("analyst-all-tables", analyst, ["SELECT"], { table: { databaseName: "sales", wildcard: true } });
        const violation = about(await runPolicy(analystPersona, edit.policyResources()), "SELECT the columns its grants exclude");
        expect(violation.message).to.include("sales.sales.item_price").and.to.include("grant analyst-all-tables gives SELECT");
    });

    it("the analyst given s3:GetObject on the lake reads raw objects: the key it decrypts results with is the lake's", async () => {
        const analyst = edit.personaRole("analyst");
        edit.addInlinePolicy(analyst, "read-lake", [{ Effect: "Allow", Action: "s3:GetObject", Resource: `${edit.lakeBucketArn()}/*` }]);
        const violation = about(await runPolicy(analystPersona, edit.policyResources()), "must not read raw objects of the lake bucket");
        expect(violation.message).to.include("inline policy read-lake").and.to.include("kms:Decrypt").and.to.include("LakeKeyThroughS3");
    });

    it("the analyst without its Athena policy cannot do its job: the musts fail", async () => {
        edit.remove(edit.find("aws:iam/rolePolicy:RolePolicy", "analyst-sales-analysts-athena"));
        const violations = await runPolicy(analystPersona, edit.policyResources());
        expect(about(violations, "must run Athena queries in its own workgroup").message).to.include("but it cannot").and.to.include("IAM does not allow athena:StartQueryExecution");
        expect(about(violations, "must write and read its query results").message).to.include("IAM does not allow s3:PutObject");
        expect(violations.filter((v) => v.message.includes("must SELECT the tables it is granted"))).to.have.length(4);
    });

    it("the project leader made a Lake Formation admin", async () => {
        const leader = edit.personaRole("project-leader");
        const settings = edit.find("aws:lakeformation/dataLakeSettings:DataLakeSettings", "lake-formation-settings");
        (settings.outputs.admins as string[]).push(leader.outputs.arn as string);
        const violation = about(await runPolicy(projectLeaderPersona, edit.policyResources()), "must not be a Lake Formation administrator");
        expect(violation.urn).to.equal(leader.urn);
        expect(violation.message).to.include("DataLakeSettings lake-formation-settings").and.to.include("Change: remove the role's ARN from DataLakeSettings.admins");
    });

    it("the project leader allowed lakeformation:PutDataLakeSettings (no managed policy's deny stops it any more)", async () => {
        const leader = edit.personaRole("project-leader");
        edit.addInlinePolicy(leader, "settings", [{ Effect: "Allow", Action: "lakeformation:PutDataLakeSettings", Resource: "*" }]);
        const violation = about(await runPolicy(projectLeaderPersona, edit.policyResources()), "must not change Lake Formation settings");
        expect(violation.urn).to.equal(leader.urn);
    });

    it("the workflow role made assumable by an account principal", async () => {
        const workflow = edit.personaRole("workflow");
        workflow.outputs.assumeRolePolicy = documentOf([
            { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "glue.amazonaws.com" } },
            { Sid: "Operators", Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::123456789012:root" } },
        ]);
        const violation = about(await runPolicy(workflowPersona, edit.policyResources()), "must not be assumable by people");
        expect(violation.urn).to.equal(workflow.urn);
        expect(violation.message).to.include("its trust policy (Operators)").and.to.include("Change: trust only glue.amazonaws.com");
    });

    it("the data-lake admin given AdministratorAccess, and dropped from the admins", async () => {
        const admin = edit.personaRole("data-lake-admin");
        edit.attach(admin, "arn:aws:iam::aws:policy/AdministratorAccess");
        const settings = edit.find("aws:lakeformation/dataLakeSettings:DataLakeSettings", "lake-formation-settings");
        settings.outputs.admins = [];
        const violations = await runPolicy(dataLakeAdminPersona, edit.policyResources());
        expect(about(violations, "must not hold AdministratorAccess").message).to.include("AdministratorAccess is attached");
        expect(about(violations, "must be a Lake Formation administrator").message).to.include("but it cannot");
        expect(about(violations, "must grant Lake Formation permissions").urn).to.equal(admin.urn);
        // AdministratorAccess allows PutDataLakeSettings, but AWSLakeFormationDataAdmin still denies it.
        expect(violations.map((v) => v.message).filter((m) => m.includes("change Lake Formation settings"))).to.deep.equal([]);
    });

    it("each persona's policy reports only its own persona's roles", async () => {
        edit.attach(edit.personaRole("analyst"), "arn:aws:iam::aws:policy/AmazonAthenaFullAccess");
        const violations = await runPacks([pack], edit.policyResources());
        expect(violations.length).to.be.greaterThan(0);
        expect([...new Set(violations.map((v) => v.policy))]).to.deep.equal(["persona-analyst"]);
        expect(edit.resources.filter((r) => r.type === ROLE && violations.some((v) => v.urn === r.urn)).map((r) => (r.outputs.tags as Record<string, string>).persona)).to.deep.equal(["analyst"]);
    });
});

describe("the persona-model policies on values unknown during preview", () => {
    it("report open answers by default; reportUnresolved: false silences what a preview does not know yet", async () => {
        const edit = await EditableExport.of("prod");
        edit.find("aws:iam/rolePolicy:RolePolicy", "analyst-sales-analysts-athena").outputs.policy = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const resources = edit.policyResources();
        const reported = await runPolicy(analystPersona, resources);
        expect(reported.length).to.be.greaterThan(0);
        expect(reported[0].message).to.include("this cannot be shown before deployment").and.to.include("undecided until deployment");
        const silenced = await runPolicy(analystPersona, resources, { "persona-analyst": { reportUnresolved: false } });
        expect(silenced).to.deep.equal([]);
    });

    it("never silences what a secret hides (it stays hidden after deployment), must-nots included", async () => {
        const edit = await EditableExport.of("prod");
        edit.find("aws:iam/rolePolicy:RolePolicy", "analyst-sales-analysts-athena").outputs.policy = "[secret]";
        const silenced = await runPolicy(analystPersona, edit.policyResources(), { "persona-analyst": { reportUnresolved: false } });
        expect(silenced.filter((v) => v.message.includes(" must not ")).length).to.be.greaterThan(0);
        for (const v of silenced) expect(v.message).to.include("a secret");
    });
});
