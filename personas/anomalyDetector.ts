import { ANOMALY_ALERT_PERSONA, ANOMALY_INGESTION_PERSONA } from "./personaNames";
import { RiskAllowance } from "./riskClasses";
import { cannotChangeSettings, cannotGrant, cannotPassRoles, declared, must, mustNot, notIamAdministrator, notLakeFormationAdmin, riskMustNots, serviceRoleTrust } from "./expectations";
import { PersonaDefinition } from "./types";

/**
 * The anomaly detector's function roles (components/anomalyDetector): what each must and must not
 * do, stated from the stack config (which detector reads which prefix, which parameter holds its
 * webhook URL), never from the policies the component writes.
 *
 * The ingestion role reads its source prefix with S3 directly. Lake Formation does not govern that
 * (it vends credentials to engines such as Athena and Glue; IAM alone decides a plain GetObject), as
 * for the workflow role's crawler: acceptable for raw CSV files because the role is scoped by IAM to
 * one prefix, is assumable by Lambda only, and its must-nots below prove it reads no other dataset
 * and writes nowhere in the lake.
 */

const lambdaTrust = serviceRoleTrust("lambda.amazonaws.com", "AWS Lambda");

/** What neither function role may be or do: a Lambda-only role that reaches nothing beyond its job. */
const FUNCTION_ROLE_MUST_NOTS = [lambdaTrust.onlyByService, lambdaTrust.notByPeople, cannotPassRoles("the function role"), notLakeFormationAdmin, cannotChangeSettings, cannotGrant, notIamAdministrator, ...riskMustNots];

const INGESTION_HOLDS: RiskAllowance[] = [
    { risk: "data-exfiltration", actions: ["s3:GetObject"], on: ["own-detector-source"], why: "it reads the CSV files of its detector's source prefix" },
    { risk: "data-exfiltration", actions: ["kms:Decrypt"], on: ["platform-keys"], why: "the lake's objects are SSE-KMS (through S3 only), and it publishes failures to the encrypted alert topic (through SNS only)" },
    { risk: "infrastructure-modification", actions: ["kms:Decrypt", "kms:GenerateDataKey*"], on: ["platform-keys"], why: "it publishes failures to the encrypted alert topic (through SNS only) and reads SSE-KMS objects" },
];

export const ANOMALY_DETECTOR_PERSONAS: Record<typeof ANOMALY_INGESTION_PERSONA | typeof ANOMALY_ALERT_PERSONA, PersonaDefinition> = {
    "anomaly-ingestion": {
        persona: ANOMALY_INGESTION_PERSONA,
        purpose: "the anomaly detector's ingestion function: reads its source prefix, publishes metrics in its namespace",
        declaredWhen: (config) => config.anomalyDetector.enabled,
        expectations: [
            declared,
            must({ kind: "iam", action: "s3:GetObject", resource: "ownDetectorSourceObjects" }, "read the CSV files of its detector's source prefix",
                "allow s3:GetObject on the source prefix (`<bucket>/<prefix>*`) and kms:Decrypt of its key through S3"),
            must({ kind: "putMetrics", namespace: "own" }, "publish metrics in its detector's namespace",
                "allow cloudwatch:PutMetricData with the condition cloudwatch:namespace = the detector's namespace"),
            mustNot({ kind: "putMetrics", namespace: "other" }, "publish metrics in another namespace",
                "add the condition StringEquals cloudwatch:namespace = the detector's namespace to cloudwatch:PutMetricData"),
            mustNot({ kind: "iam", action: "s3:GetObject", resource: "otherLakeDatasetObjects" }, "read another dataset of the lake",
                "scope s3:GetObject to the detector's own source prefix, not the lake bucket"),
            mustNot({ kind: "iam", action: "s3:PutObject", resource: "lakeDatasetObjects" }, "write anywhere in the lake",
                "remove s3:PutObject (and every other S3 write) from the ingestion role's policy"),
            ...FUNCTION_ROLE_MUST_NOTS,
        ],
        mayHold: INGESTION_HOLDS,
    },
    "anomaly-alert": {
        persona: ANOMALY_ALERT_PERSONA,
        purpose: "the anomaly detector's webhook function: reads its webhook URL parameter, posts alarms",
        declaredWhen: (config) => config.anomalyDetector.enabled && config.anomalyDetector.detectors.some((d) => d.alerts.webhook !== undefined),
        expectations: [
            declared,
            must({ kind: "iam", action: "ssm:GetParameter", resource: "ownWebhookParameter" }, "read its detector's webhook URL parameter",
                "allow ssm:GetParameter on the parameter named by alerts.webhook.urlParameterName"),
            mustNot({ kind: "iam", action: "ssm:GetParameter", resource: "otherParameter" }, "read any other SSM parameter",
                "scope ssm:GetParameter to the webhook parameter's ARN"),
            mustNot({ kind: "readRawObjects" }, "read raw objects of the lake bucket directly (S3 through IAM)", "remove S3 reads from the alert role's policy"),
            mustNot({ kind: "putMetrics", namespace: "other" }, "publish metrics in another namespace", "remove cloudwatch:PutMetricData from the alert role's policy"),
            ...FUNCTION_ROLE_MUST_NOTS,
        ],
        mayHold: [],
    },
};
