import { expect } from "chai";
import { NameError, Placement, checkName, checkPlacementNames, nameProblems, physicalName } from "../../components/common/naming";
import { NAME_RULES, NameKind } from "../../components/common/nameRules";

const PROJECT = "analytics-platform";
const place = (stack: string, project = PROJECT): Placement => ({ project, stack, tags: {} });

/**
 * Each kind's limits as the AWS API references state them, written here independently of
 * nameRules.ts so that a wrong row there fails: [max length, whole-name pattern].
 */
const AWS_RULES: Record<NameKind, [number, RegExp]> = {
    "s3-bucket": [63, /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/],
    "s3-bucket-prefix": [37, /^[a-z0-9][a-z0-9-]*-$/],
    "iam-role": [64, /^[\w+=,.@-]+$/],
    "iam-policy": [128, /^[\w+=,.@-]+$/],
    "sts-session-name": [64, /^[\w+=,.@-]{2,}$/],
    "kms-alias": [256, /^alias\/(?!aws\/)[a-zA-Z0-9/_-]+$/],
    "glue-database": [255, /^[a-z0-9_]+$/],
    "glue-table": [255, /^[a-z0-9_]+$/],
    "glue-crawler": [255, /^[^\n\r]+$/],
    "glue-security-configuration": [255, /^[^\n\r]+$/],
    "athena-workgroup": [128, /^[a-zA-Z0-9._-]+$/],
    "log-group": [512, /^[.\-_/#A-Za-z0-9]+$/],
    "lambda-function": [64, /^[a-zA-Z0-9_-]+$/],
    "sns-topic": [256, /^[A-Za-z0-9_-]+$/],
    "codebuild-project": [255, /^[A-Za-z0-9][A-Za-z0-9\-_]{1,254}$/],
    "ecr-repository": [256, /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/],
    "sagemaker-endpoint": [63, /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/],
    "sagemaker-model": [63, /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/],
    "sagemaker-monitoring-schedule": [63, /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/],
    "sagemaker-endpoint-config-prefix": [37, /^[a-zA-Z0-9](-*[a-zA-Z0-9])*-$/],
    "sagemaker-job-definition": [63, /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/],
    "sagemaker-processing-job": [63, /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/],
    "appautoscaling-policy": [256, /^[^:/\n\r]+$/],
    "rum-app-monitor": [255, /^(?!\.)[.\-_#A-Za-z0-9]+$/],
    "cognito-identity-pool": [128, /^[\w\s+=,.@-]+$/],
    "cloudwatch-alarm": [255, /^[^\n\r]+$/],
    "eventbridge-rule": [64, /^[.\-_A-Za-z0-9]+$/],
    "codebuild-report-group": [128, /^[A-Za-z0-9][A-Za-z0-9\-_]{1,127}$/],
    "codeconnections-connection": [32, /^[A-Za-z0-9.@_-]+$/],
    "sqs-queue": [80, /^[A-Za-z0-9_-]+$/],
    "quicksight-id": [128, /^[\w-]+$/],
};

const S3_RESERVED = { prefixes: ["xn--", "sthree-", "amzn-s3-demo-"], suffixes: ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] };

const STACKS = {
    short: "dev",
    long: "x".repeat(100),
    "upper-case": "Prod",
    dotted: "v1.2",
    underscored: "qa_1",
    "every character": "A.b_C-9",
};

describe("physicalName", () => {
    it("has a rule, checked here, for every kind of name", () => {
        expect(Object.keys(AWS_RULES).sort()).to.deep.equal(Object.keys(NAME_RULES).sort());
    });

    for (const kind of Object.keys(NAME_RULES) as NameKind[]) {
        describe(kind, () => {
            const [maxLength, pattern] = AWS_RULES[kind];
            for (const [label, stack] of Object.entries(STACKS)) {
                it(`keeps AWS's rules for a ${label} stack name`, () => {
                    for (const logical of ["lake", "data-lake-admin", "analysts-sales-analysts-with-a-long-group-name"]) {
                        const name = physicalName(place(stack), logical, kind);
                        expect(name.length, name).to.be.at.most(maxLength);
                        expect(name).to.match(pattern);
                        if (kind.startsWith("s3-")) {
                            for (const p of S3_RESERVED.prefixes) expect(name.startsWith(p), name).to.equal(false);
                            for (const s of S3_RESERVED.suffixes) expect(name.endsWith(s), name).to.equal(false);
                        }
                        expect(physicalName(place(stack), logical, kind), "the same at every up").to.equal(name);
                    }
                });
            }

            it("gives stacks whose names differ only by case, dots or underscores different names", () => {
                const stacks = ["prod", "Prod", "PROD", "qa_1", "qa.1", "qa-1", "v1.2", "v1_2", "x".repeat(100), `${"x".repeat(99)}y`];
                const caseBlind = NAME_RULES[kind].caseInsensitive || NAME_RULES[kind].lowerCase;
                const names = stacks.map((s) => physicalName(place(s), "lake", kind)).map((n) => (caseBlind ? n.toLowerCase() : n));
                expect(new Set(names).size, names.join("\n")).to.equal(stacks.length);
            });
        });
    }

    it("keeps a name that fits as it is, readable: <project>-<stack>-<logical>", () => {
        expect(physicalName(place("production"), "data-lake-admin", "iam-role")).to.equal("analytics-platform-production-data-lake-admin");
        expect(physicalName(place("staging-tokyo"), "lake", "kms-alias")).to.equal("alias/analytics-platform-staging-tokyo-lake");
        expect(physicalName(place("v1.2"), "lake", "athena-workgroup")).to.equal("analytics-platform-v1.2-lake");
        expect(physicalName(place("dev"), "logs", "s3-bucket-prefix")).to.equal("analytics-platform-dev-logs-");
    });

    it("rewrites what AWS refuses and ends the name with a hash of the unchanged parts", () => {
        expect(physicalName(place("v1.2"), "lake", "kms-alias")).to.match(/^alias\/analytics-platform-v1-2-lake-[0-9a-f]{8}$/);
        expect(physicalName(place("Prod"), "data-lake-admin", "iam-role")).to.match(/^analytics-platform-prod-data-lake-admin-[0-9a-f]{8}$/);
        expect(physicalName(place("qa_1"), "lake", "sagemaker-endpoint")).to.match(/^analytics-platform-qa-1-lake-[0-9a-f]{8}$/);
    });

    it("shortens a long name, keeping its logical part and ending with the hash", () => {
        const name = physicalName(place("staging-tokyo"), "results", "s3-bucket-prefix");
        expect(name).to.match(/^analytic-staging-to-results-[0-9a-f]{8}-$/);
        expect(name).to.have.length(37);
    });

    it("lower-cases only the stack part of a case-blind IAM name (the logical part is the same in every stack)", () => {
        expect(physicalName(place("dev"), "LakeFormationWorkflowRole", "iam-role")).to.equal("analytics-platform-dev-LakeFormationWorkflowRole");
    });
});

describe("nameProblems (mutations a rule must catch)", () => {
    const cases: [NameKind, string, RegExp][] = [
        ["s3-bucket", "analytics-platform-Prod-lake", /characters/],
        ["s3-bucket", "analytics_platform_lake", /characters/],
        ["s3-bucket", `a${"b".repeat(63)}`, /3-63 characters/],
        ["s3-bucket", "xn--lake", /not starting with "xn--"/],
        ["s3-bucket", "sthree-lake", /not starting with "sthree-"/],
        ["s3-bucket", "amzn-s3-demo-lake", /not starting with "amzn-s3-demo-"/],
        ["s3-bucket", "lake-s3alias", /not ending with "-s3alias"/],
        ["s3-bucket", "lake--ol-s3", /not ending with "--ol-s3"/],
        ["s3-bucket", "lake--x-s3", /not ending with "--x-s3"/],
        ["s3-bucket", "lake--table-s3", /not ending with "--table-s3"/],
        ["s3-bucket", "my.lake", /characters/],
        ["kms-alias", "alias/analytics-platform-v1.2-lake", /characters/],
        ["kms-alias", "alias/aws/lake", /not starting with "alias\/aws\/"/],
        ["iam-role", `r${"o".repeat(64)}`, /1-64 characters/],
        ["athena-workgroup", "analytics platform", /characters/],
        ["sagemaker-endpoint", "end_point", /characters/],
        ["sagemaker-endpoint", "endpoint-", /form/],
        ["ecr-repository", "repo--name", /form/],
        ["codebuild-project", "-project", /form/],
        ["rum-app-monitor", ".monitor", /form/],
        ["sts-session-name", "a", /2-64 characters/],
    ];
    for (const [kind, name, problem] of cases) {
        it(`${kind}: refuses ${JSON.stringify(name.length > 40 ? `${name.slice(0, 20)}...` : name)}`, () => {
            const problems = nameProblems(kind, name);
            expect(problems.join("\n")).to.match(problem);
            expect(problems.join("\n")).to.match(/expected .*found/);
        });
    }

    it("accepts AWS's own examples", () => {
        expect(nameProblems("s3-bucket", "amzn-s3-demo")).to.deep.equal([]);
        expect(nameProblems("kms-alias", "alias/ExampleAlias")).to.deep.equal([]);
        expect(nameProblems("log-group", "/aws-glue/crawlers-role/LakeFormationWorkflowRole-lake")).to.deep.equal([]);
    });

    it("checkName throws a NameError naming the stack", () => {
        expect(() => checkName("log-group", "/aws glue", "qa")).to.throw(NameError, /stack "qa"/);
    });
});

describe("checkPlacementNames", () => {
    it("passes every stack name Pulumi accepts with this project", () => {
        for (const stack of [...Object.values(STACKS), "production", "staging-tokyo", "-", ".", "_", "xn--", "a".repeat(100)]) {
            expect(() => checkPlacementNames(place(stack)), stack).not.to.throw();
        }
    });

    it("refuses a project whose names AWS reserves, with one line per kind naming the stack", () => {
        try {
            checkPlacementNames(place("dev", "sthree-lake"));
            expect.fail("expected a NameError");
        } catch (err) {
            expect(err).to.be.instanceOf(NameError);
            const problems = (err as NameError).problems;
            expect(problems).to.have.length(2); // the S3 bucket name and the bucket name prefix
            for (const p of problems) expect(p).to.match(/^stack "dev" of project "sthree-lake": S3 bucket name.*not starting with "sthree-"/);
        }
    });
});
