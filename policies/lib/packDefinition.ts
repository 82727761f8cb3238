import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

/**
 * A policy pack as data: its name and policies. Each pack's index.ts hands it to `new PolicyPack`
 * (for the Pulumi CLI); the offline runner and the tests use it as it is.
 */
export interface PackDefinition {
    name: string;
    policies: (ResourceValidationPolicy | StackValidationPolicy)[];
}
