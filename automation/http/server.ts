import { timingSafeEqual, createHash } from "node:crypto";
import * as http from "node:http";
import { AutomationError, BadRequestError, UNEXPECTED_MESSAGE } from "../errors";
import type { Automation } from "../library/automation";

export interface ServerOptions {
    automation: Automation;
    /** The bearer token every request must carry. */
    token: string;
    /** Largest accepted body in bytes (default 64 KiB: an orchestrator body is well under 2 KiB). */
    maxBodyBytes?: number;
    /** One JSON line per request (default: stdout). */
    log?: (line: string) => void;
}

const DEFAULT_MAX_BODY = 64 * 1024;

type Answer = { status: number; body: Record<string, unknown>; pipelineId?: string; headers?: Record<string, string> };

/** The routes: both orchestrator endpoints are POST, as in the orchestrator. */
const ROUTES: Record<string, (automation: Automation, body: Record<string, unknown>) => Answer> = {
    "/provisionpipeline": (automation, body) => {
        const answer = automation.provision(body);
        return { status: 200, body: { ...answer }, pipelineId: answer.pipeline_id };
    },
    "/pipelinestatus": (automation, body) => {
        const id = body["pipeline_id"];
        if (typeof id !== "string" || id === "") {
            throw new BadRequestError("Bad request. API body does not have the necessary parameter: pipeline_id", "pipeline_id");
        }
        return { status: 200, body: { ...automation.status(id) }, pipelineId: id };
    },
};

/**
 * The orchestrator-compatible HTTP service over an Automation instance (node's http module: two
 * routes need no framework). Answers are JSON; errors keep the orchestrator's shapes; an
 * unexpected failure is a 500 with its generic message and is logged, never sent.
 */
export function createAutomationServer(options: ServerOptions): http.Server {
    const expected = digest(options.token);
    const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));

    return http.createServer((req, res) => {
        const started = process.hrtime.bigint();
        const path = (req.url ?? "/").split("?")[0];
        let answered = false;
        const answer = (a: Answer, extra: Record<string, unknown> = {}) => {
            if (answered) return;
            answered = true;
            const payload = JSON.stringify(a.body);
            res.writeHead(a.status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...a.headers });
            res.end(payload);
            const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
            log(JSON.stringify({
                time: new Date().toISOString(),
                method: req.method,
                path,
                status: a.status,
                durationMs: Math.round(durationMs * 100) / 100,
                ...(a.pipelineId ? { pipelineId: a.pipelineId } : {}),
                ...extra,
            }));
        };
        const fail = (error: unknown) => {
            if (error instanceof AutomationError) {
                answer({ status: error.status, body: error.body(), pipelineId: (error as { pipelineId?: string }).pipelineId });
            } else {
                answer({ status: 500, body: { message: UNEXPECTED_MESSAGE } }, { error: error instanceof Error ? error.message : String(error) });
            }
        };

        if (!authorized(req.headers.authorization, expected)) {
            req.resume();
            return answer({ status: 401, body: { message: "Unauthorized" }, headers: { "www-authenticate": "Bearer" } });
        }
        const route = ROUTES[path];
        if (!route) {
            req.resume();
            return answer({ status: 404, body: { message: `Not found: ${path}. Endpoints: POST ${Object.keys(ROUTES).join(", POST ")}` } });
        }
        if (req.method !== "POST") {
            req.resume();
            return answer({ status: 405, body: { message: `Method ${req.method} not allowed on ${path}: use POST` }, headers: { allow: "POST" } });
        }
        const declared = Number(req.headers["content-length"] ?? 0);
        if (declared > maxBody) {
            // Answer at once and close: the client's body is not read.
            res.setHeader("connection", "close");
            req.resume();
            return answer({ status: 413, body: { message: `Request body too large: at most ${maxBody} bytes` } });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBody) {
                if (!answered) {
                    res.setHeader("connection", "close");
                    answer({ status: 413, body: { message: `Request body too large: at most ${maxBody} bytes` } });
                }
                return;
            }
            chunks.push(chunk);
        });
        req.on("error", fail);
        req.on("end", () => {
            if (answered) return;
            try {
                const text = Buffer.concat(chunks).toString("utf8");
                let body: unknown;
                try {
                    body = JSON.parse(text);
                } catch {
                    throw new BadRequestError("Bad request. API body is not valid JSON.");
                }
                if (typeof body !== "object" || body === null || Array.isArray(body)) {
                    throw new BadRequestError("Bad request. API body must be a JSON object.");
                }
                answer(route(options.automation, body as Record<string, unknown>));
            } catch (error) {
                fail(error);
            }
        });
    });
}

/** SHA-256 of the token: equal-length buffers for timingSafeEqual, whatever length was sent. */
function digest(token: string): Buffer {
    return createHash("sha256").update(token, "utf8").digest();
}

function authorized(header: string | undefined, expected: Buffer): boolean {
    // The scheme is case-insensitive (RFC 9110, 11.1); the token is not.
    const match = /^Bearer (.+)$/i.exec(header ?? "");
    return match !== null && timingSafeEqual(digest(match[1]), expected);
}
