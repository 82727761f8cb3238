import { expect } from "chai";
import { parsePlatformConfig } from "../../config";
import { readStackConfig } from "../../tools/engine/stackFile";
import { configProblems } from "../helpers/configProblems";

const KEY = "analytics-platform:webAppMonitor";

/** The problems of the dev stack's config with webAppMonitor changed. */
function problemsWith(change: (settings: Record<string, unknown>) => void): string[] {
    const { config } = readStackConfig("dev");
    const settings = JSON.parse(config[KEY]) as Record<string, unknown>;
    change(settings);
    config[KEY] = JSON.stringify(settings);
    return configProblems("Pulumi.dev.yaml", config);
}

const alarms = (s: Record<string, unknown>) => (s.alarms ??= {}) as Record<string, unknown>;

describe("webAppMonitor config", () => {
    it("applies the safe defaults: all telemetries, no cookies, no X-Ray, no Logs copy, frustrating thresholds", () => {
        const { config } = readStackConfig("prod");
        const settings = JSON.parse(config[KEY]) as Record<string, unknown>;
        config[KEY] = JSON.stringify({ domains: settings.domains, sessionSampleRate: 0.1, expectedSessionsPerMonth: 100 });
        const parsed = parsePlatformConfig("Pulumi.prod.yaml", config).webAppMonitor;
        expect(parsed).to.deep.include({ enabled: true, telemetries: ["errors", "performance", "http"], allowCookies: false, enableXray: false, cloudWatchLogs: false, eventsPerSession: 50 });
        expect(parsed.enabled && parsed.alarms).to.deep.include({ largestContentfulPaintMs: 4000, firstInputDelayMs: 300, interactionToNextPaintMs: 500, cumulativeLayoutShift: 0.25, emails: [] });
    });

    it("can be switched off, its other settings kept unchecked", () => {
        expect(problemsWith((s) => Object.assign(s, { enabled: false, domains: ["*"] }))).to.deep.equal([]);
    });

    const cases: [string, (s: Record<string, unknown>) => void, RegExp][] = [
        ["a domain that accepts any site", (s) => (s.domains = ["*"]), /webAppMonitor\.domains\[0\]: expected localhost or a domain name .* found "\*"/],
        ["a wildcard under a top-level domain", (s) => (s.domains = ["*.com"]), /webAppMonitor\.domains\[0\]: .*found "\*\.com"/],
        ["six domains (RUM takes at most five)", (s) => (s.domains = ["a.example.com", "b.example.com", "c.example.com", "d.example.com", "e.example.com", "f.example.com"]), /webAppMonitor\.domains: expected .*5/],
        ["a domain twice", (s) => (s.domains = ["app.example.com", "APP.example.com"]), /webAppMonitor\.domains\[1\]: expected a unique domain/],
        ["a sample rate above 1", (s) => (s.sessionSampleRate = 1.5), /webAppMonitor\.sessionSampleRate: expected .*1.*found 1\.5/],
        ["an unknown telemetry", (s) => (s.telemetries = ["errors", "clicks"]), /webAppMonitor\.telemetries\[1\]: expected one of errors, performance, http, found "clicks"/],
        ["a period that is not whole minutes", (s) => (alarms(s).periodSeconds = 90), /webAppMonitor\.alarms\.periodSeconds: expected .*60.*found 90/],
        ["an evaluation longer than a day", (s) => Object.assign(alarms(s), { periodSeconds: 3600, evaluationPeriods: 25 }), /webAppMonitor\.alarms\.evaluationPeriods: expected periodSeconds x evaluationPeriods of at most 86400/],
        ["a negative layout-shift threshold", (s) => (alarms(s).cumulativeLayoutShift = -0.1), /webAppMonitor\.alarms\.cumulativeLayoutShift: expected .*0.*found -0\.1/],
        ["an address that is not one", (s) => (alarms(s).emails = ["web-team"]), /webAppMonitor\.alarms\.emails\[0\]: expected an e-mail address, found "web-team"/],
        ["no expected sessions", (s) => delete s.expectedSessionsPerMonth, /webAppMonitor\.expectedSessionsPerMonth: expected number/],
        ["a misspelt key", (s) => (s.sampleRate = 0.5), /webAppMonitor\.sampleRate: unknown key; expected one of .*sessionSampleRate/],
    ];
    for (const [what, change, problem] of cases) {
        it(`rejects ${what}, naming the file and key`, () => {
            const problems = problemsWith(change);
            expect(problems, problems.join("\n")).to.have.length(1);
            expect(problems[0]).to.match(/^Pulumi\.dev\.yaml: analytics-platform:webAppMonitor/);
            expect(problems[0]).to.match(problem);
        });
    }
});
