import { expect } from "chai";
import { monthlyInstanceCost, sageMakerSection } from "../../tools/engine/estimates/sageMakerEndpointPipeline";
import { planOf } from "../helpers/plans";

describe("plan summary: SageMaker endpoints", () => {
    it("prints prod's instances with their monthly cost, the autoscaling ceiling and the monitor's schedule", async () => {
        const section = sageMakerSection(await planOf("prod"));
        expect(section?.lines).to.deep.equal([
            "churn-xgb: 2 x ml.m5.large, ~$167.90 a month (2 x $0.115/h x 730 h, us-east-1 on-demand)",
            "churn-xgb: autoscaling 2-4 instances on invocations per instance; at 4: ~$335.80 a month (4 x $0.115/h x 730 h, us-east-1 on-demand)",
            "monitor analytics-platform-prod-churn-xgb-data-quality: DataQuality on cron(0 * ? * * *)",
        ]);
    });

    it("prints dev's serverless endpoint as billed per request", async () => {
        const section = sageMakerSection(await planOf("dev"));
        expect(section?.lines).to.deep.equal(["churn-xgb: serverless, 2048 MB, up to 5 concurrent: billed per request and GB-second, nothing while idle"]);
    });

    it("says when an instance type has no price rather than guessing", () => {
        expect(monthlyInstanceCost("ml.inf2.xlarge", 1)).to.match(/no price in the table/);
    });
});
