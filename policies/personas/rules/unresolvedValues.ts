import type { PolicyConfigSchema } from "@pulumi/policy";

/**
 * What a rule does with an answer a preview leaves open (a new role's ARN, a document built from
 * unknown ARNs): by default it reports it, conservatively, as a violation that names what is
 * unknown. A stack's policy config can turn that off for a first deployment, when nothing can be
 * known yet: `{ "persona-analyst": { "reportUnresolved": false } }`. What a secret hides is always
 * reported: it stays hidden after deployment, and may be the value that grants.
 */
export interface UnresolvedConfig {
    reportUnresolved: boolean;
}

export const unresolvedConfigSchema: PolicyConfigSchema = {
    properties: {
        reportUnresolved: {
            type: "boolean",
            default: true,
            description: "Report answers that values unknown during preview leave open (conservatively, as violations); answers a secret hides are always reported.",
        },
    },
};
