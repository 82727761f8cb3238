import * as fs from "node:fs";

/**
 * Whether `dir` may hold a cache this process reads code from: created here (mode 0700) when
 * missing, and used only if it is a directory, not a link, that this user owns and no one else
 * may write. The system's temporary directory is shared: another user who made the directory
 * first could otherwise plant a bundle that `pulumi up` would deploy. tools/register.js applies
 * the same rule to its transpile cache (it cannot load TypeScript, so it has its own copy).
 */
export function isPrivateDirectory(dir: string): boolean {
    try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const stat = fs.lstatSync(dir);
        // Windows has no owner or mode bits here; its temporary directory is per user.
        if (process.platform === "win32") return stat.isDirectory();
        return stat.isDirectory() && stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
    } catch {
        return false;
    }
}
