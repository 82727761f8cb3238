import type { PolicyResource } from "@pulumi/policy";
import { rolePolicies } from "../../policies/access/iam/identityPolicies";
import { ResourcePolicies, ResourcePolicySource } from "../../policies/access/iam/resourcePolicies";
import { resourcePolicy } from "../../policies/access/iam/validatedPolicies";
import { roleNameOfArn } from "../../policies/access/stack/arns";
import { Maybe, isUnknown } from "../../policies/lib/unknownValues";
import { IamRequest, RoleSimulator } from "../../policies/access/iam/roleSimulator";
import { StackInventory, stackInventory } from "../../policies/access/stack/inventory";
import type { Verdict } from "../../policies/access";
import type { RoleFacts } from "../../policies/lib/iamRoles";
import type { ExportedResource } from "../engine/stackExport";
import { toPolicyResources } from "../policyRunner/policyResources";
import { DeployerPolicy } from "./deployerPolicy";
import { Identity } from "./identity";

/**
 * IAM questions about the identity that creates a resource, asked of the access evaluator's
 * simulator (policies/access, @cloud-copilot/iam-simulate), with only the policies certain to be
 * attached at that moment: an inline policy or attachment that is not among the resource's
 * prerequisites may not exist yet. The deploying identity holds the least-privilege policy
 * `plan --deployer-policy` prints.
 */
export class IamAccess {
    private readonly inventory: StackInventory;
    private readonly resourcePolicies: ResourcePolicies;
    private readonly roleFacts = new Map<string, RoleFacts>();
    private readonly simulators = new Map<string, RoleSimulator>();

    constructor(resources: readonly ExportedResource[], private readonly deployer: DeployerPolicy, private readonly deployerArn?: string) {
        const policyResources: PolicyResource[] = toPolicyResources([...resources]);
        this.inventory = stackInventory(policyResources);
        this.resourcePolicies = new WithTrustPolicies(this.inventory.buckets, this.inventory.keys, this.inventory.roles);
        for (const role of this.inventory.roles) this.roleFacts.set(role.urn, role);
    }

    get account(): string {
        return this.inventory.placement.account;
    }

    get region(): string {
        return this.inventory.placement.region;
    }

    get partition(): string {
        return this.inventory.placement.partition;
    }

    /**
     * URNs of the resources that attach policies to a role of the stack, however declared (a
     * RolePolicy, an attachment, RolePolicyAttachmentsExclusive, a PolicyAttachment; the
     * evaluator's iamFacts gathers them), the role itself excluded.
     */
    policyDeclarationsOf(roleUrn: string): string[] {
        const facts = this.roleFacts.get(roleUrn);
        if (!facts) return [];
        const urns = [...facts.inlinePolicies.map((p) => p.declaredBy.urn), ...facts.attachments.map((a) => a.declaredBy.urn)];
        return [...new Set(urns)].filter((urn) => urn !== roleUrn);
    }

    /** Whether `identity` may make `request`, holding only the policies among `existing`. */
    async may(identity: Identity, request: IamRequest, existing: ReadonlySet<string>): Promise<Verdict> {
        const simulator = await this.simulatorFor(identity, existing);
        if (!simulator) {
            return { allowed: "unknown", why: `${identity.label} is not declared in this stack: its policies are not known` };
        }
        return simulator.request(request);
    }

    private async simulatorFor(identity: Identity, existing: ReadonlySet<string>): Promise<RoleSimulator | undefined> {
        const facts = identity.kind === "deployer" ? this.deployerFacts() : identity.role ? this.roleFacts.get(identity.role.urn) : undefined;
        if (!facts) return undefined;
        const present = (urn: string) => urn === facts.urn || existing.has(urn);
        const now: RoleFacts = {
            ...facts,
            inlinePolicies: facts.inlinePolicies.filter((p) => present(p.declaredBy.urn)),
            attachments: facts.attachments.filter((a) => present(a.declaredBy.urn)),
        };
        const key = JSON.stringify([now.urn, now.inlinePolicies.map((p) => p.declaredBy.urn + p.policyName), now.attachments.map((a) => a.declaredBy.urn)]);
        let simulator = this.simulators.get(key);
        if (!simulator) {
            simulator = new RoleSimulator(now, await rolePolicies(now), this.resourcePolicies, this.inventory.placement);
            this.simulators.set(key, simulator);
        }
        return simulator;
    }

    private deployerFacts(): RoleFacts {
        const urn = "deployer";
        const declaredBy = { urn, name: "deployer", type: "aws:iam/role:Role" };
        return {
            ...declaredBy,
            roleName: "deployer",
            arn: this.deployerArn ?? `arn:${this.inventory.placement.partition}:iam::${this.inventory.placement.account}:role/deployer`,
            tags: {},
            trustPolicy: undefined,
            inlinePolicies: [{ policyName: "deployer-least-privilege", document: this.deployer.document, declaredBy }],
            attachments: [],
        };
    }
}

/**
 * The evaluator's resource policies plus each role's trust policy, so that a request for
 * sts:AssumeRole on a role of the stack is decided as AWS decides it: the trust policy with the
 * caller's identity policies (same account: a trust that names the account needs the caller's
 * IAM to allow it too; one that names the caller suffices alone).
 */
class WithTrustPolicies extends ResourcePolicies {
    private readonly trustByRoleName = new Map<string, { label: string; document: object }>();

    constructor(buckets: StackInventory["buckets"], keys: StackInventory["keys"], roles: RoleFacts[]) {
        super(buckets, keys);
        for (const role of roles) {
            if (typeof role.roleName === "string" && role.trustPolicy && !isUnknown(role.trustPolicy)) {
                this.trustByRoleName.set(role.roleName, { label: `the trust policy of ${role.name}`, document: role.trustPolicy });
            }
        }
    }

    override forResource(arn: string): Maybe<ResourcePolicySource> | undefined {
        const trust = this.trustByRoleName.get(roleNameOfArn(arn) ?? "");
        if (!trust) return super.forResource(arn);
        const policy = resourcePolicy(trust.document, trust.label);
        return isUnknown(policy) ? policy : { label: trust.label, policy };
    }
}
