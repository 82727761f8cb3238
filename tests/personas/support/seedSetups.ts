import * as aws from "@pulumi/aws";
import { Plan, planProgram } from "../../../tools/engine/run";

/**
 * The set-ups of the seed's first article, section 3 (the table of "Data lake locations" x "Data
 * locations"), as small stacks: two buckets A and B; the data-lake admin with
 * AWSLakeFormationDataAdmin, made a Lake Formation admin; the project leader (PL) with
 * AWSLakeFormationDataAdmin, not an admin; the analyst with AmazonAthenaFullAccess and the
 * article's write-athena-query-result inline policy. The article used IAM users; docs/personas.md makes
 * personas roles, which Lake Formation treats the same way.
 */

export type Bucket = "A" | "B";
export type SeedPersona = "admin" | "pl" | "analyst";

export interface SeedSetup {
    /** The row of the article's table, 1 to 4. */
    row: number;
    /** "Data lake locations": the buckets registered with Lake Formation. */
    registered: Bucket[];
    /** "Data locations": DATA_LOCATION_ACCESS grants. */
    grants: { on: Bucket; to: SeedPersona }[];
}

export const ROLE_NAMES: Record<SeedPersona, string> = { admin: "datalake-admin", pl: "project-leader", analyst: "data-analyst" };
export const BUCKET_NAMES: Record<Bucket, string> = { A: "seed-bucket-a", B: "seed-bucket-b" };

const ACCOUNT = "123456789012";
const MANAGED = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const peopleTrust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }],
});

function seedProgram(setup: SeedSetup): () => void {
    return () => {
        const buckets = {
            A: new aws.s3.Bucket("bucket-a", { bucket: BUCKET_NAMES.A }),
            B: new aws.s3.Bucket("bucket-b", { bucket: BUCKET_NAMES.B }),
        };
        const results = new aws.s3.Bucket("athena-query-results", { bucket: "seed-athena-query-results" });
        const role = (persona: SeedPersona, tag: string) => new aws.iam.Role(ROLE_NAMES[persona], { name: ROLE_NAMES[persona], assumeRolePolicy: peopleTrust, tags: { persona: tag } });
        const roles = { admin: role("admin", "data-lake-admin"), pl: role("pl", "project-leader"), analyst: role("analyst", "analyst") };
        const attach = (persona: SeedPersona, policy: string) => new aws.iam.RolePolicyAttachment(`${ROLE_NAMES[persona]}-${policy}`, { role: roles[persona].name, policyArn: MANAGED(policy) });
        attach("admin", "AWSLakeFormationDataAdmin");
        attach("pl", "AWSLakeFormationDataAdmin");
        attach("analyst", "AmazonAthenaFullAccess");
        new aws.iam.RolePolicy("write-athena-query-result", {
            role: roles.analyst.name,
            name: "write-athena-query-result",
            policy: results.arn.apply((arn) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Effect: "Allow",
                    Action: ["s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:AbortMultipartUpload", "s3:PutObject", "s3:ListMultipartUploadParts"],
                    Resource: [arn, `${arn}/*`],
                }],
            })),
        });
        const settings = new aws.lakeformation.DataLakeSettings("settings", { admins: [roles.admin.arn], createDatabaseDefaultPermissions: [], createTableDefaultPermissions: [] });
        for (const bucket of setup.registered) {
            new aws.lakeformation.Resource(`register-${bucket}`, { arn: buckets[bucket].arn }, { dependsOn: [settings] });
        }
        for (const grant of setup.grants) {
            new aws.lakeformation.Permissions(`grant-${grant.on}-to-${grant.to}`, {
                principal: roles[grant.to].arn,
                permissions: ["DATA_LOCATION_ACCESS"],
                dataLocation: { arn: buckets[grant.on].arn },
            }, { dependsOn: [settings] });
        }
    };
}

const plans = new Map<number, Promise<Plan>>();

/** The offline plan of a set-up, made once per test process (rows are planned by number). */
export function planSeedSetup(setup: SeedSetup): Promise<Plan> {
    let plan = plans.get(setup.row);
    if (!plan) {
        plan = planProgram({ project: "seed", stack: `row-${setup.row}`, config: { "aws:region": "ap-northeast-1" }, program: seedProgram(setup) });
        plans.set(setup.row, plan);
    }
    return plan;
}
