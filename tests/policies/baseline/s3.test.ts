import { s3BucketAccessLogging, s3BucketEncrypted, s3BucketProtected, s3BucketPublicAccessBlocked, s3BucketTlsOnly, s3BucketVersioned } from "../../../policies/baseline/rules/s3";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, inPreview, named, without } from "./crafted";

const BUCKET = "aws:s3/bucket:Bucket";

describe("baseline S3 rules", () => {
    describe("s3-bucket-encrypted", () => {
        it("passes the prod stack: SSE-KMS for the lake and results buckets, SSE-S3 for the tagged log bucket", async () => {
            expectNoViolations(await check(s3BucketEncrypted, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a bucket whose encryption configuration was removed", async () => {
            const resources = without(await exportOf("prod"), "lake-encryption");
            expectOneViolation(await check(s3BucketEncrypted, asPolicyResources(...resources)), {
                policy: "s3-bucket-encrypted",
                urn: named(resources, "lake").urn,
                change: "add an aws.s3.BucketServerSideEncryptionConfiguration for it",
            });
        });

        it("fails SSE-S3 on a bucket not tagged as a log bucket, unless the config drops the KMS requirement", async () => {
            const resources = await exportOf("prod");
            edit(named(resources, "query-results-encryption"), (p) => {
                p.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }];
            });
            expectOneViolation(await check(s3BucketEncrypted, asPolicyResources(...resources)), {
                policy: "s3-bucket-encrypted",
                urn: named(resources, "query-results").urn,
                change: 'set sseAlgorithm "aws:kms"',
            });
            expectNoViolations(await check(s3BucketEncrypted, asPolicyResources(...resources), { "s3-bucket-encrypted": { requireKms: false } }));
        });

        it("cannot tell, in a preview, about a bucket whose configuration's bucket is unknown", async () => {
            const resources = asPolicyResources(crafted(BUCKET, "new", {}), crafted("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "new-encryption", { rules: [] }));
            inPreview(resources[0], "bucket", "id");
            inPreview(resources[1], "bucket");
            expectNoViolations(await check(s3BucketEncrypted, resources));
        });

        it("fails SSE-KMS without a key of the platform (the AWS managed aws/s3 key)", async () => {
            const resources = await exportOf("prod");
            edit(named(resources, "lake-encryption"), (p) => {
                const rules = p.rules as { applyServerSideEncryptionByDefault: Record<string, unknown> }[];
                delete rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId;
            });
            expectOneViolation(await check(s3BucketEncrypted, asPolicyResources(...resources)), { policy: "s3-bucket-encrypted", urn: named(resources, "lake").urn, change: "without a kmsMasterKeyId" });
        });

        it("matches a configuration to its bucket through the engine's property dependencies in a preview", async () => {
            const resources = asPolicyResources(
                crafted(BUCKET, "new", {}),
                crafted("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "new-encryption", {
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
                }),
            );
            inPreview(resources[0], "bucket", "id");
            inPreview(resources[1], "bucket");
            resources[1].propertyDependencies = { bucket: [resources[0]] };
            expectOneViolation(await check(s3BucketEncrypted, resources), { policy: "s3-bucket-encrypted", urn: resources[0].urn, change: "is encrypted with SSE-S3" });
        });
    });

    describe("s3-bucket-public-access-blocked", () => {
        it("passes the prod stack", async () => {
            expectNoViolations(await check(s3BucketPublicAccessBlocked, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a block that leaves a flag off, naming the flag", async () => {
            const resources = await exportOf("prod");
            edit(named(resources, "lake-public-access"), (p) => {
                p.restrictPublicBuckets = false;
            });
            const [violation] = await check(s3BucketPublicAccessBlocked, asPolicyResources(...resources));
            expectOneViolation([violation], { policy: "s3-bucket-public-access-blocked", urn: named(resources, "lake").urn, change: "leaves restrictPublicBuckets off: set" });
        });

        it("fails a bucket with no block, and passes it when the account blocks public access", async () => {
            const resources = without(await exportOf("prod"), "query-results-public-access");
            expectOneViolation(await check(s3BucketPublicAccessBlocked, asPolicyResources(...resources)), {
                policy: "s3-bucket-public-access-blocked",
                urn: named(resources, "query-results").urn,
                change: "add an aws.s3.BucketPublicAccessBlock for it",
            });
            const accountBlock = crafted("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", {
                blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
            });
            expectNoViolations(await check(s3BucketPublicAccessBlocked, asPolicyResources(...resources, accountBlock)));
        });

        it("does not count another account's block", async () => {
            const resources = without(await exportOf("prod"), "query-results-public-access");
            const otherAccount = crafted("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "other-account", {
                accountId: "111122223333", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
            });
            expectOneViolation(await check(s3BucketPublicAccessBlocked, asPolicyResources(...resources, otherAccount)), {
                policy: "s3-bucket-public-access-blocked", urn: named(resources, "query-results").urn, change: "add an aws.s3.BucketPublicAccessBlock",
            });
        });
    });

    describe("s3-bucket-tls-only", () => {
        it("passes the prod stack", async () => {
            expectNoViolations(await check(s3BucketTlsOnly, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a bucket policy whose Deny does not cover the objects", async () => {
            const resources = await exportOf("prod");
            const lake = named(resources, "lake");
            edit(named(resources, "lake-policy"), (p) => {
                const document = JSON.parse(p.policy as string);
                document.Statement[0].Resource = [lake.outputs.arn];
                p.policy = JSON.stringify(document);
            });
            expectOneViolation(await check(s3BucketTlsOnly, asPolicyResources(...resources)), {
                policy: "s3-bucket-tls-only",
                urn: lake.urn,
                change: 'Condition: { Bool: { "aws:SecureTransport": "false" } }',
            });
        });

        it("fails a TLS deny made inert by an extra condition (conditions are ANDed)", async () => {
            const resources = await exportOf("prod");
            const lake = named(resources, "lake");
            edit(named(resources, "lake-policy"), (p) => {
                const document = JSON.parse(p.policy as string);
                const tls = document.Statement.find((st: { Condition?: { Bool?: object } }) => st.Condition?.Bool);
                tls.Condition.IpAddress = { "aws:SourceIp": "10.0.0.0/8" };
                p.policy = JSON.stringify(document);
            });
            expectOneViolation(await check(s3BucketTlsOnly, asPolicyResources(...resources)), { policy: "s3-bucket-tls-only", urn: lake.urn, change: "accepts requests without TLS" });
        });

        it("reads the policy S3 keeps when two are declared (the last), as the access evaluator does", async () => {
            const resources = await exportOf("prod");
            const lake = named(resources, "lake");
            const second = crafted("aws:s3/bucketPolicy:BucketPolicy", "lake-policy-2", {
                bucket: lake.outputs.bucket,
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:GetObject", Resource: `${lake.outputs.arn}/*` }] }),
            });
            expectOneViolation(await check(s3BucketTlsOnly, asPolicyResources(...resources, second)), { policy: "s3-bucket-tls-only", urn: lake.urn, change: "2 bucket policies are declared" });
        });

        it("fails a bucket without a policy, and accepts the TLS statement inline in the bucket", async () => {
            const arn = "arn:aws:s3:::plain";
            const bucket = crafted(BUCKET, "plain", { bucket: "plain", arn });
            expectOneViolation(await check(s3BucketTlsOnly, asPolicyResources(bucket)), { policy: "s3-bucket-tls-only", urn: bucket.urn, change: "add to its bucket policy" });
            edit(bucket, (p) => {
                p.policy = JSON.stringify({
                    Statement: { Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:*", Resource: `${arn}*`, Condition: { Bool: { "aws:SecureTransport": false } } },
                });
            });
            expectNoViolations(await check(s3BucketTlsOnly, asPolicyResources(bucket)));
        });
    });

    describe("s3-bucket-versioned", () => {
        it("passes the prod stack, and the unversioned dev stack (dev does not keep data)", async () => {
            expectNoViolations(await check(s3BucketVersioned, asPolicyResources(...(await exportOf("prod")))));
            expectNoViolations(await check(s3BucketVersioned, asPolicyResources(...(await exportOf("dev")))));
        });

        it("fails an unversioned bucket in prod, and in dev once the config says dev keeps data", async () => {
            const prod = without(await exportOf("prod"), "lake-versioning");
            expectOneViolation(await check(s3BucketVersioned, asPolicyResources(...prod)), {
                policy: "s3-bucket-versioned",
                urn: named(prod, "lake").urn,
                change: 'add an aws.s3.BucketVersioning for it with versioningConfiguration.status "Enabled"',
            });
            const dev = await exportOf("dev");
            const violations = await check(s3BucketVersioned, asPolicyResources(...dev), { "s3-bucket-versioned": { protectedStacks: ["dev", "prod"] } });
            expectOneViolation(violations.filter((v) => v.urn === named(dev, "lake").urn), { policy: "s3-bucket-versioned", urn: named(dev, "lake").urn, change: "stack dev keeps data" });
        });
    });

    describe("s3-bucket-protected", () => {
        it("passes the prod stack (protected) and the dev stack (not kept)", async () => {
            expectNoViolations(await check(s3BucketProtected, asPolicyResources(...(await exportOf("prod")))));
            expectNoViolations(await check(s3BucketProtected, asPolicyResources(...(await exportOf("dev")))));
        });

        it("fails an unprotected bucket in prod", async () => {
            const resources = await exportOf("prod");
            named(resources, "query-results").protect = false;
            expectOneViolation(await check(s3BucketProtected, asPolicyResources(...resources)), {
                policy: "s3-bucket-protected",
                urn: named(resources, "query-results").urn,
                change: "create it with the resource option protect: true",
            });
        });
    });

    describe("s3-bucket-access-logging", () => {
        it("passes the prod stack: the log bucket is exempt as the logs' target", async () => {
            expectNoViolations(await check(s3BucketAccessLogging, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a bucket whose logging was removed", async () => {
            const resources = without(await exportOf("prod"), "query-results-logging");
            expectOneViolation(await check(s3BucketAccessLogging, asPolicyResources(...resources)), {
                policy: "s3-bucket-access-logging",
                urn: named(resources, "query-results").urn,
                change: "add an aws.s3.BucketLogging for it",
            });
        });

        it("exempts a log target that is not tagged as one", async () => {
            const resources = await exportOf("prod");
            edit(named(resources, "access-logs"), (p) => {
                p.tags = {};
            });
            expectNoViolations(await check(s3BucketAccessLogging, asPolicyResources(...resources)));
            const untaggedAlone = without(resources, "lake-logging", "query-results-logging", "lake", "query-results");
            expectOneViolation(await check(s3BucketAccessLogging, asPolicyResources(...untaggedAlone)), {
                policy: "s3-bucket-access-logging",
                urn: named(resources, "access-logs").urn,
                change: "has no server access logging",
            });
        });
    });
});
