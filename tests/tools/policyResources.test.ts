import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "../../tools/engine/errors";
import type { ExportedResource } from "../../tools/engine/stackExport";
import { checkResources } from "../../tools/policyRunner/checkResources";
import { readStackExport } from "../../tools/policyRunner/loadExport";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { planOf } from "../helpers/plans";

const STACK = "urn:pulumi:prod::analytics-platform::pulumi:pulumi:Stack::analytics-platform-prod";
const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

function resource(type: string, name: string, outputs: Record<string, unknown>, extra: Partial<ExportedResource> = {}): ExportedResource {
    return {
        urn: `urn:pulumi:prod::analytics-platform::${type}::${name}`,
        custom: true,
        type,
        id: name,
        inputs: {},
        outputs: outputs as ExportedResource["outputs"],
        parent: STACK,
        dependencies: [],
        protect: false,
        ...extra,
    };
}

describe("stack export to policy resources", () => {
    it("reveals secrets the export carries in plaintext and masks those it carries only encrypted", () => {
        const [withPlaintext, encryptedOnly] = toPolicyResources([
            resource("aws:ssm/parameter:Parameter", "a", { value: { ...SECRET, plaintext: "\"hunter2\"" }, tags: { team: "x" } }),
            resource("aws:ssm/parameter:Parameter", "b", { value: { ...SECRET, ciphertext: "v1:abc" } }),
        ]);
        expect(withPlaintext.props).to.deep.equal({ value: "hunter2", tags: { team: "x" } });
        expect(encryptedOnly.props).to.deep.equal({ value: "[secret]" });
    });

    it("reveals secrets nested in arrays and objects without changing the export it reads", () => {
        const outputs = { rules: [{ name: "plain" }, { name: "hidden", value: { ...SECRET, plaintext: "{\"n\":1}" } }], tags: { team: "x" } };
        const exported = resource("aws:ssm/parameter:Parameter", "c", outputs);
        const before = JSON.stringify(exported);
        const [revealed] = toPolicyResources([exported]);
        expect(revealed.props).to.deep.equal({ rules: [{ name: "plain" }, { name: "hidden", value: { n: 1 } }], tags: { team: "x" } });
        expect(JSON.stringify(exported), "the export is read, never written").to.equal(before);
    });

    it("links parents and dependencies, takes outputs as props and falls back to inputs", () => {
        const parent = resource("analytics:index:DataLake", "lake", {}, { custom: false, inputs: { note: "component" } });
        const child = resource("aws:s3/bucket:Bucket", "data", { bucket: "data-1" }, { parent: parent.urn, dependencies: [parent.urn], protect: true });
        const [p, c] = toPolicyResources([parent, child]);
        expect(p.props).to.deep.equal({ note: "component" });
        expect(c.parent).to.equal(p);
        expect(c.dependencies).to.deep.equal([p]);
        expect(c.opts.protect).to.equal(true);
        expect(c.name).to.equal("data");
    });

    it("passes resources of types no policy knows, as in a real export, without violations", async () => {
        const prod = await planOf("prod");
        const foreign = [
            resource("pulumi:providers:gcp", "default", { project: "x" }),
            resource("gcp:storage/bucket:Bucket", "elsewhere", { name: "elsewhere", encryption: { ...SECRET, ciphertext: "v1:xyz" } }),
            resource("random:index/randomPet:RandomPet", "pet", { id: "happy-cat" }),
        ];
        const result = await checkResources([...prod.resources, ...foreign]);
        expect(result.resources).to.equal(prod.resources.length + 3);
        expect(result.violations.filter((v) => foreign.some((f) => f.urn === v.urn))).to.deep.equal([]);
        expect(result.violations.filter((v) => v.enforcementLevel === "mandatory")).to.deep.equal([]);
    });
});

describe("readStackExport", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return file;
    };
    const errorOf = (file: string) => {
        try {
            readStackExport(file);
        } catch (error) {
            expect(error).to.be.instanceOf(InputError);
            return (error as Error).message;
        }
        throw new Error("expected an InputError");
    };

    it("names the file and what is wrong with it", () => {
        expect(errorOf(path.join(dir, "missing.json"))).to.match(/missing\.json: cannot read the stack export \(ENOENT\)/);
        expect(errorOf(write("text.json", "hello"))).to.match(/text\.json: not JSON: /);
        expect(errorOf(write("other.json", JSON.stringify({ resources: [] })))).to.match(/other\.json: not a stack export: expected \{"version": 3/);
        expect(errorOf(write("object.json", JSON.stringify({ deployment: { resources: {} } })))).to.equal(`${path.join(dir, "object.json")}: deployment.resources: expected an array, found object`);
        expect(errorOf(write("nourn.json", JSON.stringify({ deployment: { resources: [{ type: "x" }] } })))).to.match(/nourn\.json: deployment\.resources\[0\]: "urn": expected a string, found nothing/);
    });

    it("reads an empty stack's export, which has no resources key", () => {
        expect(readStackExport(write("empty.json", JSON.stringify({ version: 3, deployment: { manifest: {} } })))).to.deep.equal([]);
    });
});
