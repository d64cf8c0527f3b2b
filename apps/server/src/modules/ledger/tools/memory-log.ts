// An in-memory tlog-tiles log for tests of the witness, the monitor and the verifier: it appends
// entries, signs checkpoints, keeps every tile version it ever served and answers HTTP like the
// court's /ledger/ API. Not used by the product itself.
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  consistencyProof,
  createEd25519Signer,
  ed25519VerifierKey,
  formatCheckpoint,
  formatTilePath,
  inclusionProof,
  leafHash,
  signNote,
  treeHash,
  updateTiles,
  type NoteSigner,
} from "@netcourt/ledger";

export class MemoryLog {
  readonly entries: Uint8Array[] = [];
  readonly leafHashes: Uint8Array[] = [];
  /** Tile path → bytes; partial tiles of every size stay (logs serve those of every signed size). */
  readonly tiles = new Map<string, Uint8Array>();
  readonly vkey: string;
  readonly #signer: NoteSigner;
  #rightEdge: Uint8Array[] = [];
  /** What `/checkpoint` serves; set by `publish`. */
  published: string | null = null;
  /** Paths requested so far, oldest first. */
  readonly requests: string[] = [];

  constructor(
    readonly origin: string,
    readonly seed: Uint8Array,
  ) {
    this.#signer = createEd25519Signer(origin, seed);
    this.vkey = ed25519VerifierKey(origin, seed);
  }

  get size(): number {
    return this.leafHashes.length;
  }

  /** Appends entries; returns the index of the first. */
  append(...entries: Uint8Array[]): number {
    const first = this.size;
    const hashes = entries.map(leafHash);
    const update = updateTiles(this.size, this.#rightEdge, hashes);
    for (const { tile, data } of update.tiles) this.tiles.set(formatTilePath(tile), data);
    this.#rightEdge = update.rightEdge;
    this.entries.push(...entries);
    this.leafHashes.push(...hashes);
    return first;
  }

  rootAt(size = this.size): Uint8Array {
    return treeHash(this.leafHashes, 0, size);
  }

  /** A checkpoint of `size` signed by the log (no cosignatures). */
  checkpoint(size = this.size): string {
    const text = formatCheckpoint({ origin: this.origin, size, rootHash: this.rootAt(size), extensions: [] });
    return signNote(text, [this.#signer]);
  }

  inclusion(index: number, size = this.size): Uint8Array[] {
    return inclusionProof(index, size, this.leafHashes);
  }

  consistency(size1: number, size2 = this.size): Uint8Array[] {
    return consistencyProof(size1, size2, this.leafHashes);
  }

  /** A log with the same key and origin and the first `size` entries: append other entries to fork it. */
  fork(size: number): MemoryLog {
    const other = new MemoryLog(this.origin, this.seed);
    other.append(...this.entries.slice(0, size));
    return other;
  }

  /** Answers a GET of the log's read API under any prefix (`…/checkpoint`, `…/key`, `…/tile/…`). */
  answer(url: string): Response {
    const pathname = new URL(url).pathname;
    this.requests.push(pathname);
    if (pathname.endsWith("/checkpoint")) {
      return this.published
        ? new Response(this.published, { headers: { "content-type": "text/plain; charset=utf-8" } })
        : new Response("no checkpoint\n", { status: 404 });
    }
    if (pathname.endsWith("/key")) return new Response(`${this.vkey}\n`);
    const tile = /\/(tile\/.*)$/.exec(pathname)?.[1];
    const data = tile === undefined ? undefined : this.tiles.get(tile);
    if (!data) return new Response("not found\n", { status: 404 });
    return new Response(data.slice(), { headers: { "content-type": "application/octet-stream" } });
  }

  /** A `fetch` that serves this log whatever the host. */
  readonly fetch = async (input: string | URL | Request): Promise<Response> =>
    this.answer(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);

  /** Serves the log on a loopback port; resolves with its base URL (`http://127.0.0.1:P/ledger`) and a stop. */
  async serve(): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer((request, response) => {
      void (async () => {
        const answer = this.answer(`http://127.0.0.1${request.url ?? "/"}`);
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/ledger`,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }
}
