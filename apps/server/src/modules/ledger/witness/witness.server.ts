import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  LedgerError,
  checkNoteSignatures,
  cosignCheckpoint,
  decideAddCheckpoint,
  formatNote,
  parseAddCheckpointRequest,
  parseSignatureLine,
  toBase64,
  type NoteVerifier,
  type ParsedAddCheckpointRequest,
  type WitnessDecision,
} from "@netcourt/ledger";
import type { WitnessKey } from "./witness.key";
import { originId, type WitnessStateStore } from "./witness.state";

/** The structured log the witness writes (pino's signature). */
export interface WitnessLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Everything a witness needs: its key, the logs it trusts, its memory and a clock. */
export interface WitnessOptions {
  key: WitnessKey;
  /** Trusted log verifier keys (type 0x01) by origin; several keys per origin during a key rotation. */
  logs: ReadonlyMap<string, readonly NoteVerifier[]>;
  store: WitnessStateStore;
  /** POSIX seconds, written into each cosignature (tlog-cosignature: "as of this time"). */
  clock: () => number;
  log: WitnessLogger;
  /** Largest add-checkpoint body accepted (default 64 KiB: 63 proof lines and 100 signatures fit easily). */
  maxBodyBytes?: number;
}

/** An HTTP answer of the witness. */
export interface WitnessResponse {
  status: number;
  contentType: string;
  body: string;
}

const TEXT = "text/plain; charset=utf-8";
const DEFAULT_MAX_BODY = 64 * 1024;

const text = (status: number, body: string): WitnessResponse => ({
  status,
  contentType: TEXT,
  body: body.endsWith("\n") ? body : `${body}\n`,
});

/**
 * c2sp.org/tlog-witness add-checkpoint: 400 for a malformed body, 404 unknown origin, 403 no or a bad
 * trusted log signature, 400 old > size, 409 (`text/x.tlog.size`) when `old` is not the size it last
 * cosigned, 422 for an inconsistent tree (kept under `conflicts/` as evidence), else 200 with one
 * cosignature line — sent only after the new state is durably stored. Never throws for client input.
 */
export async function addCheckpoint(options: WitnessOptions, body: string): Promise<WitnessResponse> {
  let request: ParsedAddCheckpointRequest;
  try {
    request = parseAddCheckpointRequest(body);
  } catch (error) {
    if (error instanceof LedgerError) return text(400, error.message);
    throw error;
  }
  const origin = request.unverifiedCheckpoint.origin;
  const verifiers = options.logs.get(origin);
  // Unknown origins never reach the store: an attacker must not make the witness remember arbitrary names.
  if (!verifiers || verifiers.length === 0) return text(404, `unknown origin ${origin}`);
  const cosigner = options.key.cosigner(options.clock);

  const outcome = await options.store.update<{
    decision: WitnessDecision;
    line?: string;
    previous?: string;
  }>(origin, async (current) => {
    const state = current && { size: current.size, rootHash: current.rootHash };
    const decision = decideAddCheckpoint(request, verifiers, state);
    if (decision.status !== 200) {
      return { result: { decision, ...(current ? { previous: current.checkpoint } : {}) } };
    }
    const line = cosignCheckpoint(decision.checkpointText, cosigner);
    // Keep only the trusted log's signatures plus ours: never republish lines from unknown keys.
    const logSignatures = checkNoteSignatures(request.note, verifiers).verified;
    const checkpoint = formatNote({
      text: decision.checkpointText,
      signatures: [...logSignatures, parseSignatureLine(line.slice(0, -1))],
    });
    const record = { origin, size: decision.newState.size, rootHash: decision.newState.rootHash, checkpoint };
    return { record, result: { decision, line } };
  });

  const { decision } = outcome;
  const fields = {
    origin,
    old: request.oldSize,
    size: request.unverifiedCheckpoint.size,
    status: decision.status,
  };
  switch (decision.status) {
    case 200:
      options.log.info({ ...fields, root: toBase64(decision.newState.rootHash) }, "cosigned checkpoint");
      return { status: 200, contentType: TEXT, body: outcome.line! };
    case 409:
      options.log.info({ ...fields, known: decision.size }, "add-checkpoint conflict: wrong old size");
      return { status: 409, contentType: decision.contentType, body: decision.body };
    case 422: {
      // The log signed this checkpoint (403 comes first), so an inconsistent one may prove a split view.
      const file = await options.store.saveConflict(origin, request.checkpoint, {
        reason: decision.reason,
        oldSize: request.oldSize,
        proof: request.proof.map(toBase64),
        cosigned: outcome.previous ?? null,
      });
      options.log.warn(
        { ...fields, reason: decision.reason, evidence: file },
        "refused an inconsistent checkpoint",
      );
      return text(422, decision.reason);
    }
    case 400:
    case 403:
    case 404:
      options.log.info({ ...fields, reason: decision.reason }, "refused add-checkpoint");
      return text(decision.status, decision.reason);
  }
}

/** The witness's latest cosigned checkpoint of the log whose origin hashes to `id` (monitoring endpoint). */
async function latestCheckpoint(options: WitnessOptions, id: string): Promise<WitnessResponse> {
  for (const origin of options.logs.keys()) {
    if (originId(origin) !== id) continue;
    const record = await options.store.read(origin);
    if (record) return { status: 200, contentType: TEXT, body: record.checkpoint };
  }
  return text(404, "no checkpoint cosigned for this log");
}

class BodyTooLarge extends Error {}

async function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += (chunk as Buffer).length;
    if (length > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function route(options: WitnessOptions, request: http.IncomingMessage): Promise<WitnessResponse> {
  const pathname = new URL(request.url ?? "/", "http://witness").pathname;
  if (pathname === "/add-checkpoint") {
    if (request.method !== "POST") return text(405, "use POST");
    let body: string;
    try {
      body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
    } catch (error) {
      if (error instanceof BodyTooLarge) return text(413, "request body too large");
      throw error;
    }
    return addCheckpoint(options, body);
  }
  if (request.method !== "GET" && request.method !== "HEAD") return text(405, "use GET");
  if (pathname === "/key") return text(200, options.key.vkey);
  const monitoring = /^\/([0-9a-f]{64})\/checkpoint$/.exec(pathname);
  if (monitoring) return latestCheckpoint(options, monitoring[1]!);
  return text(404, "not found");
}

/** A running witness: its URL and a graceful stop. */
export interface RunningWitness {
  url: string;
  server: http.Server;
  /** Stops accepting requests, lets the ones in flight finish (their state is written), then releases the state. */
  close(): Promise<void>;
}

/** Serves the witness over HTTP on `host:port` (port 0 = any free port). */
export async function startWitnessServer(
  options: WitnessOptions,
  listen: { host: string; port: number },
): Promise<RunningWitness> {
  const server = http.createServer((request, response) => {
    route(options, request)
      .catch((error: unknown) => {
        options.log.error({ err: error, url: request.url }, "witness request failed");
        return text(500, "internal error");
      })
      .then((answer) => {
        response.writeHead(answer.status, {
          "content-type": answer.contentType,
          "content-length": Buffer.byteLength(answer.body),
          "cache-control": "no-store",
          ...(answer.status === 405 ? { allow: request.url === "/add-checkpoint" ? "POST" : "GET" } : {}),
        });
        response.end(request.method === "HEAD" ? undefined : answer.body);
      })
      .catch((error: unknown) => options.log.error({ err: error }, "could not answer"));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        await closed;
        clearTimeout(force);
        await options.store.close();
      })();
      return closing;
    },
  };
}
