import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * The stack's own `aws:*` settings that an explicit provider must repeat: an explicit provider does
 * not inherit the default provider's configuration, so without them it would use another profile,
 * skip the stack's allowedAccountIds guard, tag nothing by default, or talk to another region.
 * Read at run time (not from @pulumi/aws's module-level config), so each stack gets its own.
 */
const STRING_KEYS = ["profile", "region", "stsRegion", "retryMode", "customCaBundle", "httpProxy", "httpsProxy", "noProxy"] as const;
const SECRET_KEYS = ["accessKey", "secretKey", "token"] as const;
const OBJECT_KEYS = [
    "allowedAccountIds", "forbiddenAccountIds", "defaultTags", "ignoreTags", "sharedConfigFiles", "sharedCredentialsFiles",
    "endpoints", "maxRetries", "skipCredentialsValidation", "skipMetadataApiCheck", "skipRegionValidation", "skipRequestingAccountId",
    "s3UsePathStyle", "useFipsEndpoint", "useDualstackEndpoint", "assumeRoleWithWebIdentity",
] as const;

export interface AssumedRole {
    roleArn: pulumi.Input<string>;
    sessionName: string;
}

/** The default provider's settings from `aws:*` stack config, as ProviderArgs. */
export function inheritedProviderArgs(config: pulumi.Config = new pulumi.Config("aws")): aws.ProviderArgs {
    const args: Record<string, unknown> = {};
    for (const key of STRING_KEYS) {
        const value = config.get(key);
        if (value !== undefined) args[key] = value;
    }
    for (const key of SECRET_KEYS) {
        const value = config.getSecret(key);
        if (value !== undefined) args[key] = value;
    }
    for (const key of OBJECT_KEYS) {
        const value = config.getObject<unknown>(key);
        if (value !== undefined) args[key] = value;
    }
    return args as aws.ProviderArgs;
}

/**
 * A provider that acts as `role`, reached the way the stack reaches AWS: the stack's own
 * `aws:assumeRoles` chain first (the provider assumes them in order), then the role, so the
 * acting identity is always the last element of `assumeRoles`.
 */
export function providerActingAs(name: string, role: AssumedRole, opts: pulumi.CustomResourceOptions, config: pulumi.Config = new pulumi.Config("aws")): aws.Provider {
    const inherited = inheritedProviderArgs(config);
    const stackChain = config.getObject<aws.types.input.ProviderAssumeRole[]>("assumeRoles") ?? [];
    return new aws.Provider(name, {
        ...inherited,
        assumeRoles: [...stackChain, { roleArn: role.roleArn, sessionName: role.sessionName }],
    }, opts);
}
