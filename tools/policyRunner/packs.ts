import { pack as baseline } from "../../policies/baseline/policies";
import { pack as personas } from "../../policies/personas/policies";
import type { PackDefinition } from "./runPolicies";

/** The packs under policies/, and their folders (where each pack's per-stack config lives). */
export const PACKS: { folder: string; pack: PackDefinition }[] = [
    { folder: "personas", pack: personas },
    { folder: "baseline", pack: baseline },
];
