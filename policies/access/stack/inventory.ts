import type { PolicyResource } from "@pulumi/policy";
import { IamFacts, iamFacts } from "../../lib/iamRoles";
import { propsOf } from "../../lib/propertyValues";
import { parseArn } from "./arns";
import { DataFacts, dataFacts } from "./dataFacts";
import { LakeFormationFacts, lakeFormationFacts } from "./lakeFormationFacts";
import { ServiceFacts, serviceFacts } from "./serviceFacts";
import { WebMonitorFacts, webMonitorFacts } from "./webMonitorFacts";

/** Where the stack lives, as its ARNs tell (the simulator needs an account and a region). */
export interface Placement {
    account: string;
    region: string;
    partition: string;
}

/** Everything the access evaluator reads from a stack, indexed once. */
export interface StackInventory extends IamFacts, DataFacts, ServiceFacts, WebMonitorFacts {
    lakeFormation: LakeFormationFacts;
    placement: Placement;
}

/** Stands in for an account no ARN of the stack reveals (preview of a stack that creates everything). */
export const UNKNOWN_ACCOUNT = "000000000000";

export function stackInventory(resources: PolicyResource[]): StackInventory {
    const iam = iamFacts(resources);
    const data = dataFacts(resources);
    return { ...iam, ...data, ...serviceFacts(resources), ...webMonitorFacts(resources), lakeFormation: lakeFormationFacts(resources), placement: placementOf(resources) };
}

const REGIONAL_SERVICES = new Set(["glue", "athena", "kms", "logs", "lakeformation", "lambda", "sns", "sqs", "rum"]);

/**
 * Where the stack lives: its default AWS provider's region when the export has it, else the region
 * most of its regional ARNs name; the account and partition most of its ARNs name. A resource in
 * another region (a replica key, an audit log group) keeps its own ARN and does not move the stack.
 */
export function placementOf(resources: readonly PolicyResource[]): Placement {
    const accounts = new Map<string, number>();
    const regions = new Map<string, number>();
    const partitions = new Map<string, number>();
    let providerRegion: string | undefined;
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const resource of resources) {
        const props = propsOf(resource);
        const arn = typeof props.arn === "string" ? parseArn(props.arn) : undefined;
        if (arn) {
            count(partitions, arn.partition);
            if (/^\d{12}$/.test(arn.account)) count(accounts, arn.account);
            if (REGIONAL_SERVICES.has(arn.service) && arn.region) count(regions, arn.region);
        }
        if (resource.type === "pulumi:providers:aws" && typeof props.region === "string" && resource.name.startsWith("default")) providerRegion ??= props.region;
    }
    const anyProviderRegion = resources.find((r) => r.type === "pulumi:providers:aws" && typeof propsOf(r).region === "string");
    const region = providerRegion ?? mostCommon(regions) ?? (anyProviderRegion ? String(propsOf(anyProviderRegion).region) : undefined);
    return { account: mostCommon(accounts) ?? UNKNOWN_ACCOUNT, region: region ?? "us-east-1", partition: mostCommon(partitions) ?? "aws" };
}

function mostCommon(counts: Map<string, number>): string | undefined {
    let best: string | undefined;
    for (const [key, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = key;
    return best;
}
