import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "../../tools/engine/errors";
import { readProject, readStackConfig } from "../../tools/engine/stackFile";

function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-file-"));
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

function inputError(fn: () => unknown): InputError {
    try {
        fn();
    } catch (err) {
        expect(err).to.be.instanceOf(InputError);
        return err as InputError;
    }
    throw new Error("expected an InputError");
}

const PULUMI_YAML = "name: toy\nruntime: nodejs\n";

describe("readStackConfig", () => {
    const dirs: string[] = [];
    const make = (files: Record<string, string>) => {
        const dir = project(files);
        dirs.push(dir);
        return dir;
    };
    after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

    it("reads a stack file edited since the last read as it is now, valid or not (parsed documents are kept by text)", () => {
        const dir = make({ "Pulumi.yaml": PULUMI_YAML, "Pulumi.dev.yaml": "config:\n  toy:size: small\n" });
        expect(readStackConfig("dev", dir).config["toy:size"]).to.equal("small");
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  toy:size: large\n");
        expect(readStackConfig("dev", dir).config["toy:size"]).to.equal("large");
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: [\n");
        expect(inputError(() => readStackConfig("dev", dir)).message).to.match(/Pulumi\.dev\.yaml: invalid YAML/);
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  toy:size: large\n");
        expect(readStackConfig("dev", dir).config["toy:size"]).to.equal("large");
    });

    it("flattens values the way the Pulumi CLI hands them to a Node program", () => {
        const dir = make({
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": [
                "config:",
                "  aws:region: eu-west-1",
                "  toy:retentionDays: 30",
                "  toy:enabled: true",
                "  toy:dataLake:",
                "    buckets: [raw, curated]",
                "    protect: false",
                "  plainKey: hello",
            ].join("\n"),
        });
        const result = readStackConfig("dev", dir);
        expect(result.file).to.equal("Pulumi.dev.yaml");
        expect(result.config).to.deep.equal({
            "aws:region": "eu-west-1",
            "toy:retentionDays": "30",
            "toy:enabled": "true",
            "toy:dataLake": '{"buckets":["raw","curated"],"protect":false}',
            "toy:plainKey": "hello",
        });
        expect(result.secretKeys).to.deep.equal([]);
    });

    it("replaces secure values by [secret] and lists their keys, also when nested", () => {
        const dir = make({
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": [
                "config:",
                "  toy:password:",
                "    secure: AAABADQ2ZWQ=",
                "  toy:db:",
                "    user: admin",
                "    password:",
                "      secure: AAABAOE=",
            ].join("\n"),
        });
        const result = readStackConfig("dev", dir);
        expect(result.config["toy:password"]).to.equal("[secret]");
        expect(JSON.parse(result.config["toy:db"])).to.deep.equal({ user: "admin", password: "[secret]" });
        expect(result.secretKeys).to.have.members(["toy:password", "toy:db"]);
    });

    it("merges Pulumi.yaml's project-level config, which the stack file overrides", () => {
        const dir = make({
            "Pulumi.yaml": [
                PULUMI_YAML,
                "config:",
                "  pulumi:tags:",
                "    value:",
                "      project: toy",
                "  toy:size:",
                "    type: integer",
                "    default: 1",
                "  toy:declaredOnly:",
                "    type: string",
            ].join("\n"),
            "Pulumi.dev.yaml": "config:\n  toy:size: 3\n",
            "Pulumi.empty.yaml": "",
        });
        expect(readStackConfig("dev", dir).config).to.deep.equal({
            "pulumi:tags": '{"project":"toy"}',
            "toy:size": "3",
        });
        expect(readStackConfig("empty", dir).config).to.deep.equal({
            "pulumi:tags": '{"project":"toy"}',
            "toy:size": "1",
        });
    });

    it("throws an InputError naming the file, and the stacks that exist, when the stack file is missing", () => {
        const dir = make({ "Pulumi.yaml": PULUMI_YAML, "Pulumi.dev.yaml": "", "Pulumi.prod.yaml": "" });
        const err = inputError(() => readStackConfig("staging", dir));
        expect(err.message).to.contain("Pulumi.staging.yaml").and.contain("file not found").and.contain("dev, prod");
    });

    it("throws an InputError naming the file when the YAML is invalid or not a mapping", () => {
        const dir = make({
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": "config:\n  toy:a: [unclosed\n",
            "Pulumi.list.yaml": "config:\n  - a\n",
        });
        expect(inputError(() => readStackConfig("dev", dir)).message).to.match(/^Pulumi\.dev\.yaml: invalid YAML/);
        expect(inputError(() => readStackConfig("list", dir)).message).to.contain('Pulumi.list.yaml: "config" must be');
    });

    it("throws an InputError for a missing Pulumi.yaml or an unusable stack name", () => {
        const dir = make({ "Pulumi.dev.yaml": "" });
        expect(inputError(() => readStackConfig("dev", dir)).message).to.contain("Pulumi.yaml: cannot read");
        expect(inputError(() => readStackConfig("../dev", dir)).message).to.contain('invalid stack name "../dev"');
    });
});

describe("readProject", () => {
    it("reads the project name", () => {
        const dir = project({ "Pulumi.yaml": PULUMI_YAML });
        try {
            expect(readProject(dir)).to.include({ name: "toy", file: "Pulumi.yaml", stackConfigDir: "" });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
