import { expect } from "chai";
import { unknownCheckingProxy, type PolicyResource } from "@pulumi/policy";
import type { ExportedResource } from "../../tools/engine/stackExport";
import { PACKS } from "../../tools/policyRunner/packs";
import { readPolicyConfig } from "../../tools/policyRunner/policyConfig";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { runPacks } from "../../tools/policyRunner/runPolicies";
import { planOf } from "../helpers/plans";

/** Pulumi's sentinel for an unknown string (what a preview sends for a value not computed yet). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * A stack as CrossGuard sees it in the first `pulumi preview`, before anything exists: what AWS
 * or Pulumi computes (ids, ARNs, generated bucket names: outputs the program did not pass) is
 * unknown, and so is every input built from such a value (a policy document naming an ARN); as
 * the engine does, each such input records the resources it was computed from
 * (propertyDependencies), which is how rules still tell what an unknown value refers to.
 */
function firstPreview(exported: ExportedResource[]): PolicyResource[] {
    const computedBy = new Map<string, string>();
    for (const r of exported) {
        // Computed by r: an output string r was not given (an id echoing an input is not).
        const given = JSON.stringify(r.inputs ?? {});
        for (const value of Object.values(r.outputs ?? {})) {
            if (typeof value === "string" && value.length >= 8 && !given.includes(value)) computedBy.set(value, r.urn);
        }
    }
    const sources = (value: unknown): string[] => {
        const text = JSON.stringify(value) ?? "";
        return [...computedBy].filter(([computed]) => text.includes(computed)).map(([, urn]) => urn);
    };
    const hide = (value: unknown): unknown => {
        if (typeof value === "string") return sources(value).length > 0 ? UNKNOWN : value;
        if (Array.isArray(value)) return value.map(hide);
        if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hide(v)]));
        return value;
    };
    const preview = exported.map((r) => {
        const outputs = Object.fromEntries(Object.keys(r.outputs ?? {}).map((key) => [key, key in (r.inputs ?? {}) ? hide(r.inputs[key]) : UNKNOWN]));
        return { ...r, outputs: outputs as ExportedResource["outputs"] };
    });
    const resources = toPolicyResources(preview);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((resource, i) => {
        const inputs = (exported[i].inputs ?? {}) as Record<string, unknown>;
        const propertyDependencies = Object.fromEntries(Object.entries(inputs)
            .map(([key, value]) => [key, [...new Set(sources(value))].map((urn) => byUrn.get(urn)!)] as const)
            .filter(([, deps]) => deps.length > 0));
        return { ...resource, propertyDependencies, props: unknownCheckingProxy(resource.props) };
    });
}

async function violationsOfFirstPreview(stack: "dev" | "prod", config: "none" | "the stack's") {
    const resources = firstPreview((await planOf(stack)).resources);
    const policyConfig = config === "none" ? {} : readPolicyConfig(PACKS.map((p) => p.folder), stack);
    return runPacks(PACKS.map((p) => p.pack), resources, policyConfig);
}

describe("the first preview of a new stack", () => {
    for (const stack of ["dev", "prod"] as const) {
        it(`${stack}: no mandatory violation with the stack's policy configs, though ids and ARNs are unknown`, async () => {
            const violations = await violationsOfFirstPreview(stack, "the stack's");
            const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory");
            expect(mandatory.map((v) => `${v.policy} ${v.urn}: ${v.message}`)).to.deep.equal([]);
        });
    }

    it("is a real preview: without the policy configs, the persona pack reports the answers left open", async () => {
        const violations = await violationsOfFirstPreview("prod", "none");
        const open = violations.filter((v) => v.pack === "analytics-personas" && /undecided/.test(v.message));
        expect(open.length).to.be.greaterThan(0);
    });

    it("a rule that reads a value the preview does not know says so as advisory, as CrossGuard does", async () => {
        const violations = await violationsOfFirstPreview("prod", "the stack's");
        const cannotRun = violations.filter((v) => v.message.startsWith("can't run policy"));
        expect(cannotRun.map((v) => v.policy), "policy documents built from unknown ARNs stop the IAM rules").to.include("iam-actions-exist");
        for (const v of cannotRun) expect(v.enforcementLevel).to.equal("advisory");
    });
});
