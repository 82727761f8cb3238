import * as fs from "node:fs";
import { once } from "node:events";

/** Writes lines to a file through a stream, waiting when its buffer is full (memory stays flat). */
export async function writeLines(file: string, lines: Iterable<string>): Promise<number> {
    const out = fs.createWriteStream(file);
    const failed = once(out, "error").then(([err]) => Promise.reject(err as Error));
    failed.catch(() => undefined);
    let count = 0;
    let chunk: string[] = [];
    const flush = async () => {
        if (!out.write(`${chunk.join("\n")}\n`)) await Promise.race([once(out, "drain"), failed]);
        chunk = [];
    };
    for (const line of lines) {
        chunk.push(line);
        count++;
        if (chunk.length === 2000) await flush();
    }
    if (chunk.length > 0) await flush();
    out.end();
    await Promise.race([once(out, "finish"), failed]);
    return count;
}
