import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";

/** Every .ts file under a folder of the repository. */
function sources(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("node_modules"))
        .map((e) => path.join(e.parentPath, e.name));
}

/** The repository folders a file imports from (relative imports only). */
function importedFolders(file: string): string[] {
    const text = fs.readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/from\s+"(\.[^"]+)"|require\("(\.[^"]+)"\)|import\("(\.[^"]+)"\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    return specifiers.map((s) => path.relative(process.cwd(), path.resolve(path.dirname(file), s)).split(path.sep)[0]);
}

// docs/architecture.md section 1: data flows one way; the program never knows about what drives or checks it.
const FORBIDDEN: Record<string, string[]> = {
    "index.ts": ["policies", "tools", "automation", "tests"],
    config: ["components", "policies", "tools", "automation", "personas", "tests"],
    components: ["policies", "tools", "automation", "tests", "index.ts"],
    personas: ["components", "policies", "tools", "automation", "tests"],
    policies: ["components", "tools", "automation", "tests", "index.ts"],
};

describe("the layering of docs/architecture.md", () => {
    for (const [from, forbidden] of Object.entries(FORBIDDEN)) {
        it(`${from} imports nothing from ${forbidden.join(", ")}`, () => {
            const files = from.endsWith(".ts") ? [from] : sources(from);
            expect(files.length).to.be.greaterThan(0);
            const offending = files.flatMap((file) => importedFolders(file).filter((f) => forbidden.includes(f)).map((f) => `${file} -> ${f}`));
            expect(offending).to.deep.equal([]);
        });
    }
});
