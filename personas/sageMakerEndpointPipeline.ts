import { Persona } from "./personaNames";
import { assumedByPeople, cannotChangeSettings, cannotGrant, cannotPassRoles, declared, must, mustNot, notAssumedByOutsiders, notAssumedByServices, notIamAdministrator, notLakeFormationAdmin, riskMustNots, serviceRoleTrust } from "./expectations";
import { PersonaDefinition } from "./types";

/**
 * The personas of the SageMaker endpoint pipelines (components/sageMakerEndpointPipeline): the
 * service role SageMaker runs a pipeline's model and monitoring jobs as, the ML engineer who
 * deploys and watches them, and the application that calls an endpoint. None of them reads the
 * data lake: a model's data reaches SageMaker through the locations its pipeline names.
 */

const switchedOn = { declaredWhen: (config: { sageMakerEndpointPipelines: { enabled: boolean } }) => config.sageMakerEndpointPipelines.enabled };

const notTheLake = mustNot({ kind: "readRawObjects" }, "read raw objects of the lake bucket directly (S3 through IAM)",
    "remove s3:GetObject on the lake bucket from the role's policies: SageMaker reads only the pipeline's own locations");

// One row each in the matrix: the same capability for every persona it applies to.
const invokesOwnEndpoints = must({ kind: "iam", action: "sagemaker:InvokeEndpoint", resource: "ownSageMakerEndpoints" }, "invoke its endpoints (its pipeline's; the platform's for the ML engineer)",
    "allow sagemaker:InvokeEndpoint on the endpoint ARNs of the role's pipeline (the ML engineer: of the platform)");
const notOtherEndpoints = mustNot({ kind: "iam", action: "sagemaker:InvokeEndpoint", resource: "otherSageMakerEndpoints" }, "invoke another pipeline's endpoint or one outside the platform",
    "scope sagemaker:InvokeEndpoint to the pipeline's own endpoint ARN (not endpoint/*); a model's role needs none");

/** What the people's personas of the pipelines share: assumed by people only, nothing of the lake or IAM. */
const PEOPLE_OUTSIDE_THE_LAKE = [
    assumedByPeople, notAssumedByServices, notAssumedByOutsiders, notTheLake,
    notLakeFormationAdmin, cannotChangeSettings, cannotGrant, notIamAdministrator,
];

/** The pipeline's key, through S3 only: captured data and reports are SSE-KMS with it. */
/** The execution and monitoring roles are SageMaker's alone. */
const sageMakerTrust = serviceRoleTrust("sagemaker.amazonaws.com", "SageMaker");

const PIPELINE_KEY_THROUGH_S3 = "the pipeline's capture and reports are SSE-KMS with its key (kms:ViaService S3)";

export const SAGEMAKER_PERSONAS: Record<Extract<Persona, "sagemaker-execution" | "ml-engineer" | "sagemaker-caller">, PersonaDefinition> = {
    "sagemaker-execution": {
        persona: "sagemaker-execution",
        purpose: "assumed by SageMaker to run a pipeline's model and monitoring jobs: reads its artifact, writes its capture and reports",
        ...switchedOn,
        expectations: [
            declared,
            sageMakerTrust.byService,
            sageMakerTrust.notByPeople,
            sageMakerTrust.onlyByService,
            notTheLake,
            notLakeFormationAdmin,
            cannotChangeSettings,
            cannotGrant,
            cannotPassRoles("the SageMaker role"),
            notOtherEndpoints,
            ...riskMustNots,
        ],
        mayHold: [
            { risk: "infrastructure-modification", actions: ["kms:Encrypt", "kms:GenerateDataKey*", "kms:Decrypt"], on: ["sagemaker-pipeline-keys"], why: PIPELINE_KEY_THROUGH_S3 },
            { risk: "data-exfiltration", actions: ["kms:Decrypt"], on: ["sagemaker-pipeline-keys"], why: PIPELINE_KEY_THROUGH_S3 },
            { risk: "resource-exposure", actions: ["kms:CreateGrant"], on: ["sagemaker-pipeline-keys"], why: "SageMaker encrypts a monitoring job's volume through a grant for its instance (kms:GrantIsForAWSResource)" },
            { risk: "infrastructure-modification", actions: ["kms:CreateGrant"], on: ["sagemaker-pipeline-keys"], why: "SageMaker encrypts a monitoring job's volume through a grant for its instance (kms:GrantIsForAWSResource)" },
        ],
    },
    "ml-engineer": {
        persona: "ml-engineer",
        purpose: "deploys and updates the platform's SageMaker endpoints and monitors, reads their capture and reports; nothing of the lake",
        ...switchedOn,
        mayBecome: ["sagemaker-execution"],
        expectations: [
            declared,
            must({ kind: "iam", action: "sagemaker:UpdateEndpoint", resource: "ownSageMakerEndpoints" }, "update the platform's endpoints (move them to a new endpoint config)",
                "allow sagemaker:UpdateEndpoint on the platform's endpoints (<project>-<stack>-*)"),
            invokesOwnEndpoints,
            ...PEOPLE_OUTSIDE_THE_LAKE,
            mustNot({ kind: "iam", action: "sagemaker:UpdateEndpoint", resource: "otherSageMakerEndpoints" }, "update endpoints outside the platform",
                "scope the SageMaker actions to the platform's names (arn:...:endpoint/<project>-<stack>-*)"),
            mustNot({ kind: "createDatabaseIn", location: "unregistered-bucket" }, "create a Glue database in a bucket Lake Formation does not manage",
                "remove glue:CreateDatabase from the ML engineer's policies"),
            ...riskMustNots,
        ],
        mayHold: [
            { risk: "privilege-escalation", actions: ["iam:PassRole"], on: ["sagemaker-service-roles"], why: "it passes the pipelines' execution and monitoring roles to SageMaker (iam:PassedToService)" },
            { risk: "infrastructure-modification", actions: ["iam:PassRole"], on: ["sagemaker-service-roles"], why: "it passes the pipelines' execution and monitoring roles to SageMaker" },
            { risk: "infrastructure-modification", actions: ["kms:Decrypt"], on: ["sagemaker-pipeline-keys"], why: "it reads the SSE-KMS capture and reports (through S3 only)" },
            { risk: "resource-exposure", actions: ["kms:CreateGrant"], on: ["sagemaker-pipeline-keys"], why: "SageMaker creates grants on the pipeline's key as the caller of CreateEndpointConfig (kms:GrantIsForAWSResource)" },
            { risk: "infrastructure-modification", actions: ["kms:CreateGrant"], on: ["sagemaker-pipeline-keys"], why: "SageMaker creates grants on the pipeline's key as the caller of CreateEndpointConfig (kms:GrantIsForAWSResource)" },
            { risk: "data-exfiltration", actions: ["kms:Decrypt"], on: ["sagemaker-pipeline-keys"], why: "it reads the SSE-KMS capture and reports (through S3 only)" },
        ],
    },
    "sagemaker-caller": {
        persona: "sagemaker-caller",
        purpose: "an application calling one pipeline's endpoint: sagemaker:InvokeEndpoint on it, nothing else",
        ...switchedOn,
        expectations: [
            declared,
            invokesOwnEndpoints,
            notOtherEndpoints,
            mustNot({ kind: "iam", action: "sagemaker:UpdateEndpoint", resource: "ownSageMakerEndpoints" }, "change its endpoint",
                "allow only sagemaker:InvokeEndpoint: deploying is the ML engineer's"),
            ...PEOPLE_OUTSIDE_THE_LAKE,
            cannotPassRoles("the caller"),
            ...riskMustNots,
        ],
        mayHold: [],
    },
};
