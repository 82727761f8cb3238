import type { PolicyResource } from "@pulumi/policy";
import type { Resource } from "@pulumi/pulumi";
import type { ResolvedResource } from "@pulumi/pulumi/queryable";

/** A Pulumi resource class such as `aws.s3.Bucket`: its static `__pulumiType` is the type token. */
export type ResourceClass<T extends Resource = Resource> = new (name: string, args: never, opts?: never) => T;

/** A resource of a known class, with its props typed as that class's state. */
export interface TypedResource<T extends Resource> {
    resource: PolicyResource;
    props: ResolvedResource<T>;
}

/** The type token of a resource class, e.g. `aws:s3/bucket:Bucket`. */
export function typeTokenOf(resourceClass: ResourceClass): string {
    const token = (resourceClass as unknown as { __pulumiType?: unknown }).__pulumiType;
    if (typeof token !== "string") throw new Error(`${resourceClass.name} is not a Pulumi resource class`);
    return token;
}

/**
 * The resources of a class, plus those of its deprecated aliases (e.g. `aws.s3.BucketV2` beside
 * `aws.s3.Bucket`), which share its schema.
 */
export function ofType<T extends Resource>(
    resources: readonly PolicyResource[],
    resourceClass: ResourceClass<T>,
    ...aliases: ResourceClass[]
): TypedResource<T>[] {
    const tokens = new Set([resourceClass, ...aliases].map(typeTokenOf));
    return resources.filter((r) => tokens.has(r.type)).map((resource) => ({ resource, props: resource.props as ResolvedResource<T> }));
}

/** How a violation names a resource: its type's short name and its logical name, `Bucket "lake"`. */
export function label(resource: { type: string; name: string }): string {
    return `${resource.type.split(":").pop()} "${resource.name}"`;
}

/** The stack a URN belongs to: `urn:pulumi:<stack>::<project>::...`. */
export function stackOf(urn: string): string {
    return urn.split("::")[0].split(":")[2] ?? "";
}

/**
 * A resource's own tags (`tags`), or the provider-merged ones (`tagsAll`) of a real export. Read
 * through CrossGuard's proxy, so that a tag preview does not know throws and the rule cannot tell
 * (checkEach), where the evaluator's tagsOf (lib/propertyValues.ts) drops it.
 */
export function tagsOf(props: { tags?: unknown; tagsAll?: unknown }): Record<string, string> {
    const tags = props.tags ?? props.tagsAll;
    return typeof tags === "object" && tags !== null ? (tags as Record<string, string>) : {};
}

/** Whether the tags hold any of the given key=value pairs. */
export function hasAnyTag(tags: Record<string, string>, wanted: Record<string, string>): boolean {
    return Object.entries(wanted).some(([key, value]) => tags[key] === value);
}
