import { expect } from "chai";
import { planProgram } from "../../tools/engine/run";
import type { Plan } from "../../tools/engine/stackExport";
import { readStackConfig } from "../../tools/engine/stackFile";
import program from "../../index";
import { planOf } from "../helpers/plans";
import { bucketSetting, list, named, ofType, statements, tag } from "../helpers/resources";

const BUCKET = "aws:s3/bucket:Bucket";
const ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const GRANT = "aws:lakeformation/permissions:Permissions";

describe("DataLake", () => {
    let dev: Plan;
    let prod: Plan;
    before(async () => {
        [dev, prod] = await Promise.all([planOf("dev"), planOf("prod")]);
    });

    describe("buckets", () => {
        it("encrypts the lake and results buckets with the lake key, and the log bucket with SSE-S3", () => {
            const keyArn = named(prod, "lake-key").outputs.arn;
            const algorithm = (bucketName: string) => {
                const rule = list(bucketSetting(prod, named(prod, bucketName), ENCRYPTION)?.outputs.rules as unknown[])[0] as {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: string; kmsMasterKeyId?: string };
                    bucketKeyEnabled?: boolean;
                };
                return rule.applyServerSideEncryptionByDefault;
            };
            expect(algorithm("lake")).to.deep.equal({ sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn });
            expect(algorithm("query-results")).to.deep.equal({ sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn });
            expect(algorithm("access-logs")).to.deep.equal({ sseAlgorithm: "AES256" });
        });

        it("blocks every kind of public access and disables ACLs on every bucket", () => {
            for (const bucket of ofType(prod, BUCKET)) {
                const block = bucketSetting(prod, bucket, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
                expect(block?.outputs, bucket.urn).to.include({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
                const ownership = bucketSetting(prod, bucket, "aws:s3/bucketOwnershipControls:BucketOwnershipControls");
                expect(ownership?.outputs.rule, bucket.urn).to.deep.equal({ objectOwnership: "BucketOwnerEnforced" });
            }
        });

        it("denies every request that does not use TLS, on the bucket and its objects", () => {
            for (const bucket of ofType(prod, BUCKET)) {
                const policy = bucketSetting(prod, bucket, "aws:s3/bucketPolicy:BucketPolicy");
                const deny = statements(policy?.outputs.policy).find((s) => s.Sid === "DenyInsecureTransport");
                expect(deny, bucket.urn).to.deep.include({
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [bucket.outputs.arn, `${String(bucket.outputs.arn)}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                });
            }
        });

        it("logs access to the lake and results buckets into the log bucket", () => {
            const logBucket = named(prod, "access-logs").outputs.bucket;
            for (const name of ["lake", "query-results"]) {
                const logging = bucketSetting(prod, named(prod, name), "aws:s3/bucketLogging:BucketLogging");
                expect(logging?.outputs).to.include({ targetBucket: logBucket, targetPrefix: `${name}/` });
            }
        });

        it("protects prod buckets from deletion and keeps them versioned", () => {
            for (const bucket of ofType(prod, BUCKET)) {
                expect(bucket.protect, bucket.urn).to.equal(true);
                expect(bucket.retainOnDelete, bucket.urn).to.equal(true);
                expect(bucket.outputs.forceDestroy, bucket.urn).to.equal(false);
                const versioning = bucketSetting(prod, bucket, "aws:s3/bucketVersioning:BucketVersioning");
                expect(versioning?.outputs.versioningConfiguration, bucket.urn).to.deep.equal({ status: "Enabled" });
            }
            expect(named(prod, "lake-key").protect).to.equal(true);
            expect(named(prod, "catalog-database").protect).to.equal(true);
        });

        it("leaves dev buckets disposable: unprotected, emptied on delete, unversioned", () => {
            for (const bucket of ofType(dev, BUCKET)) {
                expect(bucket.protect, bucket.urn).to.equal(false);
                expect(bucket.retainOnDelete, bucket.urn).to.equal(undefined);
                expect(bucket.outputs.forceDestroy, bucket.urn).to.equal(true);
            }
            expect(ofType(dev, "aws:s3/bucketVersioning:BucketVersioning")).to.have.length(0);
        });

        it("aborts incomplete uploads everywhere and expires query results after the configured days", () => {
            for (const bucket of ofType(prod, BUCKET)) {
                const rules = bucketSetting(prod, bucket, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")?.outputs.rules as { id: string; expiration?: { days: number } }[];
                expect(rules.map((r) => r.id), bucket.urn).to.include("abort-incomplete-multipart-uploads");
            }
            const results = bucketSetting(dev, named(dev, "query-results"), "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration");
            expect((results?.outputs.rules as { id: string; expiration?: { days: number } }[]).find((r) => r.id === "expire-objects")?.expiration).to.deep.equal({ days: 7 });
        });

        it("creates the seed's dataset prefixes in the lake bucket", () => {
            const prefixes = ofType(prod, "aws:s3/bucketObjectv2:BucketObjectv2").map((o) => o.outputs.key);
            expect(prefixes).to.have.members(["sales/", "items/", "item_categories/", "shops/"]);
        });
    });

    it("rotates the lake key", () => {
        expect(named(prod, "lake-key").outputs.enableKeyRotation).to.equal(true);
    });

    describe("Glue catalog", () => {
        it("declares one table per dataset over its prefix, and crawls them on the configured schedule", () => {
            const lakeBucket = named(prod, "lake").outputs.bucket;
            const tables = ofType(prod, "aws:glue/catalogTable:CatalogTable");
            expect(tables.map((t) => t.outputs.name)).to.have.members(["sales", "items", "item_categories", "shops"]);
            const sales = tables.find((t) => t.outputs.name === "sales")!;
            expect((sales.outputs.storageDescriptor as { location: string }).location).to.equal(`s3://${String(lakeBucket)}/sales/`);
            const crawler = named(prod, "crawler").outputs;
            expect(crawler.schedule).to.equal("cron(0 2 * * ? *)");
            expect(crawler.role).to.equal(named(prod, "workflow-role").outputs.arn);
            expect(crawler.securityConfiguration).to.equal(named(prod, "crawler-security").outputs.name);
        });

        it("encrypts the crawler's logs with the lake key and keeps them for the configured days", () => {
            const keyArn = named(prod, "lake-key").outputs.arn;
            const security = named(prod, "crawler-security").outputs.encryptionConfiguration as { cloudwatchEncryption: unknown };
            expect(security.cloudwatchEncryption).to.deep.equal({ cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: keyArn });
            expect(named(prod, "crawler-logs").outputs).to.include({ retentionInDays: 365, kmsKeyId: keyArn });
            expect(named(dev, "crawler-logs").outputs.retentionInDays).to.equal(14);
        });
    });

    describe("Lake Formation", () => {
        it("makes the data-lake admin role and the configured other stacks' admins the only admins, with no IAM_ALLOWED_PRINCIPALS defaults", () => {
            const settings = named(prod, "lake-formation-settings").outputs;
            const others = (JSON.parse(readStackConfig("prod").config["analytics-platform:dataLake"]) as { additionalLakeFormationAdmins: string[] }).additionalLakeFormationAdmins;
            expect(settings.admins).to.deep.equal([named(prod, "data-lake-admin-role").outputs.arn, ...others]);
            expect(settings.createDatabaseDefaultPermissions).to.deep.equal([]);
            expect(settings.createTableDefaultPermissions).to.deep.equal([]);
        });

        it("keeps another stack's admin role in the account-wide admin list when the stack lists it", async () => {
            const prodAdmin = "arn:aws:iam::123456789012:role/analytics-platform-prod-data-lake-admin";
            const { config } = readStackConfig("dev");
            const lake = JSON.parse(config["analytics-platform:dataLake"]) as Record<string, unknown>;
            lake.additionalLakeFormationAdmins = [prodAdmin];
            const shared = await planProgram({
                project: "analytics-platform",
                stack: "dev",
                config: { ...config, "analytics-platform:dataLake": JSON.stringify(lake) },
                program,
            });
            expect(named(shared, "lake-formation-settings").outputs.admins).to.deep.equal([named(shared, "data-lake-admin-role").outputs.arn, prodAdmin]);
            expect(ofType(shared, GRANT).map((g) => g.outputs.principal)).not.to.include(prodAdmin);
        });

        it("registers the lake bucket with a dedicated role that only Lake Formation can assume", () => {
            const location = named(prod, "lake-location").outputs;
            const role = named(prod, "lake-location-role").outputs;
            expect(location).to.include({ arn: named(prod, "lake").outputs.arn, roleArn: role.arn, useServiceLinkedRole: false });
            expect(statements(role.assumeRolePolicy).map((s) => s.Principal)).to.deep.equal([{ Service: "lakeformation.amazonaws.com" }]);
        });

        it("grants the workflow role the lake location and CREATE_TABLE on the database", () => {
            const workflowArn = named(prod, "workflow-role").outputs.arn;
            const grants = ofType(prod, GRANT).filter((g) => g.outputs.principal === workflowArn).map((g) => g.outputs);
            const location = grants.find((g) => g.dataLocation);
            expect(location?.permissions).to.deep.equal(["DATA_LOCATION_ACCESS"]);
            expect(location?.dataLocation).to.deep.equal({ arn: named(prod, "lake").outputs.arn });
            const database = grants.find((g) => g.database);
            expect(database?.database).to.deep.equal({ name: "sales" });
            expect(database?.permissions).to.include("CREATE_TABLE");
        });

        it("never grants Lake Formation permissions to an admin, and makes every grant as the admin", () => {
            const admins = named(prod, "lake-formation-settings").outputs.admins as string[];
            const provider = named(prod, "lake-formation-admin");
            for (const grant of ofType(prod, GRANT)) {
                expect(admins, grant.urn).not.to.include(grant.outputs.principal);
                expect(grant.dependencies, grant.urn).to.include(named(prod, "lake-formation-settings").urn);
            }
            expect(JSON.parse(String(provider.outputs.assumeRoles))[0].roleArn).to.equal(admins[0]);
        });

        it("gives the project leader the location only where the stack says so", () => {
            expect(dev.resources.some((r) => r.urn.endsWith("::project-leader-data-location"))).to.equal(true);
            expect(prod.resources.some((r) => r.urn.endsWith("::project-leader-data-location"))).to.equal(false);
        });
    });

    describe("persona roles", () => {
        it("tags every persona role", () => {
            const personas = ofType(prod, "aws:iam/role:Role").filter((r) => !r.urn.includes("AnomalyDetector")).map((r) => tag(r, "persona")).filter(Boolean);
            expect(personas).to.have.members(["data-lake-admin", "workflow", "project-leader", "analyst", "data-engineer"]);
        });

        it("gives the data-lake admin the seed's managed policies, not AdministratorAccess", () => {
            const attached = ofType(prod, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                .filter((a) => a.outputs.role === named(prod, "data-lake-admin-role").outputs.name)
                .map((a) => String(a.outputs.policyArn).split("/").pop());
            expect(attached).to.have.members(["AWSLakeFormationDataAdmin", "AWSGlueConsoleFullAccess", "CloudWatchLogsReadOnlyAccess", "AWSLakeFormationCrossAccountManager"]);
        });

        it("lets the data-lake admin pass only the workflow role, and the location role only to Lake Formation", () => {
            const passRole = ofType(prod, "aws:iam/rolePolicy:RolePolicy")
                .filter((p) => p.outputs.role === named(prod, "data-lake-admin-role").outputs.name)
                .flatMap((p) => statements(p.outputs.policy))
                .filter((s) => list(s.Action).includes("iam:PassRole"));
            expect(passRole.map((s) => [s.Resource, s.Condition])).to.have.deep.members([
                [named(prod, "workflow-role").outputs.arn, undefined],
                [named(prod, "lake-location-role").outputs.arn, { StringEquals: { "iam:PassedToService": "lakeformation.amazonaws.com" } }],
            ]);
        });

        it("lets only Glue assume the workflow role, which reads the lake bucket", () => {
            const workflow = named(prod, "workflow-role").outputs;
            expect(workflow.name).to.equal("analytics-platform-prod-LakeFormationWorkflowRole");
            const trust = statements(workflow.assumeRolePolicy);
            expect(trust.map((s) => s.Principal)).to.deep.equal([{ Service: "glue.amazonaws.com" }]);
            const read = ofType(prod, "aws:iam/rolePolicy:RolePolicy")
                .filter((p) => p.outputs.role === workflow.name)
                .flatMap((p) => statements(p.outputs.policy))
                .find((s) => s.Sid === "ReadLakeBucket");
            const lakeArn = String(named(prod, "lake").outputs.arn);
            expect(read).to.deep.include({ Action: ["s3:GetObject", "s3:ListBucket"], Resource: [lakeArn, `${lakeArn}/*`] });
        });

        it("lets people assume the persona roles only through the configured principals", () => {
            for (const name of ["data-lake-admin-role", "project-leader-role"]) {
                const trust = statements(named(prod, name).outputs.assumeRolePolicy);
                expect(trust.map((s) => s.Principal), name).to.deep.equal([{ AWS: ["arn:aws:iam::123456789012:root"] }]);
            }
        });
    });

    it("enforces the Athena workgroup's settings: encrypted results in its prefix, a scan cutoff, metrics", () => {
        const configuration = named(prod, "lake-workgroup").outputs.configuration as Record<string, unknown>;
        expect(configuration).to.deep.include({ enforceWorkgroupConfiguration: true, publishCloudwatchMetricsEnabled: true, bytesScannedCutoffPerQuery: 10737418240 });
        expect(configuration.resultConfiguration).to.deep.equal({
            outputLocation: `s3://${String(named(prod, "query-results").outputs.bucket)}/workgroups/lake/`,
            encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: named(prod, "lake-key").outputs.arn },
        });
    });
});
