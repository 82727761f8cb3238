import * as pulumi from "@pulumi/pulumi";
import { SECRET_PLACEHOLDER } from "./stackFile";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const rpc = pulumi.runtime;

/**
 * Turns a property value as it crosses the resource-monitor RPC (protobuf Struct, then
 * `toJavaScript()`) into plain JSON for the stack export:
 *
 * - secrets become "[secret]": a real `pulumi stack export` shows only ciphertext there, so
 *   checks that pass offline cannot rely on a value they would not see on a real export, and
 *   plan files and CI logs never carry a secret;
 * - resource references become the referenced resource's id (custom resources) or URN
 *   (components), as the SDK itself does when it cannot rehydrate a reference;
 * - output values become their value; unknowns (only possible in a preview) are dropped;
 * - assets and archives keep Pulumi's signature key, as in a real export.
 */
export function toPlainJson(value: unknown): JsonValue | undefined {
    if (value === undefined || value === rpc.unknownValue) {
        return undefined;
    }
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        return value;
    }
    if (Array.isArray(value)) {
        return value.map((v) => toPlainJson(v) ?? null);
    }
    if (typeof value !== "object") {
        return undefined;
    }
    const obj = value as Record<string, unknown>;
    switch (obj[rpc.specialSigKey]) {
        case rpc.specialSecretSig:
            return SECRET_PLACEHOLDER;
        case rpc.specialResourceSig: {
            const id = obj["id"];
            return typeof id === "string" && id !== "" ? id : String(obj["urn"]);
        }
        case rpc.specialOutputValueSig:
            if (obj["secret"] === true) {
                return SECRET_PLACEHOLDER;
            }
            return toPlainJson(obj["value"]);
        default:
            return toPlainObject(obj);
    }
}

export function toPlainObject(value: unknown): JsonObject {
    const out: JsonObject = {};
    if (typeof value !== "object" || value === null) {
        return out;
    }
    for (const [key, v] of Object.entries(value)) {
        const plain = toPlainJson(v);
        if (plain !== undefined) {
            out[key] = plain;
        }
    }
    return out;
}
