import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as fs from "node:fs";
import { planProgram } from "../../tools/engine/run";
import { ExportedResource, Plan, toStackExport } from "../../tools/engine/stackExport";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";

/** Registers what a real export records beyond inputs: providers and resource options. */
function program() {
    const admin = new aws.Provider("as-admin", { region: "eu-west-1", assumeRoles: [{ roleArn: "arn:aws:iam::123456789012:role/admin" }] });
    const key = new aws.kms.Key("key", { description: "plain" });
    new aws.lakeformation.Permissions("grant", { principal: "arn:aws:iam::123456789012:role/reader", permissions: ["DESCRIBE"], database: { name: "db" } }, {
        provider: admin,
        deleteBeforeReplace: true,
        ignoreChanges: ["permissionsWithGrantOption"],
        replaceOnChanges: ["principal"],
        retainOnDelete: true,
        deletedWith: key,
    });
    new aws.glue.SecurityConfiguration("security", { name: "fixed", encryptionConfiguration: {
        cloudwatchEncryption: { cloudwatchEncryptionMode: "DISABLED" },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "DISABLED" },
        s3Encryption: { s3EncryptionMode: "DISABLED" },
    } }, { deleteBeforeReplace: true, additionalSecretOutputs: ["name"] });
    return { keyArn: key.arn, plain: pulumi.output("x") };
}

describe("what the recording monitor keeps of each registration", () => {
    let plan: Plan;
    const find = (name: string): ExportedResource => {
        const found = plan.resources.find((r) => r.urn.endsWith(`::${name}`));
        if (!found) throw new Error(`no ${name}`);
        return found;
    };

    before(async () => {
        plan = await planProgram({ project: "toy", stack: "dev", config: { "aws:region": "eu-west-1" }, program });
    });

    it("names each custom resource's provider as a real export does: the explicit one, or the engine's default", () => {
        const admin = find("as-admin");
        expect(find("grant").provider).to.equal(`${admin.urn}::${admin.id}`);
        const defaults = plan.resources.filter((r) => r.type === "pulumi:providers:aws" && r.urn.endsWith(`::default_${awsVersion().replace(/\./g, "_")}`));
        expect(defaults).to.have.length(1);
        const [defaultProvider] = defaults;
        expect(find("key").provider).to.equal(`${defaultProvider.urn}::${defaultProvider.id}`);
        // Registered before its first user, with the package's stack config, and no parent.
        expect(plan.resources.indexOf(defaultProvider)).to.be.lessThan(plan.resources.indexOf(find("key")));
        expect(defaultProvider.inputs).to.include({ region: "eu-west-1", version: awsVersion() });
        expect(defaultProvider).to.not.have.property("parent");
        // Providers and components have no provider.
        expect(admin).to.not.have.property("provider");
        expect(plan.resources[0]).to.not.have.property("provider");
    });

    it("keeps the options a real export keeps, under its field names, only when set", () => {
        const grant = find("grant");
        expect(grant).to.deep.include({
            ignoreChanges: ["permissionsWithGrantOption"],
            replaceOnChanges: ["principal"],
            retainOnDelete: true,
            deletedWith: find("key").urn,
        });
        expect(find("security").additionalSecretOutputs).to.deep.equal(["name"]);
        for (const key of ["ignoreChanges", "replaceOnChanges", "retainOnDelete", "deletedWith", "additionalSecretOutputs", "registrationOptions"]) {
            expect(find("key"), key).to.not.have.property(key);
        }
    });

    it("records deleteBeforeReplace, which a real export lacks, under registrationOptions, and hands it to policies", () => {
        expect(find("grant").registrationOptions).to.deep.equal({ deleteBeforeReplace: true });
        expect(find("security").registrationOptions).to.deep.equal({ deleteBeforeReplace: true });
        const exported = toStackExport(plan).deployment.resources.find((r) => r.urn.endsWith("::grant"));
        expect(exported?.registrationOptions).to.deep.equal({ deleteBeforeReplace: true });
        const policyResources = toPolicyResources(plan.resources);
        const grant = policyResources.find((r) => r.name === "grant");
        expect(grant?.opts.deleteBeforeReplace).to.equal(true);
        expect(grant?.opts.ignoreChanges).to.deep.equal(["permissionsWithGrantOption"]);
        expect(grant?.provider?.name).to.equal("as-admin");
        expect(policyResources.find((r) => r.name === "key")?.opts).to.not.have.property("deleteBeforeReplace");
    });

    it("fails the plan with Pulumi's message when two resources have one URN", async () => {
        const twice = () => {
            const first = new aws.s3.Bucket("same", {});
            new aws.s3.Bucket("same", {});
            return { name: first.bucket };
        };
        let error: unknown;
        try {
            await planProgram({ project: "toy", stack: "dev", config: {}, program: twice });
        } catch (e) {
            error = e;
        }
        expect(pulumi.RunError.isInstance(error)).to.equal(true);
        expect((error as Error).message).to.equal("Duplicate resource URN 'urn:pulumi:dev::toy::aws:s3/bucket:Bucket::same'; try giving it a unique name");
    });
});

function awsVersion(): string {
    return (JSON.parse(fs.readFileSync(require.resolve("@pulumi/aws/package.json"), "utf8")) as { version: string }).version;
}
