import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DataProtection, dataStoreOptions } from "./dataProtection";
import { Placement, physicalName } from "./naming";
import { Statement, policyDocument } from "./policyDocument";
import { deleteBeforeReplace } from "./replacement";

export interface PlatformKeyArgs {
    placement: Placement;
    /** The account and partition the key lives in (its administration statement names the account root). */
    accountId: pulumi.Input<string>;
    partition: pulumi.Input<string>;
    description: string;
    /** The alias's logical part: `alias/<project>-<stack>-<aliasLogical>`. */
    aliasLogical: string;
    kmsDeletionWindowDays: number;
    /** Service principals' statements beside the account's administration through IAM. */
    serviceStatements?: Statement[];
    /** Kept like the data it decrypts: protected (and retained) where the stack keeps data. Absent: not protected. */
    protection?: DataProtection;
    tags: Record<string, string>;
}

/**
 * A component's own rotating KMS key and its alias: the one way the platform's components make a key,
 * so that none forgets rotation, the account's administration through IAM (a key policy mistake cannot
 * lock the key out; roles get what they use in their own policies) or the protection of the data it
 * encrypts. The alias has a fixed name, so a replaced alias goes first. `name` is the key's resource
 * name; the alias is `<name>-alias`.
 */
export function platformKey(name: string, args: PlatformKeyArgs, parent: pulumi.Resource): aws.kms.Key {
    const key = new aws.kms.Key(name, {
        description: args.description,
        enableKeyRotation: true,
        deletionWindowInDays: args.kmsDeletionWindowDays,
        policy: policyDocument([{
            Sid: "AccountAdministersThroughIam",
            Effect: "Allow",
            Principal: { AWS: pulumi.interpolate`arn:${args.partition}:iam::${args.accountId}:root` },
            Action: "kms:*",
            Resource: "*",
        }, ...(args.serviceStatements ?? [])]),
        tags: args.tags,
    }, args.protection ? dataStoreOptions(args.protection, { parent }) : { parent });
    new aws.kms.Alias(`${name}-alias`, {
        name: physicalName(args.placement, args.aliasLogical, "kms-alias"),
        targetKeyId: key.keyId,
    }, deleteBeforeReplace({ parent: key }));
    return key;
}
