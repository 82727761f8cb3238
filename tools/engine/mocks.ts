import * as pulumi from "@pulumi/pulumi";
import {
    AutoNameOptions,
    autoName,
    deterministicUuid,
    iamUniqueId,
    namingSeed,
    numericId,
    partitionOf,
    prefixedName,
} from "./awsNaming";

type MockResourceArgs = pulumi.runtime.MockResourceArgs;
type MockResourceResult = pulumi.runtime.MockResourceResult;
type MockCallArgs = pulumi.runtime.MockCallArgs;
type MockCallResult = pulumi.runtime.MockCallResult;
type Inputs = Record<string, unknown>;

/** The AWS account every offline plan pretends to deploy into. */
export const PLACEHOLDER_ACCOUNT_ID = "123456789012";
export const DEFAULT_REGION = "us-east-1";

export interface AwsMockOptions {
    region?: string;
    /** Makes generated names and ids differ between stacks, as random ones would. */
    stack?: string;
    /** The provider's `defaultTags.tags`, merged into `tagsAll` as the AWS provider does. */
    defaultTags?: Record<string, string>;
    /** The Lake Formation defaults of the account (default: a fresh account's). */
    lakeFormationAccount?: LakeFormationAccount;
    /** The outputs of other stacks a `pulumi.StackReference` reads, by fully qualified stack name. */
    stackOutputs?: Record<string, Record<string, unknown>>;
}

/**
 * An account's Lake Formation default permissions as GetDataLakeSettings returns them.
 * - "fresh": AWS's defaults for a new account ("Changing the default settings for your data lake",
 *   Lake Formation developer guide): ALL for IAM_ALLOWED_PRINCIPALS on new databases and tables,
 *   i.e. "Use only IAM access control" ticked, and no admins.
 * - "prepared": after the README's one-time first-deployment step cleared those defaults.
 */
export type LakeFormationAccount = "fresh" | "prepared";

const IAM_ALLOWED_PRINCIPALS_ALL = [{ principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["ALL"] }];

/** What a handler needs to shape one resource's id and computed outputs. */
interface ResourceContext {
    type: string;
    name: string;
    inputs: Inputs;
    /** Seeds the deterministic stand-ins for random values (see awsNaming.ts). */
    seed: string;
    /** Set when the program reads an existing resource (`Resource.get`). */
    readId?: string;
    region: string;
    partition: string;
    account: string;
    /** The name the program set in `prop`, else its `<prop>Prefix` variant, else Pulumi's auto-name. */
    physicalName(prop: string, opts?: AutoNameOptions): string;
    arn(service: string, resource: string, opts?: { region?: string; account?: string }): string;
}

interface Shape {
    id: string;
    computed: Inputs;
}

type Handler = (c: ResourceContext) => Shape;

const bucket: Handler = (c) => {
    const name = c.physicalName("bucket", { maxLength: 63, lowercase: true });
    return {
        id: name,
        computed: {
            bucket: name,
            arn: c.arn("s3", name, { region: "", account: "" }),
            bucketDomainName: `${name}.s3.amazonaws.com`,
            bucketRegionalDomainName: `${name}.s3.${c.region}.amazonaws.com`,
            region: c.region,
        },
    };
};

function bucketObject(c: ResourceContext): Shape {
    const bucketName = str(c.inputs["bucket"]) ?? "";
    const key = str(c.inputs["key"]) ?? c.readId ?? c.name;
    return { id: key, computed: { key, arn: c.arn("s3", `${bucketName}/${key}`, { region: "", account: "" }) } };
}

// An IAM path "/a/b/" shows in the ARN as "role/a/b/<name>".
function iamArn(c: ResourceContext, kind: string, name: string): string {
    const path = str(c.inputs["path"]) ?? "/";
    return c.arn("iam", `${kind}/${path.replace(/^\//, "")}${name}`, { region: "" });
}

function namedRegional(service: string, separator: string, kind: string, opts: AutoNameOptions = {}): Handler {
    return (c) => {
        const name = c.physicalName("name", opts);
        return { id: name, computed: { name, arn: c.arn(service, `${kind}${separator}${name}`) } };
    };
}

const handlers: Record<string, Handler> = {
    "aws:s3/bucket:Bucket": bucket,
    "aws:s3/bucketV2:BucketV2": bucket,
    "aws:kms/key:Key": (c) => {
        const keyId = c.readId ?? deterministicUuid(c.seed);
        return { id: keyId, computed: { keyId, arn: c.arn("kms", `key/${keyId}`) } };
    },
    "aws:kms/alias:Alias": (c) => {
        const name = c.physicalName("name", { prefix: "alias/", maxLength: 256 });
        const target = str(c.inputs["targetKeyId"]);
        const computed: Inputs = { name, arn: c.arn("kms", name) };
        if (target !== undefined) {
            computed["targetKeyArn"] = target.startsWith("arn:") ? target : c.arn("kms", `key/${target}`);
        }
        return { id: name, computed };
    },
    "aws:iam/role:Role": (c) => {
        const name = c.physicalName("name", { maxLength: 64 });
        const uniqueId = iamUniqueId("AROA", c.seed);
        return { id: name, computed: { name, arn: iamArn(c, "role", name), uniqueId } };
    },
    "aws:iam/policy:Policy": (c) => {
        const name = c.physicalName("name", { maxLength: 128 });
        const arn = iamArn(c, "policy", name);
        return { id: arn, computed: { name, arn, policyId: iamUniqueId("ANPA", c.seed) } };
    },
    "aws:iam/rolePolicy:RolePolicy": (c) => {
        const name = c.physicalName("name", { maxLength: 128 });
        return { id: `${str(c.inputs["role"]) ?? ""}:${name}`, computed: { name } };
    },
    "aws:iam/user:User": (c) => {
        const name = c.physicalName("name", { maxLength: 64 });
        const uniqueId = iamUniqueId("AIDA", c.seed);
        return { id: name, computed: { name, arn: iamArn(c, "user", name), uniqueId } };
    },
    "aws:glue/catalogDatabase:CatalogDatabase": (c) => {
        const name = c.physicalName("name", { maxLength: 255, lowercase: true });
        const catalogId = str(c.inputs["catalogId"]) ?? c.account;
        return {
            id: `${catalogId}:${name}`,
            computed: { name, catalogId, arn: c.arn("glue", `database/${name}`) },
        };
    },
    "aws:glue/catalogTable:CatalogTable": (c) => {
        const name = c.physicalName("name", { maxLength: 255, lowercase: true });
        const database = str(c.inputs["databaseName"]) ?? "";
        const catalogId = str(c.inputs["catalogId"]) ?? c.account;
        return {
            id: `${catalogId}:${database}:${name}`,
            computed: { name, catalogId, arn: c.arn("glue", `table/${database}/${name}`) },
        };
    },
    "aws:glue/crawler:Crawler": namedRegional("glue", "/", "crawler", { maxLength: 255 }),
    "aws:athena/workgroup:Workgroup": namedRegional("athena", "/", "workgroup", { maxLength: 128 }),
    "aws:sns/topic:Topic": (c) => {
        const name = c.physicalName("name", { maxLength: 256 });
        const arn = c.arn("sns", name);
        return { id: arn, computed: { name, arn } };
    },
    "aws:lambda/function:Function": (c) => {
        const name = c.physicalName("name", { maxLength: 64 });
        const arn = c.arn("lambda", `function:${name}`);
        return {
            id: name,
            computed: {
                name,
                arn,
                qualifiedArn: `${arn}:$LATEST`,
                version: "$LATEST",
                invokeArn: `arn:${c.partition}:apigateway:${c.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
            },
        };
    },
    "aws:cloudwatch/logGroup:LogGroup": namedRegional("logs", ":", "log-group", { maxLength: 512 }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": namedRegional("cloudwatch", ":", "alarm", { maxLength: 255 }),
    "aws:lakeformation/resource:Resource": (c) => ({ id: str(c.inputs["arn"]) ?? c.readId ?? "", computed: {} }),
    // Resources AWS gives no name or ARN: ids as the provider makes them, and no invented ARN.
    "aws:lakeformation/permissions:Permissions": (c) => ({ id: numericId(c.seed), computed: {} }),
    "aws:lakeformation/dataLakeSettings:DataLakeSettings": (c) => ({ id: numericId(c.seed), computed: {} }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (c) => ({
        id: autoName(str(c.inputs["role"]) ?? c.name, c.seed),
        computed: {},
    }),
    "aws:glue/securityConfiguration:SecurityConfiguration": (c) => ({ id: c.physicalName("name"), computed: {} }),
    // SageMaker: ARNs are lower-cased by SageMaker; the endpoint config may have a name prefix.
    "aws:sagemaker/model:Model": namedRegional("sagemaker", "/", "model", { maxLength: 63 }),
    "aws:sagemaker/endpointConfiguration:EndpointConfiguration": namedRegional("sagemaker", "/", "endpoint-config", { maxLength: 63 }),
    "aws:sagemaker/endpoint:Endpoint": namedRegional("sagemaker", "/", "endpoint", { maxLength: 63 }),
    "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition": namedRegional("sagemaker", "/", "data-quality-job-definition", { maxLength: 63 }),
    "aws:sagemaker/monitoringSchedule:MonitoringSchedule": namedRegional("sagemaker", "/", "monitoring-schedule", { maxLength: 63 }),
    "aws:appautoscaling/target:Target": (c) => {
        const resourceId = str(c.inputs["resourceId"]) ?? "";
        return { id: resourceId, computed: { arn: c.arn("application-autoscaling", `scalable-target/${deterministicUuid(c.seed).replace(/-/g, "").slice(0, 28)}`) } };
    },
    "aws:appautoscaling/policy:Policy": (c) => {
        const name = c.physicalName("name", { maxLength: 255 });
        return { id: name, computed: { name, arn: c.arn("autoscaling", `scalingPolicy:${deterministicUuid(c.seed)}:resource/sagemaker/${str(c.inputs["resourceId"]) ?? ""}:policyName/${name}`) } };
    },
    "aws:s3/bucketObject:BucketObject": bucketObject,
    "aws:s3/bucketObjectv2:BucketObjectv2": bucketObject,
};

function handlerFor(type: string, inputs: Inputs): Handler {
    const handler = handlers[type];
    if (handler) {
        return handler;
    }
    // A bucket's settings (policy, public access block, encryption, lifecycle, logging, ...) are
    // separate resources whose id is the bucket's name.
    if (type.startsWith("aws:s3/bucket") && str(inputs["bucket"]) !== undefined) {
        return (c) => ({ id: str(c.inputs["bucket"]) ?? "", computed: {} });
    }
    return genericAws;
}

// Anything else from the AWS provider: named after its `name` input (or auto-named), with an
// ARN built from the type token, e.g. aws:sqs/queue:Queue -> arn:aws:sqs:<region>:<acct>:queue/<name>.
const genericAws: Handler = (c) => {
    const [service, resource] = c.type.split(":")[1].split("/");
    const name = str(c.inputs["name"]) ?? c.readId ?? autoName(c.name, c.seed);
    return { id: name, computed: { arn: str(c.inputs["arn"]) ?? c.arn(service, `${resource ?? service}/${name}`) } };
};

/**
 * Mock engine for the AWS provider: realistic ids, ARNs and auto-names for the configured region
 * and a placeholder account. Outputs are the inputs plus what AWS would compute (id, arn, name).
 */
export class AwsMocks implements pulumi.runtime.Mocks {
    readonly region: string;
    readonly partition: string;
    readonly dnsSuffix: string;
    readonly reverseDnsPrefix: string;
    private readonly defaultTags: Record<string, string>;
    private readonly stack: string;
    readonly lakeFormationAccount: LakeFormationAccount;
    private readonly stackOutputs: Record<string, Record<string, unknown>>;

    constructor(opts: AwsMockOptions = {}) {
        this.region = opts.region || DEFAULT_REGION;
        ({ partition: this.partition, dnsSuffix: this.dnsSuffix, reverseDnsPrefix: this.reverseDnsPrefix } =
            partitionOf(this.region));
        this.defaultTags = opts.defaultTags ?? {};
        this.stack = opts.stack ?? "";
        this.lakeFormationAccount = opts.lakeFormationAccount ?? "fresh";
        this.stackOutputs = opts.stackOutputs ?? {};
    }

    /**
     * Region and default tags as the AWS provider would read them from stack config. A stack's
     * offline plan shows the `pulumi up` of an account prepared as the README's first-deployment
     * step says; a fresh account stops the program, which tests show with `lakeFormationAccount`.
     * `stackOutputs` answers the program's StackReferences.
     */
    static fromConfig(config: Record<string, string>, stack?: string, extra: Pick<AwsMockOptions, "lakeFormationAccount" | "stackOutputs"> = {}): AwsMocks {
        return new AwsMocks({
            region: config["aws:region"],
            stack,
            defaultTags: parseDefaultTags(config["aws:defaultTags"]),
            lakeFormationAccount: extra.lakeFormationAccount ?? "prepared",
            stackOutputs: extra.stackOutputs,
        });
    }

    newResource(args: MockResourceArgs): MockResourceResult {
        const inputs: Inputs = args.inputs ?? {};
        if (args.custom === false) {
            // Components and the stack: their outputs are whatever they register themselves.
            return { id: undefined, state: {} };
        }
        if (args.type === "pulumi:pulumi:StackReference") {
            // Read, never created: its id is the referenced stack's name. An unknown stack fails
            // as `pulumi up` does, rather than reading as a stack without outputs.
            const name = args.id || str(inputs["name"]) || args.name;
            const outputs = this.stackOutputs[name];
            if (!outputs) {
                throw new Error(`StackReference "${name}": no such stack given to the offline engine (stackReferences)`);
            }
            return { id: name, state: { name, outputs, secretOutputNames: [] } };
        }
        if (args.type.startsWith("pulumi:providers:")) {
            return { id: args.id || deterministicUuid(this.seed(args)), state: inputs };
        }
        if (args.type === SLEEP_TYPE) {
            return sleep(args, inputs, this.seed(args));
        }
        if (!args.type.startsWith("aws:")) {
            const id = args.id || str(inputs["name"]) || autoName(args.name, this.seed(args));
            return { id, state: { ...inputs, id } };
        }
        const shape = handlerFor(args.type, inputs)(this.context(args, inputs));
        const id = args.id || shape.id;
        const state: Inputs = { ...inputs, ...shape.computed, id };
        if ("tags" in inputs) {
            state["tagsAll"] = { ...this.defaultTags, ...asRecord(inputs["tags"]) };
        }
        return { id, state };
    }

    call(args: MockCallArgs): MockCallResult {
        const account = PLACEHOLDER_ACCOUNT_ID;
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return {
                    id: account,
                    accountId: account,
                    arn: `arn:${this.partition}:sts::${account}:assumed-role/deployer/offline`,
                    userId: `${iamUniqueId("AROA", "deployer")}:offline`,
                };
            case "aws:index/getRegion:getRegion":
                return {
                    id: this.region,
                    name: this.region,
                    region: this.region,
                    endpoint: `ec2.${this.region}.${this.dnsSuffix}`,
                    description: this.region,
                };
            case "aws:index/getPartition:getPartition":
                return {
                    id: this.partition,
                    partition: this.partition,
                    dnsSuffix: this.dnsSuffix,
                    reverseDnsPrefix: this.reverseDnsPrefix,
                };
            case "aws:lakeformation/getDataLakeSettings:getDataLakeSettings": {
                const defaults = this.lakeFormationAccount === "fresh" ? IAM_ALLOWED_PRINCIPALS_ALL : [];
                return {
                    id: account,
                    catalogId: str(args.inputs["catalogId"]) ?? account,
                    admins: [],
                    readOnlyAdmins: [],
                    createDatabaseDefaultPermissions: defaults,
                    createTableDefaultPermissions: defaults,
                    trustedResourceOwners: [],
                    allowExternalDataFiltering: false,
                    allowFullTableExternalDataAccess: false,
                    externalDataFilteringAllowLists: [],
                    authorizedSessionTagValueLists: [],
                    parameters: {},
                };
            }
            case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                const names = ["a", "b", "c"].map((z) => `${this.region}${z}`);
                return { id: this.region, names, zoneIds: names.map((_, i) => `${this.region}-az${i + 1}`) };
            }
            default:
                return args.inputs;
        }
    }

    private seed(args: MockResourceArgs): string {
        return namingSeed(this.stack, args.type, args.name);
    }

    private context(args: MockResourceArgs, inputs: Inputs): ResourceContext {
        const { type, name } = args;
        const seed = this.seed(args);
        const readId = args.id || undefined;
        const { region, partition } = this;
        const account = PLACEHOLDER_ACCOUNT_ID;
        return {
            type,
            name,
            inputs,
            seed,
            readId,
            region,
            partition,
            account,
            physicalName(prop, opts = {}) {
                const given = str(inputs[prop]);
                if (given !== undefined) {
                    return given;
                }
                const prefix = str(inputs[`${prop}Prefix`]);
                if (prefix !== undefined) {
                    return prefixedName(prefix, seed);
                }
                if (readId !== undefined) {
                    // A read resource is named by its id; an ARN id ends with the name.
                    return readId.startsWith("arn:") ? readId.split(/[:/]/).pop() ?? readId : readId;
                }
                return autoName(name, seed, opts);
            },
            arn(service, resource, opts = {}) {
                return `arn:${partition}:${service}:${opts.region ?? region}:${opts.account ?? account}:${resource}`;
            },
        };
    }
}

const SLEEP_TYPE = "time:index/sleep:Sleep";

/**
 * @pulumiverse/time's Sleep (the Terraform time provider's time_sleep): its id is the RFC 3339 time
 * it finished waiting, and its state is its inputs. The time here is a stand-in derived from the
 * seed, so that plans are reproducible.
 */
function sleep(args: MockResourceArgs, inputs: Inputs, seed: string): MockResourceResult {
    const seconds = Number.parseInt(numericId(seed).slice(-7), 10) % (365 * 24 * 3600);
    const id = args.id || new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    return { id, state: { ...inputs, id } };
}

/** A string input, looking through the secret wrapper the mock monitor hands us. */
function str(value: unknown): string | undefined {
    const v = unwrapSecret(value);
    return typeof v === "string" ? v : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
    const v = unwrapSecret(value);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function unwrapSecret(value: unknown): unknown {
    if (typeof value === "object" && value !== null) {
        const obj = value as Record<string, unknown>;
        if (obj[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) {
            return obj["value"];
        }
    }
    return value;
}

function parseDefaultTags(raw: string | undefined): Record<string, string> {
    if (!raw) {
        return {};
    }
    try {
        const parsed = JSON.parse(raw) as { tags?: Record<string, string> };
        return parsed.tags ?? {};
    } catch {
        // An invalid aws:defaultTags is the program's config layer's to report, not the mock's.
        return {};
    }
}
