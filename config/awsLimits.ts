/**
 * Limits AWS sets on values the config passes through, each with the page that states it. One
 * home: the config schema and the policies that check the same values read them from here.
 */

/**
 * Athena's smallest per-query scan cutoff: 10 MB. terraform-provider-aws (under @pulumi/aws)
 * refuses less than 10485760 for `bytes_scanned_cutoff_per_query`, stricter than the API's
 * 10000000 ("Configure per-query and per-workgroup data usage controls").
 */
export const ATHENA_MIN_BYTES_SCANNED_CUTOFF = 10_485_760;

const PRIMITIVE_TYPES = ["boolean", "tinyint", "smallint", "int", "integer", "bigint", "float", "double", "string", "binary", "date", "timestamp", "decimal"];

const COLUMN_TYPES_EXPECTED =
    "a Hive column type Athena reads: boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), char(n), varchar(n), string, binary, date, timestamp, or array<...>, map<...>, struct<...> of them";

/**
 * Checks a Glue column type as Athena's DDL reads it ("Data types in Amazon Athena"): returns
 * undefined when valid, else what was expected. decimal takes precision 1-38 and scale 0 to the
 * precision, char 1-255 characters, varchar 1-65535; map keys are primitive types.
 */
export function columnTypeProblem(type: string): string | undefined {
    const parser = new TypeParser(type.replace(/\s+/g, ""));
    try {
        parser.type();
        if (!parser.done()) return COLUMN_TYPES_EXPECTED;
        return undefined;
    } catch (err) {
        return (err as Error).message;
    }
}

class TypeParser {
    private at = 0;
    constructor(private readonly text: string) {}

    done(): boolean {
        return this.at === this.text.length;
    }

    type(): void {
        const name = this.word();
        if (name === "array") return this.generic(() => this.type());
        if (name === "map") return this.generic(() => { this.primitive(this.word()); this.expect(","); this.type(); });
        if (name === "struct") return this.generic(() => this.fields());
        this.primitive(name);
    }

    private primitive(name: string): void {
        if (name === "decimal" && this.peek("(")) {
            const [precision, scale] = this.numbers(2);
            if (precision < 1 || precision > 38 || scale > precision) throw new Error("decimal(p,s) with precision 1-38 and scale 0 to precision");
        } else if (name === "char" || name === "varchar") {
            const [length] = this.numbers(1);
            const max = name === "char" ? 255 : 65535;
            if (length < 1 || length > max) throw new Error(`${name}(n) with n from 1 to ${max}`);
        } else if (!PRIMITIVE_TYPES.includes(name)) {
            throw new Error(COLUMN_TYPES_EXPECTED);
        }
    }

    private fields(): void {
        do {
            if (!/^[a-z0-9_]+$/.test(this.word())) throw new Error("struct<name:type,...> with lower-case field names");
            this.expect(":");
            this.type();
        } while (this.take(","));
    }

    private generic(inner: () => void): void {
        this.expect("<");
        inner();
        this.expect(">");
    }

    private numbers(count: number): number[] {
        this.expect("(");
        const values: number[] = [];
        for (let i = 0; i < count; i++) {
            if (i > 0) this.expect(",");
            const match = /^\d+/.exec(this.text.slice(this.at));
            if (!match) throw new Error(COLUMN_TYPES_EXPECTED);
            this.at += match[0].length;
            values.push(Number(match[0]));
        }
        this.expect(")");
        return values;
    }

    private word(): string {
        const match = /^[a-z0-9_]+/.exec(this.text.slice(this.at));
        if (!match) throw new Error(COLUMN_TYPES_EXPECTED);
        this.at += match[0].length;
        return match[0];
    }

    private peek(c: string): boolean {
        return this.text[this.at] === c;
    }

    private take(c: string): boolean {
        if (!this.peek(c)) return false;
        this.at++;
        return true;
    }

    private expect(c: string): void {
        if (!this.take(c)) throw new Error(COLUMN_TYPES_EXPECTED);
    }
}
