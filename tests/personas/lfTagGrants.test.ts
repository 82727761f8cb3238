import { expect } from "chai";
import { AccessEvaluator } from "../../policies/access";
import { EditableExport } from "./support/stackEdits";

/** LF-tag policy grants read as access: the tables (or databases) whose LF-tags match every expression. */
describe("LF-tag policy grants", () => {
    let pristine: EditableExport;
    before(async () => {
        pristine = await EditableExport.of("prod");
    });
    const copy = () => new EditableExport(JSON.parse(JSON.stringify(pristine.resources)));
    const tag = (e: EditableExport, name: string, on: Record<string, unknown>, tags: Record<string, string>) =>
        e.add("aws:lakeformation/resourceLfTags:ResourceLfTags", name, { ...on, lfTags: Object.entries(tags).map(([key, value]) => ({ key, value })) });
    const tagGrant = (e: EditableExport, permissions: string[], resourceType: string, expressions: Record<string, string[]>) =>
        e.grant("tag-grant", e.personaRole("analyst"), permissions, { lfTagPolicy: { resourceType, expressions: Object.entries(expressions).map(([key, values]) => ({ key, values })) } });
    const evaluate = (e: EditableExport) => {
        const access = new AccessEvaluator(e.policyResources());
        return { access, analyst: access.personaRoles().find((p) => p.persona === "analyst")!.role };
    };

    it("a table inherits its database's tags: SELECT reaches the column the analyst's own grant excludes", () => {
        const e = copy();
        tag(e, "db-tags", { database: { name: "sales" } }, { sensitivity: "restricted" });
        tagGrant(e, ["SELECT"], "TABLE", { sensitivity: ["restricted"] });
        const { access, analyst } = evaluate(e);
        const verdict = access.lakeFormation.select(analyst, "sales", "sales", "item_price");
        expect(verdict.allowed).to.equal(true);
        expect(verdict.why).to.include("grant tag-grant (its LF-tag policy sensitivity=restricted matches table sales.sales)");
    });

    it("a table's own value of a key overrides its database's", () => {
        const e = copy();
        tag(e, "db-tags", { database: { name: "sales" } }, { sensitivity: "restricted" });
        tag(e, "table-tags", { table: { databaseName: "sales", name: "sales" } }, { sensitivity: "public" });
        tagGrant(e, ["SELECT"], "TABLE", { sensitivity: ["restricted"] });
        const { access, analyst } = evaluate(e);
        expect(access.lakeFormation.select(analyst, "sales", "sales", "item_price").allowed).to.equal(false);
        expect(access.lakeFormation.select(analyst, "sales", "shops").why).to.match(/grant/);
    });

    it("every expression must match (AND over keys); a value list matches any of its values", () => {
        const e = copy();
        tag(e, "table-tags", { table: { databaseName: "sales", name: "sales" } }, { sensitivity: "internal" });
        tagGrant(e, ["SELECT"], "TABLE", { sensitivity: ["public", "internal"], domain: ["finance"] });
        const { access, analyst } = evaluate(e);
        expect(access.lakeFormation.select(analyst, "sales", "sales", "item_price").allowed).to.equal(false);
        const e2 = copy();
        tag(e2, "table-tags", { table: { databaseName: "sales", name: "sales" } }, { sensitivity: "internal", domain: "finance" });
        tagGrant(e2, ["SELECT"], "TABLE", { sensitivity: ["public", "internal"], domain: ["finance"] });
        const second = evaluate(e2);
        expect(second.access.lakeFormation.select(second.analyst, "sales", "sales", "item_price").allowed).to.equal(true);
    });

    it("a tag value that is a secret leaves the grant's reach undecided, never absent", () => {
        const e = copy();
        e.add("aws:lakeformation/resourceLfTags:ResourceLfTags", "db-tags", { database: { name: "sales" }, lfTags: [{ key: "sensitivity", value: "[secret]" }] });
        tagGrant(e, ["SELECT"], "TABLE", { sensitivity: ["restricted"] });
        const { access, analyst } = evaluate(e);
        expect(access.lakeFormation.select(analyst, "sales", "sales", "item_price").allowed).to.equal("unknown");
    });

    it("resourceType DATABASE gives the permissions on the matching databases", () => {
        const e = copy();
        tag(e, "db-tags", { database: { name: "sales" } }, { team: "analytics" });
        tagGrant(e, ["CREATE_TABLE"], "DATABASE", { team: ["analytics"] });
        const { access, analyst } = evaluate(e);
        const verdict = access.lakeFormation.databasePermission(analyst, "sales", "CREATE_TABLE");
        expect(verdict.allowed).to.equal(true);
        expect(verdict.why).to.include("matches database sales");
    });
});
