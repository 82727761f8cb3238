import { expect } from "chai";
import { AwsMocks, PLACEHOLDER_ACCOUNT_ID } from "../../tools/engine/mocks";

const ACCT = PLACEHOLDER_ACCOUNT_ID;

describe("AwsMocks", () => {
    const mocks = new AwsMocks({ region: "eu-west-1", defaultTags: { owner: "platform" } });
    const create = (type: string, name: string, inputs: Record<string, unknown> = {}) =>
        mocks.newResource({ type, name, inputs, custom: true });

    it("auto-names like Pulumi: logical name, a dash and 7 hex characters, reproducibly", () => {
        const first = create("aws:iam/role:Role", "reader");
        expect(first.id).to.match(/^reader-[0-9a-f]{7}$/);
        expect(create("aws:iam/role:Role", "reader").id).to.equal(first.id);
        expect(create("aws:iam/role:Role", "writer").id?.slice(-7)).to.not.equal(first.id?.slice(-7));
        expect(create("aws:iam/user:User", "reader").id).to.not.equal(first.id);
    });

    it("derives generated names and ids from the stack too, as random ones would differ", () => {
        const inStack = (stack: string, type: string) =>
            new AwsMocks({ stack }).newResource({ type, name: "lake", inputs: {}, custom: true }).id;
        for (const type of ["aws:kms/key:Key", "aws:s3/bucket:Bucket"]) {
            expect(inStack("dev", type)).to.equal(inStack("dev", type));
            expect(inStack("dev", type)).to.not.equal(inStack("prod", type));
        }
    });

    it("keeps a name the program set", () => {
        const bucket = create("aws:s3/bucket:Bucket", "raw", { bucket: "acme-raw" });
        expect(bucket.id).to.equal("acme-raw");
        expect(bucket.state).to.include({ bucket: "acme-raw", arn: "arn:aws:s3:::acme-raw" });
    });

    it("shapes S3 buckets (v1 and v2)", () => {
        for (const type of ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]) {
            const { id, state } = create(type, "Raw_Data");
            expect(id).to.match(/^raw_data-[0-9a-f]{7}$/);
            expect(state).to.include({ id, bucket: id, arn: `arn:aws:s3:::${id}`, region: "eu-west-1" });
            expect(state["bucketRegionalDomainName"]).to.equal(`${id}.s3.eu-west-1.amazonaws.com`);
        }
    });

    it("shapes KMS keys and aliases", () => {
        const key = create("aws:kms/key:Key", "lake");
        expect(key.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(key.state).to.include({ keyId: key.id, arn: `arn:aws:kms:eu-west-1:${ACCT}:key/${key.id}` });
        const alias = create("aws:kms/alias:Alias", "lake", { targetKeyId: key.id });
        expect(alias.id).to.match(/^alias\/lake-[0-9a-f]{7}$/);
        expect(alias.state).to.include({
            arn: `arn:aws:kms:eu-west-1:${ACCT}:${alias.id}`,
            targetKeyArn: key.state["arn"],
        });
    });

    it("shapes IAM roles, policies, role policies and users", () => {
        const role = create("aws:iam/role:Role", "analyst", { path: "/personas/" });
        expect(role.state["arn"]).to.equal(`arn:aws:iam::${ACCT}:role/personas/${role.id}`);
        expect(role.state["name"]).to.equal(role.id);
        expect(role.state["uniqueId"]).to.match(/^AROA[A-Z2-7]{17}$/);
        expect(create("aws:iam/role:Role", "plain", { name: "plain" }).state["arn"]).to.equal(
            `arn:aws:iam::${ACCT}:role/plain`,
        );
        const policy = create("aws:iam/policy:Policy", "read", { name: "read-lake" });
        expect(policy.id).to.equal(`arn:aws:iam::${ACCT}:policy/read-lake`);
        expect(policy.state["arn"]).to.equal(policy.id);
        const inline = create("aws:iam/rolePolicy:RolePolicy", "inline", { role: "analyst", name: "q" });
        expect(inline.id).to.equal("analyst:q");
        const user = create("aws:iam/user:User", "ci", { name: "ci" });
        expect(user.state).to.include({ arn: `arn:aws:iam::${ACCT}:user/ci`, name: "ci" });
    });

    it("shapes Glue databases, tables and crawlers", () => {
        const db = create("aws:glue/catalogDatabase:CatalogDatabase", "lake", { name: "lake_db" });
        expect(db.id).to.equal(`${ACCT}:lake_db`);
        expect(db.state).to.include({ arn: `arn:aws:glue:eu-west-1:${ACCT}:database/lake_db`, catalogId: ACCT });
        const table = create("aws:glue/catalogTable:CatalogTable", "t", { name: "events", databaseName: "lake_db" });
        expect(table.id).to.equal(`${ACCT}:lake_db:events`);
        expect(table.state["arn"]).to.equal(`arn:aws:glue:eu-west-1:${ACCT}:table/lake_db/events`);
        const crawler = create("aws:glue/crawler:Crawler", "c", { name: "raw-crawler" });
        expect(crawler.state["arn"]).to.equal(`arn:aws:glue:eu-west-1:${ACCT}:crawler/raw-crawler`);
    });

    it("shapes Athena workgroups, SNS topics, Lambda functions, log groups and alarms", () => {
        const wg = create("aws:athena/workgroup:Workgroup", "wg", { name: "analysts" });
        expect(wg.id).to.equal("analysts");
        expect(wg.state["arn"]).to.equal(`arn:aws:athena:eu-west-1:${ACCT}:workgroup/analysts`);
        const topic = create("aws:sns/topic:Topic", "alerts", { name: "alerts" });
        expect(topic.id).to.equal(`arn:aws:sns:eu-west-1:${ACCT}:alerts`);
        const fn = create("aws:lambda/function:Function", "fn", { name: "detect" });
        expect(fn.state).to.include({ arn: `arn:aws:lambda:eu-west-1:${ACCT}:function:detect`, version: "$LATEST" });
        const logs = create("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/aws/lambda/detect" });
        expect(logs.state["arn"]).to.equal(`arn:aws:logs:eu-west-1:${ACCT}:log-group:/aws/lambda/detect`);
        const alarm = create("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", { name: "errors" });
        expect(alarm.state["arn"]).to.equal(`arn:aws:cloudwatch:eu-west-1:${ACCT}:alarm:errors`);
    });

    it("uses the registered ARN as the id of a Lake Formation resource", () => {
        const arn = "arn:aws:s3:::acme-raw";
        expect(create("aws:lakeformation/resource:Resource", "raw", { arn }).id).to.equal(arn);
    });

    it("gives bucket settings the bucket's name as id, and grants a numeric id, without inventing ARNs", () => {
        const pab = create("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "raw-pab", { bucket: "acme-raw" });
        expect(pab).to.deep.equal({ id: "acme-raw", state: { bucket: "acme-raw", id: "acme-raw" } });
        const object = create("aws:s3/bucketObjectv2:BucketObjectv2", "prefix", { bucket: "acme-raw", key: "sales/" });
        expect(object.id).to.equal("sales/");
        expect(object.state["arn"]).to.equal("arn:aws:s3:::acme-raw/sales/");
        const grant = create("aws:lakeformation/permissions:Permissions", "grant", { principal: "arn:x" });
        expect(grant.id).to.match(/^[0-9]+$/);
        expect(grant.state).to.not.have.property("arn");
    });

    it("falls back to a generic ARN built from the type token", () => {
        const queue = create("aws:sqs/queue:Queue", "jobs", { name: "jobs" });
        expect(queue.id).to.equal("jobs");
        expect(queue.state["arn"]).to.equal(`arn:aws:sqs:eu-west-1:${ACCT}:queue/jobs`);
    });

    it("merges the provider's default tags into tagsAll", () => {
        const { state } = create("aws:s3/bucket:Bucket", "tagged", { tags: { env: "dev" } });
        expect(state["tagsAll"]).to.deep.equal({ owner: "platform", env: "dev" });
    });

    it("answers a time.Sleep as the time provider does: its inputs, and the RFC 3339 time it ended as id", () => {
        const sleep = create("time:index/sleep:Sleep", "wait", { createDuration: "30s" });
        expect(sleep.id).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(sleep.state).to.deep.equal({ createDuration: "30s", id: sleep.id });
    });

    it("returns nothing of its own for components", () => {
        expect(mocks.newResource({ type: "test:index:Box", name: "b", inputs: { a: 1 }, custom: false })).to.deep.equal({
            id: undefined,
            state: {},
        });
    });

    it("answers the AWS provider functions programs use for account, region and partition", () => {
        expect(mocks.call({ token: "aws:index/getCallerIdentity:getCallerIdentity", inputs: {} })).to.include({
            accountId: ACCT,
            arn: `arn:aws:sts::${ACCT}:assumed-role/deployer/offline`,
        });
        expect(mocks.call({ token: "aws:index/getRegion:getRegion", inputs: {} })).to.include({
            name: "eu-west-1",
            region: "eu-west-1",
        });
        expect(mocks.call({ token: "aws:index/getPartition:getPartition", inputs: {} })).to.include({
            partition: "aws",
            dnsSuffix: "amazonaws.com",
        });
        expect(mocks.call({ token: "aws:other/thing:getThing", inputs: { x: 1 } })).to.deep.equal({ x: 1 });
    });

    it("defaults to us-east-1 and reads region and default tags from stack config", () => {
        expect(new AwsMocks().region).to.equal("us-east-1");
        const fromConfig = AwsMocks.fromConfig({
            "aws:region": "ap-northeast-1",
            "aws:defaultTags": '{"tags":{"team":"data"}}',
        });
        const { state } = fromConfig.newResource({ type: "aws:sns/topic:Topic", name: "t", inputs: { tags: {} }, custom: true });
        expect(state["arn"]).to.match(/^arn:aws:sns:ap-northeast-1:/);
        expect(state["tagsAll"]).to.deep.equal({ team: "data" });
    });
});
