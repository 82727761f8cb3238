import type { StackValidationPolicy } from "@pulumi/policy";
import { personaMatrixOf } from "../../access";
import { UnresolvedConfig, unresolvedConfigSchema } from "./unresolvedValues";

/**
 * A DATA_LOCATION_ACCESS grant must target a location registered with Lake Formation: on any
 * other, Lake Formation refuses the grant (the seed's third set-up: "データレイク管理下でないので、
 * 設定不可"), so `pulumi up` would fail half-way, and the grant would not mean what it says.
 */
export const dataLocationGrantRegistered: StackValidationPolicy = {
    name: "data-location-grant-registered",
    description: "A Lake Formation DATA_LOCATION_ACCESS grant targets a location the stack registers with Lake Formation.",
    enforcementLevel: "mandatory",
    configSchema: unresolvedConfigSchema,
    validateStack: async (args, reportViolation) => {
        const { reportUnresolved } = args.getConfig<UnresolvedConfig>();
        const matrix = await personaMatrixOf(args.resources);
        for (const grant of matrix.invalidGrants) {
            if (grant.resolved || reportUnresolved) reportViolation(grant.message, grant.urn);
        }
    },
};
