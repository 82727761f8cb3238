import { stringify } from "yaml";

/** What the generated buildspec needs: the pinned Karate jar, the features, the browser, where reports go. */
export interface BuildspecArgs {
    karateVersion: string;
    /** SHA-256 of the standalone jar of that release: the build stops when the download differs. */
    karateSha256: string;
    /** Feature files or folders, relative to the repository root. */
    features: string[];
    karateEnv?: string;
    /** The Chrome DevTools port the image's entrypoint opens. */
    browserPort: number;
    browserWaitSeconds: number;
    /** The CUCUMBERJSON report group, by ARN (a name would make CodeBuild create another group). */
    reportGroupArn: string;
}

/** Where Karate writes its HTML and Cucumber JSON reports (karate-summary.html among them). */
export const KARATE_REPORTS_DIR = "target/karate-reports";
/** The artifact's name: CodeBuild puts the reports under `<path>/<build id>/karate-reports/`. */
export const REPORTS_ARTIFACT_NAME = "karate-reports";
/** The karate-chrome image's entrypoint (supervisord: Xvfb, Chrome with remote debugging). */
export const IMAGE_ENTRYPOINT = "/entrypoint.sh";

/**
 * The buildspec of the seed's article, fixed:
 * - CodeBuild replaces a custom image's ENTRYPOINT, so pre_build starts it in the background, and
 *   (unlike the seed) waits until Chrome answers on its DevTools port, printing the entrypoint's
 *   log when it does not, instead of racing the first scenario against the browser's start;
 * - the Karate jar of the pinned release is downloaded with curl --fail (an HTTP error page is not
 *   a jar) and checked against its SHA-256 before it runs;
 * - no AWS CLI download on every build: the reports leave through CodeBuild's own S3 artifact upload
 *   (the project's artifacts block gives the per-build prefix) and the report group, which the
 *   UPLOAD_ARTIFACTS phase does even when the build phase failed, so a failed run keeps its report.
 * Returned as YAML text (the `yaml` package quotes what needs quoting), for the project's source.buildspec.
 */
export function renderBuildspec(args: BuildspecArgs): string {
    const karateArgs = ["-f", "cucumber:json", ...(args.karateEnv ? ["-e", args.karateEnv] : []), ...args.features];
    const waitForBrowser =
        `timeout ${args.browserWaitSeconds} bash -c 'until curl -sf "http://127.0.0.1:\${BROWSER_PORT}/json/version" > /dev/null; do sleep 1; done'` +
        ` || { echo "Chrome did not open port \${BROWSER_PORT} within ${args.browserWaitSeconds}s"; cat /tmp/entrypoint.log; exit 1; }`;
    const document = {
        version: 0.2,
        env: {
            shell: "bash",
            variables: {
                KARATE_VERSION: args.karateVersion,
                KARATE_SHA256: args.karateSha256,
                BROWSER_PORT: String(args.browserPort),
            },
        },
        phases: {
            pre_build: {
                commands: [
                    "echo Starting the image entrypoint that CodeBuild overrides",
                    `nohup ${IMAGE_ENTRYPOINT} > /tmp/entrypoint.log 2>&1 &`,
                    waitForBrowser,
                    "mkdir -p lib",
                    'curl -fsSL -o lib/karate.jar "https://github.com/karatelabs/karate/releases/download/v${KARATE_VERSION}/karate-${KARATE_VERSION}.jar"',
                    'echo "${KARATE_SHA256}  lib/karate.jar" | sha256sum -c -',
                ],
            },
            build: {
                commands: [`java -jar lib/karate.jar ${karateArgs.join(" ")}`],
            },
        },
        reports: {
            [args.reportGroupArn]: {
                files: ["**/*.json"],
                "base-directory": KARATE_REPORTS_DIR,
                "file-format": "CUCUMBERJSON",
            },
        },
        artifacts: {
            files: ["**/*"],
            "base-directory": KARATE_REPORTS_DIR,
            name: REPORTS_ARTIFACT_NAME,
        },
    };
    return stringify(document, { lineWidth: 0 });
}
