import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError } from "../errors";
import type { DocumentJob, DocumentJobResult } from "./document-worker";
import { DocumentRefusal, defaultDocumentLimits, inspectZip, type DocumentLimits } from "./zip-limits";

/** The kinds of uploaded documents whose text the platform reads. */
export type DocumentKind = "docx";

export interface ReadDocumentOptions {
  kind: DocumentKind;
  /** Caps over the defaults (tests; a deployment keeps the defaults). */
  limits?: Partial<DocumentLimits>;
}

/** The document is not of its kind or is damaged; callers turn it into their own 400. */
export class DocumentUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(`The document could not be read (${reason})`);
    this.name = "DocumentUnreadableError";
  }
}

// Parsing is CPU-bound: leave a core to the event loop, and queue only a few more so a burst of uploads
// waits briefly instead of piling up memory.
const maxRunning = Math.max(1, availableParallelism() - 1);
const maxWaiting = 16;
let running = 0;
const waiting: Array<() => void> = [];

async function acquire(): Promise<void> {
  if (running < maxRunning) {
    running += 1;
    return;
  }
  if (waiting.length >= maxWaiting)
    throw new AppError("rate_limited", [
      { code: "retry_after", message: "documents are being read", params: { retryAfterSeconds: 5 } },
    ]);
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/**
 * Reads the plain text of an uploaded document on a worker thread with a heap cap and a deadline, after
 * checking the archive's declared sizes. Every upload whose content the platform parses goes through here.
 * Throws `file_too_large` (413) past the unpacked-size cap, `document_too_complex` (422) for too many
 * entries, a bomb's compression ratio, heap exhaustion or the deadline, `rate_limited` when too many wait,
 * and DocumentUnreadableError when it is not a document of its kind.
 */
export async function readDocumentText(bytes: Uint8Array, options: ReadDocumentOptions): Promise<string> {
  const limits = { ...defaultDocumentLimits, ...options.limits };
  try {
    inspectZip(bytes, limits);
  } catch (error) {
    throw toCallerError(error);
  }
  await acquire();
  try {
    const result = await runWorker({ kind: options.kind, bytes, limits });
    if (result.ok) return result.text;
    throw toCallerError(new DocumentRefusal(result.kind, result.reason, result.params));
  } finally {
    release();
  }
}

function toCallerError(error: unknown): unknown {
  if (!(error instanceof DocumentRefusal)) return error;
  const detail = { code: error.reason, message: error.message, params: error.params };
  switch (error.kind) {
    case "too_large":
      return new AppError("file_too_large", [detail]);
    case "too_complex":
      return new AppError("document_too_complex", [detail]);
    case "unreadable":
      return new DocumentUnreadableError(error.reason);
  }
}

// Workers do not inherit the TypeScript loader: register it before importing the worker module (the
// server runs its sources through tsx, in development and in production alike).
function workerSource(): string {
  const loader = import.meta.resolve("tsx/esm/api");
  const target = new URL("./document-worker.ts", import.meta.url).href;
  return `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
}

// A worker reads one document and is then terminated, so nothing of one upload outlives it. Starting one
// (loader and parser) takes most of a second, so the next is started ahead, after each parse.
let spare: { worker: Worker; heapMb: number } | undefined;

function spawnWorker(heapMb: number): Worker {
  const worker = new Worker(workerSource(), {
    eval: true,
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: Math.max(8, Math.round(heapMb / 8)),
      stackSizeMb: 4,
    },
    stdout: false,
    stderr: false,
  });
  // An idle spare must not keep a finished process alive.
  worker.unref();
  return worker;
}

function takeWorker(heapMb: number): Worker {
  const ready = spare;
  spare = undefined;
  if (ready?.heapMb === heapMb) {
    ready.worker.removeAllListeners();
    return ready.worker;
  }
  if (ready) void ready.worker.terminate();
  return spawnWorker(heapMb);
}

function prepareSpare(heapMb: number): void {
  if (spare) return;
  const worker = spawnWorker(heapMb);
  const entry = { worker, heapMb };
  const drop = () => {
    if (spare === entry) spare = undefined;
  };
  worker.once("error", drop);
  worker.once("exit", drop);
  spare = entry;
}

function runWorker(job: DocumentJob): Promise<DocumentJobResult> {
  const worker = takeWorker(job.limits.heapMb);
  // A worker at work keeps the process alive until it answers (a command-line import, say).
  worker.ref();
  // The worker gets its own copy, so the caller's buffer (often a slice of a pooled one) stays intact.
  const bytes = new Uint8Array(job.bytes);
  return new Promise<DocumentJobResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
      prepareSpare(job.limits.heapMb);
    };
    const tooComplex = (reason: string, params: Record<string, number> = {}) =>
      settle(() => resolve({ ok: false, kind: "too_complex", reason, params }));
    const timer = setTimeout(
      () => tooComplex("timeout", { timeoutMs: job.limits.timeoutMs }),
      job.limits.timeoutMs,
    );
    worker.once("message", (result: DocumentJobResult) => settle(() => resolve(result)));
    worker.once("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY")
        tooComplex("heap_exhausted", { heapMb: job.limits.heapMb });
      else settle(() => reject(error));
    });
    worker.once("exit", (code) => {
      if (!settled) tooComplex("worker_exited", { exitCode: code });
    });
    worker.postMessage({ ...job, bytes }, [bytes.buffer]);
  });
}
