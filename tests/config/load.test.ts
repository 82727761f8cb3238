import { expect } from "chai";
import { parsePlatformConfig } from "../../config";
import { readStackConfig } from "../../tools/engine/stackFile";
import { configProblems } from "../helpers/configProblems";

const FILE = "Pulumi.dev.yaml";

/** The dev stack's config with one key's value changed by `edit`, as the CLI hands it over. */
function devWith(key: string, edit: (value: Record<string, unknown>) => void): Record<string, string> {
    const { config } = readStackConfig("dev");
    const value = JSON.parse(config[`analytics-platform:${key}`]) as Record<string, unknown>;
    edit(value);
    return { ...config, [`analytics-platform:${key}`]: JSON.stringify(value) };
}

function problemsOf(values: Record<string, string>): string[] {
    const problems = configProblems(FILE, values);
    if (problems.length === 0) throw new Error("expected a ConfigError");
    return problems;
}

describe("stack config validation", () => {
    it("accepts both stack files and applies the environment differences", () => {
        const dev = parsePlatformConfig("Pulumi.dev.yaml", readStackConfig("dev").config);
        const prod = parsePlatformConfig("Pulumi.prod.yaml", readStackConfig("prod").config);
        expect(dev.environment.protectData).to.equal(false);
        expect(prod.environment.protectData).to.equal(true);
        expect(prod.environment.bucketVersioning).to.equal(true);
        expect(prod.environment.logRetentionDays).to.be.greaterThan(dev.environment.logRetentionDays);
    });

    it("defaults to the safe settings when the environment key is absent", () => {
        const { config } = readStackConfig("dev");
        delete config["analytics-platform:environment"];
        const parsed = parsePlatformConfig(FILE, config);
        expect(parsed.environment).to.include({ protectData: true, bucketVersioning: true, logRetentionDays: 365 });
    });

    it("names file, key, expectation and finding for a wrong type", () => {
        const problems = problemsOf(devWith("dataLake", (v) => (v.bytesScannedCutoffPerQuery = "1GB")));
        expect(problems).to.deep.equal([
            'Pulumi.dev.yaml: analytics-platform:dataLake.bytesScannedCutoffPerQuery: expected number, found string "1GB"',
        ]);
    });

    it("names an unknown key and the keys it could have meant", () => {
        const problems = problemsOf(devWith("environment", (v) => (v.protectDta = true)));
        expect(problems).to.have.length(1);
        expect(problems[0]).to.match(/^Pulumi\.dev\.yaml: analytics-platform:environment\.protectDta: unknown key; expected one of protectData, /);
        expect(problems[0]).to.contain('found "protectDta"');
    });

    it("names an unknown top-level key", () => {
        const { config } = readStackConfig("dev");
        const problems = problemsOf({ ...config, "analytics-platform:dataLak": "{}" });
        expect(problems[0]).to.match(/analytics-platform:dataLak: unknown key; expected one of environment, personas, dataLake, athenaAnalysts/);
    });

    it("rejects a cron expression Glue would not accept", () => {
        for (const bad of ["cron(0 3 * * *)", "cron(0 25 * * ? *)", "rate(1 day)", "0 3 * * ? *"]) {
            const problems = problemsOf(devWith("dataLake", (v) => (v.crawlerSchedule = bad)));
            expect(problems, bad).to.have.length(1);
            expect(problems[0]).to.match(/analytics-platform:dataLake\.crawlerSchedule: expected an AWS cron expression/);
            expect(problems[0]).to.contain(`found ${JSON.stringify(bad)}`);
        }
    });

    it("rejects a log retention CloudWatch does not offer", () => {
        const problems = problemsOf(devWith("environment", (v) => (v.logRetentionDays = 10)));
        expect(problems[0]).to.match(/analytics-platform:environment\.logRetentionDays: expected a CloudWatch Logs retention: .*found 10$/);
    });

    it("names a missing required key", () => {
        const problems = problemsOf(devWith("dataLake", (v) => delete v.databaseName));
        expect(problems).to.deep.equal(["Pulumi.dev.yaml: analytics-platform:dataLake.databaseName: expected string, found nothing (the key is required)"]);
    });

    it("rejects an analyst table that is not a dataset, and an excluded column the table lacks", () => {
        const problems = problemsOf(devWith("athenaAnalysts", (v) => {
            const tables = (v.groups as { tables: Record<string, unknown>[] }[])[0].tables;
            tables[0].excludedColumns = ["price"];
            tables.push({ name: "customers" });
        }));
        expect(problems).to.have.length(2);
        expect(problems[0]).to.match(/analytics-platform:athenaAnalysts\.groups\[0\]\.tables\[0\]\.excludedColumns\[0\]: expected a column of dataset sales .*found "price"/);
        expect(problems[1]).to.match(/analytics-platform:athenaAnalysts\.groups\[0\]\.tables\[4\]\.name: expected a dataset of dataLake\.datasets .*found "customers"/);
    });

    it("lets a component be switched off, keeping its settings unchecked", () => {
        const config = devWith("athenaAnalysts", (v) => (v.enabled = false));
        expect(parsePlatformConfig(FILE, config).athenaAnalysts).to.include({ enabled: false });
        const lakeOff = devWith("dataLake", (v) => Object.assign(v, { enabled: false, crawlerSchedule: "whenever" }));
        delete lakeOff["analytics-platform:athenaAnalysts"];
        delete lakeOff["analytics-platform:anomalyDetector"];
        expect(parsePlatformConfig(FILE, lakeOff).dataLake).to.include({ enabled: false });
    });

    it("refuses analysts without the data lake they query", () => {
        const problems = problemsOf(devWith("dataLake", (v) => (v.enabled = false)));
        expect(problems).to.deep.equal([
            "Pulumi.dev.yaml: analytics-platform:anomalyDetector.detectors[0].source.dataset: expected a bucket source while dataLake.enabled is false, found dataset \"sales\"",
            "Pulumi.dev.yaml: analytics-platform:athenaAnalysts.enabled: analysts query the data lake: expected false while dataLake.enabled is false, found true",
        ]);
    });

    it("rejects enabled values that are not booleans", () => {
        const problems = problemsOf(devWith("dataLake", (v) => (v.enabled = "yes")));
        expect(problems).to.deep.equal(['Pulumi.dev.yaml: analytics-platform:dataLake.enabled: expected true or false, found "yes"']);
    });

    it("requires a way for people to assume the persona roles", () => {
        const problems = problemsOf(devWith("personas", (v) => (v.trustedPrincipals = [])));
        expect(problems[0]).to.match(/analytics-platform:personas\.trustedPrincipals: expected at least one of trustedPrincipals or samlProviderArn/);
    });

    it("accepts only roles as additional Lake Formation admins", () => {
        const problems = problemsOf(devWith("dataLake", (v) => (v.additionalLakeFormationAdmins = ["arn:aws:iam::123456789012:root"])));
        expect(problems).to.deep.equal([
            'Pulumi.dev.yaml: analytics-platform:dataLake.additionalLakeFormationAdmins[0]: expected an IAM role ARN, found "arn:aws:iam::123456789012:root"',
        ]);
    });

    it("rejects a principal that is not an account root or role ARN", () => {
        const problems = problemsOf(devWith("personas", (v) => (v.trustedPrincipals = ["arn:aws:iam::123456789012:user/alice"])));
        expect(problems[0]).to.match(/analytics-platform:personas\.trustedPrincipals\[0\]: expected an IAM account root or role ARN, found "arn:aws:iam::123456789012:user\/alice"/);
    });
});

describe("stack config: deployment settings of the data lake", () => {
    it("takes a permissions boundary only as an IAM policy ARN, naming the key and the value found", () => {
        const ok = parsePlatformConfig(FILE, devWith("personas", (p) => { p.permissionsBoundary = "arn:aws:iam::123456789012:policy/landing-zone-boundary"; }));
        expect(ok.personas.permissionsBoundary).to.equal("arn:aws:iam::123456789012:policy/landing-zone-boundary");
        for (const wrong of ["arn:aws:iam::123456789012:role/boundary", "landing-zone-boundary"]) {
            expect(problemsOf(devWith("personas", (p) => { p.permissionsBoundary = wrong; }))).to.deep.equal([
                `${FILE}: analytics-platform:personas.permissionsBoundary: expected an IAM managed policy ARN, found "${wrong}"`,
            ]);
        }
    });

    it("states every account-wide Lake Formation setting, with safe defaults", () => {
        const parsed = parsePlatformConfig(FILE, readStackConfig("dev").config);
        if (!parsed.dataLake.enabled) throw new Error("the dev stack has a data lake");
        expect(parsed.dataLake.lakeFormationSettings).to.deep.equal({
            readOnlyAdmins: [],
            trustedResourceOwners: [],
            allowExternalDataFiltering: false,
            externalDataFilteringAllowList: [],
            authorizedSessionTagValueList: [],
            allowFullTableExternalDataAccess: false,
            crossAccountVersion: 4,
        });
        expect(parsed.dataLake.adminRolePropagationSeconds).to.equal(30);
    });

    it("rejects a cross-account version Lake Formation does not have and a malformed trusted owner", () => {
        const problems = problemsOf(devWith("dataLake", (d) => { d.lakeFormationSettings = { crossAccountVersion: 5, trustedResourceOwners: ["12345"] }; }));
        expect(problems).to.have.members([
            `${FILE}: analytics-platform:dataLake.lakeFormationSettings.trustedResourceOwners[0]: expected a 12-digit AWS account id, found "12345"`,
            `${FILE}: analytics-platform:dataLake.lakeFormationSettings.crossAccountVersion: expected a value <= 4, found 5`,
        ]);
    });

    it("lets dev and prod, which share the account, list each other's data-lake admin", () => {
        const admins = (stack: "dev" | "prod") => {
            const parsed = parsePlatformConfig(`Pulumi.${stack}.yaml`, readStackConfig(stack).config);
            return parsed.dataLake.enabled ? parsed.dataLake.additionalLakeFormationAdmins : [];
        };
        expect(admins("dev")).to.deep.equal(["arn:aws:iam::123456789012:role/analytics-platform-prod-data-lake-admin"]);
        expect(admins("prod")).to.deep.equal(["arn:aws:iam::123456789012:role/analytics-platform-dev-data-lake-admin"]);
    });
});
