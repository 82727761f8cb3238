import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { LOCAL_STORAGE_FAMILIES } from "../../../config/sageMakerInstanceTypes";
import { label } from "../lib/resources";

/*
 * SageMaker (the endpoint pipeline, issue to come): endpoint volumes and captured requests and
 * responses (which hold the callers' data) are encrypted with the platform's KMS key; models run
 * without open internet access where they can.
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

export const sagemakerPolicies = [sagemakerEndpointConfigEncrypted, sagemakerModelNetworkIsolated];
