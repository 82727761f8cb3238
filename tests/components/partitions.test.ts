import { expect } from "chai";
import { PersonaMatrix, evaluatePersonas } from "../../policies/access";
import type { Plan } from "../../tools/engine/stackExport";
import { readStackConfig } from "../../tools/engine/stackFile";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { planOf } from "../helpers/plans";
import { planRecorded } from "./support/registrations";

/** The stack's own config, moved to a region: its ARNs too (the config refuses another partition's). */
async function planIn(stack: "dev" | "prod", region: string, partition: string): Promise<Plan> {
    const { config } = readStackConfig(stack);
    const moved = Object.fromEntries(Object.entries(config).map(([key, value]) => [key, value.replaceAll("arn:aws:", `arn:${partition}:`)]));
    moved["aws:region"] = region;
    return (await planRecorded(stack, { config: moved })).plan;
}

/**
 * The partition of every ARN the program sends to AWS follows from the stack's region: IAM in
 * China or GovCloud rejects a policy naming `arn:aws:` resources (MalformedPolicyDocument), and an
 * attachment of `arn:aws:iam::aws:policy/...` finds no such policy there.
 */
describe("ARNs in the partition of the stack's region", function () {
    // Prod's data-quality monitor needs a Model Monitor image, which SageMaker does not publish in
    // GovCloud (the config says so): prod moves to China only.
    const moves = [["dev", "cn-north-1", "aws-cn"], ["dev", "us-gov-west-1", "aws-us-gov"], ["prod", "cn-north-1", "aws-cn"]] as const;
    for (const [stack, region, partition] of moves) {
        it(`${stack} in ${region}: every ARN of every resource's inputs is in ${partition}`, async () => {
            const plan = await planIn(stack, region, partition);
            const foreign = plan.resources.flatMap((r) =>
                [...JSON.stringify(r.inputs).matchAll(/arn:([a-z-]*):[a-z0-9-]*:[^"\\]{0,60}/g)]
                    .filter((match) => match[1] !== partition)
                    .map((match) => `${r.urn.split("::").pop()}: ${match[0]}`));
            expect(foreign).to.deep.equal([]);
            const inputs = JSON.stringify(plan.resources.map((r) => r.inputs));
            expect(inputs).to.include(`arn:${partition}:`);
            // CloudWatch Logs is named in its partition's domain in China (the key policies that
            // let it encrypt the log groups), in the global one elsewhere.
            const logsPrincipals = new Set(inputs.match(/logs\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/g));
            expect([...logsPrincipals]).to.deep.equal([partition === "aws-cn" ? `logs.${region}.amazonaws.com.cn` : `logs.${region}.amazonaws.com`]);
            // Endpoints the resources reach by URL (a CodeCommit clone URL) are in the partition's domain.
            const domain = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
            const urls = [...inputs.matchAll(/https:\/\/([a-z0-9.-]+\.amazonaws\.com(?:\.cn)?)/g)].map((m) => m[1]);
            expect(urls.filter((host) => !host.endsWith(`.${domain}`))).to.deep.equal([]);
            if (stack === "prod") expect(urls, "prod's E2E tests clone from CodeCommit").to.include(`git-codecommit.${region}.${domain}`);
        });
    }

    it("gives the same persona matrix in China as in the aws partition: no check assumes arn:aws:", async () => {
        // A row that names a resource names it by its ARN or id, in the plan's partition and region.
        const cells = (m: PersonaMatrix) => m.rows.map((r) => `${r.persona} ${r.capability}: ${r.holds ? "holds" : "fails"}${r.pending ? " (pending)" : ""}`.replaceAll("arn:aws-cn:", "arn:aws:").replaceAll("cn-north-1", "ap-northeast-1")).sort();
        const [aws, china] = await Promise.all([planOf("dev"), planIn("dev", "cn-north-1", "aws-cn")]);
        const [inAws, inChina] = await Promise.all([evaluatePersonas(toPolicyResources(aws.resources)), evaluatePersonas(toPolicyResources(china.resources))]);
        expect(cells(inChina)).to.deep.equal(cells(inAws));
    });
});
