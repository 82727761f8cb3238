import * as pulumi from "@pulumi/pulumi";
import { Statement, policyDocument } from "./policyDocument";

/** Who may assume the roles of people (personas): never a service. */
export interface PeopleTrust {
    /** Account roots or roles of the people's identities (e.g. an SSO permission set's role). */
    trustedPrincipals: string[];
    /** A SAML identity provider whose users may assume the role. */
    samlProviderArn?: string;
}

/** The assume-role policy of a persona role. */
export function peopleTrustPolicy(trust: PeopleTrust): pulumi.Output<string> {
    const statements: Statement[] = [];
    if (trust.trustedPrincipals.length > 0) {
        statements.push({
            Sid: "TrustedPrincipals",
            Effect: "Allow",
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Principal: { AWS: trust.trustedPrincipals },
        });
    }
    if (trust.samlProviderArn) {
        statements.push({
            Sid: "SamlFederation",
            Effect: "Allow",
            Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
            Principal: { Federated: trust.samlProviderArn },
            Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
        });
    }
    if (statements.length === 0) {
        throw new pulumi.RunError("a persona role needs trustedPrincipals or a samlProviderArn: nobody could assume it");
    }
    return policyDocument(statements);
}

/**
 * The assume-role policy of a role only an AWS service may assume, with no condition keys: a
 * condition on a key the service does not send (aws:SourceAccount, aws:SourceArn) makes the role
 * impossible to assume. Neither service documents sending them when it assumes a role:
 * - Lake Formation: "Requirements for roles used to register locations" (Lake Formation developer
 *   guide) gives the trust policy as the service principal with sts:AssumeRole only.
 * - AWS Glue: "Step 2: Create an IAM role for AWS Glue" (Glue developer guide) trusts
 *   glue.amazonaws.com with no condition; Glue's confused-deputy guidance covers resource policies.
 * A service role cannot be passed across accounts (iam:PassRole is same-account), so only
 * principals of this account that may pass the role can make the service act with it.
 */
export function serviceTrustPolicy(service: string): pulumi.Output<string> {
    return policyDocument([
        {
            Sid: "ServiceOnly",
            Effect: "Allow",
            Action: "sts:AssumeRole",
            Principal: { Service: service },
        },
    ]);
}
