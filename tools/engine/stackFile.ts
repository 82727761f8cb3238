import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { InputError } from "./errors";

/** Stack configuration as the Pulumi CLI hands it to a Node.js program. */
export interface StackConfig {
    /** The stack file, relative to the project directory, e.g. "Pulumi.dev.yaml". */
    file: string;
    /** Flat map "namespace:key" -> string (objects and arrays JSON-encoded). */
    config: Record<string, string>;
    /** Keys whose value is (or contains) a `secure:` value; those values read "[secret]". */
    secretKeys: string[];
}

export interface ProjectFile {
    /** "Pulumi.yaml" */
    file: string;
    name: string;
    /** Where the stack files live, relative to the project directory ("" = beside Pulumi.yaml). */
    stackConfigDir: string;
    /** Project-level config (Pulumi.yaml `config:` values and defaults), flattened like stack config. */
    config: Record<string, string>;
}

/** What replaces a `secure:` value: there is no key to decrypt it offline. */
export const SECRET_PLACEHOLDER = "[secret]";

const PROJECT_FILE = "Pulumi.yaml";
// Pulumi's own rule for stack names; it also keeps a stack name from escaping the directory.
const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

export function readProject(cwd: string = process.cwd()): ProjectFile {
    const doc = readYamlMapping(cwd, PROJECT_FILE);
    const name = doc["name"];
    if (typeof name !== "string" || name === "") {
        throw new InputError(`${PROJECT_FILE}: "name" must be a non-empty string`, PROJECT_FILE);
    }
    const stackConfigDir = typeof doc["stackConfigDir"] === "string" ? doc["stackConfigDir"] : "";
    return { file: PROJECT_FILE, name, stackConfigDir, config: projectConfig(name, doc["config"]) };
}

/**
 * Reads `Pulumi.<stack>.yaml` and returns the config exactly as `pulumi up` would pass it to the
 * program, including Pulumi.yaml's project-level values (which the stack file overrides), because
 * the CLI merges those too.
 */
export function readStackConfig(stack: string, cwd: string = process.cwd()): StackConfig {
    if (!STACK_NAME.test(stack)) {
        throw new InputError(`invalid stack name "${stack}": use letters, digits, "_", "." and "-"`);
    }
    const project = readProject(cwd);
    const file = path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
    const doc = readYamlMapping(cwd, file, stacksHint);
    const raw = doc["config"] ?? {};
    if (!isMapping(raw)) {
        throw new InputError(`${file}: "config" must be a mapping of keys to values`, file);
    }
    const config: Record<string, string> = { ...project.config };
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(raw)) {
        const fullKey = namespaced(project.name, key);
        const { text, secret } = flattenValue(value);
        config[fullKey] = text;
        if (secret) {
            secretKeys.push(fullKey);
        }
    }
    return { file, config, secretKeys };
}

function projectConfig(project: string, raw: unknown): Record<string, string> {
    const config: Record<string, string> = {};
    if (!isMapping(raw)) {
        return config;
    }
    for (const [key, entry] of Object.entries(raw)) {
        // In Pulumi.yaml an object is a declaration ({type, default, value, ...}); only a value
        // or a default reaches the program.
        const value = isMapping(entry) ? (entry["value"] ?? entry["default"]) : entry;
        if (value !== undefined) {
            config[namespaced(project, key)] = flattenValue(value).text;
        }
    }
    return config;
}

// The CLI prefixes un-namespaced keys with the project name.
function namespaced(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function flattenValue(value: unknown): { text: string; secret: boolean } {
    if (typeof value === "string") {
        return { text: value, secret: false };
    }
    if (isSecure(value)) {
        return { text: SECRET_PLACEHOLDER, secret: true };
    }
    if (typeof value === "object" && value !== null) {
        let secret = false;
        const masked = JSON.stringify(value, (_key, v: unknown) => {
            if (isSecure(v)) {
                secret = true;
                return SECRET_PLACEHOLDER;
            }
            return v;
        });
        return { text: masked, secret };
    }
    return { text: String(value), secret: false };
}

function isSecure(value: unknown): boolean {
    return isMapping(value) && Object.keys(value).length === 1 && typeof value["secure"] === "string";
}

function isMapping(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Each file's last parsed text and document. A plan reads the same stack file for the program,
 * the summary's sections and the deployer check; the file is read each time, so an edited file is
 * parsed again, but an unchanged one only once. Callers build their own values from the document
 * and never change it.
 */
const parsedDocuments = new Map<string, { text: string; doc: unknown }>();

function readYamlMapping(
    cwd: string,
    file: string,
    missingHint: (dir: string) => string = () => "",
): Record<string, unknown> {
    const full = path.resolve(cwd, file);
    let text: string;
    try {
        text = fs.readFileSync(full, "utf8");
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === "ENOENT" ? `file not found${missingHint(path.dirname(full))}` : (err as Error).message;
        throw new InputError(`${file}: cannot read (${why}) in ${cwd}`, file);
    }
    let doc = parsedDocuments.get(full)?.text === text ? parsedDocuments.get(full)?.doc : undefined;
    if (doc === undefined) {
        try {
            doc = parseYaml(text);
        } catch (err) {
            throw new InputError(`${file}: invalid YAML: ${(err as Error).message}`, file);
        }
        parsedDocuments.set(full, { text, doc });
    }
    if (doc === null || doc === undefined) {
        return {};
    }
    if (!isMapping(doc)) {
        throw new InputError(`${file}: expected a YAML mapping at the top level`, file);
    }
    return doc;
}

// A mistyped stack name is the usual cause of a missing stack file; name the ones that exist.
function stacksHint(dir: string): string {
    let files: string[];
    try {
        files = fs.readdirSync(dir);
    } catch {
        return "";
    }
    const names = files
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((n): n is string => n !== undefined)
        .sort();
    return names.length > 0 ? `; stacks here: ${names.join(", ")}` : "";
}
