// Test support of the hearing room: a WebSocket client seat that keeps the messages it received.
import { createRequire } from "node:module";
import type { TestClient } from "../../../testing/test-app";
import type { ServerMessage } from "./room.protocol";

/** The part of the `ws` client the tests use. */
interface WsClient {
  readonly readyState: number;
  send(data: string | Buffer): void;
  close(): void;
  on(event: "message", listener: (data: Buffer) => void): void;
  on(event: "open", listener: () => void): void;
  on(event: "close", listener: (code: number, reason: Buffer) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  on(event: "unexpected-response", listener: (request: unknown, response: UpgradeResponse) => void): void;
}
interface UpgradeResponse {
  statusCode: number;
  on(event: "data", listener: (chunk: Buffer) => void): void;
  on(event: "end", listener: () => void): void;
}
type WsConstructor = new (url: string, options: { headers: Record<string, string> }) => WsClient;
const WebSocket = createRequire(import.meta.url)("ws") as WsConstructor;

export type ErrorBody = { error: string; details: Array<{ code: string }> };

/** A participant's socket with the messages it received. */
export class Seat {
  readonly messages: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  #waiters: Array<() => void> = [];
  constructor(readonly socket: WsClient) {
    socket.on("message", (data) => {
      this.messages.push(JSON.parse(data.toString("utf8")) as ServerMessage);
      this.#wake();
    });
    socket.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString("utf8") };
      this.#wake();
    });
  }
  #wake() {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
  send(message: unknown) {
    this.socket.send(JSON.stringify(message));
  }
  of<T extends ServerMessage["type"]>(type: T): Array<Extract<ServerMessage, { type: T }>> {
    return this.messages.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }
  /** Waits until a message matches (or the socket closed when `closed` is asked for). */
  async next<T extends ServerMessage["type"]>(
    type: T,
    match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.of(type).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${type} message; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
  async untilClosed(timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.closed;
  }
}

/** Opens a socket as the client; resolves with the seat, or with the HTTP refusal of the upgrade. */
export async function connectSeat(
  base: string,
  client: TestClient,
  hearingId: string,
  origin: string | null = base,
): Promise<Seat | { status: number; body: ErrorBody }> {
  const headers: Record<string, string> = {};
  if (client.cookies.size > 0) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  if (origin) headers.origin = origin;
  const socket = new WebSocket(`${base.replace("http", "ws")}/api/hearings/${hearingId}/room/socket`, {
    headers,
  });
  return new Promise((resolve, reject) => {
    const seat = new Seat(socket);
    socket.on("open", () => resolve(seat));
    socket.on("unexpected-response", (_request, response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as ErrorBody,
        }),
      );
    });
    socket.on("error", (error) => {
      if (!String(error.message).includes("Unexpected server response")) reject(error);
    });
  });
}
