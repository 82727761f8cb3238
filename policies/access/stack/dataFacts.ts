import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_IDENTIFIERS, isBucket, isBucketSetting } from "../../lib/bucketTypes";
import { documentProp, known, objectListProp, objectProp, propsOf, stringProp, tagsOf } from "../../lib/propertyValues";
import { Declared, declared, indexBy, referencedResource } from "../../lib/referenceLookup";
import { identifiersOf } from "../../lib/references";
import { Maybe, Unknown } from "../../lib/unknownValues";
import { DefaultPermission, defaultPermissions } from "./lakeFormationFacts";

export interface BucketFacts extends Declared {
    bucketName: Maybe<string>;
    arn: Maybe<string>;
    tags: Record<string, string>;
    /** The bucket policy, when the stack declares one. */
    policy?: Maybe<object>;
    /** The default encryption key, when the bucket is SSE-KMS with a key of its own. */
    kmsKeyArn?: Maybe<string>;
}

export interface KeyFacts extends Declared {
    arn: Maybe<string>;
    tags: Record<string, string>;
    policy?: Maybe<object>;
}

export interface WorkgroupFacts extends Declared {
    workgroupName: Maybe<string>;
    arn: Maybe<string>;
    tags: Record<string, string>;
    /** Where results go: `s3://bucket/prefix/`. */
    outputLocation?: Maybe<string>;
    /** The key results are encrypted with (SSE_KMS / CSE_KMS). */
    kmsKeyArn?: Maybe<string>;
}

/** A SageMaker endpoint, with the pipeline tag its caller role shares. */
export interface EndpointFacts extends Declared {
    arn: Maybe<string>;
    tags: Record<string, string>;
}

export interface DatabaseFacts extends Declared {
    databaseName: Maybe<string>;
    createTableDefaultPermissions: DefaultPermission[];
}

export interface TableFacts extends Declared {
    databaseName: Maybe<string>;
    tableName: Maybe<string>;
    columns: string[];
    /** Where its data is (`s3://bucket/prefix/`): two tables over one location read the same objects. */
    location?: string;
}

export interface DataFacts {
    buckets: BucketFacts[];
    keys: KeyFacts[];
    workgroups: WorkgroupFacts[];
    databases: DatabaseFacts[];
    tables: TableFacts[];
    endpoints: EndpointFacts[];
}

const KEY = "aws:kms/key:Key";
const WORKGROUP = "aws:athena/workgroup:Workgroup";
const DATABASE = "aws:glue/catalogDatabase:CatalogDatabase";
const TABLE = "aws:glue/catalogTable:CatalogTable";
const ENDPOINT = "aws:sagemaker/endpoint:Endpoint";

/** The data stores around the personas: buckets (with policy and key), keys, workgroups, catalog. */
export function dataFacts(resources: PolicyResource[]): DataFacts {
    const buckets: BucketFacts[] = [];
    const keys: KeyFacts[] = [];
    const workgroups: WorkgroupFacts[] = [];
    const databases: DatabaseFacts[] = [];
    const tables: TableFacts[] = [];
    const endpoints: EndpointFacts[] = [];
    for (const resource of resources) {
        const props = propsOf(resource);
        const what = (property: string) => `the ${property} of ${resource.name}`;
        if (isBucket(resource)) {
            buckets.push({
                ...declared(resource),
                bucketName: stringProp(props, "bucket", what("name")) ?? new Unknown(what("name")),
                arn: stringProp(props, "arn", what("ARN")) ?? new Unknown(what("ARN")),
                tags: tagsOf(props),
                ...encryptionKey(objectProp(props, "serverSideEncryptionConfiguration"), resource.name),
            });
        } else if (resource.type === KEY) {
            keys.push({ ...declared(resource), arn: stringProp(props, "arn", what("ARN")) ?? new Unknown(what("ARN")), tags: tagsOf(props), policy: documentProp(props, "policy", what("key policy")) });
        } else if (resource.type === WORKGROUP) {
            const result = objectProp(objectProp(props, "configuration"), "resultConfiguration");
            workgroups.push({
                ...declared(resource),
                workgroupName: stringProp(props, "name", what("name")) ?? new Unknown(what("name")),
                arn: stringProp(props, "arn", what("ARN")) ?? new Unknown(what("ARN")),
                tags: tagsOf(props),
                outputLocation: stringProp(result, "outputLocation", what("results location")),
                kmsKeyArn: stringProp(objectProp(result, "encryptionConfiguration"), "kmsKeyArn", what("results key")),
            });
        } else if (resource.type === ENDPOINT) {
            endpoints.push({ ...declared(resource), arn: stringProp(props, "arn", what("ARN")) ?? new Unknown(what("ARN")), tags: tagsOf(props) });
        } else if (resource.type === DATABASE) {
            databases.push({
                ...declared(resource),
                databaseName: stringProp(props, "name", what("name")) ?? new Unknown(what("name")),
                createTableDefaultPermissions: defaultPermissions(props, "createTableDefaultPermissions"),
            });
        } else if (resource.type === TABLE) {
            const descriptor = objectProp(props, "storageDescriptor");
            const columnNames = [...objectListProp(descriptor, "columns"), ...objectListProp(props, "partitionKeys")]
                .map((c) => known(c.name))
                .filter((c): c is string => c !== undefined);
            tables.push({
                ...declared(resource),
                databaseName: stringProp(props, "databaseName", what("database")) ?? new Unknown(what("database")),
                tableName: stringProp(props, "name", what("name")) ?? new Unknown(what("name")),
                columns: columnNames,
                ...(typeof known(descriptor?.location) === "string" ? { location: normalizedLocation(known(descriptor?.location) as string) } : {}),
            });
        }
    }
    attachBucketSettings(resources, buckets);
    return { buckets, keys, workgroups, databases, tables, endpoints };
}

/** Bucket policies and default encryption are resources of their own since AWS provider 4 (lib/bucketTypes.ts). */
function attachBucketSettings(resources: PolicyResource[], buckets: BucketFacts[]): void {
    const byUrn = new Map(buckets.map((b) => [b.urn, b]));
    const identifiers = new Map(resources.filter(isBucket).map((r) => [r.urn, identifiersOf(r, BUCKET_IDENTIFIERS)]));
    const byName = indexBy(buckets, (b) => identifiers.get(b.urn) ?? []);
    for (const resource of resources) {
        const isPolicy = isBucketSetting(resource, "policy");
        if (!isPolicy && !isBucketSetting(resource, "encryption")) continue;
        const bucket = referencedResource(resource, "bucket", byName, byUrn);
        if (!bucket) continue;
        const props = propsOf(resource);
        if (isPolicy) {
            bucket.policy = documentProp(props, "policy", `the bucket policy ${resource.name}`) ?? new Unknown(`the bucket policy ${resource.name}`);
        } else {
            Object.assign(bucket, encryptionKey(objectListProp(props, "rules")[0], resource.name));
        }
    }
}

function encryptionKey(rule: Record<string, unknown> | undefined, name: string): { kmsKeyArn?: Maybe<string> } {
    const byDefault = objectProp(rule, "applyServerSideEncryptionByDefault") ?? objectProp(objectProp(rule, "rule"), "applyServerSideEncryptionByDefault");
    if (!byDefault || known(byDefault.sseAlgorithm)?.startsWith("aws:kms") !== true) return {};
    const key = stringProp(byDefault, "kmsMasterKeyId", `the default encryption key of ${name}`);
    return key === undefined ? {} : { kmsKeyArn: key };
}

/** `s3://b/p` and `s3://b/p/` are one location; S3 keys are case-sensitive, the scheme is not. */
function normalizedLocation(uri: string): string {
    const trimmed = uri.trim().replace(/^s3a?:\/\//i, "s3://");
    return trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}
