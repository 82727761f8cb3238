import { unknownCheckingProxy } from "@pulumi/policy";
import { expect } from "chai";
import { iamFacts } from "../../../policies/lib/iamRoles";
import { declared, indexBy, referencedResource, referencedResources } from "../../../policies/lib/referenceLookup";
import { propertyReference, refersTo } from "../../../policies/lib/references";
import { UNKNOWN_STRING, asPolicyResources, crafted, inPreview } from "../baseline/crafted";

const ROLE = "aws:iam/role:Role";
const ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

describe("shared policy helpers: references between resources", () => {
    it("read a list property element by element, with the URNs it was computed from", () => {
        const [role, attachment] = asPolicyResources(
            crafted(ROLE, "a", { name: "a" }),
            crafted("aws:iam/policyAttachment:PolicyAttachment", "attach", {}),
        );
        attachment.props = unknownCheckingProxy({ roles: ["b", UNKNOWN_STRING, ""] });
        attachment.propertyDependencies = { roles: [role] };
        expect(propertyReference(attachment, "roles")).to.deep.equal({ values: ["b"], unknown: true, dependencies: [role.urn] });
    });

    it("match property dependencies by URN, so that a copy of the resources still matches", () => {
        const [bucket, versioning] = asPolicyResources(crafted("aws:s3/bucket:Bucket", "b", {}), crafted("aws:s3/bucketVersioning:BucketVersioning", "v", {}));
        inPreview(versioning, "bucket");
        versioning.propertyDependencies = { bucket: [{ ...bucket }] };
        expect(refersTo(versioning, "bucket", bucket, [])).to.equal(true);
    });

    it("look a single reference up by value, else by its property's dependencies, else by the one candidate the resource depends on", () => {
        const [a, b, byValue, byProperty, byDependency, ambiguous] = asPolicyResources(
            crafted(ROLE, "a", { name: "role-a" }),
            crafted(ROLE, "b", { name: "role-b" }),
            crafted("aws:iam/rolePolicy:RolePolicy", "by-value", { role: "role-b" }),
            crafted("aws:iam/rolePolicy:RolePolicy", "by-property", {}),
            crafted("aws:iam/rolePolicy:RolePolicy", "by-dependency", {}),
            crafted("aws:iam/rolePolicy:RolePolicy", "ambiguous", {}),
        );
        const roles = [a, b].map((r) => ({ ...declared(r), roleName: r.props.name as string }));
        const byName = indexBy(roles, (r) => [r.roleName]);
        const byUrn = new Map(roles.map((r) => [r.urn, r]));
        for (const r of [byProperty, byDependency, ambiguous]) inPreview(r, "role");
        byProperty.propertyDependencies = { role: [a] };
        byDependency.dependencies = [b];
        ambiguous.dependencies = [a, b];
        expect(referencedResource(byValue, "role", byName, byUrn)?.name).to.equal("b");
        expect(referencedResource(byProperty, "role", byName, byUrn)?.name).to.equal("a");
        expect(referencedResource(byDependency, "role", byName, byUrn)?.name).to.equal("b");
        expect(referencedResource(ambiguous, "role", byName, byUrn)).to.equal(undefined);
        expect(referencedResources(byProperty, "role", byName, byUrn).map((r) => r.name)).to.deep.equal(["a"]);
    });
});

describe("shared policy helpers: the policies a stack gives a role", () => {
    it("attribute a PolicyAttachment whose roles preview does not know through the property's dependencies", () => {
        const [role, attachment] = asPolicyResources(
            crafted(ROLE, "analyst", { name: "analyst" }),
            crafted("aws:iam/policyAttachment:PolicyAttachment", "everything", { policyArn: ADMINISTRATOR_ACCESS }),
        );
        inPreview(attachment, "roles");
        attachment.propertyDependencies = { roles: [role] };
        const [facts] = iamFacts([role, attachment]).roles;
        expect(facts.attachments.map((a) => [a.policyArn, a.declaredBy.name])).to.deep.equal([[ADMINISTRATOR_ACCESS, "everything"]]);
    });

    it("count an inline policy without a name, and a managed policy listed by the role and an attachment once, by the attachment", () => {
        const document = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
        const resources = asPolicyResources(
            crafted(ROLE, "r", { name: "r", inlinePolicies: [{ policy: document }, { name: "", policy: "" }], managedPolicyArns: [ADMINISTRATOR_ACCESS] }),
            crafted("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "attach", { role: "r", policyArn: ADMINISTRATOR_ACCESS }),
        );
        const [facts] = iamFacts(resources).roles;
        expect(facts.inlinePolicies.map((p) => p.policyName)).to.deep.equal(["inlinePolicies[0]"]);
        expect(facts.attachments.map((a) => a.declaredBy.name)).to.deep.equal(["attach"]);
    });
});
