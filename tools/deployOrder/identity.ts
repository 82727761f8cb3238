import type { ExportedResource } from "../engine/stackExport";
import { nameFromUrn } from "../engine/summary";
import type { ResourceGraph } from "./graph";

/** Who makes the AWS calls that create a resource. */
export type Identity =
    | { kind: "deployer"; label: string; arn?: string }
    | {
          kind: "role";
          label: string;
          arn: string;
          /** The role resource when this stack declares it. */
          role?: ExportedResource;
          /** The provider that assumes it. */
          provider: ExportedResource;
      };

export interface AssumedRole {
    roleArn: string;
}

export const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

export function isProvider(r: ExportedResource): boolean {
    return r.type.startsWith(PROVIDER_TYPE_PREFIX);
}

/**
 * The roles an AWS provider assumes, in order. A provider's inputs hold its object settings as
 * JSON strings (in a real export as in ours); older providers had a single `assumeRole`.
 */
export function assumedRoles(provider: ExportedResource): AssumedRole[] {
    const props = Object.keys(provider.outputs ?? {}).length > 0 ? provider.outputs : provider.inputs;
    const raw = props?.assumeRoles ?? props?.assumeRole;
    let parsed: unknown = raw;
    if (typeof raw === "string") {
        try {
            parsed = JSON.parse(raw);
        } catch {
            return [];
        }
    }
    const list = Array.isArray(parsed) ? parsed : parsed ? [parsed] : [];
    return list
        .map((entry) => (entry as { roleArn?: unknown } | null)?.roleArn)
        .filter((arn): arn is string => typeof arn === "string" && arn !== "")
        .map((roleArn) => ({ roleArn }));
}

/** The stack's IAM roles by ARN. */
export function rolesByArn(resources: readonly ExportedResource[]): Map<string, ExportedResource> {
    const roles = new Map<string, ExportedResource>();
    for (const r of resources) {
        const arn = r.outputs?.arn;
        if (r.type === "aws:iam/role:Role" && typeof arn === "string") roles.set(arn, r);
    }
    return roles;
}

/**
 * The identity that creates `r`: the deploying identity for the default provider (or any AWS
 * provider that assumes no role), else the LAST role the provider assumes (the AWS provider
 * chains `assumeRoles` in order and calls AWS as the last one).
 */
export function identityOf(
    r: ExportedResource,
    graph: ResourceGraph,
    roles: Map<string, ExportedResource>,
    deployer: Identity & { kind: "deployer" },
): Identity {
    const provider = graph.providerOf(r);
    const chain = provider ? assumedRoles(provider) : [];
    if (!provider || chain.length === 0) return deployer;
    const arn = chain[chain.length - 1].roleArn;
    const role = roles.get(arn);
    return { kind: "role", label: `role ${arn} (assumed by provider ${nameFromUrn(provider.urn)})`, arn, ...(role ? { role } : {}), provider };
}
