import * as pulumi from "@pulumi/pulumi";

/** One IAM policy statement; inputs may be outputs (ARNs of resources being created). */
export interface Statement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Action: string | string[];
    Resource?: pulumi.Input<string> | pulumi.Input<string>[];
    Principal?: pulumi.Input<"*" | Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>;
    Condition?: pulumi.Input<Record<string, Record<string, pulumi.Input<string | boolean> | pulumi.Input<string>[]>>>;
}

/** The JSON text of an IAM policy document, once every ARN in it is known. */
export function policyDocument(statements: Statement[]): pulumi.Output<string> {
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}

/** Both the bucket ARN and the ARN of every object in it (or under a prefix of it). */
export function bucketAndObjects(bucketArn: pulumi.Input<string>, prefix = ""): pulumi.Output<string>[] {
    return [pulumi.output(bucketArn), pulumi.interpolate`${bucketArn}/${prefix}*`];
}
