import { expect } from "chai";
import { readStackConfig } from "../../tools/engine/stackFile";
import { planRecorded } from "./support/registrations";

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
            // The stack's own config, moved to the region (its ARNs too: the config refuses
            // an ARN of another partition than its region's).
            const { config } = readStackConfig(stack);
            const moved = Object.fromEntries(Object.entries(config).map(([key, value]) => [key, value.replaceAll("arn:aws:", `arn:${partition}:`)]));
            moved["aws:region"] = region;
            const { plan } = await planRecorded(stack, { config: moved });
            const foreign = plan.resources.flatMap((r) =>
                [...JSON.stringify(r.inputs).matchAll(/arn:([a-z-]*):[a-z0-9-]*:[^"\\]{0,60}/g)]
                    .filter((match) => match[1] !== partition)
                    .map((match) => `${r.urn.split("::").pop()}: ${match[0]}`));
            expect(foreign).to.deep.equal([]);
            expect(JSON.stringify(plan.resources.map((r) => r.inputs))).to.include(`arn:${partition}:`);
        });
    }
});
