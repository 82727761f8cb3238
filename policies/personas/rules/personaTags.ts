import type { StackValidationPolicy } from "@pulumi/policy";
import { PERSONAS, PERSONA_TAG } from "../../../personas/personaNames";
import { AccessEvaluator } from "../../access";
import { principalIsRole } from "../../access/lakeFormation/principals";
import { LakeFormationFacts } from "../../access/stack/lakeFormationFacts";
import { RoleFacts } from "../../lib/iamRoles";

const ROLE = "aws:iam/role:Role";
const VALID = PERSONAS.join(", ");

/**
 * Every persona role carries a valid `persona` tag, so that the model's checks, the matrix and a
 * reader of `pulumi stack export` find it. A role people can assume, or one Lake Formation makes
 * an admin or grants to, is a persona role; a tag naming no persona is a mistake.
 */
export const personaRoleTagged: StackValidationPolicy = {
    name: "persona-role-tagged",
    description: `Roles that people assume or that Lake Formation grants to carry a persona tag (${VALID}); persona tags name a persona.`,
    enforcementLevel: "mandatory",
    validateStack: async (args, reportViolation) => {
        if (!args.resources.some((r) => r.type === ROLE)) return;
        const access = new AccessEvaluator(args.resources);
        for (const role of access.inventory.roles) {
            const tag = role.tags[PERSONA_TAG];
            const name = typeof role.roleName === "string" ? role.roleName : role.name;
            if (tag !== undefined) {
                if (!(PERSONAS as readonly string[]).includes(tag)) {
                    reportViolation(`role ${name} has ${PERSONA_TAG}=${tag}, which is not a persona: use one of ${VALID}`, role.urn);
                }
                continue;
            }
            const people = await access.check(role, { kind: "assumableBy", who: "people" });
            if (people.some((o) => o.verdict.allowed === true)) {
                reportViolation(`role ${name} can be assumed by people (${people[0].verdict.why}) but carries no ${PERSONA_TAG} tag: tag it with one of ${VALID}`, role.urn);
                continue;
            }
            const named = namedByLakeFormation(access.inventory.lakeFormation, role);
            if (named) {
                reportViolation(`role ${name} is named by Lake Formation (${named.by}) but carries no ${PERSONA_TAG} tag: tag it with one of ${VALID}`, role.urn);
            }
        }
    },
};

/** Where DataLakeSettings.admins or a grant names the role, if anywhere. */
function namedByLakeFormation(facts: LakeFormationFacts, role: RoleFacts): { by: string } | undefined {
    const names = (principal: unknown) => typeof principal === "string" && principalIsRole(principal, role) === true;
    for (const settings of facts.settings) {
        if (Array.isArray(settings.admins) && settings.admins.some(names)) return { by: `an admin in ${settings.name}` };
    }
    const grant = facts.grants.find((g) => names(g.principal));
    return grant ? { by: `grant ${grant.name}` } : undefined;
}
