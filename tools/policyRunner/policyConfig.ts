import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../engine/errors";
import type { PolicyConfigFile } from "./runPolicies";

/**
 * The per-stack policy configuration: for each pack, `policies/<pack>/policy-config.<stack>.json`
 * when it exists, the same file `pulumi preview --policy-pack-config` takes. Policy names are
 * unique across packs, so the files merge into one map.
 */
export function readPolicyConfig(packFolders: string[], stack: string | undefined, root = process.cwd()): PolicyConfigFile {
    if (!stack) return {};
    const merged: PolicyConfigFile = {};
    for (const folder of packFolders) {
        const file = path.join(root, "policies", folder, `policy-config.${stack}.json`);
        if (!fs.existsSync(file)) continue;
        try {
            Object.assign(merged, JSON.parse(fs.readFileSync(file, "utf8")) as PolicyConfigFile);
        } catch (error) {
            throw new InputError(`${path.relative(root, file)}: not valid JSON: ${(error as Error).message}`, file);
        }
    }
    return merged;
}
