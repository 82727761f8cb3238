import { AthenaAnalystRole } from "./components/athenaAnalystRole/athenaAnalystRole";
import { DataProtection } from "./components/common/dataProtection";
import { permissionsBoundaryTransformations } from "./components/common/permissionsBoundary";
import { Placement, checkPlacementNames } from "./components/common/naming";
import { DataLake } from "./components/dataLake/dataLake";
import { loadStackSettings } from "./config";
import { SageMakerMlEngineerRole } from "./components/sageMakerEndpointPipeline/mlEngineerRole";
import { pipelineSpec } from "./components/sageMakerEndpointPipeline/pipelineSpec";
import { SageMakerEndpointPipeline } from "./components/sageMakerEndpointPipeline/sageMakerEndpointPipeline";

/**
 * The program: validate the stack's configuration (nothing is registered if it is wrong), then
 * create each switched-on component. Exported as a function so that the offline engine can run it
 * for several stacks in one process; `pulumi up` calls it the same way.
 */
function main(): Record<string, unknown> {
    const { project, stack, region, config } = loadStackSettings();
    const placement: Placement = { project, stack, tags: config.environment.tags };
    // A project or stack name no physical name can be made of stops the program here, before any resource.
    checkPlacementNames(placement);
    const protection: DataProtection = { protectData: config.environment.protectData, versioning: config.environment.bucketVersioning };
    const peopleTrust = { trustedPrincipals: config.personas.trustedPrincipals, samlProviderArn: config.personas.samlProviderArn };
    const outputs: Record<string, unknown> = {};
    // Every component's roles get the stack's permissions boundary, if it has one.
    const componentOpts = { transformations: permissionsBoundaryTransformations(config.personas.permissionsBoundary) };

    if (config.dataLake.enabled) {
        const lakeConfig = config.dataLake;
        const lake = new DataLake("data-lake", {
            placement,
            region,
            protection,
            databaseName: lakeConfig.databaseName,
            datasets: lakeConfig.datasets,
            crawlerSchedule: lakeConfig.crawlerSchedule,
            queryResultsExpirationDays: lakeConfig.queryResultsExpirationDays,
            accessLogExpirationDays: config.environment.accessLogExpirationDays,
            bytesScannedCutoffPerQuery: lakeConfig.bytesScannedCutoffPerQuery,
            logRetentionDays: config.environment.logRetentionDays,
            kmsDeletionWindowDays: config.environment.kmsDeletionWindowDays,
            peopleTrust,
            deployerRoleArn: config.personas.deployerRoleArn,
            projectLeaderDataLocationAccess: config.personas.projectLeaderDataLocationAccess,
            additionalLakeFormationAdmins: lakeConfig.additionalLakeFormationAdmins,
            lakeFormationSettings: lakeConfig.lakeFormationSettings,
            adminRolePropagationSeconds: lakeConfig.adminRolePropagationSeconds,
        }, componentOpts);
        outputs.dataLake = {
            lakeBucket: lake.lakeBucketName,
            resultsBucket: lake.resultsBucketName,
            accessLogBucket: lake.accessLogBucketName,
            keyArn: lake.keyArn,
            database: lake.databaseName,
            workgroup: lake.workgroupName,
            crawler: lake.crawlerName,
            dataLakeAdminRoleArn: lake.dataLakeAdminRoleArn,
            workflowRoleArn: lake.workflowRoleArn,
            projectLeaderRoleArn: lake.projectLeaderRoleArn,
            dataEngineerRoleArn: lake.dataEngineerRoleArn,
        };

        if (config.athenaAnalysts.enabled) {
            outputs.analysts = Object.fromEntries(config.athenaAnalysts.groups.map((group) => {
                const analyst = new AthenaAnalystRole(`analyst-${group.name}`, {
                    placement,
                    region,
                    groupName: group.name,
                    peopleTrust,
                    lake,
                    tables: group.tables,
                    bytesScannedCutoffPerQuery: lakeConfig.bytesScannedCutoffPerQuery,
                    forceDestroyWorkgroup: !protection.protectData,
                }, componentOpts);
                return [group.name, { roleArn: analyst.roleArn, workgroup: analyst.workgroupName, resultsPrefix: analyst.resultsPrefix }];
            }));
        }
    }

    if (config.sageMakerEndpointPipelines.enabled) {
        const sageMaker = config.sageMakerEndpointPipelines;
        const built = sageMaker.pipelines.map((p) => {
            const spec = pipelineSpec(p);
            const pipeline = new SageMakerEndpointPipeline(`sagemaker-${p.name}`, {
                ...spec,
                placement,
                region,
                peopleTrust,
                alertEmails: sageMaker.alertEmails,
                protection,
                kmsDeletionWindowDays: config.environment.kmsDeletionWindowDays,
                logRetentionDays: config.environment.logRetentionDays,
            }, componentOpts);
            return { spec, pipeline };
        });
        const engineer = new SageMakerMlEngineerRole("sagemaker-ml-engineer", {
            placement,
            region,
            peopleTrust,
            pipelines: built.map(({ spec, pipeline }) => ({
                executionRoleArn: pipeline.executionRoleArn,
                monitoringRoleArn: pipeline.monitors.roleArn,
                keyArn: pipeline.keyArn,
                readableLocations: [
                    ...(spec.dataCapture ? [spec.dataCapture.location] : []),
                    ...[spec.dataQualityMonitor, spec.modelQualityMonitor].flatMap((m) => (m ? [m.baselineJobOutputLocation, m.monitoringOutputLocation] : [])),
                ],
            })),
        }, componentOpts);
        outputs.sageMaker = {
            mlEngineerRoleArn: engineer.roleArn,
            pipelines: Object.fromEntries(built.map(({ spec, pipeline }) => [spec.name, {
                endpointName: pipeline.endpointName,
                imageUri: pipeline.imageUri,
                callerRoleArn: pipeline.callerRoleArn,
                executionRoleArn: pipeline.executionRoleArn,
                alertTopicArn: pipeline.alertTopicArn,
                dataQualitySchedule: pipeline.monitors.dataQuality?.scheduleName,
                baselineJob: pipeline.monitors.dataQuality?.baselineJob,
            }])),
        };
    }
    return outputs;
}

export = main;