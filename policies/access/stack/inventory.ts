import type { PolicyResource } from "@pulumi/policy";
import { IamFacts, iamFacts } from "../../lib/iamRoles";
import { propsOf } from "../../lib/propertyValues";
import { parseArn } from "./arns";
import { DataFacts, dataFacts } from "./dataFacts";
import { LakeFormationFacts, lakeFormationFacts } from "./lakeFormationFacts";

/** Where the stack lives, as its ARNs tell (the simulator needs an account and a region). */
export interface Placement {
    account: string;
    region: string;
    partition: string;
}

/** Everything the access evaluator reads from a stack, indexed once. */
export interface StackInventory extends IamFacts, DataFacts {
    lakeFormation: LakeFormationFacts;
    placement: Placement;
}

/** Stands in for an account no ARN of the stack reveals (preview of a stack that creates everything). */
export const UNKNOWN_ACCOUNT = "000000000000";

export function stackInventory(resources: PolicyResource[]): StackInventory {
    const iam = iamFacts(resources);
    const data = dataFacts(resources);
    return { ...iam, ...data, lakeFormation: lakeFormationFacts(resources), placement: placementOf(resources) };
}

const REGIONAL_SERVICES = new Set(["glue", "athena", "kms", "logs", "lakeformation", "lambda", "sns", "sqs"]);

function placementOf(resources: PolicyResource[]): Placement {
    let account: string | undefined;
    let region: string | undefined;
    let partition: string | undefined;
    for (const resource of resources) {
        const props = propsOf(resource);
        const arn = typeof props.arn === "string" ? parseArn(props.arn) : undefined;
        if (arn) {
            partition ??= arn.partition;
            if (/^\d{12}$/.test(arn.account)) account ??= arn.account;
            if (REGIONAL_SERVICES.has(arn.service) && arn.region) region ??= arn.region;
        }
        // The default provider carries the region when no regional ARN is known yet.
        if (resource.type === "pulumi:providers:aws" && typeof props.region === "string") region ??= props.region;
        if (account && region && partition) break;
    }
    return { account: account ?? UNKNOWN_ACCOUNT, region: region ?? "us-east-1", partition: partition ?? "aws" };
}
