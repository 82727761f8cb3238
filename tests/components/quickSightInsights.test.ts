import { expect } from "chai";
import { quickSightType } from "../../components/anomalyDetector/quickSightInsights";
import program from "../../index";
import { evaluatePersonas } from "../../policies/access";
import { deployerPolicy } from "../../tools/deployOrder";
import { planProgram } from "../../tools/engine/run";
import type { Plan } from "../../tools/engine/stackExport";
import { readStackConfig } from "../../tools/engine/stackFile";
import { toPolicyResources } from "../../tools/policyRunner/policyResources";
import { named, ofType } from "../helpers/resources";

const OWNER = "arn:aws:quicksight:ap-northeast-1:123456789012:user/default/analyst-lead";
const KEY = "analytics-platform:anomalyDetector";

/** The dev stack with the optional QuickSight data source switched on (both stacks keep it off: it needs Enterprise). */
async function devWithQuickSight(): Promise<Plan> {
    const { config, secretKeys } = readStackConfig("dev");
    const detectors = JSON.parse(config[KEY]);
    detectors.quickSight = { ownerArn: OWNER };
    return planProgram({ project: "analytics-platform", stack: "dev", config: { ...config, [KEY]: JSON.stringify(detectors) }, secretKeys, program });
}

describe("QuickSightInsights (optional, off in both stacks)", function () {
    this.timeout(120_000);
    let plan: Plan;
    before(async () => {
        plan = await devWithQuickSight();
    });

    it("makes an Athena data source on the lake's workgroup, owned by the configured user", () => {
        const source = named(plan, "quicksight-insights-athena").outputs;
        expect(source).to.deep.include({ type: "ATHENA", dataSourceId: "analytics-platform-dev-lake-athena" });
        expect(source.parameters).to.deep.equal({ athena: { workGroup: named(plan, "lake-workgroup").outputs.name } });
        expect((source.permissions as { principal: string }[]).map((p) => p.principal)).to.deep.equal([OWNER]);
    });

    it("makes a direct-query dataset per lake table, with QuickSight's column types, after a Lake Formation SELECT grant made by the admin", () => {
        const sets = ofType(plan, "aws:quicksight/dataSet:DataSet");
        expect(sets.map((s) => s.outputs.dataSetId)).to.have.members(["sales", "items", "item_categories", "shops"].map((t) => `analytics-platform-dev-lake-${t}`));
        const sales = named(plan, "quicksight-insights-sales").outputs;
        const table = (sales.physicalTableMaps as { relationalTable: { schema: string; name: string; inputColumns: { name: string; type: string }[] } }[])[0].relationalTable;
        expect(table).to.deep.include({ schema: "sales_dev", name: "sales" });
        expect(table.inputColumns).to.deep.include.members([{ name: "date", type: "STRING" }, { name: "shop_id", type: "INTEGER" }, { name: "item_price", type: "DECIMAL" }]);
        const select = named(plan, "quicksight-insights-sales-select");
        expect(select.outputs).to.deep.include({ principal: OWNER, permissions: ["SELECT"] });
        expect(select.provider).to.match(/lake-formation-admin/);
        expect(named(plan, "quicksight-insights-sales").dependencies).to.include(select.urn);
        expect(quickSightType("decimal(10,2)")).to.equal("DECIMAL");
        expect(quickSightType("timestamp")).to.equal("DATETIME");
    });

    it("keeps the persona matrix as the model expects, and the deployer policy covers the new types", async () => {
        const matrix = await evaluatePersonas(toPolicyResources(plan.resources));
        expect(matrix.rows.filter((r) => !r.holds && !r.pending).map((r) => `${r.persona} ${r.capability}: ${r.why}`)).to.deep.equal([]);
        expect(deployerPolicy(plan.resources).uncovered).to.deep.equal([]);
    });
});
