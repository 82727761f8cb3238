import type { ExportedResource } from "../engine/stackExport";
import { providerUrnOf } from "../policyRunner/policyResources";

/**
 * What Pulumi waits for before it creates a resource, read from a stack export.
 *
 * The engine starts a resource's create once every resource it depends on exists: its
 * `dependencies` (the `dependsOn` option and the resources its inputs came from: Pulumi docs,
 * "Resource option: dependsOn") and its provider (created and configured before it is used).
 * Depending on a component depends on the transitive closure of its children (pulumi/pulumi PRs
 * 7732 and 7541). A parent is NOT waited for: the docs ("Resource option: parent") give a parent
 * two effects, inherited options and the CLI's tree, and call parenting to a custom resource
 * undefined behaviour; a component parent has nothing to create. So what is certain to exist when
 * a resource is created is the transitive closure over dependencies and providers, never over
 * parents.
 */
export class ResourceGraph {
    readonly byUrn = new Map<string, ExportedResource>();
    private readonly children = new Map<string, ExportedResource[]>();
    private readonly closures = new Map<string, ReadonlySet<string>>();

    constructor(readonly resources: readonly ExportedResource[]) {
        for (const r of resources) {
            this.byUrn.set(r.urn, r);
        }
        for (const r of resources) {
            if (r.parent) this.children.set(r.parent, [...(this.children.get(r.parent) ?? []), r]);
        }
    }

    /** The provider resource a custom resource is created with, when the export holds it. */
    providerOf(r: ExportedResource): ExportedResource | undefined {
        return r.provider ? this.byUrn.get(providerUrnOf(r.provider)) : undefined;
    }

    /** URNs of every resource certain to exist when `r` is created (not `r` itself). */
    certainBefore(r: ExportedResource): ReadonlySet<string> {
        const known = this.closures.get(r.urn);
        if (known) return known;
        // Marks the resource while it is being computed: a cycle (impossible in a real
        // deployment) ends here instead of recursing forever.
        this.closures.set(r.urn, new Set());
        const result = new Set<string>();
        for (const urn of this.directPrerequisites(r)) {
            const prerequisite = this.byUrn.get(urn);
            result.add(urn);
            if (prerequisite) {
                for (const before of this.certainBefore(prerequisite)) result.add(before);
            }
        }
        result.delete(r.urn);
        this.closures.set(r.urn, result);
        return result;
    }

    /** Whether `before` is certain to exist when `r` is created. */
    isCertainBefore(r: ExportedResource, before: ExportedResource): boolean {
        return this.certainBefore(r).has(before.urn);
    }

    private directPrerequisites(r: ExportedResource): string[] {
        const direct: string[] = [];
        for (const urn of r.dependencies ?? []) {
            direct.push(urn);
            const dependency = this.byUrn.get(urn);
            if (dependency && !dependency.custom) direct.push(...this.descendants(dependency).map((d) => d.urn));
        }
        const provider = this.providerOf(r);
        if (provider) direct.push(provider.urn);
        return direct;
    }

    private descendants(r: ExportedResource): ExportedResource[] {
        return (this.children.get(r.urn) ?? []).flatMap((child) => [child, ...this.descendants(child)]);
    }
}
