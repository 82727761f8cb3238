import * as fs from "node:fs";
import * as path from "node:path";

export type PipelineState = "queued" | "running" | "succeeded" | "failed";
export type Operation = "up" | "destroy";

/** One line of an update's progress, as kept in the record and streamed to callers. */
export interface ProgressEvent {
    time: string;
    pipelineId: string;
    /** `output`: the engine's text; `engine`: a structured engine event, summarised; `state`: a state change. */
    kind: "output" | "engine" | "state";
    message: string;
}

/** What the service knows of one pipeline; stored as JSON, one file a pipeline. */
export interface PipelineRecord {
    pipelineId: string;
    pipelineType: string;
    /** The stack the pipeline's resources live in (a monitor lives in its model's stack). */
    stackName: string;
    /** The orchestrator body of the latest update (validated). */
    body: Record<string, unknown>;
    /**
     * The body of the last update that succeeded: what the stack holds. An update of another
     * pipeline of the same stack applies this, so a failed body never spreads to its neighbours.
     */
    applied?: Record<string, unknown>;
    status: PipelineState;
    operation: Operation;
    runner: string;
    createdAt: string;
    updatedAt: string;
    /** The last engine events (at most EVENTS_KEPT). */
    events: ProgressEvent[];
    outputs: Record<string, unknown>;
    error?: string;
}

export const EVENTS_KEPT = 50;

/**
 * The pipelines' state under `<dataDir>/pipelines/`, one JSON file each, so that a failed write
 * of one pipeline never touches another's. Every write goes to a temporary file that is renamed
 * over the old one (rename is atomic on POSIX file systems): a crash leaves the old or the new
 * record, never half of one.
 */
export class PipelineStore {
    private readonly dir: string;
    private readonly records = new Map<string, PipelineRecord>();

    constructor(dataDir: string) {
        this.dir = path.join(dataDir, "pipelines");
        fs.mkdirSync(this.dir, { recursive: true });
        for (const file of fs.readdirSync(this.dir)) {
            if (!file.endsWith(".json")) continue; // a temporary file a crash left behind
            const record = JSON.parse(fs.readFileSync(path.join(this.dir, file), "utf8")) as PipelineRecord;
            this.records.set(record.pipelineId, record);
        }
    }

    get(pipelineId: string): PipelineRecord | undefined {
        return this.records.get(pipelineId);
    }

    all(): PipelineRecord[] {
        return [...this.records.values()];
    }

    /** Stores the record on disk, then in memory; a failed write throws and changes neither. */
    put(record: PipelineRecord): void {
        const file = path.join(this.dir, `${encodeURIComponent(record.pipelineId)}.json`);
        const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
        fs.writeFileSync(temporary, JSON.stringify(record, null, 2));
        fs.renameSync(temporary, file);
        this.records.set(record.pipelineId, record);
    }

    delete(pipelineId: string): void {
        this.records.delete(pipelineId);
        fs.rmSync(path.join(this.dir, `${encodeURIComponent(pipelineId)}.json`), { force: true });
    }
}
