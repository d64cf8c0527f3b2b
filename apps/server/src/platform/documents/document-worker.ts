// Worker side of readDocumentText: inflating and parsing run here, under a heap cap and a deadline set by
// the parent, so a hostile document can exhaust only this thread, never the server's event loop.

import { parentPort } from "node:worker_threads";
import { zipSync } from "fflate";
import mammoth from "mammoth";
import { DocumentRefusal, inflateZip, type DocumentLimits } from "./zip-limits";

export interface DocumentJob {
  kind: "docx";
  bytes: Uint8Array;
  limits: DocumentLimits;
}

export type DocumentJobResult =
  | { ok: true; text: string }
  | { ok: false; kind: DocumentRefusal["kind"]; reason: string; params: Record<string, number> };

async function readText(job: DocumentJob): Promise<string> {
  const entries = inflateZip(job.bytes, job.limits);
  if (!entries.has("word/document.xml")) throw new DocumentRefusal("unreadable", "not_a_docx");
  // mammoth unpacks with JSZip, which trusts the headers. It gets the entries just inflated under the cap,
  // stored uncompressed, so it has nothing left to inflate.
  const stored = zipSync(Object.fromEntries(entries), { level: 0 });
  try {
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(stored.buffer, stored.byteOffset, stored.length),
    });
    return value;
  } catch {
    throw new DocumentRefusal("unreadable", "not_a_docx");
  }
}

async function run(job: DocumentJob): Promise<DocumentJobResult> {
  try {
    return { ok: true, text: await readText(job) };
  } catch (error) {
    if (error instanceof DocumentRefusal)
      return { ok: false, kind: error.kind, reason: error.reason, params: error.params };
    throw error;
  }
}

// One job per worker: the parent terminates it after the answer.
parentPort?.once("message", (job: DocumentJob) => {
  void run(job).then((result) => parentPort?.postMessage(result));
});
