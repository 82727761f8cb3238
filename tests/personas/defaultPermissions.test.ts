import { expect } from "chai";
import { defaultPermissions } from "../../policies/access/stack/lakeFormationFacts";

describe("Lake Formation default permissions, as each resource type writes them", () => {
    it("reads DataLakeSettings' string principals", () => {
        const props = { createTableDefaultPermissions: [{ principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["ALL"] }] };
        expect(defaultPermissions(props, "createTableDefaultPermissions")).to.deep.equal([{ principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["ALL"] }]);
    });

    it("reads a Glue database's { dataLakePrincipalIdentifier } principals", () => {
        const props = { createTableDefaultPermissions: [{ principal: { dataLakePrincipalIdentifier: "IAM_ALLOWED_PRINCIPALS" }, permissions: ["ALL"] }] };
        expect(defaultPermissions(props, "createTableDefaultPermissions")).to.deep.equal([{ principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["ALL"] }]);
    });
});
