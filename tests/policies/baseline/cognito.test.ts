import { cognitoIdentityTrustScoped } from "../../../policies/baseline/rules/cognito";
import { asPolicyResources, check, expectNoViolations, expectOneViolation, exportOf, named } from "./crafted";

const AUD = "cognito-identity.amazonaws.com:aud";
const AMR = "cognito-identity.amazonaws.com:amr";

describe("baseline Cognito rules", () => {
    describe("cognito-identity-trust-scoped", () => {
        it("passes both planned stacks: the guest role pins its pool and unauthenticated identities", async () => {
            for (const stack of ["dev", "prod"] as const) expectNoViolations(await check(cognitoIdentityTrustScoped, asPolicyResources(...(await exportOf(stack)))));
        });

        const edits: [string, (condition: Record<string, Record<string, unknown>>) => void, string][] = [
            ["without the aud condition", (c) => delete c.StringEquals, `no StringEquals condition on ${AUD}`],
            ["with a wildcard pool", (c) => (c.StringEquals[AUD] = "ap-northeast-1:*"), `a wildcard in ${AUD}`],
            ["without the amr condition", (c) => delete c["ForAnyValue:StringLike"], `no ForAnyValue:StringLike condition on ${AMR}`],
            ["with amr matching anything", (c) => (c["ForAnyValue:StringLike"][AMR] = "*"), `${AMR} values other than`],
        ];
        for (const [what, edit, change] of edits) {
            it(`fails the guest role's trust ${what}`, async () => {
                const resources = await exportOf("prod");
                const role = named(resources, "web-app-monitor-guest-role");
                const trust = JSON.parse(role.outputs.assumeRolePolicy as string) as { Statement: { Condition: Record<string, Record<string, unknown>> }[] };
                edit(trust.Statement[0].Condition);
                role.outputs.assumeRolePolicy = role.inputs.assumeRolePolicy = JSON.stringify(trust);
                expectOneViolation(await check(cognitoIdentityTrustScoped, asPolicyResources(...resources)), { policy: "cognito-identity-trust-scoped", urn: role.urn, change });
            });
        }
    });
});
