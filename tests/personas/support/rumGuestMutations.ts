import type { EditableExport } from "./stackEdits";
import type { Mutation } from "./mutations";

/**
 * Regressions of the RUM guest role (WebAppMonitor): credentials every visitor's browser holds.
 * Each must make a rum-guest row fail, naming what changed.
 */
type Trust = { Statement: { Principal?: unknown; Action?: unknown; Condition?: Record<string, Record<string, unknown>> }[] };

const AUD = "cognito-identity.amazonaws.com:aud";
const AMR = "cognito-identity.amazonaws.com:amr";

const guestRole = (e: EditableExport) => e.personaRole("rum-guest");
const monitorArn = (e: EditableExport) => e.find("aws:rum/appMonitor:AppMonitor", "web-app-monitor-monitor").outputs.arn as string;

function statement(id: string, what: (e: EditableExport) => { Action: string | string[]; Resource: string | string[] }): Mutation {
    const policyName = `regression-guest-${id}`;
    return {
        name: `rum-guest: ${id} (inline RolePolicy)`,
        persona: "rum-guest",
        apply: (e) => {
            e.addInlinePolicy(guestRole(e), policyName, [{ Sid: "Regression", Effect: "Allow", ...what(e) }]);
            return policyName;
        },
    };
}

function trust(id: string, edit: (t: Trust, e: EditableExport) => void): Mutation {
    return {
        name: `rum-guest: trust ${id}`,
        persona: "rum-guest",
        apply: (e) => {
            const role = guestRole(e);
            const document = JSON.parse(role.outputs.assumeRolePolicy as string) as Trust;
            edit(document, e);
            role.outputs.assumeRolePolicy = role.inputs.assumeRolePolicy = JSON.stringify(document);
            return role.outputs.name as string;
        },
    };
}

export function rumGuestMutations(): Mutation[] {
    return [
        statement("everything", () => ({ Action: "*", Resource: "*" })),
        statement("rum-star-on-its-monitor", (e) => ({ Action: "rum:*", Resource: monitorArn(e) })),
        statement("update-its-monitor", (e) => ({ Action: "rum:UpdateAppMonitor", Resource: monitorArn(e) })),
        statement("put-events-any-monitor", (e) => ({ Action: "rum:PutRumEvents", Resource: monitorArn(e).replace(/appmonitor\/.*$/, "appmonitor/*") })),
        statement("put-events-star", () => ({ Action: "rum:PutRumEvents", Resource: "*" })),
        statement("set-identity-pool-roles", () => ({ Action: "cognito-identity:SetIdentityPoolRoles", Resource: "*" })),
        statement("pass-any-role", () => ({ Action: "iam:PassRole", Resource: "*" })),
        statement("read-any-object", () => ({ Action: "s3:GetObject", Resource: "*" })),
        {
            name: "rum-guest: rum:PutRumEvents on another app monitor of the stack", persona: "rum-guest",
            apply: (e) => {
                const arn = monitorArn(e).replace(/appmonitor\/.*$/, "appmonitor/another-app");
                e.add("aws:rum/appMonitor:AppMonitor", "another-app-monitor", { name: "another-app", arn, domainLists: ["other.example.com"] });
                e.addInlinePolicy(guestRole(e), "regression-guest-other-monitor", [{ Effect: "Allow", Action: "rum:PutRumEvents", Resource: arn }]);
                return "regression-guest-other-monitor";
            },
        },
        {
            name: "rum-guest: AmazonCognitoPowerUser attached", persona: "rum-guest",
            apply: (e) => (e.attach(guestRole(e), "arn:aws:iam::aws:policy/AmazonCognitoPowerUser"), "AmazonCognitoPowerUser"),
        },
        trust("without the aud condition (any identity pool)", (t) => delete t.Statement[0].Condition!.StringEquals),
        trust("with any pool (StringLike aud *)", (t) => {
            const condition = t.Statement[0].Condition!;
            delete condition.StringEquals;
            condition.StringLike = { [AUD]: "*" };
        }),
        trust("for authenticated identities", (t) => (t.Statement[0].Condition!["ForAnyValue:StringLike"][AMR] = "authenticated")),
        trust("without the amr condition", (t) => delete t.Statement[0].Condition!["ForAnyValue:StringLike"]),
        trust("adding the account's roles", (t) => t.Statement.push({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::123456789012:root" } } as never)),
        trust("adding a service", (t) => t.Statement.push({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } } as never)),
        {
            name: "rum-guest: its role loses the persona tag (dropped, not skipped)", persona: "rum-guest",
            apply: (e) => {
                const role = guestRole(e);
                for (const field of ["tags", "tagsAll"]) {
                    const tags = { ...(role.outputs[field] as Record<string, string>) };
                    delete tags.persona;
                    role.outputs[field] = tags;
                    if (role.inputs[field]) role.inputs[field] = tags;
                }
                return "persona=rum-guest";
            },
        },
    ];
}
