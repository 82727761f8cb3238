import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { setMockOptions } from "@pulumi/pulumi/runtime/settings";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
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
}

type Callback = (err: unknown, response: unknown) => void;

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

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

    constructor(mocks: pulumi.runtime.Mocks, readonly project: string, readonly stack: string) {
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
            callback(new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`), undefined);
            return;
        }
        const entry = this.record({
            type: req.getType(),
            name: req.getName(),
            custom: req.getCustom(),
            parent: req.getParent(),
            dependencies: req.getDependenciesList(),
            protect: req.getProtect() === true,
            retainOnDelete: req.getRetainondelete() === true,
            external: false,
            inputs: toPlainObject(req.getObject()?.toJavaScript()),
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

    private record(fields: Omit<RecordedResource, "urn" | "outputs">): RecordedResource {
        const urn = resourceUrn(this.stack, this.project, fields.parent ?? "", fields.type, fields.name);
        const entry: RecordedResource = {
            ...fields,
            urn,
            parent: fields.parent || undefined,
            dependencies: [...new Set(fields.dependencies)],
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
export function installRecordingMonitor(mocks: pulumi.runtime.Mocks, project: string, stack: string): RecordingMonitor {
    const monitor = new RecordingMonitor(mocks, project, stack);
    setMockOptions(monitor, project, stack, /* preview */ false);
    enableMockFeatures(getStore());
    return monitor;
}
