import type { PackDefinition } from "../lib/packDefinition";
import { accessFullyEvaluated } from "./rules/accessFullyEvaluated";
import { dataLocationGrantRegistered } from "./rules/dataLocationGrants";
import { analystPersona, dataEngineerPersona, dataLakeAdminPersona, projectLeaderPersona, workflowPersona } from "./rules/personaModel";
import { mlEngineerPersona, sageMakerCallerPersona, sageMakerExecutionPersona } from "./rules/personaModel";
import { personaRoleTagged } from "./rules/personaTags";

/**
 * The persona/permission model as CrossGuard policies. The CLI's pack (index.ts) and the offline
 * runner both load this list, so `pulumi preview --policy-pack policies/personas` and
 * `npm run policy` run the same rules.
 */
export const pack: PackDefinition = {
    name: "analytics-personas",
    policies: [
        dataLakeAdminPersona,
        workflowPersona,
        projectLeaderPersona,
        analystPersona,
        dataEngineerPersona,
        sageMakerExecutionPersona,
        mlEngineerPersona,
        sageMakerCallerPersona,
        personaRoleTagged,
        dataLocationGrantRegistered,
        accessFullyEvaluated,
    ],
};
