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

/** The assume-role policy of a role only an AWS service may assume. */
export function serviceTrustPolicy(service: string, sourceAccount?: pulumi.Input<string>): pulumi.Output<string> {
    return policyDocument([
        {
            Sid: "ServiceOnly",
            Effect: "Allow",
            Action: "sts:AssumeRole",
            Principal: { Service: service },
            ...(sourceAccount ? { Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } } } : {}),
        },
    ]);
}
