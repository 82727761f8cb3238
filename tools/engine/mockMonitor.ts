import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { setMockOptions } from "@pulumi/pulumi/runtime/settings";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { deterministicUuid } from "./awsNaming";
import { JsonObject, toPlainObject } from "./plainValues";
import { enableMockFeatures, getStore } from "./pulumiInternals";

/** Everything the engine learnt about one resource the program registered (or read). */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Physical id, custom resources only. */
    id?: string;
    parent?: string;
    dependencies: string[];
    protect: boolean;
    retainOnDelete: boolean;
    /** Read with `Resource.get`, not managed by the stack. */
    external: boolean;
    inputs: JsonObject;
    outputs: JsonObject;
    /** "<provider urn>::<provider id>", as a real export names it; custom resources only. */
    provider?: string;
    /** The resource options the engine acts on at replacement and deletion time. */
    options: RecordedOptions;
}

/**
 * What the program asked of the engine for this resource beyond its inputs. A real stack export
 * keeps ignoreChanges, replaceOnChanges, deletedWith and additionalSecretOutputs, but not
 * deleteBeforeReplace (apitype.ResourceV3 in pulumi/pulumi has no such field): the export writes
 * that one under a field of its own (stackExport.ts).
 */
export interface RecordedOptions {
    deleteBeforeReplace: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    additionalSecretOutputs: string[];
    deletedWith?: string;
}

const NO_OPTIONS: RecordedOptions = { deleteBeforeReplace: false, ignoreChanges: [], replaceOnChanges: [], additionalSecretOutputs: [] };

type Callback = (err: unknown, response: unknown) => void;

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** Pulumi's wording (pkg/diag/errors.go, GetDuplicateResourceURNError, code 2001). */
export function duplicateUrnMessage(urn: string): string {
    return `Duplicate resource URN '${urn}'; try giving it a unique name`;
}

/** The package of a type token: "aws" for "aws:s3/bucket:Bucket". */
function packageOf(type: string): string {
    return type.split(":")[0];
}

/**
 * The URN a real engine gives a resource: the type is prefixed with the parent's whole
 * qualified type chain, except when the parent is the root stack. (MockMonitor's own `newUrn`
 * keeps only the parent's last type and does not skip the stack, so under `runInPulumiStack`
 * every top-level resource would wrongly read "pulumi:pulumi:Stack$...".)
 */
export function resourceUrn(stack: string, project: string, parent: string, type: string, name: string): string {
    let qualifiedType = type;
    if (parent) {
        const parentType = parent.split("::")[2];
        if (parentType !== ROOT_STACK_TYPE) {
            qualifiedType = `${parentType}$${type}`;
        }
    }
    return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

/**
 * A MockMonitor that also records what `setMocks` does not pass on to the mocks: parent,
 * dependencies, protect, retainOnDelete, the inputs as sent, the outputs as returned, and the
 * outputs components register. Resources are kept in the order the program registered them.
 */
export class RecordingMonitor extends MockMonitor {
    private readonly recorded: RecordedResource[] = [];
    private readonly byUrn = new Map<string, RecordedResource>();
    /** Default provider reference per package, made on first use as the real engine does. */
    private readonly defaultProviders = new Map<string, string>();
    /** URNs the program registered twice (the real engine fails the update on the first). */
    readonly duplicateUrns: string[] = [];

    /**
     * @param config the stack's flat "namespace:key" config: a default provider's inputs are its
     *   package's keys, as the real engine configures it.
     */
    constructor(
        mocks: pulumi.runtime.Mocks,
        readonly project: string,
        readonly stack: string,
        private readonly config: Record<string, string> = {},
    ) {
        super(mocks);
        // `newUrn` is private in MockMonitor's typings, so it is replaced on the instance.
        (this as unknown as { newUrn: (parent: string, type: string, name: string) => string }).newUrn = (
            parent,
            type,
            name,
        ) => resourceUrn(this.stack, this.project, parent, type, name);
    }

    /** A snapshot, in registration order. (`resources` is MockMonitor's own URN map.) */
    recordedResources(): RecordedResource[] {
        return this.recorded.map((r) => ({ ...r }));
    }

    async registerResource(req: resproto.RegisterResourceRequest, callback: Callback): Promise<void> {
        const urn = resourceUrn(this.stack, this.project, req.getParent(), req.getType(), req.getName());
        if (this.byUrn.has(urn)) {
            // The real engine refuses this; MockMonitor would silently overwrite the first one.
            this.duplicateUrns.push(urn);
            callback(new Error(duplicateUrnMessage(urn)), undefined);
            return;
        }
        const custom = req.getCustom();
        const entry = this.record({
            type: req.getType(),
            name: req.getName(),
            custom,
            parent: req.getParent(),
            dependencies: req.getDependenciesList(),
            protect: req.getProtect() === true,
            retainOnDelete: req.getRetainondelete() === true,
            external: false,
            inputs: toPlainObject(req.getObject()?.toJavaScript()),
            provider: custom ? this.providerReference(req.getType(), req.getProvider(), req.getVersion()) : undefined,
            options: {
                deleteBeforeReplace: req.getDeletebeforereplace() === true,
                ignoreChanges: req.getIgnorechangesList(),
                replaceOnChanges: req.getReplaceonchangesList(),
                additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                ...(req.getDeletedwith() ? { deletedWith: req.getDeletedwith() } : {}),
            },
        });
        return super.registerResource(req, (err, response) => {
            if (!err) {
                this.fillFromResponse(entry, response as resproto.RegisterResourceResponse);
            }
            callback(err, response);
        });
    }

    async readResource(req: resproto.ReadResourceRequest, callback: Callback): Promise<void> {
        const entry = this.record({
            type: req.getType(),
            name: req.getName(),
            custom: true,
            parent: req.getParent(),
            dependencies: req.getDependenciesList(),
            protect: false,
            retainOnDelete: false,
            external: true,
            inputs: toPlainObject(req.getProperties()?.toJavaScript()),
            provider: this.providerReference(req.getType(), req.getProvider(), req.getVersion()),
            options: NO_OPTIONS,
        });
        return super.readResource(req, (err, response) => {
            if (!err) {
                const read = response as resproto.ReadResourceResponse;
                entry.id = req.getId();
                entry.outputs = toPlainObject(read.getProperties()?.toJavaScript());
            }
            callback(err, response);
        });
    }

    registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback): void {
        const entry = this.byUrn.get(req.getUrn());
        if (entry) {
            entry.outputs = toPlainObject(req.getOutputs()?.toJavaScript());
        }
        super.registerResourceOutputs(req, callback);
    }

    /**
     * The provider a custom resource is created with: the explicit one the SDK names, or the
     * package's default provider, which the real engine registers (as "default_<version>", no
     * parent, configured from the stack's config of that package) before its first user.
     */
    private providerReference(type: string, explicit: string, version: string): string | undefined {
        if (explicit) return explicit;
        if (type.startsWith(PROVIDER_TYPE_PREFIX)) return undefined;
        const pkg = packageOf(type);
        let reference = this.defaultProviders.get(pkg);
        if (!reference) {
            const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
            const providerType = `${PROVIDER_TYPE_PREFIX}${pkg}`;
            const inputs: JsonObject = Object.fromEntries(
                Object.entries(this.config).filter(([key]) => key.startsWith(`${pkg}:`)).map(([key, value]) => [key.slice(pkg.length + 1), value]),
            );
            if (version) inputs.version = version;
            const id = deterministicUuid(`${this.stack}/${providerType}/${name}`);
            const provider = this.record({
                type: providerType, name, custom: true, dependencies: [], protect: false, retainOnDelete: false,
                external: false, inputs, options: NO_OPTIONS,
            });
            provider.id = id;
            provider.outputs = { ...inputs };
            reference = `${provider.urn}::${id}`;
            this.defaultProviders.set(pkg, reference);
        }
        return reference;
    }

    private record(fields: Omit<RecordedResource, "urn" | "outputs">): RecordedResource {
        const urn = resourceUrn(this.stack, this.project, fields.parent ?? "", fields.type, fields.name);
        const entry: RecordedResource = {
            ...fields,
            urn,
            parent: fields.parent || undefined,
            dependencies: [...new Set(fields.dependencies)],
            options: { ...fields.options },
            outputs: {},
        };
        this.recorded.push(entry);
        this.byUrn.set(urn, entry);
        return entry;
    }

    private fillFromResponse(entry: RecordedResource, response: resproto.RegisterResourceResponse): void {
        if (entry.custom) {
            entry.id = response.getId();
            entry.outputs = toPlainObject(response.getObject()?.toJavaScript());
        }
    }
}

/**
 * Makes a RecordingMonitor the resource monitor of the current runtime store, with the same
 * feature flags `pulumi.runtime.setMocks` sets.
 */
export function installRecordingMonitor(
    mocks: pulumi.runtime.Mocks,
    project: string,
    stack: string,
    config: Record<string, string> = {},
): RecordingMonitor {
    const monitor = new RecordingMonitor(mocks, project, stack, config);
    setMockOptions(monitor, project, stack, /* preview */ false);
    enableMockFeatures(getStore());
    return monitor;
}
