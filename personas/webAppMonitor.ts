import { cannotChangeSettings, cannotGrant, cannotPassRoles, declared, must, mustNot, notAssumedByServices, notIamAdministrator, notLakeFormationAdmin, riskMustNots } from "./expectations";
import { PersonaDefinition } from "./types";

/**
 * The WebAppMonitor's persona: the RUM guest role, which every visitor of the web app assumes
 * through the Cognito identity pool's unauthenticated identities. Its credentials sit in every
 * browser, so it may send RUM events to its own monitor and nothing else: any other action of the
 * catalogue on the platform's resources (another monitor, its own monitor's settings, an identity
 * pool, a bucket, a role) is one of the risk classes it holds nothing of.
 */
export const WEB_APP_MONITOR_PERSONAS: Record<"rum-guest", PersonaDefinition> = {
    "rum-guest": {
        persona: "rum-guest",
        purpose: "the web app's visitors (Cognito guests): rum:PutRumEvents on its own app monitor, nothing else",
        declaredWhen: (config) => config.webAppMonitor.enabled,
        expectations: [
            declared,
            must({ kind: "iam", action: "rum:PutRumEvents", resource: "ownAppMonitorArn" }, "send RUM events to its app monitor (rum:PutRumEvents)",
                "allow rum:PutRumEvents on the ARN of the app monitor that names the role as its guest role"),
            must({ kind: "assumableWithCognito", who: "own-pool-guests" }, "be assumable by its identity pool's guests (unauthenticated identities)",
                "trust cognito-identity.amazonaws.com (sts:AssumeRoleWithWebIdentity) with StringEquals aud = the monitor's identity pool and ForAnyValue:StringLike amr = unauthenticated"),
            mustNot({ kind: "assumableWithCognito", who: "anyone-else" }, "be assumable by anyone but its pool's guests (its signed-in users, another pool, IAM roles)",
                "trust only cognito-identity.amazonaws.com, with StringEquals aud = its own pool's id and ForAnyValue:StringLike amr = unauthenticated"),
            notAssumedByServices,
            notIamAdministrator,
            notLakeFormationAdmin,
            cannotChangeSettings,
            cannotGrant,
            cannotPassRoles("the guest role"),
            ...riskMustNots,
        ],
        mayHold: [
            { risk: "infrastructure-modification", actions: ["rum:PutRumEvents"], on: ["own-app-monitor"], why: "the web client sends the pages' events to its own monitor" },
        ],
    },
};
