import type { PolicyResource } from "@pulumi/policy";
import { objectProp, propsOf, stringProp } from "../../lib/propertyValues";
import { Declared, declared } from "../../lib/referenceLookup";
import { Maybe, Unknown } from "../../lib/unknownValues";

/** A CloudWatch RUM app monitor, as far as its guests' access goes. */
export interface AppMonitorFacts extends Declared {
    monitorName: Maybe<string>;
    arn: Maybe<string>;
    /** The identity pool the web client gets credentials from (appMonitorConfiguration.identityPoolId). */
    identityPoolId?: Maybe<string>;
    /** The role the web client assumes (appMonitorConfiguration.guestRoleArn). */
    guestRoleArn?: Maybe<string>;
}

export interface WebMonitorFacts {
    appMonitors: AppMonitorFacts[];
}

const APP_MONITOR = "aws:rum/appMonitor:AppMonitor";

/** The stack's RUM app monitors: which pool and guest role each hands to the pages it monitors. */
export function webMonitorFacts(resources: PolicyResource[]): WebMonitorFacts {
    const appMonitors = resources.filter((r) => r.type === APP_MONITOR).map((resource): AppMonitorFacts => {
        const props = propsOf(resource);
        const what = (property: string) => `the ${property} of ${resource.name}`;
        const configuration = objectProp(props, "appMonitorConfiguration");
        return {
            ...declared(resource),
            monitorName: stringProp(props, "name", what("name")) ?? new Unknown(what("name")),
            arn: stringProp(props, "arn", what("ARN")) ?? new Unknown(what("ARN")),
            identityPoolId: stringProp(configuration, "identityPoolId", what("identity pool")),
            guestRoleArn: stringProp(configuration, "guestRoleArn", what("guest role")),
        };
    });
    return { appMonitors };
}
