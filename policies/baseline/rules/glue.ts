import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isCronExpression } from "../../../config/schedule";
import { identifiersOf, refersTo } from "../../lib/references";
import { checkEach } from "../../lib/unknownValues";
import { label } from "../lib/resources";

/*
 * Glue: crawlers log what they find in the lake (table and column names, S3 paths), so their
 * CloudWatch logs are encrypted with KMS; their schedules are cron expressions Glue accepts; the
 * catalog gives nobody access through IAM_ALLOWED_PRINCIPALS.
 */

export const glueCrawlerLogsEncrypted: StackValidationPolicy = {
    name: "glue-crawler-logs-encrypted",
    description: "Glue crawlers run with a security configuration whose CloudWatch encryption is SSE-KMS.",
    enforcementLevel: "mandatory",
    validateStack: async (args, report) => {
        const configurations = args.resources.filter((r) => r.type === "aws:glue/securityConfiguration:SecurityConfiguration");
        const crawlers = args.resources.filter((r) => r.type === "aws:glue/crawler:Crawler");
        const change = "set its securityConfiguration to an aws.glue.SecurityConfiguration with encryptionConfiguration.cloudwatchEncryption { cloudwatchEncryptionMode: \"SSE-KMS\", kmsKeyArn }.";
        await checkEach(crawlers, (crawler) => {
            if (!crawler.props.securityConfiguration && !(crawler.propertyDependencies?.securityConfiguration ?? []).length) {
                report(`${label(crawler)} has no security configuration, so its CloudWatch logs are not encrypted with KMS: ${change}`, crawler.urn);
                return;
            }
            const configuration = configurations.find((c) => refersTo(crawler, "securityConfiguration", c, identifiersOf(c, ["name", "id"])) === true);
            // A configuration made outside this stack, or one preview cannot resolve yet: cannot tell.
            if (!configuration) return;
            const logs = configuration.props.encryptionConfiguration?.cloudwatchEncryption;
            if (logs?.cloudwatchEncryptionMode !== "SSE-KMS" || !logs?.kmsKeyArn) {
                report(`${label(crawler)} uses ${label(configuration)}, which does not encrypt CloudWatch logs with KMS: ${change}`, crawler.urn);
            }
        });
    },
};

export const glueCrawlerScheduleValid: ResourceValidationPolicy = {
    name: "glue-crawler-schedule-valid",
    description: "A Glue crawler's schedule is an AWS cron expression, cron(minutes hours day-of-month month day-of-week year), the only form Glue accepts.",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.glue.Crawler, (crawler, args, report) => {
        if (crawler.schedule !== undefined && crawler.schedule !== "" && !isCronExpression(crawler.schedule)) {
            report(`${label(args)} has the schedule "${crawler.schedule}", which Glue does not accept: use an AWS cron expression such as cron(0 3 * * ? *) (one of the two day fields must be "?").`);
        }
    }),
};

export const glueDatabaseNoIamAllowedPrincipals: ResourceValidationPolicy = {
    name: "glue-database-no-iam-allowed-principals",
    description: "Glue databases do not give new tables to IAM_ALLOWED_PRINCIPALS (createTableDefaultPermissions): Lake Formation grants decide.",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.glue.CatalogDatabase, (database, args, report) => {
        const principals = (database.createTableDefaultPermissions ?? []).map((p) => p.principal?.dataLakePrincipalIdentifier);
        if (principals.includes("IAM_ALLOWED_PRINCIPALS")) {
            report(`${label(args)} grants new tables to IAM_ALLOWED_PRINCIPALS: set createTableDefaultPermissions: [] so that Lake Formation grants, not IAM alone, control them.`);
        }
    }),
};

export const gluePolicies = [glueCrawlerLogsEncrypted, glueCrawlerScheduleValid, glueDatabaseNoIamAllowedPrincipals];
