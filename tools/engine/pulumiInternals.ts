import * as settingsModule from "@pulumi/pulumi/runtime/settings";
import * as stateModule from "@pulumi/pulumi/runtime/state";

/**
 * Typed access to the parts of @pulumi/pulumi's runtime that the offline engine needs but that
 * its .d.ts files leave out (they are marked @internal). These are the same functions the
 * Automation API's inline-program server uses to run one program after another in a process.
 * Checked against @pulumi/pulumi 3.248; tests/tools exercise every one of them.
 */

/** The per-deployment runtime state (runtime/state.js `LocalStore`), only the fields we touch. */
export interface RuntimeStore {
    supportsSecrets: boolean;
    supportsResourceReferences: boolean;
    supportsOutputValues: boolean;
    supportsDeletedWith: boolean;
    supportsReplaceWith: boolean;
    supportsAliasSpecs: boolean;
    supportsTransforms: boolean;
    supportsParameterization: boolean;
    supportsResourceHooks: boolean;
    supportsErrorHooks: boolean;
}

interface StateInternals {
    /** Runs `callback` with a fresh runtime store, isolated from the global one. */
    withLocalStorage<T>(callback: () => T): T;
    getStore(): RuntimeStore;
}

interface SettingsInternals {
    /** Resolves once every RPC to the resource monitor has completed (loops while new ones start). */
    waitForRPCs(): Promise<void>;
}

const state = stateModule as unknown as StateInternals;
const settings = settingsModule as unknown as SettingsInternals;

export const withLocalStorage = <T>(callback: () => T): T => state.withLocalStorage(callback);
export const getStore = (): RuntimeStore => state.getStore();
export const waitForRPCs = (): Promise<void> => settings.waitForRPCs();

/** Flags the runtime checks before using a monitor feature; the same set `setMocks` enables. */
export function enableMockFeatures(store: RuntimeStore): void {
    store.supportsSecrets = true;
    store.supportsResourceReferences = true;
    // Off, as in setMocks: otherwise inputs reach the mocks as Output objects.
    store.supportsOutputValues = false;
    store.supportsDeletedWith = true;
    store.supportsReplaceWith = true;
    store.supportsAliasSpecs = true;
    // Off, as in setMocks: transforms need the engine's callback server.
    store.supportsTransforms = false;
    store.supportsParameterization = true;
    store.supportsResourceHooks = true;
    store.supportsErrorHooks = true;
}
