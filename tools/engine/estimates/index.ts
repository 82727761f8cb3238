import type { Plan } from "../stackExport";
import { codeBuildE2ESection } from "./codeBuildE2E";
import { webAppMonitorSection } from "./webAppMonitor";
import { sageMakerSection } from "./sageMakerEndpointPipeline";
import { anomalyDetectorSection } from "./anomalyDetector";

/**
 * A section the plan summary prints after the resource counts: what a component will cost or run
 * (an endpoint's instances and their monthly price, a detector's metric count, a monitor's
 * schedule). Each component's section lives in its own file here and reads the plan's resources
 * (their inputs are what `pulumi up` would send) and, where a figure exists only in the stack's
 * config (expected sessions a month), the config through `readStackConfig`.
 */
export interface SummarySection {
    title: string;
    lines: string[];
}

export type SummarySectionOf = (plan: Plan) => SummarySection | undefined;

/** Every component's section, in the order the summary prints them. Add one line per component. */
export const SUMMARY_SECTIONS: readonly SummarySectionOf[] = [
    codeBuildE2ESection,
    webAppMonitorSection,
    sageMakerSection,
    anomalyDetectorSection,
];
