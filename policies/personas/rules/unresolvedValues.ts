import type { PolicyConfigSchema } from "@pulumi/policy";

/**
 * What a rule does with an answer a preview leaves open (a new role's ARN, a document built from
 * unknown ARNs): by default it reports it, conservatively, as a violation that names what is
 * unknown. A stack's policy config can turn that off for the MUSTS of first deployments:
 * `{ "persona-analyst": { "reportUnresolved": false } }`; an open must-not is always reported.
 */
export interface UnresolvedConfig {
    reportUnresolved: boolean;
}

export const unresolvedConfigSchema: PolicyConfigSchema = {
    properties: {
        reportUnresolved: {
            type: "boolean",
            default: true,
            description: "Report musts that values unknown during preview leave open (conservatively, as violations); open must-nots are always reported.",
        },
    },
};
