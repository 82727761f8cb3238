import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SAGEMAKER_PIPELINE_TAG } from "../../personas/personaNames";
import { DataProtection, dataStoreOptions } from "../common/dataProtection";
import { Placement, physicalName, tagsFor } from "../common/naming";
import { Statement, policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";
import { RoleScope } from "./roleStatements";

export interface PipelineKeyArgs {
    placement: Placement;
    scope: RoleScope;
    /** The pipeline's `name` (its tag). */
    pipelineName: string;
    description: string;
    /** The alias's logical part: `alias/<project>-<stack>-<aliasLogical>`. */
    aliasLogical: string;
    /** Service principals' statements beside the account's administration through IAM. */
    serviceStatements: Statement[];
    kmsDeletionWindowDays: number;
    protection: DataProtection;
}

/**
 * A pipeline's own rotating key and its alias: the account administers it through IAM (the roles
 * get what they use in their own policies), services only as `serviceStatements` say. Kept like
 * the data it decrypts (captured data, monitoring reports): protected where the stack keeps data.
 */
export function pipelineKey(name: string, args: PipelineKeyArgs, parent: pulumi.Resource): aws.kms.Key {
    const { scope, placement } = args;
    const key = new aws.kms.Key(`${name}-key`, {
        description: args.description,
        enableKeyRotation: true,
        deletionWindowInDays: args.kmsDeletionWindowDays,
        policy: policyDocument([{
            Sid: "AccountAdministersThroughIam",
            Effect: "Allow",
            Principal: { AWS: pulumi.interpolate`arn:${scope.partition}:iam::${scope.accountId}:root` },
            Action: "kms:*",
            Resource: "*",
        }, ...args.serviceStatements]),
        tags: tagsFor(placement, { [SAGEMAKER_PIPELINE_TAG]: args.pipelineName }),
    }, dataStoreOptions(args.protection, { parent }));
    new aws.kms.Alias(`${name}-key-alias`, {
        name: physicalName(placement, args.aliasLogical, "kms-alias"),
        targetKeyId: key.keyId,
    }, deleteBeforeReplace({ parent: key }));
    return key;
}
