import * as pulumi from "@pulumi/pulumi";

/**
 * The one rule for when data may be destroyed: only when the stack says its data is disposable.
 * Data stores (buckets, keys, the catalog) take their options from here, never their own flags.
 */
export interface DataProtection {
    /** Pulumi protect + retainOnDelete: `pulumi destroy` refuses, and a removal leaves the data in AWS. */
    protectData: boolean;
    /** Keep every version of every object in the data buckets. */
    versioning: boolean;
}

/** Resource options for a resource that holds data. */
export function dataStoreOptions(protection: DataProtection, opts: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions {
    return { ...opts, protect: protection.protectData, retainOnDelete: protection.protectData };
}

/** Whether Pulumi may empty a bucket to delete it. */
export function mayEmptyOnDelete(protection: DataProtection): boolean {
    return !protection.protectData;
}
