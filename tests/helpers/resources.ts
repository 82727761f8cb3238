import type { ExportedResource, Plan } from "../../tools/engine/stackExport";

/** Small queries over a plan's resources, so that tests read like the property they check. */
export function ofType(plan: Plan, type: string): ExportedResource[] {
    return plan.resources.filter((r) => r.type === type);
}

/** The resource whose URN ends with `::<name>`; fails loudly when there is not exactly one. */
export function named(from: Plan | ExportedResource[], name: string): ExportedResource {
    const resources = Array.isArray(from) ? from : from.resources;
    const found = resources.filter((r) => r.urn.endsWith(`::${name}`));
    if (found.length !== 1) throw new Error(`expected one resource named ${name}, found ${found.length}`);
    return found[0];
}

/** Edits a resource's state (outputs) and inputs alike, as both would differ in a real export. */
export function edit(resource: ExportedResource, change: (props: Record<string, unknown>) => void): void {
    change(resource.outputs as Record<string, unknown>);
    change(resource.inputs as Record<string, unknown>);
}

/** The resources of `type` whose `bucket` input is this bucket (its settings resources). */
export function bucketSetting(plan: Plan, bucket: ExportedResource, type: string): ExportedResource | undefined {
    return ofType(plan, type).find((r) => r.outputs.bucket === bucket.outputs.bucket);
}

export interface PolicyStatement {
    Sid?: string;
    Effect: string;
    Action: string | string[];
    Resource?: string | string[];
    Principal?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

/** The statements of a JSON policy document. */
export function statements(document: unknown): PolicyStatement[] {
    const parsed = typeof document === "string" ? JSON.parse(document) : document;
    return [(parsed as { Statement: PolicyStatement | PolicyStatement[] }).Statement].flat();
}

export const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : [value].flat() as T[]);

/** The tag value of a resource. */
export function tag(resource: ExportedResource, key: string): string | undefined {
    return (resource.outputs.tags as Record<string, string> | undefined)?.[key];
}
