import * as aws from "@pulumi/aws";
import { AnomalyDetector, DetectorSource } from "./components/anomalyDetector/anomalyDetector";
import { QuickSightInsights } from "./components/anomalyDetector/quickSightInsights";
import { AthenaAnalystRole } from "./components/athenaAnalystRole/athenaAnalystRole";
import { CodeBuildE2E } from "./components/codeBuildE2E/codeBuildE2E";
import { DataProtection } from "./components/common/dataProtection";
import { permissionsBoundaryTransformations } from "./components/common/permissionsBoundary";
import { Placement, checkPlacementNames } from "./components/common/naming";
import { DataLake } from "./components/dataLake/dataLake";
import { WebAppMonitor } from "./components/webAppMonitor/webAppMonitor";
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
    let lakeForDetectors: DataLake | undefined;
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
        lakeForDetectors = lake;
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

    if (config.codeBuildE2E.enabled) {
        const e2eConfig = config.codeBuildE2E;
        const e2e = new CodeBuildE2E("e2e", {
            placement,
            region,
            protection,
            peopleTrust,
            image: e2eConfig.image,
            karate: e2eConfig.karate,
            source: e2eConfig.source,
            features: e2eConfig.features,
            karateEnv: e2eConfig.karateEnv,
            schedule: e2eConfig.schedule,
            computeType: e2eConfig.computeType,
            timeoutMinutes: e2eConfig.timeoutMinutes,
            browserPort: e2eConfig.browserPort,
            browserWaitSeconds: e2eConfig.browserWaitSeconds,
            reportExpirationDays: e2eConfig.reportExpirationDays,
            accessLogExpirationDays: config.environment.accessLogExpirationDays,
            logRetentionDays: e2eConfig.logRetentionDays ?? config.environment.logRetentionDays,
            kmsDeletionWindowDays: config.environment.kmsDeletionWindowDays,
            notificationEmails: e2eConfig.notificationEmails,
        }, componentOpts);
        outputs.codeBuildE2E = {
            project: e2e.projectName,
            image: e2e.image,
            repositoryUrl: e2e.repositoryUrl,
            reportBucket: e2e.reportBucketName,
            reportsLocation: e2e.reportsLocation,
            reportGroupArn: e2e.reportGroupArn,
            buildRoleArn: e2e.buildRoleArn,
            qaReaderRoleArn: e2e.qaReaderRoleArn,
            alertTopicArn: e2e.alertTopicArn,
            ...(e2e.connectionArn ? { githubConnectionArn: e2e.connectionArn } : {}),
        };
    }

    if (config.webAppMonitor.enabled) {
        const rum = config.webAppMonitor;
        const monitor = new WebAppMonitor("web-app-monitor", {
            placement,
            region,
            domains: rum.domains,
            sessionSampleRate: rum.sessionSampleRate,
            telemetries: rum.telemetries,
            allowCookies: rum.allowCookies,
            enableXray: rum.enableXray,
            cloudWatchLogs: rum.cloudWatchLogs,
            applicationVersion: rum.applicationVersion,
            alarms: rum.alarms,
            kmsDeletionWindowDays: config.environment.kmsDeletionWindowDays,
            protection,
        }, componentOpts);
        outputs.webAppMonitor = {
            appMonitorId: monitor.appMonitorId,
            appMonitorName: monitor.appMonitorName,
            identityPoolId: monitor.identityPoolId,
            guestRoleArn: monitor.guestRoleArn,
            alertTopicArn: monitor.alertTopicArn,
            webClientSnippet: monitor.webClientSnippet,
        };
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

    if (config.anomalyDetector.enabled) {
        const lake = lakeForDetectors;
        const partition = aws.getPartitionOutput({}).partition;
        if (lake && config.anomalyDetector.detectors.some((d) => d.source.dataset !== undefined && d.trigger === "newObjects")) {
            // S3 sends "Object Created" events to EventBridge only when the bucket says so; one
            // notification configuration per bucket, so it is made once here, not per detector.
            new aws.s3.BucketNotification("data-lake-eventbridge", { bucket: lake.lakeBucketName, eventbridge: true });
        }
        outputs.anomalyDetectors = Object.fromEntries(config.anomalyDetector.detectors.map((detector) => {
            const { dataset, bucket, prefix, kmsKeyArn } = detector.source;
            // The schema guarantees a lake for a dataset source (config/schema.ts).
            const source: DetectorSource = dataset !== undefined && lake
                ? { bucketName: lake.lakeBucketName, bucketArn: lake.lakeBucketArn, prefix: `${dataset}/`, kmsKeyArn: lake.keyArn }
                : { bucketName: bucket as string, bucketArn: partition.apply((p) => `arn:${p}:s3:::${bucket}`), prefix: prefix ?? "", kmsKeyArn };
            const component = new AnomalyDetector(`anomaly-${detector.name}`, {
                placement,
                region,
                detector,
                source,
                logRetentionDays: config.environment.logRetentionDays,
                kmsDeletionWindowDays: config.environment.kmsDeletionWindowDays,
                protection,
            }, componentOpts);
            return [detector.name, { topicArn: component.topicArn, ingestionFunction: component.ingestionFunctionName, namespace: component.namespace, alarms: component.alarmCount }];
        }));
        const quickSight = config.anomalyDetector.quickSight;
        if (quickSight.enabled && lake && config.dataLake.enabled) {
            const insights = new QuickSightInsights("quicksight-insights", { placement, lake, datasets: config.dataLake.datasets, ownerArn: quickSight.ownerArn }, componentOpts);
            outputs.quickSightDataSourceArn = insights.dataSourceArn;
        }
    }
    return outputs;
}

export = main;