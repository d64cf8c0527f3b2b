import net from "node:net";

/**
 * Tests may talk to loopback only (the local server, PostgreSQL, simulators): a forgotten call to a real
 * outside system fails instead of leaving the machine.
 */
const loopback = new Set(["localhost", "127.0.0.1", "::1", "0.0.0.0", "::"]);

function isLoopback(host: string | undefined): boolean {
  if (host === undefined) return true;
  return loopback.has(host) || host.startsWith("127.") || host.endsWith(".localhost");
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied with the socket as `this` below
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const [first] = args;
  const options = typeof first === "object" && first !== null ? (first as net.NetConnectOpts) : undefined;
  const host =
    options && "host" in options ? options.host : typeof args[1] === "string" ? args[1] : undefined;
  const isUnixSocket = options !== undefined && "path" in options && options.path !== undefined;
  if (!isUnixSocket && !isLoopback(host ?? undefined)) {
    throw new Error(`network access to ${String(host)} is blocked in tests`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
};

const originalFetch = globalThis.fetch;
globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (!isLoopback(url.hostname.replace(/^\[|\]$/g, ""))) {
    throw new Error(`network access to ${url.hostname} is blocked in tests`);
  }
  return originalFetch(input, init);
};
