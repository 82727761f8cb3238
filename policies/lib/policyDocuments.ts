/**
 * IAM policy documents (identity, trust and resource policies) read structurally: statements
 * with every list-or-string field turned into a list, principals as (kind, value) pairs and
 * conditions as (operator, key, values) triples. Documents arrive as JSON text (provider state,
 * `pulumi.jsonStringify`) or as objects (a `PolicyDocument` input).
 *
 * The baseline rules read documents this way; so does the evaluator where it needs a document's
 * shape rather than its effect (which principals a trust policy names, to choose whom to simulate).
 * What a document allows is iam-simulate's business (access/iam/validatedPolicies.ts).
 */

export type PrincipalKind = "AWS" | "Service" | "Federated" | "CanonicalUser" | "*";

export interface Principal {
    kind: PrincipalKind;
    value: string;
}

export interface Condition {
    /** As written, e.g. `Bool`, `StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists`. */
    operator: string;
    key: string;
    values: string[];
}

export interface PolicyStatement {
    sid?: string;
    effect: "Allow" | "Deny";
    /** Absent when the statement uses NotAction. */
    actions?: string[];
    notActions?: string[];
    resources?: string[];
    notResources?: string[];
    principals?: Principal[];
    notPrincipals?: Principal[];
    conditions: Condition[];
}

export type ParsedPolicyDocument = { statements: PolicyStatement[] } | { error: string };

/** Parses a policy document; `error` says why it is not one (AWS would refuse it). */
export function parsePolicyDocument(document: unknown): ParsedPolicyDocument {
    let value = document;
    if (typeof document === "string") {
        try {
            value = JSON.parse(document);
        } catch {
            return { error: "is not valid JSON" };
        }
    }
    if (typeof value !== "object" || value === null || !("Statement" in value)) {
        return { error: "has no Statement" };
    }
    const raw = (value as { Statement: unknown }).Statement;
    const statements = (Array.isArray(raw) ? raw : [raw]).map(toStatement);
    const broken = statements.findIndex((s) => s === undefined);
    if (broken >= 0) return { error: `has a malformed statement (#${broken + 1})` };
    return { statements: statements as PolicyStatement[] };
}

/** The statements of a document, or none when it cannot be parsed (a rule of its own reports that). */
export function statementsOf(document: unknown): PolicyStatement[] {
    const parsed = parsePolicyDocument(document);
    return "statements" in parsed ? parsed.statements : [];
}

function toStatement(raw: unknown): PolicyStatement | undefined {
    if (typeof raw !== "object" || raw === null) return undefined;
    const s = raw as Record<string, unknown>;
    if (s.Effect !== "Allow" && s.Effect !== "Deny") return undefined;
    return {
        ...(typeof s.Sid === "string" ? { sid: s.Sid } : {}),
        effect: s.Effect,
        ...optionalList("actions", s.Action),
        ...optionalList("notActions", s.NotAction),
        ...optionalList("resources", s.Resource),
        ...optionalList("notResources", s.NotResource),
        ...(s.Principal !== undefined ? { principals: principalsOf(s.Principal) } : {}),
        ...(s.NotPrincipal !== undefined ? { notPrincipals: principalsOf(s.NotPrincipal) } : {}),
        conditions: conditionsOf(s.Condition),
    };
}

function optionalList<K extends string>(key: K, value: unknown): Partial<Record<K, string[]>> {
    return value === undefined ? {} : ({ [key]: listOf(value) } as Record<K, string[]>);
}

/** A string-or-list field as a list of strings (booleans and numbers of conditions as text). */
function listOf(value: unknown): string[] {
    return (Array.isArray(value) ? value : [value]).filter((v) => v !== undefined && v !== null).map(String);
}

/** `"*"` or `{ AWS: ..., Service: ..., Federated: ..., CanonicalUser: ... }` as (kind, value) pairs. */
export function principalsOf(principal: unknown): Principal[] {
    if (principal === "*") return [{ kind: "*", value: "*" }];
    if (typeof principal !== "object" || principal === null) return [];
    return Object.entries(principal as Record<string, unknown>).flatMap(([kind, values]) =>
        listOf(values).map((value) => ({ kind: kind as PrincipalKind, value })),
    );
}

function conditionsOf(condition: unknown): Condition[] {
    if (typeof condition !== "object" || condition === null) return [];
    return Object.entries(condition as Record<string, unknown>).flatMap(([operator, entries]) =>
        typeof entries === "object" && entries !== null
            ? Object.entries(entries as Record<string, unknown>).map(([key, values]) => ({ operator, key, values: listOf(values) }))
            : [],
    );
}

/**
 * The values a statement's conditions give a key under an operator, compared as IAM does: keys
 * case-insensitively, and `Bool` also matching `BoolIfExists`.
 */
export function conditionValues(statement: PolicyStatement, operator: string, key: string): string[] {
    const wanted = key.toLowerCase();
    return statement.conditions
        .filter((c) => c.key.toLowerCase() === wanted && (c.operator === operator || c.operator === `${operator}IfExists`))
        .flatMap((c) => c.values);
}

/** Whether an IAM pattern (`*` any run of characters, `?` one character) matches a value. */
export function matchesPattern(pattern: string, value: string, ignoreCase = false): boolean {
    const regex = new RegExp(`^${pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : escapeRegex(c))).join("")}$`, ignoreCase ? "i" : "");
    return regex.test(value);
}

function escapeRegex(c: string): string {
    return c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/** Whether a statement's actions include `action` (IAM actions are case-insensitive). */
export function coversAction(statement: PolicyStatement, action: string): boolean {
    return (statement.actions ?? []).some((pattern) => matchesPattern(pattern, action, true));
}

/** A principal anyone matches: `"*"` or `{ AWS: "*" }`. */
export function isEveryone(principal: Principal): boolean {
    return principal.value === "*" && (principal.kind === "*" || principal.kind === "AWS");
}

/**
 * Whether a statement denies requests made without TLS: a Deny for everyone with
 * `Bool: { "aws:SecureTransport": "false" }`, the form AWS documents for bucket and topic policies.
 */
export function deniesInsecureTransport(statement: PolicyStatement): boolean {
    return (
        statement.effect === "Deny" &&
        (statement.principals ?? []).some(isEveryone) &&
        conditionValues(statement, "Bool", "aws:SecureTransport").some((v) => v.toLowerCase() === "false") &&
        // Conditions of a statement are ANDed: any other one narrows the deny to the requests that
        // also match it (a source IP, an account), leaving every other plain-HTTP request allowed.
        statement.conditions.every((c) => c.key.toLowerCase() === "aws:securetransport")
    );
}
