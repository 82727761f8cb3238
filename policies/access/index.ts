/**
 * The access evaluator: each persona's effective access from a stack's resources (IAM through
 * iam-simulate, Lake Formation by the seed's rules), compared with the model in personas/model.ts.
 */
export { AccessEvaluator, evaluatePersonas, forgetPersonaMatrix, personaMatrixOf } from "./evaluatePersonas";
export type { PersonaRole } from "./evaluatePersonas";
export type { PersonaMatrix, PersonaMatrixRow } from "./matrix";
export type { InvalidGrant } from "./lakeFormation/lakeFormationState";
export type { Verdict, Tri } from "./capabilities/verdict";
export type { CapabilityOutcome } from "./capabilities/evaluateCapability";
