import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { RoleSimulator } from "../../policies/access/iam/roleSimulator";
import { rolePolicies } from "../../policies/access/iam/identityPolicies";
import { ResourcePolicies } from "../../policies/access/iam/resourcePolicies";
import { deployerPolicy } from "../../tools/deployOrder";
import { DEPLOYER_ACTIONS } from "../../tools/deployOrder/deployerActions";
import type { ExportedResource } from "../../tools/engine/stackExport";
import { planOf } from "../helpers/plans";

const README = path.resolve(__dirname, "../../README.md");

function readmeCopy(): string {
    const text = fs.readFileSync(README, "utf8");
    const match = /<!-- deployer-policy:prod:begin -->\n```json\n([\s\S]*?)\n```\n<!-- deployer-policy:prod:end -->/.exec(text);
    if (!match) throw new Error("README.md has no deployer-policy:prod block");
    return match[1];
}

/** The access evaluator's simulator for a role holding only this policy. */
async function simulatorFor(document: object): Promise<RoleSimulator> {
    const declaredBy = { urn: "deployer", name: "deployer", type: "aws:iam/role:Role" };
    const role = { ...declaredBy, roleName: "deployer", arn: "arn:aws:iam::123456789012:role/deployer", tags: {}, trustPolicy: undefined, inlinePolicies: [{ policyName: "deployer", document, declaredBy }], attachments: [] };
    return new RoleSimulator(role, await rolePolicies(role), new ResourcePolicies([], []), { account: "123456789012", region: "ap-northeast-1", partition: "aws" });
}

describe("the deploying identity's least-privilege policy", () => {
    it("covers every resource type the dev and prod plans register", async () => {
        for (const stack of ["dev", "prod"] as const) {
            const plan = await planOf(stack);
            const types = new Set(plan.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).map((r) => r.type));
            expect([...types].filter((t) => !(t in DEPLOYER_ACTIONS)), stack).to.deep.equal([]);
            expect(deployerPolicy(plan.resources).uncovered, stack).to.deep.equal([]);
        }
    });

    it("reports a type the table does not cover, rather than leaving it out", async () => {
        const plan = await planOf("dev");
        const stream: ExportedResource = { urn: "urn:pulumi:dev::analytics-platform::aws:kinesis/stream:Stream::s", custom: true, type: "aws:kinesis/stream:Stream", id: "s", inputs: {}, outputs: {}, dependencies: [], protect: false };
        expect(deployerPolicy([...plan.resources, stream]).uncovered).to.deep.equal(["aws:kinesis/stream:Stream"]);
    });

    it("is in the README exactly as `plan --stack prod --deployer-policy` prints it", async () => {
        const generated = JSON.stringify(deployerPolicy((await planOf("prod")).resources).document, null, 2);
        expect(readmeCopy(), "regenerate it: npm run --silent plan -- --stack prod --deployer-policy, between the deployer-policy:prod markers").to.equal(generated);
    });

    it("lets the deployer do what it creates, and not what the assumed admin role does for it", async () => {
        const { document, types } = deployerPolicy((await planOf("prod")).resources);
        // What goes through the admin provider is not the deployer's.
        expect(types).to.not.include("aws:lakeformation/permissions:Permissions");
        expect(types).to.not.include("aws:glue/catalogTable:CatalogTable");
        const deployer = await simulatorFor(document);
        const may = async (action: string, resource = "*") => (await deployer.request({ action, resource })).allowed;
        expect(await may("iam:CreateRole", "arn:aws:iam::123456789012:role/any")).to.equal(true);
        expect(await may("lakeformation:PutDataLakeSettings")).to.equal(true);
        expect(await may("lakeformation:GrantPermissions")).to.equal(false);
        expect(await may("glue:CreateTable", "arn:aws:glue:ap-northeast-1:123456789012:table/sales/x")).to.equal(false);
        expect(await may("iam:CreateUser", "arn:aws:iam::123456789012:user/x")).to.equal(false);
        expect(await may("sts:AssumeRole", "arn:aws:iam::123456789012:role/analytics-platform-prod-data-lake-admin")).to.equal(true);
        expect(await may("sts:AssumeRole", "arn:aws:iam::123456789012:role/analytics-platform-prod-project-leader")).to.equal(false);
        expect((await deployer.request({ action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/x", context: { "iam:PassedToService": "glue.amazonaws.com" } })).allowed).to.equal(true);
        expect((await deployer.request({ action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/x", context: { "iam:PassedToService": "ec2.amazonaws.com" } })).allowed).to.equal(false);
    });
});
