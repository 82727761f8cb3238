import * as aws from "@pulumi/aws";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { iamFacts } from "../../lib/iamRoles";
import { coversAction, statementsOf } from "../../lib/policyDocuments";
import { isUnknown } from "../../lib/unknownValues";
import { LOCAL_STORAGE_FAMILIES } from "../../../config/sageMakerInstanceTypes";
import { label } from "../lib/resources";

/*
 * SageMaker (components/sageMakerEndpointPipeline): endpoint volumes, captured requests and
 * responses (which hold the callers' data) and monitoring reports are encrypted with a KMS key;
 * models and monitoring jobs run without open internet access where they can; an execution role
 * reads its artifact and nothing else; every endpoint has an alarm that notifies someone.
 */

export const sagemakerEndpointConfigEncrypted: ResourceValidationPolicy = {
    name: "sagemaker-endpoint-config-encrypted",
    description: "SageMaker endpoint configs encrypt the endpoint's storage (kmsKeyArn, except where SageMaker refuses one) and captured data and async outputs with a KMS key.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            localStorageInstanceFamilies: {
                type: "array",
                items: { type: "string" },
                default: [...LOCAL_STORAGE_FAMILIES],
                description: "Instance families with local instance storage, for which SageMaker refuses a kmsKeyArn",
            },
        },
    },
    validateResource: validateResourceOfType(aws.sagemaker.EndpointConfiguration, (config, args, report) => {
        const { localStorageInstanceFamilies } = args.getConfig<{ localStorageInstanceFamilies: string[] }>();
        const variants = config.productionVariants ?? [];
        // Serverless variants have no volume, local-storage instances encrypt theirs in hardware.
        const keyRefused = variants.some((v) => v.serverlessConfig !== undefined || localStorageInstanceFamilies.some((f) => v.instanceType?.startsWith(`${f}.`)));
        if (!config.kmsKeyArn && !keyRefused) {
            report(`${label(args)} leaves the endpoint's storage under an AWS managed key: set kmsKeyArn to the platform's KMS key.`);
        }
        const capture = config.dataCaptureConfig;
        if (capture && capture.enableCapture !== false && !capture.kmsKeyId) {
            report(`${label(args)} captures requests and responses without a KMS key: set dataCaptureConfig.kmsKeyId.`);
        }
        const asyncOutput = config.asyncInferenceConfig?.outputConfig;
        if (asyncOutput && !asyncOutput.kmsKeyId) {
            report(`${label(args)} writes async inference results without a KMS key: set asyncInferenceConfig.outputConfig.kmsKeyId.`);
        }
    }),
};

export const sagemakerModelNetworkIsolated: ResourceValidationPolicy = {
    name: "sagemaker-model-network-isolated",
    description: "SageMaker models run with network isolation or inside a VPC.",
    // Advisory: some inference containers must reach the network (to fetch a model or call another
    // service); the VPC that would contain them is not part of this platform yet.
    enforcementLevel: "advisory",
    validateResource: validateResourceOfType(aws.sagemaker.Model, (model, args, report) => {
        if (model.enableNetworkIsolation !== true && model.vpcConfig === undefined) {
            report(`${label(args)} gives its containers internet access: set enableNetworkIsolation: true, or vpcConfig with private subnets.`);
        }
    }),
};

/** `s3://bucket/key` as the object's ARN. */
function objectArn(uri: string, partition: string): string | undefined {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    return match ? `arn:${partition}:s3:::${match[1]}/${match[2]}` : undefined;
}

/** Actions that reach every action of a service (or all of AWS). */
const serviceWide = (action: string) => action === "*" || action.endsWith(":*");

export const sagemakerExecutionRoleLeastPrivilege: StackValidationPolicy = {
    name: "sagemaker-execution-role-least-privilege",
    description: "A SageMaker model's execution role holds only inline permissions scoped to it: no managed policy (AmazonSageMakerFullAccess reads every bucket), no service-wide actions, S3 and KMS never on \"*\", and S3 reads of the model artifact alone.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const roles = iamFacts(args.resources).roles;
        for (const model of args.resources.filter((r: PolicyResource) => r.type === "aws:sagemaker/model:Model")) {
            const roleArn: unknown = model.props.executionRoleArn;
            const role = roles.find((r) => r.arn === roleArn);
            if (!role || typeof roleArn !== "string") continue; // a role of another stack, or not known yet
            const where = `${label(model)} runs as role ${String(role.roleName)}`;
            for (const attachment of role.attachments) {
                report(`${where}, which has the managed policy ${isUnknown(attachment.policyArn) ? "(unknown)" : attachment.policyArn} attached: give it an inline policy scoped to its artifact, capture prefix, key, image and logs instead.`, model.urn);
            }
            const partition = roleArn.split(":")[1] ?? "aws";
            const artifact = typeof model.props.primaryContainer?.modelDataUrl === "string" ? objectArn(model.props.primaryContainer.modelDataUrl, partition) : undefined;
            for (const inline of role.inlinePolicies) {
                if (isUnknown(inline.document)) continue;
                for (const statement of statementsOf(inline.document).filter((s) => s.effect === "Allow")) {
                    const actions = statement.actions ?? ["(NotAction)"];
                    const resources = statement.resources ?? ["(NotResource)"];
                    const id = `${inline.policyName}${statement.sid ? ` ${statement.sid}` : ""}`;
                    if (statement.actions === undefined || actions.some(serviceWide)) {
                        report(`${where}, whose policy ${id} allows ${actions.join(", ")}: name the actions it needs.`, model.urn);
                        continue;
                    }
                    if (actions.some((a) => /^(s3|kms):/i.test(a)) && resources.some((r) => r === "*" || r === `arn:${partition}:s3:::*`)) {
                        report(`${where}, whose policy ${id} allows ${actions.join(", ")} on every resource: name the artifact, the capture prefix and the key.`, model.urn);
                        continue;
                    }
                    if (artifact && coversAction(statement, "s3:GetObject") && resources.some((r) => r !== artifact)) {
                        report(`${where}, whose policy ${id} reads ${resources.filter((r) => r !== artifact).join(", ")} besides the model artifact: allow s3:GetObject on ${artifact} only.`, model.urn);
                    }
                }
            }
        }
    },
};

export const sagemakerEndpointAlarmed: StackValidationPolicy = {
    name: "sagemaker-endpoint-alarmed",
    description: "Every SageMaker endpoint has a CloudWatch alarm on its own metrics (AWS/SageMaker, EndpointName) that notifies someone (alarmActions), and no SageMaker alarm is without actions.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const alarms = args.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.props.namespace === "AWS/SageMaker");
        const hasActions = (alarm: PolicyResource) => Array.isArray(alarm.props.alarmActions) && alarm.props.alarmActions.length > 0;
        for (const alarm of alarms.filter((a) => !hasActions(a))) {
            report(`${label(alarm)} notifies nobody: set alarmActions to the pipeline's alert topic.`, alarm.urn);
        }
        for (const endpoint of args.resources.filter((r) => r.type === "aws:sagemaker/endpoint:Endpoint")) {
            const name: unknown = endpoint.props.name;
            if (typeof name !== "string") continue;
            if (!alarms.some((a) => a.props.dimensions?.EndpointName === name && hasActions(a))) {
                report(`${label(endpoint)} has no alarm with actions on its metrics: add CloudWatch alarms on Invocation5XXErrors and ModelLatency (dimension EndpointName ${name}) to an alert topic.`, endpoint.urn);
            }
        }
    },
};

export const sagemakerMonitoringEncrypted: ResourceValidationPolicy = {
    name: "sagemaker-monitoring-encrypted",
    description: "Model Monitor job definitions encrypt their reports and their processing volume with a KMS key, and isolate the job's network or run it in a VPC.",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.sagemaker.DataQualityJobDefinition, (definition, args, report) => {
        if (!definition.dataQualityJobOutputConfig?.kmsKeyId) report(`${label(args)} writes its reports without a KMS key: set dataQualityJobOutputConfig.kmsKeyId.`);
        if (!definition.jobResources?.clusterConfig?.volumeKmsKeyId) report(`${label(args)} leaves the job's volume under an AWS managed key: set jobResources.clusterConfig.volumeKmsKeyId.`);
        const network = definition.networkConfig;
        if (network?.enableNetworkIsolation !== true && network?.vpcConfig === undefined) {
            report(`${label(args)} gives the monitoring job internet access: set networkConfig.enableNetworkIsolation: true, or networkConfig.vpcConfig.`);
        }
    }),
};

export const sagemakerPolicies = [sagemakerEndpointConfigEncrypted, sagemakerModelNetworkIsolated, sagemakerExecutionRoleLeastPrivilege, sagemakerEndpointAlarmed, sagemakerMonitoringEncrypted];
