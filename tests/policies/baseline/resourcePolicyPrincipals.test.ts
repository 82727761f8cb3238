import { resourcePolicyPrincipals } from "../../../policies/baseline/rules/resourcePolicyPrincipals";
import type { ExportedResource } from "../../../tools/engine/stackExport";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, named } from "./crafted";

function addStatement(resource: ExportedResource, statement: object): void {
    edit(resource, (p) => {
        const document = typeof p.policy === "string" ? JSON.parse(p.policy) as { Statement: object[] } : p.policy as { Statement: object[] };
        p.policy = JSON.stringify({ ...document, Statement: [...document.Statement, statement] });
    });
}

const glueCatalogPolicy = (statement: object) => crafted("aws:glue/resourcePolicy:ResourcePolicy", "catalog-policy", {
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }),
});

/** Each: a statement added to a resource policy of the prod plan; the violation names that resource. */
const CASES: { name: string; on: string; statement: object; message: RegExp }[] = [
    { name: "anyone on the lake bucket", on: "lake-policy", statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }, message: /BucketPolicy "lake-policy" bucket policy \(statement #2\) lets anyone in/ },
    { name: "AWS * on the results bucket", on: "query-results-policy", statement: { Sid: "Open", Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:ListBucket", Resource: "*" }, message: /\(statement "Open"\) lets anyone in/ },
    { name: "another account's root on the key", on: "lake-key", statement: { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:Decrypt", Resource: "*" }, message: /Key "lake-key" key policy .* lets account 111122223333 in/ },
    { name: "another account's id on the lake bucket", on: "lake-policy", statement: { Effect: "Allow", Principal: { AWS: ["210987654321"] }, Action: "s3:GetObject", Resource: "*" }, message: /lets account 210987654321 in/ },
    { name: "a service without aws:SourceAccount on the access-log bucket", on: "access-logs-policy", statement: { Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" }, message: /lets the service delivery.logs.amazonaws.com in for any account's resources/ },
    { name: "a service whose aws:SourceAccount is negated", on: "lake-key", statement: { Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:GenerateDataKey*", Resource: "*", Condition: { StringNotEquals: { "aws:SourceAccount": "123456789012" } } }, message: /lets the service cloudtrail.amazonaws.com in/ },
    { name: "EventBridge on the key beyond what delivery to an encrypted topic needs", on: "lake-key", statement: { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:Decrypt", "kms:CreateGrant"], Resource: "*" }, message: /lets the service events.amazonaws.com in/ },
    { name: "EventBridge's unconditioned KMS use on a bucket policy's S3 action", on: "lake-policy", statement: { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "s3:GetObject", Resource: "*" }, message: /lets the service events.amazonaws.com in/ },
    { name: "a service whose aws:SourceArn condition matches everything (ArnLike \"*\")", on: "lake-key", statement: { Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "kms:Decrypt", Resource: "*", Condition: { ArnLike: { "aws:SourceArn": "*" } } }, message: /lets the service cloudwatch.amazonaws.com in/ },
    { name: "a service whose aws:SourceAccount condition is IfExists (a direct call sends none)", on: "lake-key", statement: { Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEqualsIfExists: { "aws:SourceAccount": "123456789012" } } }, message: /lets the service cloudwatch.amazonaws.com in/ },
    { name: "\"*\" pinned only by a wildcard aws:PrincipalAccount", on: "lake-policy", statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*", Condition: { StringLike: { "aws:PrincipalAccount": "*" } } }, message: /lets anyone in/ },
    { name: "anyone publishing to an alert topic", on: "e2e-alerts-policy", statement: { Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: "*" }, message: /TopicPolicy "e2e-alerts-policy" topic policy .* lets anyone in/ },
    { name: "everyone but a NotPrincipal on the key", on: "lake-key", statement: { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:Decrypt", Resource: "*" }, message: /lets in everyone but its NotPrincipal list/ },
];

describe("resource-policy-principals", () => {
    it("passes both stacks as planned (the account, logging.s3 with aws:SourceAccount, CloudWatch Logs with its encryption context)", async () => {
        for (const stack of ["dev", "prod"] as const) expectNoViolations(await check(resourcePolicyPrincipals, asPolicyResources(...(await exportOf(stack)))));
    });

    for (const c of CASES) {
        it(`fails ${c.name}, naming the resource`, async () => {
            const resources = await exportOf("prod");
            const holder = named(resources, c.on);
            addStatement(holder, c.statement);
            expectOneViolation(await check(resourcePolicyPrincipals, asPolicyResources(...resources)), { policy: "resource-policy-principals", urn: holder.urn, change: c.message });
        });
    }

    it("fails a Glue catalog resource policy open to another account, and passes one for this account", async () => {
        const resources = await exportOf("prod");
        const open = glueCatalogPolicy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/etl" }, Action: "glue:GetTable", Resource: "*" });
        expectOneViolation(await check(resourcePolicyPrincipals, asPolicyResources(...resources, open)), { policy: "resource-policy-principals", urn: open.urn, change: /Glue catalog resource policy .* lets account 111122223333 in/ });
        const own = glueCatalogPolicy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/etl" }, Action: "glue:GetTable", Resource: "*" });
        expectNoViolations(await check(resourcePolicyPrincipals, asPolicyResources(...resources, own)));
    });

    it("controls: \"*\" pinned to the account or organisation, a Deny to \"*\", a service with aws:SourceArn", async () => {
        const resources = await exportOf("prod");
        const lake = named(resources, "lake-policy");
        addStatement(lake, { Effect: "Allow", Principal: "*", Action: "s3:ListBucket", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } });
        addStatement(lake, { Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:ListBucket", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } });
        addStatement(lake, { Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: "*" });
        addStatement(lake, { Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "s3:PutObject", Resource: "*", Condition: { ArnLike: { "aws:SourceArn": "arn:aws:logs:ap-northeast-1:123456789012:*" } } });
        expectNoViolations(await check(resourcePolicyPrincipals, asPolicyResources(...resources)));
    });

    it("control: EventBridge may use a key for an encrypted topic without source keys, which its KMS calls do not carry", async () => {
        const resources = await exportOf("prod");
        addStatement(named(resources, "lake-key"), { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" });
        expectNoViolations(await check(resourcePolicyPrincipals, asPolicyResources(...resources)));
    });
});
