import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { placementOf } from "../../access/stack/inventory";
import { Condition, PolicyStatement, Principal, statementsOf } from "../../lib/policyDocuments";
import { checkEach } from "../../lib/unknownValues";
import { label } from "../lib/resources";

/*
 * Who a resource policy lets in: the platform's bucket policies, KMS key policies, the Glue
 * catalog's resource policy, SNS topic and SQS queue policies allow only principals of the stack's own account, and services only
 * with the confused-deputy conditions they send. Each finding names the resource and statement.
 */

/** The resource types holding a resource policy in `policy`, and what the policy is of. */
const RESOURCE_POLICY_TYPES: Record<string, string> = {
    "aws:s3/bucketPolicy:BucketPolicy": "bucket policy",
    "aws:s3/bucket:Bucket": "bucket policy",
    "aws:s3/bucketV2:BucketV2": "bucket policy",
    "aws:kms/key:Key": "key policy",
    "aws:kms/keyPolicy:KeyPolicy": "key policy",
    "aws:glue/resourcePolicy:ResourcePolicy": "Glue catalog resource policy",
    // The alert topics: an open topic policy lets anyone publish false alerts (or subscribe to real ones).
    "aws:sns/topicPolicy:TopicPolicy": "topic policy",
    "aws:sns/topic:Topic": "topic policy",
    "aws:sqs/queuePolicy:QueuePolicy": "queue policy",
    "aws:sqs/queue:Queue": "queue policy",
};

/**
 * Condition keys that pin a "*" principal to the account or organisation (IAM's global keys, and
 * KMS's caller account), so that "*" with one of them is not anyone.
 */
const PRINCIPAL_PINNING_KEYS = ["aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:principalorgpaths", "kms:calleraccount", "aws:sourceaccount", "aws:sourcearn"];

/**
 * Confused-deputy conditions: AWS services acting for a resource send aws:SourceArn and
 * aws:SourceAccount ("The confused deputy problem", IAM User Guide); KMS's encryption context binds
 * a key to the resource it encrypts for (CloudWatch Logs: kms:EncryptionContext:aws:logs:arn, "Encrypt
 * log data in CloudWatch Logs using AWS KMS").
 */
const CONFUSED_DEPUTY_KEYS = ["aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths"];
const KMS_CONTEXT_KEY = /^kms:encryptioncontext:/;

/**
 * Services whose calls to KMS carry no confused-deputy key, with the only actions they may hold
 * without one: EventBridge delivering to an SSE-KMS SNS topic calls kms:GenerateDataKey and
 * kms:Decrypt as events.amazonaws.com without aws:SourceAccount or aws:SourceArn, so a condition on
 * them drops every event silently (SNS Developer Guide, "Enable compatibility between event sources
 * from AWS services and encrypted topics"). The topic policy is what pins the publishing rules
 * (components/common/alertTopic.ts). Anything beyond these actions still needs a condition.
 */
const SERVICES_WITHOUT_KMS_SOURCE_KEYS: Readonly<Record<string, readonly string[]>> = {
    "events.amazonaws.com": ["kms:decrypt", "kms:generatedatakey", "kms:generatedatakey*"],
};

function onlyActionsWithoutSourceKeys(service: string, statement: PolicyStatement): boolean {
    const allowed = SERVICES_WITHOUT_KMS_SOURCE_KEYS[service];
    return allowed !== undefined && statement.actions !== undefined && statement.actions.length > 0
        && statement.actions.every((a) => allowed.includes(a.toLowerCase()));
}

/**
 * Whether a condition narrows who gets in. Negated operators do not; nor does an `...IfExists`
 * operator (a request without the key passes it: a direct caller sends no aws:SourceArn), nor a
 * `...Like` operator whose every value is only wildcards (`ArnLike aws:SourceArn "*"` holds for
 * every caller: a condition that is always true).
 */
function narrows(condition: Condition): boolean {
    if (/^(ForAnyValue:|ForAllValues:)?(StringNot|ArnNot|Null)/i.test(condition.operator)) return false;
    if (/IfExists$/i.test(condition.operator)) return false;
    return !(/Like$/i.test(condition.operator) && condition.values.length > 0 && condition.values.every((v) => /^[*?]+$/.test(v)));
}

function hasConditionOn(statement: PolicyStatement, keys: readonly string[], pattern?: RegExp): boolean {
    return statement.conditions.some((c) => narrows(c) && (keys.includes(c.key.toLowerCase()) || (pattern?.test(c.key.toLowerCase()) ?? false)));
}

/** The account an AWS principal names (an account id, or an ARN's account), if any. */
function accountOf(value: string): string | undefined {
    if (/^\d{12}$/.test(value)) return value;
    return /^arn:[^:]+:(iam|sts)::(\d{12}):/.exec(value)?.[2];
}

/** What is wrong with letting this principal in, or undefined. */
export function principalProblem(principal: Principal, statement: PolicyStatement, account: string): string | undefined {
    if (principal.kind === "*" || (principal.kind === "AWS" && principal.value === "*")) {
        return hasConditionOn(statement, PRINCIPAL_PINNING_KEYS) ? undefined : `lets anyone in ("*" with no condition on aws:PrincipalAccount, aws:PrincipalOrgID, aws:SourceAccount or kms:CallerAccount)`;
    }
    if (principal.kind === "AWS") {
        const other = accountOf(principal.value);
        return other !== undefined && other !== account ? `lets account ${other} in (${principal.value}), outside the stack's account ${account}` : undefined;
    }
    if (principal.kind === "Service") {
        return hasConditionOn(statement, CONFUSED_DEPUTY_KEYS, KMS_CONTEXT_KEY) || onlyActionsWithoutSourceKeys(principal.value, statement)
            ? undefined
            : `lets the service ${principal.value} in for any account's resources (no aws:SourceAccount or aws:SourceArn condition, which the service sends)`;
    }
    if (principal.kind === "Federated" || principal.kind === "CanonicalUser") return `lets ${principal.kind} principal ${principal.value} in`;
    return undefined;
}

function describeStatement(statement: PolicyStatement, index: number): string {
    return statement.sid ? `statement "${statement.sid}"` : `statement #${index + 1}`;
}

export const resourcePolicyPrincipals: StackValidationPolicy = {
    name: "resource-policy-principals",
    description: "Bucket, KMS key, Glue catalog, SNS topic and SQS queue resource policies allow only the stack's own account, and services only with aws:SourceAccount/aws:SourceArn (or KMS encryption-context) conditions.",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        const account = placementOf(args.resources).account;
        const holders = args.resources.filter((r) => RESOURCE_POLICY_TYPES[r.type] !== undefined);
        await checkEach(holders, (resource: PolicyResource) => {
            const document = resource.props.policy;
            if (document === undefined || document === "") return;
            statementsOf(document).forEach((statement, i) => {
                if (statement.effect !== "Allow") return;
                const problems = (statement.principals ?? []).flatMap((p) => principalProblem(p, statement, account) ?? []);
                if (statement.notPrincipals !== undefined) problems.push("lets in everyone but its NotPrincipal list");
                for (const problem of [...new Set(problems)]) {
                    report(`${label(resource)} ${RESOURCE_POLICY_TYPES[resource.type]} (${describeStatement(statement, i)}) ${problem}: ` +
                        "name this account's principals, and give a service statement an aws:SourceAccount (and aws:SourceArn) condition.", resource.urn);
                }
            });
        });
    },
};
