/**
 * Where policy documents live in a stack, by resource type: identity policies (what a principal may
 * do), trust policies (who may assume a role) and resource policies (who may use a resource).
 * One table, so that every rule about documents sees the same ones.
 */

export type DocumentKind = "identity" | "trust" | "resource";

interface DocumentProperty {
    type: string;
    kind: DocumentKind;
    /** The property holding the document; `inlinePolicies[].policy` for a list of them. */
    property: string;
}

const DOCUMENT_PROPERTIES: readonly DocumentProperty[] = [
    { type: "aws:iam/rolePolicy:RolePolicy", kind: "identity", property: "policy" },
    { type: "aws:iam/policy:Policy", kind: "identity", property: "policy" },
    { type: "aws:iam/userPolicy:UserPolicy", kind: "identity", property: "policy" },
    { type: "aws:iam/groupPolicy:GroupPolicy", kind: "identity", property: "policy" },
    { type: "aws:iam/role:Role", kind: "identity", property: "inlinePolicies[].policy" },
    { type: "aws:iam/role:Role", kind: "trust", property: "assumeRolePolicy" },
    { type: "aws:s3/bucketPolicy:BucketPolicy", kind: "resource", property: "policy" },
    { type: "aws:s3/bucket:Bucket", kind: "resource", property: "policy" },
    { type: "aws:kms/key:Key", kind: "resource", property: "policy" },
    { type: "aws:kms/keyPolicy:KeyPolicy", kind: "resource", property: "policy" },
    { type: "aws:sns/topic:Topic", kind: "resource", property: "policy" },
    { type: "aws:sns/topicPolicy:TopicPolicy", kind: "resource", property: "policy" },
    { type: "aws:sqs/queuePolicy:QueuePolicy", kind: "resource", property: "policy" },
    { type: "aws:ecr/repositoryPolicy:RepositoryPolicy", kind: "resource", property: "policy" },
];

export interface DocumentOfResource {
    kind: DocumentKind;
    /** Where in the resource, for messages: `policy`, `inlinePolicies[0].policy`. */
    where: string;
    /** The document as the resource holds it (JSON text or an object); may throw if unknown. */
    document: () => unknown;
}

/** The policy documents a resource holds, of the given kinds (all kinds by default). */
export function documentsOf(resource: { type: string; props: Record<string, unknown> }, kinds?: readonly DocumentKind[]): DocumentOfResource[] {
    return DOCUMENT_PROPERTIES.filter((p) => p.type === resource.type && (!kinds || kinds.includes(p.kind))).flatMap((p) => {
        const [listProperty, itemProperty] = p.property.split("[].");
        if (itemProperty === undefined) {
            return resource.props[p.property] === undefined ? [] : [{ kind: p.kind, where: p.property, document: () => resource.props[p.property] }];
        }
        const list = resource.props[listProperty];
        if (!Array.isArray(list)) return [];
        return Array.from({ length: list.length }, (_, i) => ({
            kind: p.kind,
            where: `${listProperty}[${i}].${itemProperty}`,
            document: () => (list[i] as Record<string, unknown>)[itemProperty],
        })).filter((d) => d.document() !== undefined);
    });
}
