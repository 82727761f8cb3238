import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PERSONA_TAG } from "../../personas/personaNames";
import { Placement, physicalName, tagsFor } from "../common/naming";
import { Statement, policyDocument } from "../common/policyDocument";
import { deleteBeforeReplace } from "../common/replacement";

/** The persona tag of the RUM guest role (personas/webAppMonitor.ts states what it may do). */
export const RUM_GUEST_PERSONA = "rum-guest";
export const COGNITO_IDENTITY = "cognito-identity.amazonaws.com";

/**
 * The trust of a role for one identity pool's guests: only web identities Cognito issued for this
 * pool (aud) and only unauthenticated ones (amr). Without aud, ANY identity pool of any account
 * could assume the role; without amr, the pool's signed-in users too. The shape the Cognito
 * console writes ("IAM roles", Amazon Cognito Developer Guide: ForAnyValue:StringLike on amr).
 */
export function guestTrustStatements(identityPoolId: pulumi.Input<string>): Statement[] {
    return [{
        Sid: "OwnPoolGuestsOnly",
        Effect: "Allow",
        Principal: { Federated: COGNITO_IDENTITY },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
            StringEquals: { [`${COGNITO_IDENTITY}:aud`]: identityPoolId },
            "ForAnyValue:StringLike": { [`${COGNITO_IDENTITY}:amr`]: "unauthenticated" },
        },
    }];
}

export interface GuestAccess {
    pool: aws.cognito.IdentityPool;
    role: aws.iam.Role;
}

/**
 * The Cognito identity pool the RUM web client gets guest credentials from, and its guest role,
 * as the RUM console makes them: unauthenticated identities allowed, the basic (classic) flow
 * allowed (the snippet names the guest role, so the client calls GetOpenIdToken and STS itself),
 * the role attached as the pool's unauthenticated role. The role's permission (rum:PutRumEvents on
 * the monitor) comes once the monitor exists: see WebAppMonitor.
 */
export function guestAccess(name: string, placement: Placement, parent: pulumi.Resource): GuestAccess {
    const pool = new aws.cognito.IdentityPool(`${name}-pool`, {
        identityPoolName: physicalName(placement, "rum-guests", "cognito-identity-pool"),
        allowUnauthenticatedIdentities: true,
        allowClassicFlow: true,
        tags: tagsFor(placement),
    }, { parent });
    const role = new aws.iam.Role(`${name}-guest-role`, {
        name: physicalName(placement, "rum-guest", "iam-role"),
        description: "CloudWatch RUM guest: web pages send RUM events, nothing else",
        assumeRolePolicy: policyDocument(guestTrustStatements(pool.id)),
        maxSessionDuration: 3600,
        tags: tagsFor(placement, { [PERSONA_TAG]: RUM_GUEST_PERSONA }),
    }, deleteBeforeReplace({ parent }));
    new aws.cognito.IdentityPoolRoleAttachment(`${name}-pool-roles`, {
        identityPoolId: pool.id,
        roles: { unauthenticated: role.arn },
    }, { parent: pool });
    return { pool, role };
}
