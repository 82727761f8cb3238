import { HOSTING_PRICE_PER_HOUR, HOURS_PER_MONTH } from "../../../config/sageMakerInstanceTypes";
import type { ExportedResource, Plan } from "../stackExport";
import type { SummarySection } from "./index";

const CONFIG = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const TARGET = "aws:appautoscaling/target:Target";
const SCHEDULE = "aws:sagemaker/monitoringSchedule:MonitoringSchedule";

type Props = Record<string, unknown>;
const props = (r: ExportedResource): Props => (r.inputs ?? {}) as Props;
const logicalName = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** "$84.10 a month" for `count` instances of `type` always on, or why there is no figure. */
export function monthlyInstanceCost(type: string, count: number): string {
    const price = HOSTING_PRICE_PER_HOUR[type];
    if (price === undefined) return "no price in the table (config/sageMakerInstanceTypes.ts)";
    return `~$${(price * count * HOURS_PER_MONTH).toFixed(2)} a month (${count} x $${price}/h x ${HOURS_PER_MONTH} h, us-east-1 on-demand)`;
}

/**
 * Each SageMaker endpoint's instances and their estimated monthly cost (always-on instances at the
 * initial count; the autoscaling range's ceiling too), serverless endpoints' settings, and each
 * monitoring schedule. Read from the endpoint configurations, scaling targets and schedules the
 * plan registers, so it shows what `pulumi up` would create.
 */
export function sageMakerSection(plan: Plan): SummarySection | undefined {
    const configs = plan.resources.filter((r) => r.type === CONFIG);
    if (configs.length === 0) return undefined;
    const targets = plan.resources.filter((r) => r.type === TARGET);
    const lines: string[] = [];
    for (const config of configs) {
        const pipeline = logicalName(config.urn).replace(/^sagemaker-/, "").replace(/-config$/, "");
        for (const variant of (props(config).productionVariants ?? []) as Props[]) {
            const serverless = variant.serverlessConfig as Props | undefined;
            if (serverless) {
                lines.push(`${pipeline}: serverless, ${String(serverless.memorySizeInMb)} MB, up to ${String(serverless.maxConcurrency)} concurrent: billed per request and GB-second, nothing while idle`);
                continue;
            }
            const type = String(variant.instanceType);
            const count = Number(variant.initialInstanceCount ?? 1);
            lines.push(`${pipeline}: ${count} x ${type}, ${monthlyInstanceCost(type, count)}`);
            const target = targets.find((t) => logicalName(t.urn) === `sagemaker-${pipeline}-scaling`);
            if (target) {
                const max = Number(props(target).maxCapacity);
                lines.push(`${pipeline}: autoscaling ${String(props(target).minCapacity)}-${max} instances on invocations per instance; at ${max}: ${monthlyInstanceCost(type, max)}`);
            }
        }
    }
    for (const schedule of plan.resources.filter((r) => r.type === SCHEDULE)) {
        const config = props(schedule).monitoringScheduleConfig as Props | undefined;
        const expression = (config?.scheduleConfig as Props | undefined)?.scheduleExpression;
        lines.push(`monitor ${String(props(schedule).name)}: ${String(config?.monitoringType)} on ${String(expression)}`);
    }
    return { title: "SageMaker endpoints (instance prices: config/sageMakerInstanceTypes.ts)", lines };
}
