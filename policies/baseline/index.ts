import { PolicyPack } from "@pulumi/policy";
import { pack } from "./policies";

// `pulumi preview --policy-pack policies/baseline`: constructing the pack starts the policy server.
new PolicyPack(pack.name, { policies: pack.policies });
