import type { StackValidationPolicy } from "@pulumi/policy";
import { personaMatrixOf } from "../../access";
import type { PersonaMatrixRow } from "../../access";
import { PERSONA_MODEL } from "../../../personas/model";
import { Persona } from "../../../personas/personaNames";
import { UnresolvedConfig, unresolvedConfigSchema } from "./unresolvedValues";
import { SECRET_NOTE } from "../../lib/unknownValues";

/**
 * One stack policy per persona: every must and must-not of personas/model.ts holds for every role
 * tagged with that persona, as computed from the stack's IAM and Lake Formation resources. One
 * policy per persona, so that a stack's policy config can set each one's enforcement level.
 */
function personaModelPolicy(persona: Persona): StackValidationPolicy {
    return {
        name: `persona-${persona}`,
        description: `Every ${persona} role can do what personas/model.ts says it must, and nothing it says it must not (${PERSONA_MODEL[persona].purpose}).`,
        enforcementLevel: "mandatory",
        configSchema: unresolvedConfigSchema,
        validateStack: async (args, reportViolation) => {
            const { reportUnresolved } = args.getConfig<UnresolvedConfig>();
            const matrix = await personaMatrixOf(args.resources);
            for (const row of matrix.rows) {
                // A secret is the worst case in every stack config: it stays hidden after deployment, and
                // may be the value that grants. What only a preview does not know yet (a first preview of
                // a new stack) follows reportUnresolved, for musts and must-nots alike.
                if (row.persona !== persona || row.holds || row.pending || (!row.resolved && !reportUnresolved && !row.why.includes(SECRET_NOTE))) continue;
                reportViolation(violationMessage(row), row.roleUrn || undefined);
            }
        },
    };
}

/** "analyst role x must not create a Glue database in the lake bucket, but it can: <why>. Change: <remedy>." */
export function violationMessage(row: PersonaMatrixRow): string {
    const expectation = row.expected === "must" ? "must" : "must not";
    const outcome = row.resolved ? (row.allowed ? "it can" : "it cannot") : "this cannot be shown before deployment";
    return `${row.persona} role ${row.role} ${expectation} ${row.capability}, but ${outcome}: ${row.why}. Change: ${row.remedy}.`;
}

export const dataLakeAdminPersona = personaModelPolicy("data-lake-admin");
export const workflowPersona = personaModelPolicy("workflow");
export const projectLeaderPersona = personaModelPolicy("project-leader");
export const analystPersona = personaModelPolicy("analyst");
export const dataEngineerPersona = personaModelPolicy("data-engineer");
export const sageMakerExecutionPersona = personaModelPolicy("sagemaker-execution");
export const mlEngineerPersona = personaModelPolicy("ml-engineer");
export const sageMakerCallerPersona = personaModelPolicy("sagemaker-caller");
