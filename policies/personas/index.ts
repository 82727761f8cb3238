import { PolicyPack } from "@pulumi/policy";
import { pack } from "./policies";

// Only for the Pulumi CLI: constructing a PolicyPack starts its gRPC server. Tests and the offline
// runner import ./policies instead.
new PolicyPack(pack.name, { policies: pack.policies });
