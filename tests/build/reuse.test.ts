import { expect } from "chai";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { planProgram, Plan } from "../../tools/engine/run";
import { readStackConfig } from "../../tools/engine/stackFile";
import { planOf } from "../helpers/plans";
import { buildPackage } from "./packageBuild";
import { ROOT, link, startEarly, tempDir } from "./tempPackage";

const EXAMPLE = path.join(ROOT, "examples/reuse");
const PLATFORM_STACK = "acme/analytics-platform/prod";
const load = createRequire(__filename);

/**
 * The package as another program gets it: `npm run build`'s output under the root package.json
 * (its `exports` map), installed beside @pulumi/*, and examples/reuse/index.ts importing
 * `analytics-platform/components` from it.
 */
const temp = tempDir("reuse-");
const pkg = path.join(temp.dir, "pkg");
const app = path.join(temp.dir, "app");

/**
 * Builds the package into pkg/ (tsc as `npm run build` runs it, or the same output of an earlier
 * build of the same sources: packageBuild.ts) and installs it into app/ with the example. (CI type-checks the
 * example against the declarations, beside the project's own type check: .ci/run.)
 */
const built = startEarly(async () => {
    fs.mkdirSync(pkg);
    await buildPackage(path.join(pkg, "dist"));
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(pkg, "package.json"));
    // What else the package ships (package.json's "files"): the Lambda handlers' sources.
    const files = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { files: string[] }).files;
    for (const entry of files.filter((f) => f.replace(/\/$/, "") !== "dist")) {
        fs.cpSync(path.join(ROOT, entry), path.join(pkg, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(pkg, "node_modules"), "dir");
    fs.mkdirSync(app);
    for (const file of ["index.ts", "tsconfig.json", "package.json"]) {
        fs.copyFileSync(path.join(EXAMPLE, file), path.join(app, file));
    }
    link(app, "analytics-platform", pkg);
    link(app, "@pulumi", path.join(ROOT, "node_modules/@pulumi"));
});

describe("reuse: another program plans with the built components", function () {
    this.timeout(120000);
    let distIndex: string;
    let plan: Plan;
    let platform: Plan;

    before(async () => {
        await built();
        distIndex = fs.realpathSync(path.join(pkg, "dist/components/index.js"));
        platform = await planOf("prod");
        const main = load(path.join(app, "index.ts")) as () => unknown;
        const { config } = readStackConfig("dev", EXAMPLE);
        plan = await planProgram({
            project: "marketing-analytics",
            stack: "dev",
            config,
            stackReferences: { [PLATFORM_STACK]: platform.outputs },
            program: main,
        });
    });

    after(() => temp.cleanUp());

    it("resolves analytics-platform/components through the exports map to the JavaScript build, with declarations", () => {
        // Resolved as from the other program's file (from here, Node would resolve this package to itself).
        expect(createRequire(path.join(app, "index.ts")).resolve("analytics-platform/components")).to.equal(distIndex);
        expect(require.cache[distIndex], "the example loaded the build output").to.not.equal(undefined);
        const declarations = fs.readFileSync(path.join(pkg, "dist/components/index.d.ts"), "utf8");
        expect(declarations).to.match(/export \{ DataLake \}/).and.to.match(/export \{ AthenaAnalystRole \}/);
        // Nothing but the components, the Automation API and what they use: no tests or policies in
        // the package. config/ holds DataLakeArgs' settings type and the rules automation/ checks
        // bodies with; of tools/, only the offline engine (automation's dry-run runner).
        expect(fs.readdirSync(path.join(pkg, "dist")).sort()).to.deep.equal(["automation", "components", "config", "functions", "personas", "tools"]);
        expect(fs.readdirSync(path.join(pkg, "dist/tools"))).to.deep.equal(["engine"]);
    });

    it("bundles the AnomalyDetector's handlers from the package's own functions/, with esbuild from its dependencies", () => {
        const entry = path.join(pkg, "dist/components/anomalyDetector/bundle.js");
        const { bundleFunction } = load(entry) as typeof import("../../components/anomalyDetector/bundle");
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        expect(manifest.dependencies, "a consumer installs no dev dependency").to.have.property("esbuild");
        for (const name of ["anomalyIngest", "anomalyAlert"]) {
            const bundle = bundleFunction(name);
            expect(bundle.code, name).to.match(/exports\.handler|handler:/);
            // Sources are named relative to the package (here csv-parse by way of the test's linked
            // node_modules, "../../../<repository>/node_modules/..."), never by an absolute path.
            expect(bundle.code, `${name}: names no absolute path`).to.not.include(temp.dir).and.not.match(/^\/\/ \//m);
        }
    });

    it("resolves analytics-platform/automation to the JavaScript build, which validates an orchestrator body", () => {
        const entry = createRequire(path.join(app, "index.ts")).resolve("analytics-platform/automation");
        expect(entry).to.equal(fs.realpathSync(path.join(pkg, "dist/automation/index.js")));
        const automation = load(entry) as typeof import("../../automation");
        const body = { pipeline_type: "byom_realtime_builtin", model_framework: "xgboost", model_framework_version: "1", model_name: "churn", model_artifact_location: "churn/model.tar.gz", data_capture_location: "capture-bucket/churn", inference_instance: "ml.m5.large" };
        expect(automation.validateBody(body, { assetsBucket: "assets-bucket", region: "us-east-1" })).to.deep.include({ pipelineId: "churn-realtime" });
        expect(() => automation.validateBody({ ...body, inference_instance: "m5.large" }, { assetsBucket: "assets-bucket", region: "us-east-1" })).to.throw(automation.BadRequestError, /inference_instance/);
    });

    it("creates its own DataLake and two AthenaAnalystRoles with its own names", () => {
        const components = plan.resources.filter((r) => r.type.startsWith("analytics:"));
        expect(components.map((r) => `${r.type} ${r.urn.split("::").pop()}`).sort()).to.deep.equal([
            "analytics:index:AthenaAnalystRole campaign-analysts",
            "analytics:index:AthenaAnalystRole sales-readers",
            "analytics:index:DataLake campaigns",
        ]);
        const roles = plan.resources.filter((r) => r.type === "aws:iam/role:Role").map((r) => String(r.inputs["name"]));
        expect(roles).to.include("marketing-analytics-dev-analyst-campaign-analysts");
        expect(roles.every((name) => name.startsWith("marketing-analytics-dev-"))).to.equal(true);
    });

    it("takes the platform's lake from the StackReference: its admin role, database and results bucket", () => {
        const lake = platform.outputs["dataLake"] as Record<string, string>;
        const reference = plan.resources.find((r) => r.type === "pulumi:pulumi:StackReference");
        expect(reference?.id).to.equal(PLATFORM_STACK);
        const admin = plan.resources.find((r) => r.type === "pulumi:providers:aws" && r.urn.endsWith("::platform-lake-admin"));
        // A provider's nested settings reach the engine as JSON text.
        const assumeRoles = admin?.inputs["assumeRoles"];
        const roles = (typeof assumeRoles === "string" ? JSON.parse(assumeRoles) : assumeRoles) as { roleArn: string }[];
        expect(roles[0].roleArn).to.equal(lake.dataLakeAdminRoleArn);
        const salesReaders = plan.resources.filter((r) => r.urn.includes("AthenaAnalystRole$") && r.urn.includes("::sales-readers"));
        const text = JSON.stringify(salesReaders.map((r) => r.inputs));
        expect(text).to.include(lake.database).and.to.include(lake.resultsBucket).and.to.include(lake.keyArn);
        const grants = plan.resources.filter((r) => r.type === "aws:lakeformation/permissions:Permissions" && r.urn.includes("sales-readers"));
        expect(grants.length).to.be.greaterThan(0);
        expect(JSON.stringify(grants.map((g) => g.inputs))).to.include(lake.database);
    });

    it("fails the plan when the referenced stack does not exist", async () => {
        const main = load(path.join(app, "index.ts")) as () => unknown;
        const { config } = readStackConfig("dev", EXAMPLE);
        let error: unknown;
        try {
            await planProgram({ project: "marketing-analytics", stack: "dev", config, stackReferences: {}, program: main });
        } catch (err) {
            error = err;
        }
        expect(String(error)).to.include(`StackReference "${PLATFORM_STACK}"`);
    });
});
