import { expect } from "chai";
import { isWildcardResourceOnly } from "../../../policies/baseline/lib/iamActionNames";
import {
    iamActionsExist,
    iamNoUsersOrAccessKeys,
    iamNoWildcardActions,
    iamNoWildcardResources,
    iamNoAdministratorAccess,
    iamRoleTrustMatchesPersona,
} from "../../../policies/baseline/rules/iam";
import { WILDCARD_RESOURCE_ACTIONS } from "../../../policies/baseline/rules/wildcardResourceActions";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, inPreview, named } from "./crafted";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

function document(...statements: Record<string, unknown>[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

function rolePolicy(name: string, ...statements: Record<string, unknown>[]) {
    return crafted(ROLE_POLICY, name, { role: "some-role", name, policy: document(...statements) });
}

describe("baseline IAM rules", () => {
    describe("iam-no-wildcard-actions", () => {
        it("passes the prod stack", async () => {
            expectNoViolations(await check(iamNoWildcardActions, asPolicyResources(...(await exportOf("prod")))));
        });

        it('fails "service:*" in an inline policy', async () => {
            const policy = rolePolicy("greedy", { Sid: "AllS3", Effect: "Allow", Action: ["s3:GetObject", "s3:*"], Resource: "arn:aws:s3:::b/*" });
            expectOneViolation(await check(iamNoWildcardActions, asPolicyResources(policy)), {
                policy: "iam-no-wildcard-actions",
                urn: policy.urn,
                change: 'policy (statement "AllS3") allows "s3:*": list the actions it needs instead',
            });
        });

        it("fails an Allow with NotAction in a customer-managed policy and in a role's inlinePolicies, not a Deny with *", async () => {
            const managed = crafted("aws:iam/policy:Policy", "all-but-iam", { policy: document({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) });
            expectOneViolation(await check(iamNoWildcardActions, asPolicyResources(managed)), { policy: "iam-no-wildcard-actions", urn: managed.urn, change: "use Action with the actions it needs" });
            const role = crafted("aws:iam/role:Role", "inline", { inlinePolicies: [{ name: "x", policy: document({ Effect: "Allow", Action: "*", Resource: "*" }) }] });
            expectOneViolation(await check(iamNoWildcardActions, asPolicyResources(role)), { policy: "iam-no-wildcard-actions", urn: role.urn, change: 'inlinePolicies[0].policy (statement #1) allows "*"' });
            expectNoViolations(await check(iamNoWildcardActions, asPolicyResources(rolePolicy("deny", { Effect: "Deny", Action: "*", Resource: "*" }))));
        });
    });

    describe("iam-no-wildcard-resources", () => {
        it("passes the prod stack, whose only \"*\" resources are for athena:ListWorkGroups and lakeformation:GetDataAccess", async () => {
            expectNoViolations(await check(iamNoWildcardResources, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails an action with resource-level permissions allowed on \"*\"", async () => {
            const policy = rolePolicy("everywhere", { Effect: "Allow", Action: ["athena:ListWorkGroups", "s3:GetObject"], Resource: "*" });
            const violation = expectOneViolation(await check(iamNoWildcardResources, asPolicyResources(policy)), {
                policy: "iam-no-wildcard-resources",
                urn: policy.urn,
                change: "allows s3:GetObject on every resource: name the resources' ARNs instead",
            });
            expect(violation.message).not.to.contain("athena:ListWorkGroups");
        });

        it("counts an ARN that names every resource of a service as \"*\" (arn:aws:s3:::*, arn:aws:kms:*:*:*)", async () => {
            for (const resource of ["arn:aws:s3:::*", "arn:aws:kms:*:*:*", "arn:aws:*"]) {
                const policy = rolePolicy(`every-${resource.length}`, { Effect: "Allow", Action: "s3:GetObject", Resource: resource });
                expectOneViolation(await check(iamNoWildcardResources, asPolicyResources(policy)), { policy: "iam-no-wildcard-resources", urn: policy.urn, change: "allows s3:GetObject on every resource" });
            }
            expectNoViolations(await check(iamNoWildcardResources, asPolicyResources(rolePolicy("one-bucket", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::lake/*" }))));
        });

        it("documents a reason for every listed action, and lists only actions that cannot be scoped to a resource", async () => {
            for (const [action, reason] of Object.entries(WILDCARD_RESOURCE_ACTIONS)) {
                expect(reason, action).to.have.length.greaterThan(20);
                expect(await isWildcardResourceOnly(action), `${action} has resource-level permissions`).to.equal(true);
            }
            expect(await isWildcardResourceOnly("s3:GetObject")).to.equal(false);
        });
    });

    describe("iam-actions-exist", () => {
        it("passes every identity, trust and resource policy of the prod stack", async () => {
            expectNoViolations(await check(iamActionsExist, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails misspelled actions, unknown services and wildcards that match nothing", async () => {
            const policy = rolePolicy("typos", { Effect: "Allow", Action: ["s3:GetObjekt", "s4:GetObject", "glue:Gte*", "athena:Get*"], Resource: "arn:aws:s3:::b/*" });
            const violation = expectOneViolation(await check(iamActionsExist, asPolicyResources(policy)), {
                policy: "iam-actions-exist",
                urn: policy.urn,
                change: "correct or remove them",
            });
            expect(violation.message).to.contain('s3 has no action "GetObjekt"').and.contain('no service "s4"').and.contain('"glue:Gte*" matches no glue action');
            expect(violation.message).not.to.contain("athena:Get*");
        });

        it("fails a misspelled action in a bucket policy's Deny, where it would silently deny nothing", async () => {
            const resources = await exportOf("prod");
            edit(named(resources, "lake-policy"), (p) => {
                p.policy = (p.policy as string).replace('"s3:*"', '"s3:Delete0bject"');
            });
            expectOneViolation(await check(iamActionsExist, asPolicyResources(...resources)), {
                policy: "iam-actions-exist",
                urn: named(resources, "lake-policy").urn,
                change: 's3 has no action "Delete0bject"',
            });
        });

        it("fails a document that is not JSON", async () => {
            const policy = crafted(ROLE_POLICY, "broken", { role: "r", policy: "{ not json" });
            expectOneViolation(await check(iamActionsExist, asPolicyResources(policy)), { policy: "iam-actions-exist", urn: policy.urn, change: "is not valid JSON: fix the policy document" });
        });
    });

    describe("iam-no-users-or-access-keys", () => {
        it("passes the prod stack", async () => {
            expectNoViolations(await check(iamNoUsersOrAccessKeys, asPolicyResources(...(await exportOf("prod")))));
        });

        for (const type of ["aws:iam/user:User", "aws:iam/accessKey:AccessKey", "aws:iam/userLoginProfile:UserLoginProfile"]) {
            it(`fails ${type}`, async () => {
                const resource = crafted(type, "alice", { user: "alice" });
                expectOneViolation(await check(iamNoUsersOrAccessKeys, asPolicyResources(resource)), {
                    policy: "iam-no-users-or-access-keys",
                    urn: resource.urn,
                    change: "let the person assume a persona role",
                });
            });
        }
    });

    describe("iam-no-administrator-access", () => {
        it("passes the prod stack", async () => {
            expectNoViolations(await check(iamNoAdministratorAccess, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails a persona role with AdministratorAccess attached", async () => {
            const resources = await exportOf("prod");
            const analyst = named(resources, "analyst-sales-analysts-role");
            resources.push(crafted("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "analyst-admin", {
                role: analyst.outputs.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
            }));
            expectOneViolation(await check(iamNoAdministratorAccess, asPolicyResources(...resources)), {
                policy: "iam-no-administrator-access",
                urn: analyst.urn,
                change: 'AdministratorAccess attached by RolePolicyAttachment "analyst-admin": remove it',
            });
        });

        it("fails a persona role given AdministratorAccess through managedPolicyArns, or an inline Allow of * on *", async () => {
            const viaArns = crafted("aws:iam/role:Role", "leader", { name: "leader", tags: { persona: "project-leader" }, managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] });
            expectOneViolation(await check(iamNoAdministratorAccess, asPolicyResources(viaArns)), {
                policy: "iam-no-administrator-access", urn: viaArns.urn, change: "AdministratorAccess in its managedPolicyArns",
            });
            const inline = crafted("aws:iam/role:Role", "admin", { name: "admin", tags: { persona: "data-lake-admin" } });
            const everything = crafted(ROLE_POLICY, "admin-everything", { role: "admin", policy: document({ Effect: "Allow", Action: "*", Resource: "*" }) });
            expectOneViolation(await check(iamNoAdministratorAccess, asPolicyResources(inline, everything)), {
                policy: "iam-no-administrator-access", urn: inline.urn, change: 'RolePolicy "admin-everything" allowing "*" on "*"',
            });
        });

        it("fails ANY role, not only persona-tagged ones, and a \"*:*\" statement in a customer managed policy", async () => {
            const deployer = crafted("aws:iam/role:Role", "deployer", { name: "deployer", managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] });
            expectOneViolation(await check(iamNoAdministratorAccess, asPolicyResources(deployer)), {
                policy: "iam-no-administrator-access", urn: deployer.urn, change: "AdministratorAccess in its managedPolicyArns",
            });
            const etl = crafted("aws:iam/role:Role", "etl", { name: "etl" });
            const policy = crafted("aws:iam/policy:Policy", "everything", { name: "everything", arn: "arn:aws:iam::123456789012:policy/everything", policy: document({ Effect: "Allow", Action: "*:*", Resource: "*" }) });
            const attachment = crafted("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "etl-everything", { role: "etl", policyArn: "arn:aws:iam::123456789012:policy/everything" });
            expectOneViolation(await check(iamNoAdministratorAccess, asPolicyResources(etl, policy, attachment)), {
                policy: "iam-no-administrator-access", urn: etl.urn, change: 'Policy "everything" allowing "*" on "*"',
            });
        });

        const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
        const USERS_AND_GROUPS: { name: string; resources: () => ReturnType<typeof crafted>[]; subject: string; change: string }[] = [
            { name: "a UserPolicyAttachment", subject: "alice", change: 'AdministratorAccess (given by UserPolicyAttachment "alice-admin")',
                resources: () => [crafted("aws:iam/user:User", "alice", { name: "alice" }), crafted("aws:iam/userPolicyAttachment:UserPolicyAttachment", "alice-admin", { user: "alice", policyArn: ADMIN })] },
            { name: "a GroupPolicyAttachment", subject: "admins", change: 'AdministratorAccess (given by GroupPolicyAttachment "admins-admin")',
                resources: () => [crafted("aws:iam/group:Group", "admins", { name: "admins" }), crafted("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "admins-admin", { group: "admins", policyArn: ADMIN })] },
            { name: "a PolicyAttachment's users", subject: "bob", change: 'AdministratorAccess (given by PolicyAttachment "everyone-admin")',
                resources: () => [crafted("aws:iam/user:User", "bob", { name: "bob" }), crafted("aws:iam/policyAttachment:PolicyAttachment", "everyone-admin", { users: ["bob"], roles: [], groups: [], policyArn: ADMIN })] },
            { name: "an inline GroupPolicy allowing * on *", subject: "ops", change: 'an inline policy allowing "*" on "*" (given by GroupPolicy "ops-everything")',
                resources: () => [crafted("aws:iam/group:Group", "ops", { name: "ops" }), crafted("aws:iam/groupPolicy:GroupPolicy", "ops-everything", { group: "ops", policy: document({ Effect: "Allow", Action: "*", Resource: "*" }) })] },
            { name: "a UserPolicyAttachment to a user the stack does not declare (reported on the attachment)", subject: "carol-admin", change: "for IAM user carol, given by UserPolicyAttachment",
                resources: () => [crafted("aws:iam/userPolicyAttachment:UserPolicyAttachment", "carol-admin", { user: "carol", policyArn: ADMIN })] },
        ];
        for (const { name, resources, subject, change } of USERS_AND_GROUPS) {
            it(`fails a user or group given AdministratorAccess through ${name}`, async () => {
                const crafts = resources();
                const target = crafts.find((r) => r.urn.endsWith(`::${subject}`))!;
                expectOneViolation(await check(iamNoAdministratorAccess, asPolicyResources(...crafts)), { policy: "iam-no-administrator-access", urn: target.urn, change });
            });
        }

        it("passes a user or group with a scoped policy, and a conditioned * on *", async () => {
            expectNoViolations(await check(iamNoAdministratorAccess, asPolicyResources(
                crafted("aws:iam/group:Group", "readers", { name: "readers" }),
                crafted("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "readers-ro", { group: "readers", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
                crafted("aws:iam/groupPolicy:GroupPolicy", "readers-mfa", { group: "readers", policy: document({ Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }) }),
            )));
        });

        it("in a preview, finds AdministratorAccess attached to a new persona role, beside policies it cannot know yet", async () => {
            const [role, attachment] = asPolicyResources(
                crafted("aws:iam/role:Role", "leader", { name: "leader", tags: { persona: "project-leader" } }),
                crafted("aws:iam/policyAttachment:PolicyAttachment", "everything", { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
            );
            inPreview(role, "managedPolicyArns");
            inPreview(attachment, "roles");
            attachment.propertyDependencies = { roles: [role] };
            expectOneViolation(await check(iamNoAdministratorAccess, [role, attachment]), {
                policy: "iam-no-administrator-access", urn: role.urn, change: 'AdministratorAccess attached by PolicyAttachment "everything"',
            });
        });
    });

    describe("iam-role-trust-matches-persona", () => {
        it("passes the prod stack: people's roles trust the account, the workflow and location roles trust their service", async () => {
            expectNoViolations(await check(iamRoleTrustMatchesPersona, asPolicyResources(...(await exportOf("prod")))));
        });

        it("fails the workflow role made assumable by an account principal", async () => {
            const resources = await exportOf("prod");
            const workflow = named(resources, "workflow-role");
            edit(workflow, (p) => {
                const trust = JSON.parse(p.assumeRolePolicy as string);
                trust.Statement.push({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::123456789012:root" } });
                p.assumeRolePolicy = JSON.stringify(trust);
            });
            expectOneViolation(await check(iamRoleTrustMatchesPersona, asPolicyResources(...resources)), {
                policy: "iam-role-trust-matches-persona",
                urn: workflow.urn,
                change: "lets AWS:arn:aws:iam::123456789012:root assume it: remove the AWS, Federated and \"*\" principals",
            });
        });

        it("fails a people's role that a service may assume", async () => {
            const role = crafted("aws:iam/role:Role", "analyst", {
                tags: { persona: "analyst" },
                assumeRolePolicy: document({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com", AWS: "arn:aws:iam::123456789012:root" } }),
            });
            expectOneViolation(await check(iamRoleTrustMatchesPersona, asPolicyResources(role)), {
                policy: "iam-role-trust-matches-persona",
                urn: role.urn,
                change: "lets Service:lambda.amazonaws.com assume it: remove the Service principals",
            });
        });
    });
});
