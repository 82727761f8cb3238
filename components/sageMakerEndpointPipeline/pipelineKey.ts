import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SAGEMAKER_PIPELINE_TAG } from "../../personas/personaNames";
import { DataProtection } from "../common/dataProtection";
import { Placement, tagsFor } from "../common/naming";
import { platformKey } from "../common/platformKey";
import { Statement } from "../common/policyDocument";
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
    return platformKey(`${name}-key`, {
        placement,
        accountId: scope.accountId,
        partition: scope.partition,
        description: args.description,
        aliasLogical: args.aliasLogical,
        kmsDeletionWindowDays: args.kmsDeletionWindowDays,
        serviceStatements: args.serviceStatements,
        protection: args.protection,
        tags: tagsFor(placement, { [SAGEMAKER_PIPELINE_TAG]: args.pipelineName }),
    }, parent);
}
