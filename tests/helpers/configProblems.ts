import { expect } from "chai";
import { ConfigError, parsePlatformConfig } from "../../config";

/**
 * What the config validation says of flat stack config values: its problems, or none when it
 * accepts them. Any error but a ConfigError fails the test.
 */
export function configProblems(file: string, values: Record<string, string>): string[] {
    try {
        parsePlatformConfig(file, values);
        return [];
    } catch (error) {
        expect(error).to.be.instanceOf(ConfigError);
        return (error as ConfigError).problems;
    }
}
