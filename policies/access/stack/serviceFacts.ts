import type { PolicyResource } from "@pulumi/policy";
import { propsOf, stringProp, tagsOf } from "../../lib/propertyValues";
import { Declared, declared } from "../../lib/referenceLookup";
import { Maybe, Unknown } from "../../lib/unknownValues";

/** A resource of a component's service (a build project, a report group, a repository, a log group). */
export interface ServiceResourceFacts extends Declared {
    type: string;
    /** Its physical name, when the stack knows it. */
    physicalName: Maybe<string>;
    arn: Maybe<string>;
    tags: Record<string, string>;
}

/** The types the persona model names targets of (personas/types.ts RESOURCE_RESOLVERS). */
export const SERVICE_RESOURCE_TYPES = {
    codebuildProject: "aws:codebuild/project:Project",
    codebuildReportGroup: "aws:codebuild/reportGroup:ReportGroup",
    ecrRepository: "aws:ecr/repository:Repository",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
} as const;

const TYPES = new Set<string>(Object.values(SERVICE_RESOURCE_TYPES));

export interface ServiceFacts {
    serviceResources: ServiceResourceFacts[];
}

/** The stack's resources of SERVICE_RESOURCE_TYPES, with name, ARN and tags. */
export function serviceFacts(resources: PolicyResource[]): ServiceFacts {
    const serviceResources: ServiceResourceFacts[] = [];
    for (const resource of resources) {
        if (!TYPES.has(resource.type)) continue;
        const props = propsOf(resource);
        const what = (property: string) => `the ${property} of ${resource.name}`;
        serviceResources.push({
            ...declared(resource),
            type: resource.type,
            physicalName: stringProp(props, "name", what("name")) ?? new Unknown(what("name")),
            arn: stringProp(props, "arn", what("ARN")) ?? new Unknown(what("ARN")),
            tags: tagsOf(props),
        });
    }
    return { serviceResources };
}
