/**
 * The personas of the data lake (DESIGN.md section 4). Every persona role carries the tag
 * `persona=<name>` so that policies, the matrix and a reader of a stack export can tell them apart.
 */
export const PERSONA_TAG = "persona";

export const PERSONAS = ["data-lake-admin", "workflow", "project-leader", "analyst"] as const;
export type Persona = (typeof PERSONAS)[number];

/** The role name the seed gives the Glue workflow role; the stack name is appended. */
export const WORKFLOW_ROLE_BASE_NAME = "LakeFormationWorkflowRole";
