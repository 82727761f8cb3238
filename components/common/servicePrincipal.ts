import { partitionOf } from "../../config/regions";

/**
 * The principal an AWS service acts as in a region, for a policy's `Principal: { Service }`:
 * `<service>.amazonaws.com` everywhere except for the few services that take their partition's
 * own domain there. In China those are CloudWatch Logs, CodeDeploy and EMR (`logs.cn-north-1.
 * amazonaws.com.cn`); a key policy naming `logs.cn-north-1.amazonaws.com` would let CloudWatch
 * Logs use no key. The table is the one behind the AWS provider's `aws_service_principal` data
 * source (terraform-provider-aws, internal/service/meta/service_principal_data_source.go, from the
 * AWS CDK's region-info); the ISO partitions it also lists have no region in config/regions.ts.
 */
const OWN_DOMAIN_SERVICES: Readonly<Record<string, { domain: string; services: readonly string[] }>> = {
    "aws-cn": { domain: "amazonaws.com.cn", services: ["codedeploy", "elasticmapreduce", "logs"] },
};

function domainOf(service: string, region: string): string {
    const own = OWN_DOMAIN_SERVICES[partitionOf(region) ?? "aws"];
    return own?.services.includes(service) ? own.domain : "amazonaws.com";
}

/** `<service>.<region>.<domain>`: a regional service principal, as CloudWatch Logs is named in a key policy. */
export function regionalServicePrincipal(service: string, region: string): string {
    return `${service}.${region}.${domainOf(service, region)}`;
}

/**
 * The value of `kms:ViaService` for a service's requests to KMS in a region (`s3.<region>.amazonaws.com`):
 * a key used through that service only. One place, because it is not confirmed here whether China
 * uses its own domain for it as it does for the CloudWatch Logs principal.
 */
export function kmsViaService(service: string, region: string): string {
    return `${service}.${region}.amazonaws.com`;
}
