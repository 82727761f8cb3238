import * as fs from "node:fs";
import * as path from "node:path";
import type { PackDefinition, Violation } from "./runPolicies";

/**
 * Policy results in the two formats CI systems annotate: SARIF 2.1.0 (GitHub code scanning,
 * GitLab, Azure DevOps) and JUnit XML (test-report views of most CI systems).
 */

export interface CiReportInput {
    packs: PackDefinition[];
    violations: Violation[];
    /** The stack checked: a violation is located in its Pulumi.<stack>.yaml. */
    stack: string | undefined;
    /** Where the stack files are (the project directory). */
    root?: string;
}

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SARIF_LEVEL = { mandatory: "error", remediate: "error", advisory: "warning", disabled: "none" } as const;

/**
 * A SARIF log: one rule per policy, one result per violation. Each result is located in the stack
 * file, at the config key its message names (`analytics-platform:dataLake.bytesScannedCutoffPerQuery`)
 * when it names one, so that the annotation lands on the line to change; the resource URN is a
 * logical location.
 */
export function toSarif({ packs, violations, stack, root = process.cwd() }: CiReportInput): object {
    const rules = packs.flatMap((pack) => pack.policies.map((p) => ({
        id: `${pack.name}/${p.name}`,
        name: p.name,
        shortDescription: { text: p.description },
        defaultConfiguration: { level: SARIF_LEVEL[p.enforcementLevel ?? "advisory"] },
    })));
    const stackFile = stack ? `Pulumi.${stack}.yaml` : undefined;
    const lines = stackFile && fs.existsSync(path.join(root, stackFile)) ? fs.readFileSync(path.join(root, stackFile), "utf8").split("\n") : [];
    const results = violations.map((v) => ({
        ruleId: `${v.pack}/${v.policy}`,
        ruleIndex: rules.findIndex((r) => r.id === `${v.pack}/${v.policy}`),
        level: SARIF_LEVEL[v.enforcementLevel],
        message: { text: v.message },
        locations: [{
            ...(stackFile ? { physicalLocation: { artifactLocation: { uri: stackFile }, region: { startLine: lineOfKey(lines, v.message) } } } : {}),
            ...(v.urn ? { logicalLocations: [{ fullyQualifiedName: v.urn, kind: "resource" }] } : {}),
        }],
    }));
    return {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [{ tool: { driver: { name: "analytics-platform policy", informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/", rules } }, results }],
    };
}

/**
 * The line of the stack-config key a message names, else 1. Follows the key path down the YAML
 * by indentation: `dataLake.bytesScannedCutoffPerQuery` is the first `bytesScannedCutoffPerQuery:`
 * after `analytics-platform:dataLake:`.
 */
export function lineOfKey(lines: string[], message: string): number {
    const key = /\banalytics-platform:([A-Za-z0-9_.]+[A-Za-z0-9_])/.exec(message)?.[1];
    if (!key) return 1;
    const [top, ...rest] = key.split(".");
    let at = lines.findIndex((l) => l.trim().startsWith(`analytics-platform:${top}:`));
    if (at < 0) return 1;
    for (const step of rest) {
        const next = lines.findIndex((l, i) => i > at && l.trim().startsWith(`${step}:`));
        if (next < 0) break;
        at = next;
    }
    return at + 1;
}

/** JUnit XML: a suite per pack, a test case per policy; a mandatory violation is a failure, others are printed. */
export function toJunit({ packs, violations }: CiReportInput): string {
    const suites = packs.map((pack) => {
        const cases = pack.policies.map((p) => {
            const own = violations.filter((v) => v.pack === pack.name && v.policy === p.name);
            const failing = own.filter((v) => v.enforcementLevel === "mandatory" || v.enforcementLevel === "remediate");
            const other = own.filter((v) => !failing.includes(v));
            const body = [
                ...(failing.length > 0 ? [`<failure message="${xml(`${failing.length} violation${failing.length === 1 ? "" : "s"}`)}" type="${failing[0].enforcementLevel}">${xml(failing.map(describe).join("\n\n"))}</failure>`] : []),
                ...(other.length > 0 ? [`<system-out>${xml(other.map(describe).join("\n\n"))}</system-out>`] : []),
            ];
            return `    <testcase classname="${xml(pack.name)}" name="${xml(p.name)}">${body.length > 0 ? `\n      ${body.join("\n      ")}\n    ` : ""}</testcase>`;
        });
        const failures = pack.policies.filter((p) => violations.some((v) => v.pack === pack.name && v.policy === p.name && (v.enforcementLevel === "mandatory" || v.enforcementLevel === "remediate"))).length;
        return `  <testsuite name="${xml(pack.name)}" tests="${pack.policies.length}" failures="${failures}" errors="0">\n${cases.join("\n")}\n  </testsuite>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="policy">\n${suites.join("\n")}\n</testsuites>\n`;
}

function describe(v: Violation): string {
    return `[${v.enforcementLevel}] ${v.urn ?? "(the stack)"}\n${v.message}`;
}

function xml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
