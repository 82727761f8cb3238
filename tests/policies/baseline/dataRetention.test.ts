import { glueDatabaseProtected, s3BucketNoForceDestroy, s3BucketOwnerEnforced, s3DataNotExpired } from "../../../policies/baseline/rules/dataRetention";
import type { ExportedResource } from "../../../tools/engine/stackExport";
import { asPolicyResources, check, edit, expectNoViolations, expectOneViolation, exportOf, named, without } from "./crafted";

type Case = { name: string; change: (rs: ExportedResource[]) => ExportedResource[] | void; urn: string; message: string | RegExp };

describe("data retention (environment.protectData from the stack config)", () => {
    describe("glue-database-protected", () => {
        it("passes both stacks as planned (prod protects and retains its database; dev keeps no data)", async () => {
            for (const stack of ["dev", "prod"] as const) expectNoViolations(await check(glueDatabaseProtected, asPolicyResources(...(await exportOf(stack)))));
        });

        for (const option of ["protect", "retainOnDelete"] as const) {
            it(`fails the prod database without ${option}, naming environment.protectData`, async () => {
                const resources = await exportOf("prod");
                const database = named(resources, "catalog-database");
                if (option === "protect") database.protect = false;
                else delete database.retainOnDelete;
                expectOneViolation(await check(glueDatabaseProtected, asPolicyResources(...resources)), {
                    policy: "glue-database-protected", urn: database.urn,
                    change: `lacks the resource option ${option}, and environment.protectData is true in Pulumi.prod.yaml`,
                });
            });
        }

        it("expects nothing of dev, whose config says protectData: false, even with the prod-like resources", async () => {
            const resources = await exportOf("dev");
            named(resources, "catalog-database").protect = false;
            expectNoViolations(await check(glueDatabaseProtected, asPolicyResources(...resources)));
        });
    });

    const BUCKET_CASES: { policy: typeof s3BucketNoForceDestroy; cases: Case[] }[] = [
        {
            policy: s3BucketNoForceDestroy,
            cases: [{
                name: "forceDestroy on the lake", urn: "lake", message: /Bucket "lake" has forceDestroy: true, and environment.protectData is true/,
                change: (rs) => edit(named(rs, "lake"), (p) => (p.forceDestroy = true)),
            }, {
                name: "forceDestroy on the query results bucket", urn: "query-results", message: /Bucket "query-results" has forceDestroy: true/,
                change: (rs) => edit(named(rs, "query-results"), (p) => (p.forceDestroy = true)),
            }],
        },
        {
            policy: s3BucketOwnerEnforced,
            cases: [{
                name: "ownership controls removed", urn: "lake", message: /Bucket "lake" has no ownership controls/,
                change: (rs) => without(rs, "lake-ownership"),
            }, {
                name: "ObjectWriter ownership", urn: "query-results", message: /sets objectOwnership ObjectWriter, which keeps ACLs in force/,
                change: (rs) => edit(named(rs, "query-results-ownership"), (p) => (p.rule = { objectOwnership: "ObjectWriter" })),
            }],
        },
        {
            policy: s3DataNotExpired,
            cases: [{
                name: "a rule expiring current objects of the lake", urn: "lake", message: /BucketLifecycleConfiguration "lake-lifecycle" of Bucket "lake" expires current objects \(rule expire-raw\)/,
                change: (rs) => edit(named(rs, "lake-lifecycle"), (p) => (p.rules = [...(p.rules as object[]), { id: "expire-raw", status: "Enabled", filter: { prefix: "sales/" }, expiration: { days: 30 } }])),
            }, {
                name: "the lake's purpose tag dropped, still registered with Lake Formation", urn: "lake", message: /expires current objects \(rule by-date\)/,
                change: (rs) => {
                    edit(named(rs, "lake"), (p) => { p.tags = {}; p.tagsAll = {}; });
                    edit(named(rs, "lake-lifecycle"), (p) => (p.rules = [{ id: "by-date", status: "Enabled", expiration: { date: "2027-01-01T00:00:00Z" } }]));
                },
            }],
        },
    ];

    for (const { policy, cases } of BUCKET_CASES) {
        describe(policy.name, () => {
            it("passes both stacks as planned", async () => {
                for (const stack of ["dev", "prod"] as const) expectNoViolations(await check(policy, asPolicyResources(...(await exportOf(stack)))));
            });
            for (const c of cases) {
                it(`fails prod: ${c.name}`, async () => {
                    const resources = await exportOf("prod");
                    const changed = c.change(resources) ?? resources;
                    expectOneViolation(await check(policy, asPolicyResources(...changed)), { policy: policy.name, urn: named(changed, c.urn).urn, change: c.message });
                });
            }
        });
    }

    it("controls: expiring delete markers or noncurrent versions only, or a disabled rule, is not expiring data", async () => {
        const resources = await exportOf("prod");
        edit(named(resources, "lake-lifecycle"), (p) => (p.rules = [...(p.rules as object[]),
            { id: "markers", status: "Enabled", expiration: { expiredObjectDeleteMarker: true } },
            { id: "off", status: "Disabled", expiration: { days: 1 } }]));
        expectNoViolations(await check(s3DataNotExpired, asPolicyResources(...resources)));
    });

    it("dev (protectData: false) may force-destroy and expire its buckets", async () => {
        const resources = await exportOf("dev");
        edit(named(resources, "lake"), (p) => (p.forceDestroy = true));
        edit(named(resources, "lake-lifecycle"), (p) => (p.rules = [{ id: "expire", status: "Enabled", expiration: { days: 7 } }]));
        expectNoViolations(await check(s3BucketNoForceDestroy, asPolicyResources(...resources)));
        expectNoViolations(await check(s3DataNotExpired, asPolicyResources(...resources)));
    });
});
