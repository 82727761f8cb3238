import { expect } from "chai";
import { parsePlatformConfig } from "../../config";
import { MAX_PLATFORM_TAGS_PER_RESOURCE, PLATFORM_TAG_KEYS } from "../../config/tags";
import { REGION_PARTITIONS } from "../../config/regions";
import { readStackConfig } from "../../tools/engine/stackFile";
import { planOf } from "../helpers/plans";
import { configProblems } from "../helpers/configProblems";

const FILE = "Pulumi.dev.yaml";
type Values = Record<string, string>;
type Edit = (values: Values) => void;

/** The dev stack's config after `edit` (on the parsed value of one key, or on the flat map). */
function dev(edit: Edit = () => undefined): Values {
    const { config } = readStackConfig("dev");
    edit(config);
    return config;
}

function onKey(key: string, change: (value: Record<string, unknown>) => void): Edit {
    return (values) => {
        const value = JSON.parse(values[`analytics-platform:${key}`]) as Record<string, unknown>;
        change(value);
        values[`analytics-platform:${key}`] = JSON.stringify(value);
    };
}

function problemsOf(values: Values): string[] {
    return configProblems(FILE, values);
}

/** Each case: a change, and undefined (accepted) or what the one problem line must match. */
function cases(title: string, list: [string, Edit, RegExp | undefined][]): void {
    describe(title, () => {
        for (const [label, edit, problem] of list) {
            it(`${problem ? "rejects" : "accepts"} ${label}`, () => {
                const problems = problemsOf(dev(edit));
                if (!problem) {
                    expect(problems).to.deep.equal([]);
                    return;
                }
                expect(problems, problems.join("\n")).to.have.length(1);
                expect(problems[0]).to.match(/^Pulumi\.dev\.yaml: \S+: .*expected .*found/);
                expect(problems[0]).to.match(problem);
            });
        }
    });
}

const tags = (t: Record<string, string>) => onKey("environment", (v) => (v.tags = t));
const manyTags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag-${i}`, "x"]));

cases("tags (AWS: key 1-128, value 0-256, letters, spaces, digits and _ . : / = + - @, no aws: prefix)", [
    ["an empty value", tags({ owner: "" }), undefined],
    ["letters of any script and spaces", tags({ "部署": "分析 チーム", "team name": "a_b.c:d/e=f+g-h@i" }), undefined],
    ["a 128-character key and a 256-character value", tags({ ["k".repeat(128)]: "v".repeat(256) }), undefined],
    ["as many tags as leave room for the platform's", tags(manyTags(50 - MAX_PLATFORM_TAGS_PER_RESOURCE)), undefined],
    ["an empty key", tags({ "": "x" }), /environment\.tags\.: expected at least 1 character, found ""/],
    ["a 129-character key", tags({ ["k".repeat(129)]: "x" }), /expected at most 128 characters/],
    ["a 257-character value", tags({ owner: "v".repeat(257) }), /environment\.tags\.owner: expected at most 256 characters/],
    ["the reserved aws: prefix", tags({ "aws:owner": "x" }), /environment\.tags\.aws:owner: expected a tag key not starting with aws:/],
    ["the reserved prefix in upper case", tags({ "AWS:owner": "x" }), /not starting with aws:/],
    ["a key with !", tags({ "owner!": "x" }), /expected a tag key of letters/],
    ["a value with #", tags({ owner: "team#1" }), /environment\.tags\.owner: expected a tag value of letters/],
    ["a key the platform sets", tags({ persona: "x" }), /expected a tag key other than project, stack, persona, purpose, analyst-group/],
    ["one tag more than leave room for the platform's", tags(manyTags(51 - MAX_PLATFORM_TAGS_PER_RESOURCE)), /environment\.tags: expected at most 46 tags/],
]);

const region = (r: string | undefined): Edit => (values) => {
    if (r === undefined) delete values["aws:region"];
    else values["aws:region"] = r;
};
const inChina: Edit = (values) => {
    region("cn-north-1")(values);
    onKey("personas", (v) => (v.trustedPrincipals = ["arn:aws-cn:iam::123456789012:root"]))(values);
    onKey("dataLake", (v) => (v.additionalLakeFormationAdmins = ["arn:aws-cn:iam::123456789012:role/analytics-platform-prod-data-lake-admin"]))(values);
};

cases("the region (one AWS has, with the partition every ARN in the config follows)", [
    ["ap-northeast-1", region("ap-northeast-1"), undefined],
    ["a region of another partition with ARNs in it", inChina, undefined],
    ["a region AWS does not have", region("ap-northeast-9"), /aws:region: expected an AWS region .* found "ap-northeast-9"/],
    ["a city instead of a region", region("tokyo"), /found "tokyo"/],
    ["no region", region(undefined), /aws:region: expected an AWS region .* found nothing/],
    ["an ARN of another partition than the region's", (values) => {
        inChina(values);
        onKey("personas", (v) => (v.trustedPrincipals = ["arn:aws:iam::123456789012:root"]))(values);
    },
        /analytics-platform:personas\.trustedPrincipals\[0\]: expected an ARN in partition aws-cn \(that of aws:region cn-north-1\), found "arn:aws:iam::123456789012:root"/],
]);

const lake = (change: (v: Record<string, unknown>) => void) => onKey("dataLake", change);
const datasets = (v: Record<string, unknown>) => v.datasets as { name: string; columns: { name: string; type: string }[] }[];
const columnType = (type: string) => lake((v) => (datasets(v)[0].columns[0].type = type));

cases("unique names", [
    ["a dataset named twice", lake((v) => datasets(v).push({ ...datasets(v)[0] })), /dataLake\.datasets\[4\]: expected a unique dataset name, found "sales" again \(first at \[0\]\)/],
    ["a column named twice", lake((v) => datasets(v)[1].columns.push({ name: "item_id", type: "int" })), /datasets\[1\]\.columns\[3\]: expected a unique column name, found "item_id" again/],
    ["an analyst group named twice", onKey("athenaAnalysts", (v) => (v.groups as unknown[]).push((v.groups as unknown[])[0])),
        /athenaAnalysts\.groups\[1\]: expected a unique group name, found "sales-analysts" again/],
    ["a table listed twice in a group", onKey("athenaAnalysts", (v) => ((v.groups as { tables: unknown[] }[])[0].tables.push({ name: "items" }))),
        /groups\[0\]\.tables\[4\]: expected a unique table name, found "items" again/],
    ["an excluded column listed twice", onKey("athenaAnalysts", (v) => ((v.groups as { tables: { excludedColumns?: string[] }[] }[])[0].tables[0].excludedColumns = ["item_price", "item_price"])),
        /excludedColumns\[1\]: expected a unique excluded column/],
]);

cases("Glue column types (Athena's DDL types)", [
    ["decimal(10,2)", columnType("decimal(10,2)"), undefined],
    ["decimal", columnType("decimal"), undefined],
    ["varchar(65535) and char(255)", lake((v) => { datasets(v)[0].columns[0].type = "varchar(65535)"; datasets(v)[0].columns[1].type = "char(255)"; }), undefined],
    ["complex types", columnType("struct<a:int,b:array<string>,c:map<string,decimal(5,2)>>"), undefined],
    ["binary and smallint", lake((v) => { datasets(v)[0].columns[0].type = "binary"; datasets(v)[0].columns[1].type = "smallint"; }), undefined],
    ["decimal precision over 38", columnType("decimal(39,2)"), /columns\[0\]\.type: expected decimal\(p,s\) with precision 1-38 and scale 0 to precision, found "decimal\(39,2\)"/],
    ["a scale over the precision", columnType("decimal(5,6)"), /precision 1-38/],
    ["varchar(0)", columnType("varchar(0)"), /varchar\(n\) with n from 1 to 65535/],
    ["char(256)", columnType("char(256)"), /char\(n\) with n from 1 to 255/],
    ["a type Athena does not have", columnType("text"), /expected a Hive column type Athena reads.*found "text"/],
    ["a map keyed by a complex type", columnType("map<array<int>,int>"), /found "map<array<int>,int>"/],
    ["an unclosed type", columnType("array<string"), /found "array<string"/],
]);

const cron = (expression: string) => lake((v) => (v.crawlerSchedule = expression));

cases("crawler schedules (Glue's six-field cron)", [
    ["every 15 minutes", cron("cron(0/15 * * * ? *)"), undefined],
    ["weekdays at 3:00", cron("cron(0 3 ? * MON-FRI *)"), undefined],
    ["the last Friday of the month, 2026-2030", cron("cron(15 10 ? * 6L 2026-2030)"), undefined],
    ["both day fields set", cron("cron(0 3 * * * *)"), /crawlerSchedule: expected an AWS cron expression/],
    ["a rate expression", cron("rate(1 day)"), /crawlerSchedule: expected an AWS cron expression/],
]);

cases("Glue database names and the Athena cutoff", [
    ["a 255-character database name", lake((v) => (v.databaseName = "d".repeat(255))), undefined],
    ["an upper-case database name", lake((v) => (v.databaseName = "Sales")), /databaseName: expected a Glue name/],
    ["a hyphen in a database name", lake((v) => (v.databaseName = "sales-db")), /databaseName: expected a Glue name/],
    ["a 256-character database name", lake((v) => (v.databaseName = "d".repeat(256))), /databaseName: expected a Glue name/],
    ["the 10 MB minimum cutoff", lake((v) => (v.bytesScannedCutoffPerQuery = 10_485_760)), undefined],
    ["a cutoff under 10 MB", lake((v) => (v.bytesScannedCutoffPerQuery = 10_485_759)), /bytesScannedCutoffPerQuery: expected a value >= 10485760, found 10485759/],
]);

describe("the platform's own tags", () => {
    it("are at most MAX_PLATFORM_TAGS_PER_RESOURCE on any planned resource, all of PLATFORM_TAG_KEYS", async () => {
        const plan = await planOf("dev");
        const stackTags = Object.keys(parsePlatformConfig(FILE, dev()).environment.tags);
        const added = plan.resources.map((r) => Object.keys((r.inputs.tags ?? {}) as Record<string, string>).filter((k) => !stackTags.includes(k)));
        expect(Math.max(...added.map((keys) => keys.length))).to.equal(MAX_PLATFORM_TAGS_PER_RESOURCE);
        expect([...new Set(added.flat())].filter((k) => !(PLATFORM_TAG_KEYS as readonly string[]).includes(k))).to.deep.equal([]);
    });
});

describe("the region list", () => {
    it("gives each region the partition the AWS SDK's endpoint data gives it", async () => {
        // @aws-sdk/core (the SDK's shared partition data) comes with @pulumi/awsx.
        const { partition } = (await import("@aws-sdk/core/client")) as unknown as { partition: (region: string) => { name: string } };
        for (const [region, expected] of Object.entries(REGION_PARTITIONS)) expect(partition(region).name, region).to.equal(expected);
    });
});
