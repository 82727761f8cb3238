import type { PolicyResource, PolicyResourceOptions } from "@pulumi/policy";
import type { ExportedResource } from "../engine/stackExport";

/**
 * Turns the resources of a stack export (from `plan --out` or a real `pulumi stack export`) into
 * the PolicyResource objects CrossGuard hands a stack policy, with parents and dependencies linked,
 * so the same rule modules run offline and under `pulumi preview --policy-pack`.
 *
 * Props are the resource's outputs (its state) where it has them, else its inputs. Secret values
 * of a real export are replaced by their plaintext when the export has it, else "[secret]".
 */
export function toPolicyResources(resources: ExportedResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const linked = resources.map((r) => {
        const resource: PolicyResource = {
            type: r.type,
            urn: r.urn,
            name: nameOf(r.urn),
            props: revealSecrets(hasKeys(r.outputs) ? r.outputs : r.inputs ?? {}) as Record<string, unknown>,
            opts: optionsOf(r),
            dependencies: [],
            propertyDependencies: {},
            isType: (resourceClass) => isType(r.type, resourceClass),
            asType: ((resourceClass: unknown) => (isType(r.type, resourceClass) ? resource.props : undefined)) as PolicyResource["asType"],
        };
        byUrn.set(r.urn, resource);
        return { r, resource };
    });
    for (const { r, resource } of linked) {
        if (r.parent) resource.parent = byUrn.get(r.parent);
        const provider = r.provider ? byUrn.get(providerUrnOf(r.provider)) : undefined;
        if (provider) resource.provider = { type: provider.type, urn: provider.urn, name: provider.name, props: provider.props };
        resource.dependencies = (r.dependencies ?? []).map((urn) => byUrn.get(urn)).filter((d): d is PolicyResource => d !== undefined);
    }
    return linked.map(({ resource }) => resource);
}

/** The provider URN of a provider reference "<urn>::<id>" (the id never contains "::"). */
export function providerUrnOf(reference: string): string {
    const at = reference.lastIndexOf("::");
    return at < 0 ? reference : reference.slice(0, at);
}

/** The last segment of a URN: the resource's logical name. */
export function nameOf(urn: string): string {
    return urn.split("::").pop() ?? urn;
}

/** Whether a resource of `type` is an instance of a Pulumi resource class (by its type token). */
export function isType(type: string, resourceClass: unknown): boolean {
    const token = (resourceClass as { __pulumiType?: string } | undefined)?.__pulumiType;
    return token !== undefined && token === type;
}

/**
 * The options CrossGuard hands a policy under `pulumi preview`. deleteBeforeReplace is only
 * known from an offline export (a real one does not keep it): absent, not false, otherwise.
 */
function optionsOf(r: ExportedResource): PolicyResourceOptions & { retainOnDelete: boolean } {
    return {
        protect: r.protect === true,
        ignoreChanges: [...(r.ignoreChanges ?? [])],
        ...(r.registrationOptions?.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
        // A real export keeps retainOnDelete (CrossGuard does not hand it to policies): known here, true or false.
        retainOnDelete: r.retainOnDelete === true,
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [...(r.additionalSecretOutputs ?? [])],
        ...(r.parent ? { parent: r.parent } : {}),
    };
}

function hasKeys(value: unknown): boolean {
    return typeof value === "object" && value !== null && Object.keys(value).length > 0;
}

/** Pulumi's marker for a secret value in serialized state. */
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

/**
 * The value with each secret replaced by its plaintext (or "[secret]"). What holds no secret is
 * returned as it is, not copied: props are only read, and an export without secrets (every offline
 * plan) then costs no copy at all.
 */
function revealSecrets(value: unknown): unknown {
    if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        value.forEach((item: unknown, i) => {
            const revealed = revealSecrets(item);
            if (revealed !== item) (copy ??= [...value])[i] = revealed;
        });
        return copy ?? value;
    }
    if (typeof value !== "object" || value === null) return value;
    const record = value as Record<string, unknown>;
    if (record[SIG_KEY] === SECRET_SIGNATURE) {
        if (typeof record.plaintext === "string") {
            try {
                return revealSecrets(JSON.parse(record.plaintext));
            } catch {
                return record.plaintext;
            }
        }
        return "value" in record ? revealSecrets(record.value) : "[secret]";
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(record)) {
        const revealed = revealSecrets(item);
        if (revealed !== item) (copy ??= { ...record })[key] = revealed;
    }
    return copy ?? record;
}
