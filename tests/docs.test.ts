import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/** The files a clone of the repository has (node_modules and build output are not tracked). */
function trackedFiles(): string[] {
    return execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" })
        .split("\0")
        .filter((file) => file !== "" && fs.existsSync(path.join(ROOT, file)) && !file.endsWith("package-lock.json"));
}

const text = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

// Written in pieces so that this file does not match itself.
const OUTSIDE = [["..", "shared"].join("/"), ["DESIGN", "md"].join("."), ["CONTRACT", "md"].join("."), ["seeds", ""].join("/")];

describe("the repository documents itself", () => {
    const files = trackedFiles();

    it("no tracked file cites documents outside the repository, which a clone does not have", () => {
        const citations = files.flatMap((file) =>
            text(file).split("\n").flatMap((line, i) => (OUTSIDE.some((s) => line.includes(s)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
        expect(citations).to.deep.equal([]);
    });

    it("every docs/ page a file cites exists", () => {
        const missing = files.flatMap((file) =>
            [...text(file).matchAll(/\bdocs\/[\w./-]+\.md\b/g)].map((m) => m[0]).filter((doc) => !fs.existsSync(path.join(ROOT, doc))).map((doc) => `${file}: ${doc}`));
        expect(missing).to.deep.equal([]);
    });

    it("every relative link of the README and docs/ resolves to a file of the repository", () => {
        const pages = files.filter((file) => file === "README.md" || (file.startsWith("docs/") && file.endsWith(".md")));
        expect(pages).to.include.members(["docs/architecture.md", "docs/personas.md", "docs/commands.md"]);
        const broken = pages.flatMap((page) =>
            [...text(page).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
                .map((m) => m[1])
                .filter((target) => !/^[a-z]+:/.test(target))
                .filter((target) => !fs.existsSync(path.resolve(ROOT, path.dirname(page), target)))
                .map((target) => `${page}: ${target}`));
        expect(broken).to.deep.equal([]);
    });
});
