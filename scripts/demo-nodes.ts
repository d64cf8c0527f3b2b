/**
 * `npm run demo:nodes`: netcourt as a cluster on one machine — two server nodes on one PostgreSQL
 * database, one S3-compatible object store (s3rver), one ledger log key, three witnesses at fixed
 * addresses, and one PUBLIC_URL served by a round-robin proxy in front of both nodes. It is the
 * N-node deployment of docs/deploy.md ("Running several nodes"), scaled down.
 *
 * Everything it keeps lives under `.demo-nodes/` (git-ignored): the object store's folder, the shared
 * keys, the witnesses' keys and state, and each node's DATA_DIR (tile file, search index, temp files).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import S3rver from "s3rver";
import { DEMO_WITNESS_QUORUM, startDemoWitnesses } from "../apps/server/src/modules/ledger/index";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(repoRoot, "apps/server/bin/netcourt.js");

/** The demo's bucket and s3rver's fixed credentials (a local stand-in for MinIO or a cloud store). */
const BUCKET = "netcourt-files";
const S3_CREDENTIALS = { S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" };

export interface DemoNodesOptions {
  /** PostgreSQL database shared by the nodes, created when missing (default netcourt_demo_nodes on 127.0.0.1). */
  databaseUrl?: string;
  /** Folder for everything the demo keeps (default `.demo-nodes/` in the repository). */
  dir?: string;
  /** Ports of the two nodes (default 3001 and 3002). */
  nodePorts?: readonly [number, number];
  /** Port of the round-robin proxy whose address is the PUBLIC_URL of both nodes (default 3000). */
  publicPort?: number;
  /** Port of the object store (default 4569). */
  s3Port?: number;
  /** Ports of the three witnesses (default 7381, 7382, 7383). */
  witnessPorts?: readonly [number, number, number];
  /** More environment for every node (e.g. `LAWS_DIR: ""`, `WEB_DIST`). */
  env?: Record<string, string>;
  /** Where the nodes' and witnesses' output goes (default: dropped; the CLI prints it prefixed). */
  onOutput?: (source: string, line: string) => void;
  /** How long to wait for a node to answer /api/health (default 180 s). */
  startTimeoutMs?: number;
}

export interface DemoNode {
  name: string;
  /** `http://127.0.0.1:<port>`: this node itself, not the proxy. */
  baseUrl: string;
  /** What the node printed so far. */
  output(): string;
  stop(): Promise<void>;
  /** Kills the node's process with SIGKILL, as a crash or an operator's `kill -9` would, and waits for it to end. */
  kill(): Promise<void>;
}

export interface DemoNodes {
  /** PUBLIC_URL of every node: the proxy that spreads requests over them. */
  publicUrl: string;
  /** The two nodes' own addresses. */
  nodeUrls: [string, string];
  /** The two nodes (to stop or kill one). */
  nodes: [DemoNode, DemoNode];
  /** The environment every node shares (database, object store, keys, witnesses, PUBLIC_URL). */
  sharedEnv: Record<string, string>;
  /** Starts one more node with the shared environment plus `env`; rejects with its output when it exits before it is healthy. */
  startNode(name: string, port: number, env?: Record<string, string>): Promise<DemoNode>;
  /** A description of what runs where, for the console. */
  describe(): string;
  /** Stops the nodes, the proxy, the witnesses and the object store. Safe to call twice. */
  stop(): Promise<void>;
}

/** Creates the database named in `url` when it does not exist yet (connecting to `postgres` to do so). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unsupported database name: ${name}`);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/** Drops the database named in `url` (tests clean up with it). */
export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unsupported database name: ${name}`);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** One TOTP encryption key file for every node: staff secrets sealed by one node open on the others. */
async function ensureTotpKey(file: string): Promise<void> {
  try {
    await fs.access(file);
  } catch {
    await fs.writeFile(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  }
}

/** A round-robin HTTP proxy, the stand-in for a load balancer: every request goes to the next node. */
async function startProxy(port: number, targets: readonly URL[]): Promise<{ close(): Promise<void> }> {
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = targets[next++ % targets.length]!;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end("node unavailable\n");
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Starts the two-node demo: the database (created if missing), the object store, the witnesses, node A
 * (which seeds the demo court network and imports the laws), then node B, then the proxy. Everything
 * started is stopped again when a later step fails.
 */
export async function startDemoNodes(options: DemoNodesOptions = {}): Promise<DemoNodes> {
  const dir = path.resolve(options.dir ?? path.join(repoRoot, ".demo-nodes"));
  const databaseUrl =
    options.databaseUrl ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/netcourt_demo_nodes";
  const [portA, portB] = options.nodePorts ?? [3001, 3002];
  const publicPort = options.publicPort ?? 3000;
  const s3Port = options.s3Port ?? 4569;
  const witnessPorts = options.witnessPorts ?? [7381, 7382, 7383];
  const publicUrl = `http://localhost:${publicPort}`;
  const emit = options.onOutput ?? (() => undefined);
  const stops: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      for (const stopOne of stops.reverse()) {
        try {
          await stopOne();
        } catch (error) {
          emit("demo", `while stopping: ${(error as Error).message}`);
        }
      }
    })();
    return stopping;
  };

  try {
    const sharedDir = path.join(dir, "shared");
    await fs.mkdir(path.join(dir, "s3"), { recursive: true });
    await fs.mkdir(sharedDir, { recursive: true });
    await ensureDatabase(databaseUrl);

    // The object store every node reads and writes (a local MinIO or cloud bucket in a real court).
    const s3 = new S3rver({
      address: "127.0.0.1",
      port: s3Port,
      silent: true,
      directory: path.join(dir, "s3"),
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    await s3.run();
    stops.push(() => s3.close());

    // One log key and one TOTP key for every node.
    const logKeyFile = path.join(sharedDir, "ledger-log.key");
    const totpKeyFile = path.join(sharedDir, "totp.key");
    await ensureTotpKey(totpKeyFile);

    // The witnesses: separate processes at fixed addresses, each with its own key and state, known to every node.
    const witnesses = await startDemoWitnesses({
      dataDir: dir,
      env: {
        LEDGER_LOG_KEY_FILE: logKeyFile,
        LEDGER_DEMO_WITNESS_PORTS: witnessPorts.join(","),
        ...(options.env?.LEDGER_ORIGIN ? { LEDGER_ORIGIN: options.env.LEDGER_ORIGIN } : {}),
      },
      onOutput: (line, stream, witness) => {
        if (stream === "stderr") emit(witness, line);
      },
    });
    if (!witnesses) throw new Error("the demo witnesses did not start");
    stops.push(() => witnesses.stop());

    const sharedEnv: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: publicUrl,
      // A user who opens one node directly keeps working there (its origin is accepted too).
      ALLOWED_ORIGINS: [portA, portB]
        .flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`])
        .join(","),
      HOST: "127.0.0.1",
      FILE_STORE: "s3",
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_BUCKET: BUCKET,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
      ...S3_CREDENTIALS,
      LEDGER_LOG_KEY_FILE: logKeyFile,
      LEDGER_WITNESSES: JSON.stringify(witnesses.ledger.witnesses),
      LEDGER_WITNESS_QUORUM: String(DEMO_WITNESS_QUORUM),
      TOTP_ENCRYPTION_KEY_FILE: totpKeyFile,
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      ...options.env,
    };

    const startNode = async (name: string, port: number, env: Record<string, string> = {}) => {
      const dataDir = path.join(dir, name);
      await fs.mkdir(dataDir, { recursive: true });
      const child = spawn(process.execPath, [bin, "serve"], {
        cwd: repoRoot,
        env: { ...process.env, ...sharedEnv, PORT: String(port), DATA_DIR: dataDir, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      const collect = (chunk: Buffer) => {
        const text = chunk.toString();
        output += text;
        for (const line of text.split("\n")) if (line.trim() !== "") emit(name, line);
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      const killOnExit = () => child.kill("SIGKILL");
      process.once("exit", killOnExit);
      const stopNode = async () => {
        process.removeListener("exit", killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        if (!(await exited(child, 15_000))) {
          child.kill("SIGKILL");
          await exited(child, 5_000);
        }
      };
      const baseUrl = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
          await stopNode();
          throw new Error(
            `node ${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`,
          );
        }
        try {
          const response = await fetch(`${baseUrl}/api/health`);
          if (response.ok) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) {
          await stopNode();
          throw new Error(`node ${name} did not become healthy in time:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const kill = async () => {
        process.removeListener("exit", killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGKILL");
        await exited(child, 5_000);
      };
      return { name, baseUrl, output: () => output, stop: stopNode, kill } satisfies DemoNode;
    };

    // Node A first: it runs the migrations, seeds the demo court network and imports the laws
    // catalogue into the shared database; node B finds them there.
    const nodeA = await startNode("node-a", portA);
    stops.push(() => nodeA.stop());
    const nodeB = await startNode("node-b", portB, { LAWS_DIR: "" });
    stops.push(() => nodeB.stop());

    const proxy = await startProxy(publicPort, [new URL(nodeA.baseUrl), new URL(nodeB.baseUrl)]);
    stops.push(() => proxy.close());

    return {
      publicUrl,
      nodeUrls: [nodeA.baseUrl, nodeB.baseUrl],
      nodes: [nodeA, nodeB],
      sharedEnv,
      async startNode(name, port, env) {
        const node = await startNode(name, port, env);
        stops.push(() => node.stop());
        return node;
      },
      describe: () =>
        [
          "",
          "netcourt on two nodes",
          `  PUBLIC_URL   ${publicUrl}  (round-robin over both nodes)`,
          `  node A       ${nodeA.baseUrl}  DATA_DIR ${path.join(dir, "node-a")}`,
          `  node B       ${nodeB.baseUrl}  DATA_DIR ${path.join(dir, "node-b")}`,
          `  PostgreSQL   ${databaseUrl}`,
          `  object store http://127.0.0.1:${s3Port}/${BUCKET}  (s3rver, ${path.join(dir, "s3")})`,
          `  log key      ${logKeyFile}`,
          `  TOTP key     ${totpKeyFile}`,
          witnesses.describe(),
          "Press Ctrl-C to stop everything.",
          "",
        ].join("\n"),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const demo = await startDemoNodes({
    onOutput: (source, line) => process.stdout.write(`[${source}] ${line}\n`),
  }).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
  process.stdout.write(demo.describe());
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  process.stdout.write("\nstopping…\n");
  await demo.stop();
}
