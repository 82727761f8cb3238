import { RiskScope } from "../../../personas/riskClasses";
import { LAKE_LOCATION_ROLE_PURPOSE, PERSONA_TAG, PURPOSE_TAG, SAGEMAKER_PIPELINE_TAG } from "../../../personas/personaNames";
import { RoleFacts } from "../../lib/iamRoles";
import { isUnknown } from "../../lib/unknownValues";
import { PersonaTargets } from "../capabilities/targets";

/** A platform resource a risky action is tried on, with what it is to the role asking. */
export interface RiskProbe {
    arn: string;
    label: string;
    scopes: RiskScope[];
}

const PROBE = "persona-probe";

/**
 * The platform's resources as seen from one role: each bucket and an object in it (and in each
 * workgroup's results prefix), each key, workgroup, the catalog and its databases and tables, each
 * role of the stack and stand-ins for any other role, user, group and policy of the account. Which
 * are the role's own comes from the model's conventions (PersonaTargets), never from the policy
 * being checked.
 */
export function riskProbes(targets: PersonaTargets, role: RoleFacts): RiskProbe[] {
    const inv = targets.inventory;
    const probes: RiskProbe[] = [];
    const lakeArns = new Set(targets.lakeBuckets().map((b) => b.arn).filter((a): a is string => typeof a === "string"));
    const own = targets.ownWorkgroups(role);
    const ownArns = new Set(own.map((w) => w.arn));
    const resultsBuckets = new Set(targets.resultsBuckets());
    for (const bucket of inv.buckets) {
        if (isUnknown(bucket.arn)) continue;
        const lake = lakeArns.has(bucket.arn);
        const bucketScopes: RiskScope[] = lake ? ["lake-bucket"] : resultsBuckets.has(bucket.arn) ? ["results-bucket"] : [];
        probes.push({ arn: bucket.arn, label: `bucket ${bucket.name}`, scopes: bucketScopes });
        probes.push({ arn: `${bucket.arn}/${PROBE}-object`, label: `objects of bucket ${bucket.name}`, scopes: lake ? ["lake-objects"] : [] });
        const detectorSources = targets.detectorSourcePrefixArns(role);
        const ownSource = (arn: string): RiskScope[] => (detectorSources.some((prefix) => arn.startsWith(prefix)) ? ["own-detector-source"] : []);
        if (lake) {
            for (const arn of targets.datasetObjectArns(bucket.arn)) probes.push({ arn, label: `dataset objects ${arn.slice(bucket.arn.length + 1)}`, scopes: ["lake-objects", "lake-dataset-prefixes", ...ownSource(arn)] });
        }
    }
    for (const workgroup of inv.workgroups) {
        if (!isUnknown(workgroup.arn)) probes.push({ arn: workgroup.arn, label: `workgroup ${workgroup.name}`, scopes: ownArns.has(workgroup.arn) ? ["own-workgroup"] : [] });
        const location = targets.resultsLocation(workgroup);
        if (isUnknown(location)) continue;
        probes.push({ arn: `${location.prefixArn}${PROBE}-object`, label: `results of workgroup ${workgroup.name}`, scopes: ownArns.has(workgroup.arn) ? ["own-results"] : [] });
    }
    // The E2E component's CodeBuild project, report group, image repository and build log group.
    for (const [resolver, scope] of [["e2eProject", "e2e-project"], ["e2eReportGroup", "e2e-report-group"], ["e2eImageRepository", "e2e-image-repository"]] as const) {
        for (const target of targets.resource(resolver, role)) {
            if (typeof target.arn === "string") probes.push({ arn: target.arn, label: target.label, scopes: [scope] });
        }
    }
    for (const stream of targets.resource("e2eBuildLogStream", role)) {
        if (typeof stream.arn !== "string") continue;
        const group = stream.arn.slice(0, stream.arn.indexOf(":log-stream:"));
        probes.push({ arn: group, label: stream.label, scopes: ["e2e-build-logs"] }, { arn: stream.arn, label: `streams of ${stream.label}`, scopes: ["e2e-build-logs"] });
    }
    for (const key of inv.keys) {
        if (!isUnknown(key.arn)) probes.push({ arn: key.arn, label: `key ${key.name}`, scopes: key.tags[SAGEMAKER_PIPELINE_TAG] !== undefined ? ["platform-keys", "sagemaker-pipeline-keys"] : ["platform-keys"] });
    }
    probes.push({ arn: targets.arn("glue", "catalog"), label: "the Glue catalog", scopes: ["catalog"] });
    for (const database of [...targets.lakeDatabases().filter((d): d is string => typeof d === "string"), `${PROBE.replace("-", "_")}_database`]) {
        probes.push({ arn: targets.arn("glue", `database/${database}`), label: `database ${database}`, scopes: ["catalog"] });
        probes.push({ arn: targets.arn("glue", `table/${database}/${PROBE.replace("-", "_")}_table`), label: `tables of database ${database}`, scopes: ["catalog"] });
    }
    for (const other of inv.roles) {
        const arn = targets.roleArn(other);
        probes.push({ arn, label: other === role ? "the role itself" : `role ${other.name}`, scopes: roleScopes(other.tags) });
    }
    // RUM app monitors (the guest role sends events to its own), and stand-ins for any other
    // monitor or identity pool of the account: a guest credential sits in every visitor's browser.
    const ownMonitors = new Set(targets.ownAppMonitors(role));
    for (const monitor of inv.appMonitors) {
        if (!isUnknown(monitor.arn)) probes.push({ arn: monitor.arn, label: `app monitor ${monitor.name}`, scopes: ownMonitors.has(monitor) ? ["own-app-monitor"] : [] });
    }
    probes.push({ arn: targets.arn("rum", `appmonitor/${PROBE}-monitor`), label: "any other RUM app monitor of the account", scopes: [] });
    probes.push({ arn: targets.arn("cognito-identity", `identitypool/${inv.placement.region}:${PROBE}-pool`), label: "any identity pool of the account", scopes: [] });
    const iam = (resource: string) => targets.arn("iam", resource, { region: "" });
    probes.push({ arn: iam(`role/${PROBE}-other-role`), label: "any other role of the account", scopes: [] });
    probes.push({ arn: iam(`user/${PROBE}-user`), label: "any user of the account", scopes: [] });
    probes.push({ arn: iam(`group/${PROBE}-group`), label: "any group of the account", scopes: [] });
    probes.push({ arn: iam(`policy/${PROBE}-policy`), label: "any customer managed policy of the account", scopes: [] });
    return probes;
}

/** The probe for actions without resource-level permissions. */
export const WILDCARD_PROBE: RiskProbe = { arn: "*", label: "\"*\"", scopes: ["wildcard-only"] };

/** The risk scopes a role of the stack stands for, by its persona or purpose tag. */
function roleScopes(tags: Record<string, string>): RiskScope[] {
    if (tags[PERSONA_TAG] === "workflow") return ["workflow-role"];
    if (tags[PURPOSE_TAG] === LAKE_LOCATION_ROLE_PURPOSE) return ["lake-location-role"];
    if (tags[PERSONA_TAG] === "sagemaker-execution") return ["sagemaker-service-roles"];
    return [];
}
