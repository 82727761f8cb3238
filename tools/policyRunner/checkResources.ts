import type { ExportedResource } from "../engine/stackExport";
import { PersonaMatrixRow, personaMatrixOf } from "../../policies/access";
import { PACKS } from "./packs";
import { readPolicyConfig } from "./policyConfig";
import { toPolicyResources } from "./policyResources";
import { PackDefinition, Violation, runPacks } from "./runPolicies";
import { stackOf } from "./loadExport";

export interface CheckResult {
    /** The stack the resources belong to (from their URNs). */
    stack: string | undefined;
    /** The packs that ran, for reports that list every policy (JUnit, SARIF). */
    packs: PackDefinition[];
    policies: number;
    resources: number;
    violations: Violation[];
    personas: PersonaMatrixRow[];
}

/**
 * Runs every policy of every pack on a stack's resources, with the stack's policy config, and
 * computes the persona matrix: what `policy` prints and what `npm start` adds to the plan.
 */
export async function checkResources(resources: ExportedResource[]): Promise<CheckResult> {
    const packs = PACKS.map((p) => p.pack);
    const policyResources = toPolicyResources(resources);
    const config = readPolicyConfig(PACKS.map((p) => p.folder), stackOf(resources));
    const violations = await runPacks(packs, policyResources, config);
    // The persona pack's rules evaluated this same stack: personaMatrixOf returns that evaluation.
    const matrix = await personaMatrixOf(policyResources);
    return {
        stack: stackOf(resources),
        packs,
        policies: packs.reduce((n, pack) => n + pack.policies.length, 0),
        resources: resources.length,
        violations,
        personas: matrix.rows,
    };
}
