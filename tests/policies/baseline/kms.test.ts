import { kmsKeyProtected, kmsKeyRotationEnabled } from "../../../policies/baseline/rules/kms";
import { asPolicyResources, check, crafted, edit, expectNoViolations, expectOneViolation, exportOf, named } from "./crafted";

const KEY = "aws:kms/key:Key";

describe("baseline KMS rules", () => {
    describe("kms-key-rotation-enabled", () => {
        it("passes the lake key, and asymmetric keys (they cannot rotate)", async () => {
            expectNoViolations(await check(kmsKeyRotationEnabled, asPolicyResources(...(await exportOf("prod")))));
            const signing = crafted(KEY, "signing", { keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "RSA_2048" });
            expectNoViolations(await check(kmsKeyRotationEnabled, asPolicyResources(signing)));
        });

        it("fails a key without rotation", async () => {
            const resources = await exportOf("prod");
            edit(named(resources, "lake-key"), (p) => {
                p.enableKeyRotation = false;
            });
            expectOneViolation(await check(kmsKeyRotationEnabled, asPolicyResources(...resources)), {
                policy: "kms-key-rotation-enabled",
                urn: named(resources, "lake-key").urn,
                change: "set enableKeyRotation: true",
            });
        });

        it("fails a rotation period longer than the configured maximum", async () => {
            const key = crafted(KEY, "slow", { enableKeyRotation: true, rotationPeriodInDays: 730 });
            expectOneViolation(await check(kmsKeyRotationEnabled, asPolicyResources(key)), { policy: "kms-key-rotation-enabled", urn: key.urn, change: "set rotationPeriodInDays to 365 or less" });
            expectNoViolations(await check(kmsKeyRotationEnabled, asPolicyResources(key), { "kms-key-rotation-enabled": { maxRotationPeriodDays: 730 } }));
        });
    });

    describe("kms-key-protected", () => {
        it("passes the protected prod key and the dev key (dev does not keep data)", async () => {
            expectNoViolations(await check(kmsKeyProtected, asPolicyResources(...(await exportOf("prod")))));
            expectNoViolations(await check(kmsKeyProtected, asPolicyResources(...(await exportOf("dev")))));
        });

        it("fails an unprotected key in prod", async () => {
            const key = crafted(KEY, "unprotected", { enableKeyRotation: true }, { stack: "prod", protect: false });
            expectOneViolation(await check(kmsKeyProtected, asPolicyResources(key)), { policy: "kms-key-protected", urn: key.urn, change: "protect: true" });
        });
    });
});
