import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { DATA_PROTECTION_CONFIG, requireProtect } from "../lib/dataProtection";
import { label } from "../lib/resources";

/** Only symmetric keys in AWS KMS itself rotate automatically: not asymmetric or HMAC keys, nor keys in a custom key store. */
function canRotate(key: { keyUsage?: string; customerMasterKeySpec?: string; customKeyStoreId?: string }): boolean {
    return (key.keyUsage ?? "ENCRYPT_DECRYPT") === "ENCRYPT_DECRYPT" && (key.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" && !key.customKeyStoreId;
}

export const kmsKeyRotationEnabled: ResourceValidationPolicy = {
    name: "kms-key-rotation-enabled",
    description: "Symmetric KMS keys rotate their key material automatically, at least as often as the configured period.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            maxRotationPeriodDays: { type: "integer", minimum: 90, maximum: 2560, default: 365, description: "Longest rotationPeriodInDays allowed (AWS default 365)" },
        },
    },
    validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
        if (!canRotate(key)) args.notApplicable("only symmetric keys in AWS KMS rotate automatically");
        const { maxRotationPeriodDays } = args.getConfig<{ maxRotationPeriodDays: number }>();
        if (key.enableKeyRotation !== true) {
            report(`${label(args)} does not rotate its key material: set enableKeyRotation: true.`);
        } else if (key.rotationPeriodInDays !== undefined && key.rotationPeriodInDays > maxRotationPeriodDays) {
            report(`${label(args)} rotates every ${key.rotationPeriodInDays} days: set rotationPeriodInDays to ${maxRotationPeriodDays} or less.`);
        }
    }),
};

export const kmsKeyProtected: ResourceValidationPolicy = {
    name: "kms-key-protected",
    description: "In a stack that keeps data (policy config protectedStacks), every KMS key has the Pulumi protect option: deleting a key makes what it encrypted unreadable.",
    enforcementLevel: "mandatory",
    configSchema: DATA_PROTECTION_CONFIG,
    validateResource: validateResourceOfType(aws.kms.Key, (_key, args, report) => requireProtect(args, report)),
};

export const kmsPolicies = [kmsKeyRotationEnabled, kmsKeyProtected];
