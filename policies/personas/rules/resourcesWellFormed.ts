import type { StackValidationPolicy } from "@pulumi/policy";
import { propertyProblems } from "../../lib/resourceShape";
import { rawProps } from "../../lib/unknownValues";

/**
 * The fields the checks read have the shape the provider gives them (policies/lib/resourceShape.ts,
 * the table the offline runner validates an export with when it reads it). A field of another shape
 * would be read as absent, and the persona checks would answer about another stack than this one.
 */
export const resourcesWellFormed: StackValidationPolicy = {
    name: "resources-well-formed",
    description: "Every field the persona and baseline checks read (grants, policy documents, tags, references) has the shape the AWS provider gives it.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const resource of args.resources) {
            for (const problem of propertyProblems(resource.type, rawProps(resource.props))) {
                reportViolation(`${resource.type.split(":").pop()} "${resource.name}": ${problem}`, resource.urn);
            }
        }
    },
};
