import type { PolicyResource } from "@pulumi/policy";
import { planOf } from "../../helpers/plans";
import { ExportedResource } from "../../../tools/engine/stackExport";
import { toPolicyResources } from "../../../tools/policyRunner/policyResources";

/**
 * A deep copy of JSON data (objects, arrays, primitives): new objects and arrays, the same strings.
 * Strings cannot change, so sharing them is safe, and a copy costs the number of values rather
 * than their bytes (a plan's Lambda archives hold 150 KB of bundled code each).
 */
export function copyJson<T>(value: T): T {
    if (Array.isArray(value)) return value.map(copyJson) as T;
    if (value === null || typeof value !== "object") return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = copyJson(item);
    return copy as T;
}

/**
 * A stack export to edit, as a reviewer edits `pulumi stack export` output to see what a policy
 * says: a deep copy of a planned stack, with helpers to find, change and add resources.
 */
export class EditableExport {
    constructor(readonly resources: ExportedResource[]) {}

    static async of(stack: "dev" | "prod"): Promise<EditableExport> {
        const plan = await planOf(stack);
        return new EditableExport(copyJson(plan.resources));
    }

    /** The one resource of this type whose logical name is `name` (or ends with it). */
    find(type: string, name: string): ExportedResource {
        const found = this.resources.filter((r) => r.type === type && (r.urn.endsWith(`::${name}`)));
        if (found.length !== 1) throw new Error(`expected one ${type} named ${name}, found ${found.length}`);
        return found[0];
    }

    /** The role carrying this persona tag (the first, when there are several). */
    personaRole(persona: string): ExportedResource {
        const role = this.resources.find((r) => r.type === "aws:iam/role:Role" && (r.outputs.tags as Record<string, string> | undefined)?.persona === persona);
        if (!role) throw new Error(`no role tagged persona=${persona}`);
        return role;
    }

    /** The registered lake bucket's ARN. */
    lakeBucketArn(): string {
        return this.find("aws:lakeformation/resource:Resource", "lake-location").outputs.arn as string;
    }

    /** Adds a custom resource at the top of the stack, with these outputs (and inputs). */
    add(type: string, name: string, outputs: Record<string, unknown>, dependsOn: ExportedResource[] = []): ExportedResource {
        const stack = this.resources[0];
        const [, , project] = stack.urn.split("::");
        const stackName = stack.urn.split("::")[0].replace("urn:pulumi:", "");
        const resource: ExportedResource = {
            urn: `urn:pulumi:${stackName}::${project}::${type}::${name}`,
            custom: true,
            type,
            id: name,
            inputs: outputs as ExportedResource["inputs"],
            outputs: outputs as ExportedResource["outputs"],
            parent: stack.urn,
            dependencies: dependsOn.map((d) => d.urn),
            protect: false,
        };
        this.resources.push(resource);
        return resource;
    }

    /** An inline policy on a role, as a RolePolicy. */
    addInlinePolicy(role: ExportedResource, name: string, statements: object[]): ExportedResource {
        return this.add("aws:iam/rolePolicy:RolePolicy", `${name}-on-${role.urn.split("::").pop()}`, {
            role: role.outputs.name, name, policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
        }, [role]);
    }

    /** A managed policy attached to a role, as a RolePolicyAttachment. */
    attach(role: ExportedResource, policyArn: string): ExportedResource {
        return this.add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${policyArn.split("/").pop()}-on-${role.urn.split("::").pop()}`, {
            role: role.outputs.name, policyArn,
        }, [role]);
    }

    /** A Lake Formation grant to a role. */
    grant(name: string, role: ExportedResource, permissions: string[], target: Record<string, unknown>): ExportedResource {
        return this.add("aws:lakeformation/permissions:Permissions", name, { principal: role.outputs.arn, permissions, ...target }, [role]);
    }

    remove(resource: ExportedResource): void {
        this.resources.splice(this.resources.indexOf(resource), 1);
    }

    policyResources(): PolicyResource[] {
        return toPolicyResources(this.resources);
    }
}

/** A policy document's JSON text. */
export function documentOf(statements: object[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
