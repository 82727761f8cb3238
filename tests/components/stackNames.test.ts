import { expect } from "chai";
import { nameProblems, NameKind } from "../../components/common/naming";
import { NAME_RULES } from "../../components/common/nameRules";
import program from "../../index";
import { planProgram } from "../../tools/engine/run";
import type { ExportedResource, Plan } from "../../tools/engine/stackExport";
import { readStackConfig } from "../../tools/engine/stackFile";
import { EXIT_BAD_INPUT, reportError } from "../../tools/cli";

/**
 * Every stack name Pulumi accepts plans, and every physical name the program sets keeps its AWS
 * rule. The names are found by resource type and property, not by asking naming.ts which names
 * it made: a component that sets a name without physicalName is caught too.
 */
const NAMED_PROPERTIES: Record<string, [string, NameKind][]> = {
    "aws:s3/bucket:Bucket": [["bucketPrefix", "s3-bucket-prefix"], ["bucket", "s3-bucket"]],
    "aws:iam/role:Role": [["name", "iam-role"]],
    "aws:iam/policy:Policy": [["name", "iam-policy"]],
    "aws:iam/rolePolicy:RolePolicy": [["name", "iam-policy"]],
    "aws:kms/alias:Alias": [["name", "kms-alias"]],
    "aws:glue/catalogDatabase:CatalogDatabase": [["name", "glue-database"]],
    "aws:glue/catalogTable:CatalogTable": [["name", "glue-table"]],
    "aws:glue/crawler:Crawler": [["name", "glue-crawler"]],
    "aws:glue/securityConfiguration:SecurityConfiguration": [["name", "glue-security-configuration"]],
    "aws:athena/workgroup:Workgroup": [["name", "athena-workgroup"]],
    "aws:cloudwatch/logGroup:LogGroup": [["name", "log-group"]],
    "aws:lambda/function:Function": [["name", "lambda-function"]],
    "aws:sns/topic:Topic": [["name", "sns-topic"]],
    "aws:codebuild/project:Project": [["name", "codebuild-project"]],
    "aws:ecr/repository:Repository": [["name", "ecr-repository"]],
    "aws:sagemaker/endpoint:Endpoint": [["name", "sagemaker-endpoint"]],
    "aws:sagemaker/model:Model": [["name", "sagemaker-model"]],
    "aws:sagemaker/endpointConfiguration:EndpointConfiguration": [["namePrefix", "sagemaker-endpoint-config-prefix"]],
    "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition": [["name", "sagemaker-job-definition"]],
    "aws:sagemaker/monitoringSchedule:MonitoringSchedule": [["name", "sagemaker-monitoring-schedule"]],
    "aws:appautoscaling/policy:Policy": [["name", "appautoscaling-policy"]],
    "aws:rum/appMonitor:AppMonitor": [["name", "rum-app-monitor"]],
    "aws:cognito/identityPool:IdentityPool": [["identityPoolName", "cognito-identity-pool"]],
    "aws:cloudwatch/metricAlarm:MetricAlarm": [["name", "cloudwatch-alarm"]],
    "aws:cloudwatch/eventRule:EventRule": [["name", "eventbridge-rule"]],
    "aws:codebuild/reportGroup:ReportGroup": [["name", "codebuild-report-group"]],
    "aws:codeconnections/connection:Connection": [["name", "codeconnections-connection"]],
    "aws:sqs/queue:Queue": [["name", "sqs-queue"]],
    "aws:quicksight/dataSource:DataSource": [["dataSourceId", "quicksight-id"]],
    "aws:quicksight/dataSet:DataSet": [["dataSetId", "quicksight-id"]],
};

const STACKS = ["production", "staging-tokyo", "Prod", "prod", "qa_1", "v1.2", `s${"-long.Stack_name".repeat(7)}`.slice(0, 100)];

/** Every name a resource sets, with its kind; a `name` on a type the table does not know is an error. */
function physicalNames(resource: ExportedResource): [string, NameKind, string][] {
    const props = resource.outputs as Record<string, unknown>;
    if (resource.type === "pulumi:providers:aws") {
        const roles = typeof props.assumeRoles === "string" ? JSON.parse(props.assumeRoles) : props.assumeRoles;
        return ((roles ?? []) as { sessionName?: string }[]).flatMap((r) => (r.sessionName ? [["sessionName", "sts-session-name", r.sessionName]] : []));
    }
    const known = NAMED_PROPERTIES[resource.type];
    if (!known) {
        if (resource.custom && typeof props.name === "string") throw new Error(`${resource.type} sets name "${props.name}": add its rule to NAMED_PROPERTIES`);
        return [];
    }
    return known.flatMap(([prop, kind]) => (typeof props[prop] === "string" ? [[prop, kind, props[prop] as string]] : []));
}

describe("stack names", () => {
    const plans = new Map<string, Plan>();
    before(async function () {
        this.timeout(120_000);
        const { config, secretKeys } = readStackConfig("dev");
        for (const stack of STACKS) {
            plans.set(stack, await planProgram({ project: "analytics-platform", stack, config, secretKeys, program }));
        }
    });

    it("plans a 100-character stack name", () => {
        expect(STACKS.at(-1)).to.have.length(100);
        expect(plans.get(STACKS.at(-1)!)!.resources.length).to.be.greaterThan(50);
    });

    for (const stack of STACKS) {
        it(`gives stack "${stack.length > 20 ? `${stack.slice(0, 20)}...` : stack}" physical names AWS accepts`, () => {
            const problems = plans.get(stack)!.resources.flatMap((r) =>
                physicalNames(r).flatMap(([prop, kind, name]) => nameProblems(kind, name).map((p) => `${r.urn} ${prop}: ${p}`)));
            expect(problems).to.deep.equal([]);
        });
    }

    it("gives no two stacks the same account-wide name (as AWS compares them: IAM ignores case)", () => {
        const seen = new Map<string, string>();
        for (const [stack, plan] of plans) {
            for (const r of plan.resources) {
                for (const [prop, kind, name] of physicalNames(r)) {
                    // Glue names come from the config; inline policy names and session names are not account-wide.
                    if (["glue-database", "glue-table", "sts-session-name"].includes(kind) || r.type === "aws:iam/rolePolicy:RolePolicy") continue;
                    const rule = NAME_RULES[kind];
                    const key = `${kind}:${rule.caseInsensitive ? name.toLowerCase() : name}`;
                    expect(seen.get(key), `${stack} ${r.type} ${prop} ${name}`).to.equal(undefined);
                    seen.set(key, stack);
                }
            }
        }
    });

    it("stops, exit 2 naming the stack, when no valid name can be made (a project named with a prefix S3 reserves)", async () => {
        const { config } = readStackConfig("dev");
        const failure = await planProgram({ project: "sthree-lake", stack: "dev", config, program }).then(() => undefined, (err: unknown) => err);
        const lines: string[] = [];
        expect(reportError(failure, { write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream)).to.equal(EXIT_BAD_INPUT);
        expect(lines.join("")).to.match(/^stack "dev" of project "sthree-lake": S3 bucket name/);
    });
});
