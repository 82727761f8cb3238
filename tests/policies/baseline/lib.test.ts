import { unknownCheckingProxy } from "@pulumi/policy";
import { expect } from "chai";
import { problemWithActionName } from "../../../policies/baseline/lib/iamActionNames";
import { stackOf } from "../../../policies/baseline/lib/resources";
import { assumingPrincipals } from "../../../policies/baseline/lib/trustPolicies";
import { conditionValues, matchesPattern, parsePolicyDocument, statementsOf } from "../../../policies/lib/policyDocuments";
import { referrersOf, refersTo } from "../../../policies/lib/references";
import { CANNOT_TELL, checkEach } from "../../../policies/lib/unknownValues";
import { UNKNOWN_STRING, asPolicyResources, crafted, inPreview, urnOf } from "./crafted";

describe("baseline pack helpers", () => {
    describe("policy documents", () => {
        it("reads JSON text and PolicyDocument objects alike, lists and single values alike", () => {
            const fromText = statementsOf('{"Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b","Condition":{"BoolIfExists":{"aws:SecureTransport":false}}}}');
            expect(fromText[0]).to.deep.include({ effect: "Deny", actions: ["s3:*"], resources: ["arn:aws:s3:::b"], principals: [{ kind: "*", value: "*" }] });
            expect(conditionValues(fromText[0], "Bool", "AWS:SecureTransport")).to.deep.equal(["false"]);
            const fromObject = statementsOf({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["glue.amazonaws.com"] } }] });
            expect(fromObject[0].principals).to.deep.equal([{ kind: "Service", value: "glue.amazonaws.com" }]);
        });

        it("says why a document is not one", () => {
            expect(parsePolicyDocument("nope")).to.deep.equal({ error: "is not valid JSON" });
            expect(parsePolicyDocument({ Version: "2012-10-17" })).to.deep.equal({ error: "has no Statement" });
            expect(parsePolicyDocument({ Statement: [{ Effect: "Maybe" }] })).to.deep.equal({ error: "has a malformed statement (#1)" });
        });

        it("matches IAM wildcards", () => {
            expect(matchesPattern("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y")).to.equal(true);
            expect(matchesPattern("s3:Get?bject", "S3:GETOBJECT", true)).to.equal(true);
            expect(matchesPattern("arn:aws:s3:::b", "arn:aws:s3:::b2")).to.equal(false);
        });
    });

    describe("trust policies", () => {
        it("counts only statements that let a principal assume the role", () => {
            const trust = { Statement: [
                { Effect: "Allow", Action: "sts:TagSession", Principal: { AWS: "arn:aws:iam::111111111111:root" } },
                { Effect: "Allow", Action: "sts:AssumeRole*", Principal: { Service: "glue.amazonaws.com" } },
                { Effect: "Deny", Action: "sts:AssumeRole", Principal: "*" },
            ] };
            const { people, services } = assumingPrincipals(trust);
            expect(people).to.deep.equal([]);
            expect(services).to.deep.equal([{ kind: "Service", value: "glue.amazonaws.com" }]);
        });
    });

    describe("IAM action names", () => {
        it("accepts real actions and wildcards that match one, and explains the others", async () => {
            expect(await problemWithActionName("lakeformation:GetDataAccess")).to.equal(undefined);
            expect(await problemWithActionName("kms:ReEncrypt*")).to.equal(undefined);
            expect(await problemWithActionName("*")).to.equal(undefined);
            expect(await problemWithActionName("GetObject")).to.contain("not of the form service:Action");
            expect(await problemWithActionName("s*:GetObject")).to.contain("service prefix cannot contain wildcards");
        });
    });

    describe("references between resources", () => {
        it("finds referrers by value and leaves the others out", () => {
            const [bucket, versioning, other] = asPolicyResources(
                crafted("aws:s3/bucket:Bucket", "b", { bucket: "b-123" }),
                crafted("aws:s3/bucketVersioning:BucketVersioning", "b-versioning", { bucket: "b-123" }),
                crafted("aws:s3/bucketVersioning:BucketVersioning", "c-versioning", { bucket: "c-456" }),
            );
            expect(referrersOf(bucket, ["b-123"], [versioning, other], "bucket")).to.deep.equal({ referrers: [versioning], undetermined: [] });
        });

        it("in a preview, resolves an unknown reference by property dependencies, else cannot tell", () => {
            const [bucket, mine, theirs, unresolved] = asPolicyResources(
                crafted("aws:s3/bucket:Bucket", "b", {}),
                crafted("aws:s3/bucketVersioning:BucketVersioning", "mine", {}),
                crafted("aws:s3/bucketVersioning:BucketVersioning", "theirs", {}),
                crafted("aws:s3/bucketVersioning:BucketVersioning", "unresolved", {}),
            );
            for (const r of [mine, theirs, unresolved]) inPreview(r, "bucket");
            mine.propertyDependencies = { bucket: [bucket] };
            theirs.propertyDependencies = { bucket: [unresolved] };
            expect(refersTo(mine, "bucket", bucket, [])).to.equal(true);
            expect(refersTo(theirs, "bucket", bucket, [])).to.equal(false);
            expect(refersTo(unresolved, "bucket", bucket, [])).to.equal(CANNOT_TELL);
        });

        it("checks list elements one by one: one unknown ARN does not hide a known match", () => {
            const [role, settings] = asPolicyResources(
                crafted("aws:iam/role:Role", "admin", { arn: "arn:aws:iam::123456789012:role/admin" }),
                crafted("aws:lakeformation/dataLakeSettings:DataLakeSettings", "settings", {}),
            );
            settings.props = unknownCheckingProxy({ admins: [UNKNOWN_STRING, "arn:aws:iam::123456789012:role/admin"] });
            expect(refersTo(settings, "admins", role, ["arn:aws:iam::123456789012:role/admin"])).to.equal(true);
            expect(refersTo(settings, "admins", role, ["arn:aws:iam::123456789012:role/other"])).to.equal(CANNOT_TELL);
        });
    });

    it("skips, in a stack check, only the subjects preview cannot tell about", async () => {
        const [known, unknown] = asPolicyResources(crafted("aws:s3/bucket:Bucket", "known", { bucket: "k" }), crafted("aws:s3/bucket:Bucket", "unknown", {}));
        inPreview(unknown, "bucket");
        const seen: string[] = [];
        await checkEach([unknown, known], (r) => {
            seen.push(String(r.props.bucket));
        });
        expect(seen).to.deep.equal(["k"]);
        expect(stackOf(urnOf("aws:s3/bucket:Bucket", "x", "dev"))).to.equal("dev");
    });
});
