import { CapabilityKind, Expected } from "../../personas/model";
import { Persona } from "../../personas/personaNames";
import { InvalidGrant } from "./lakeFormation/lakeFormationState";

/** One cell of the persona matrix: one persona role, one capability (on one target). */
export interface PersonaMatrixRow {
    persona: Persona;
    /** The role's name (its logical name while the name is unknown). */
    role: string;
    roleUrn: string;
    /** The capability in words, with its target when it has several ("SELECT the tables it is granted: sales.items"). */
    capability: string;
    kind: CapabilityKind;
    expected: Expected;
    /** What the stack lets the role do. When `resolved` is false, the conservative answer: not allowed for a must, allowed for a must-not. */
    allowed: boolean;
    /** Whether `allowed` is what the model expects. */
    holds: boolean;
    /** Which policy statement, grant or registration decided; for an unresolved row, what is unknown. */
    why: string;
    /** False when values unknown during a preview left the answer open. */
    resolved: boolean;
    /** What to change when the row does not hold (from the model). */
    remedy: string;
    /** Set when the model marks the expectation pending a change (shown, not enforced by the packs). */
    pending?: string;
}

export interface PersonaMatrix {
    rows: PersonaMatrixRow[];
    /** Grants Lake Formation refuses: DATA_LOCATION_ACCESS on locations that are not registered. */
    invalidGrants: InvalidGrant[];
}
