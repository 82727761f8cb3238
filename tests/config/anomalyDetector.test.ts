import { expect } from "chai";
import { parsePlatformConfig } from "../../config";
import { metricCount } from "../../config/anomalyDetector";
import { readStackConfig } from "../../tools/engine/stackFile";
import { configProblems } from "../helpers/configProblems";

const FILE = "Pulumi.dev.yaml";
const KEY = "analytics-platform:anomalyDetector";

type Detector = Record<string, unknown> & { dimensions: { column: string; values: string[] }[]; alerts: Record<string, unknown>; source: Record<string, unknown> };

/** The dev stack's config with its first detector (sales-daily, on the lake's sales dataset) changed by `edit`. */
function devWithDetector(edit: (detector: Detector, all: Record<string, unknown>) => void): Record<string, string> {
    const { config } = readStackConfig("dev");
    const value = JSON.parse(config[KEY]) as { detectors: Detector[] };
    edit(value.detectors[0], value);
    return { ...config, [KEY]: JSON.stringify(value) };
}

function problemsOf(values: Record<string, string>): string[] {
    const problems = configProblems(FILE, values);
    if (problems.length === 0) throw new Error("expected a ConfigError");
    return problems;
}

describe("anomalyDetector config (config/anomalyDetector.ts)", () => {
    it("accepts both stacks' detectors: the seed's 2 measures x 3 platforms x 7 marketplaces = 42 metrics, and 2 x 5 shops", () => {
        for (const stack of ["dev", "prod"]) {
            const config = parsePlatformConfig(`Pulumi.${stack}.yaml`, readStackConfig(stack).config);
            expect(config.anomalyDetector.enabled).to.equal(true);
            if (!config.anomalyDetector.enabled) return;
            expect(config.anomalyDetector.detectors.map((d) => [d.name, metricCount(d)])).to.deep.equal([["sales-daily", 10], ["ecommerce", 42]]);
        }
    });

    it("is off when the key is absent", () => {
        const { config } = readStackConfig("dev");
        delete config[KEY];
        expect(parsePlatformConfig(FILE, config).anomalyDetector).to.deep.equal({ enabled: false });
    });

    const cases: [string, (d: Detector) => void, string][] = [
        ["an empty dimension value list", (d) => { d.dimensions[0].values = []; }, `${FILE}: ${KEY}.detectors[0].dimensions[0].values: expected at least 1 entry, found []`],
        ["a repeated dimension value", (d) => { d.dimensions[0].values = ["25", "28", "25"]; }, `${FILE}: ${KEY}.detectors[0].dimensions[0].values[2]: expected a unique dimension value, found "25" again (first at [0])`],
        ["an unknown interval", (d) => { d.interval = "PT15M"; }, `${FILE}: ${KEY}.detectors[0].interval: expected one of PT5M, PT10M, PT1H or P1D, found "PT15M"`],
        ["a threshold above 100", (d) => { d.severityThreshold = 101; }, `${FILE}: ${KEY}.detectors[0].severityThreshold: expected a value <= 100, found 101`],
        ["a threshold below 0", (d) => { d.severityThreshold = -1; }, `${FILE}: ${KEY}.detectors[0].severityThreshold: expected a value >= 0, found -1`],
        ["a dataset the lake does not have", (d) => { d.source = { dataset: "clicks" }; }, `${FILE}: ${KEY}.detectors[0].source.dataset: expected a dataset of dataLake.datasets (sales, items, item_categories, shops), found "clicks"`],
        ["a measure column the dataset does not have", (d) => { (d.measures as { column: string }[])[1].column = "price"; }, `${FILE}: ${KEY}.detectors[0].measures[1].column: expected a column of dataset sales (date, date_block_num, shop_id, item_id, item_price, item_cnt_day), found "price"`],
        ["both a dataset and a bucket", (d) => { d.source = { dataset: "sales", bucket: "other-bucket", prefix: "" }; }, `${FILE}: ${KEY}.detectors[0].source: expected exactly one of dataset (a lake dataset) and bucket (another bucket), found both`],
        ["no alert channel", (d) => { d.alerts = {}; }, `${FILE}: ${KEY}.detectors[0].alerts: expected at least one alert channel`],
        ["a webhook URL instead of its parameter name", (d) => { d.alerts = { webhook: { urlParameterName: "https://hooks.slack.com/services/T000/B000/XXX" } }; }, `${FILE}: ${KEY}.detectors[0].alerts.webhook.urlParameterName: expected an SSM parameter name`],
        ["dimension values too long for the function's environment", (d) => { d.dimensions[0].values = Array.from({ length: 40 }, (_, i) => `shop-${i}`.padEnd(100, "x")); }, `${FILE}: ${KEY}.detectors[0].dimensions: expected measures and dimensions that fit the ingestion function's environment`],
        ["a column used as measure and dimension", (d) => { d.dimensions[0].column = "item_price"; }, `${FILE}: ${KEY}.detectors[0].dimensions[0].column: expected a column used once, found "item_price" as a dimension and as a measure`],
    ];
    for (const [what, change, expected] of cases) {
        it(`names the file and key of ${what}`, () => {
            const problems = problemsOf(devWithDetector(change));
            expect(problems.some((p) => p.startsWith(expected)), `${problems.join("\n")}\n(expected a line starting with: ${expected})`).to.equal(true);
        });
    }

    it("refuses a detector on a lake dataset while the lake is off", () => {
        const values = devWithDetector(() => undefined);
        values["analytics-platform:dataLake"] = JSON.stringify({ enabled: false });
        values["analytics-platform:athenaAnalysts"] = JSON.stringify({ enabled: false });
        expect(problemsOf(values)).to.include(`${FILE}: ${KEY}.detectors[0].source.dataset: expected a bucket source while dataLake.enabled is false, found dataset "sales"`);
    });

    it("refuses QuickSight without the lake, and a QuickSight owner that is not a user or group ARN", () => {
        const withQuickSight = (quickSight: unknown) => devWithDetector((_, all) => { all.quickSight = quickSight; });
        const lakeOff = { ...withQuickSight({ ownerArn: "arn:aws:quicksight:ap-northeast-1:123456789012:user/default/lead" }), "analytics-platform:dataLake": JSON.stringify({ enabled: false }) };
        expect(problemsOf(lakeOff)).to.include(`${FILE}: ${KEY}.quickSight.enabled: QuickSight reads the lake's tables: expected false while dataLake.enabled is false, found true`);
        expect(problemsOf(withQuickSight({ ownerArn: "arn:aws:iam::123456789012:role/lead" }))).to.deep.equal([
            `${FILE}: ${KEY}.quickSight.ownerArn: expected a QuickSight user or group ARN, found "arn:aws:iam::123456789012:role/lead"`,
        ]);
    });

    it("refuses a webhook parameter set with --secret: the URL lives in SSM, never in the stack config", () => {
        // The platform's keys are all plain; a URL in the config would be a secret in plain text.
        const values = devWithDetector((d) => { d.alerts = { webhook: { urlParameterName: "/analytics-platform/dev/hook" } }; });
        expect(() => parsePlatformConfig(FILE, values)).not.to.throw();
    });
});
