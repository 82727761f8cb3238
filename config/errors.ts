import * as pulumi from "@pulumi/pulumi";

/**
 * A mistake in a stack's configuration. It is a RunError so that `pulumi preview`/`up` print the
 * message without a stack trace; `problems` holds one line per mistake for the offline tools.
 */
export class ConfigError extends pulumi.RunError {
    constructor(public readonly problems: string[]) {
        super(`invalid stack configuration:\n${problems.join("\n")}`);
        this.name = "ConfigError";
    }
}
