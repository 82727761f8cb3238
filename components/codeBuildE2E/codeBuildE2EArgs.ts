import { DataProtection } from "../common/dataProtection";
import { Placement } from "../common/naming";
import { PeopleTrust } from "../common/personaTrust";

/** Where the tests come from: an existing CodeCommit repository, or GitHub through CodeConnections. */
export type E2eSource =
    | { type: "codecommit"; repositoryName: string; branch: string }
    | { type: "github"; owner: string; repository: string; branch: string; connectionArn?: string; connectionAvailable: boolean };

export interface CodeBuildE2EArgs {
    placement: Placement;
    region: string;
    protection: DataProtection;
    /** Who may assume the QA reader role. */
    peopleTrust: PeopleTrust;
    /** The karate-chrome image in the stack's repository: a tag (immutable there) or a digest. */
    image: { tag?: string; digest?: string; untaggedExpirationDays: number; maxImages: number };
    karate: { version: string; sha256: string };
    source: E2eSource;
    features: string[];
    karateEnv?: string;
    /** An AWS cron expression for scheduled builds, besides the builds on push. */
    schedule?: string;
    computeType: string;
    timeoutMinutes: number;
    browserPort: number;
    browserWaitSeconds: number;
    reportExpirationDays: number;
    /** Days after which the report bucket's server access logs expire. */
    accessLogExpirationDays: number;
    logRetentionDays: number;
    kmsDeletionWindowDays: number;
    notificationEmails: string[];
}
