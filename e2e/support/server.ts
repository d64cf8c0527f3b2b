import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** The repository root (this file lives in e2e/support). */
export const repoRoot = path.resolve(import.meta.dirname, "../..");

const webDir = path.join(repoRoot, "apps/web");
// What the web bundle is built from: its sources and the shared catalogs and checks it imports.
const webSources = [
  path.join(webDir, "src"),
  path.join(webDir, "index.html"),
  path.join(webDir, "vite.config.ts"),
  path.join(webDir, "public"),
  path.join(repoRoot, "packages/shared/src"),
];

async function newestMtime(target: string): Promise<number> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of await fs.readdir(target)) {
    newest = Math.max(newest, await newestMtime(path.join(target, entry)));
  }
  return newest;
}

let built: Promise<void> | null = null;

/**
 * Where the journeys' web bundle goes: apps/web/dist, or E2E_WEB_DIST (a folder of one's own, so journeys
 * run from two checkouts or by two people at once do not rebuild each other's bundle).
 */
export const webDist = process.env.E2E_WEB_DIST
  ? path.resolve(process.env.E2E_WEB_DIST)
  : path.join(webDir, "dist");

/** Builds the web bundle once per run, and not at all when the bundle is newer than its sources. */
export function buildWebOnce(): Promise<void> {
  built ??= (async () => {
    const bundle = await fs.stat(path.join(webDist, "index.html")).catch(() => null);
    const sources = Math.max(...(await Promise.all(webSources.map(newestMtime))));
    if (bundle && bundle.mtimeMs > sources) return;
    await promisify(execFile)("npm", ["run", "build", "-w", "@netcourt/web", "--", "--outDir", webDist], {
      cwd: repoRoot,
      // Vitest sets NODE_ENV=test, which would build React and Ant Design's test variants (every
      // generated id "test-id", so two dialogs share one name); users get the production bundle.
      env: { ...process.env, NODE_ENV: "production" },
      maxBuffer: 64 * 1024 * 1024,
    });
  })();
  return built;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StartServerOptions {
  /** Seed the demo court, staff and cases (SEED_DEMO); false by default. */
  seedDemo?: boolean;
  /** More environment variables for the server. */
  env?: Record<string, string>;
  /** How long to wait for /api/health; 120 s by default (PGlite's first initdb is slow on a busy machine). */
  startTimeoutMs?: number;
  /**
   * Run on this data folder (a restart on the data of an earlier server started with it) instead of a
   * fresh one; `stop()` then leaves it for the caller to remove.
   */
  dataDir?: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** What the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period; removes the data folder it made. Safe to call twice. */
  stop(): Promise<void>;
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

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the whole group: npx, tsx and node
  } catch {
    // already gone
  }
}

/**
 * Starts the real server (`npx tsx apps/server/src/main.ts`) on a free port with a fresh data folder,
 * after building the web UI if needed, and resolves once `/api/health` answers.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  await buildWebOnce();
  const ownsData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-e2e-")));
  if (options.seedDemo && canStartFromTemplate(options) && (await isEmptyDir(dataDir)))
    await fs.cp(await seededTemplate(), dataDir, { recursive: true });
  return spawnServer(options, dataDir, ownsData);
}

/**
 * A server on its own embedded database (no DATABASE_URL) whose clock is today's (no CLOCK_OFFSET) and whose
 * ledger has no witnesses starts from a copy of the seeded demo data; the seed then finds its work done.
 */
function canStartFromTemplate(options: StartServerOptions): boolean {
  // The template's ledger was begun without witnesses: a ledger keeps the quorum it was begun with.
  return (
    options.env?.DATABASE_URL === undefined &&
    options.env?.CLOCK_OFFSET === undefined &&
    options.env?.LEDGER_WITNESSES === "[]"
  );
}

async function isEmptyDir(dir: string): Promise<boolean> {
  return (await fs.readdir(dir).catch(() => [])).length === 0;
}

let template: Promise<string> | null = null;

/**
 * The data folder of a server that seeded the demo and stopped, made once per test process and day (the
 * demo's dates are today's) and shared by the journeys of later processes through the temp folder.
 */
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const day = new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const sources = await newestMtime(path.join(repoRoot, "apps/server/src"));
    const dir = path.join(os.tmpdir(), "netcourt-e2e-templates", `${day}-${Math.round(sources)}`);
    if (await fs.stat(path.join(dir, "ready")).catch(() => null)) return dir;
    const building = `${dir}.${process.pid}.part`;
    await fs.rm(building, { recursive: true, force: true });
    await fs.mkdir(building, { recursive: true });
    const server = await spawnServer(
      { seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } },
      building,
      false,
    );
    await server.stop();
    await fs.writeFile(path.join(building, "ready"), "");
    // Older templates are stale: made from other sources, or with another day's demo dates.
    for (const entry of await fs.readdir(path.dirname(dir)))
      if (!entry.endsWith(".part") && entry !== path.basename(dir))
        await fs.rm(path.join(path.dirname(dir), entry), { recursive: true, force: true });
    await fs.rename(building, dir).catch(async () => {
      // Another process finished first: use its folder.
      await fs.rm(building, { recursive: true, force: true });
    });
    return dir;
  })();
  return template;
}

async function spawnServer(
  options: StartServerOptions,
  dataDir: string,
  ownsData: boolean,
): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["tsx", "apps/server/src/main.ts"], {
    cwd: repoRoot,
    detached: true, // its own process group, so stop() reaches tsx's node child too
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      SEED_DEMO: options.seedDemo ? "true" : "false",
      PUBLIC_URL: baseUrl,
      WEB_DIST: webDist,
      // The shipped law catalogue loads for a minute in the background; journeys that need it set LAWS_DIR.
      LAWS_DIR: "",
      ...options.env,
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const killOnExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      signalGroup(child, "SIGTERM");
      if (!(await exited(child, 10_000))) {
        signalGroup(child, "SIGKILL");
        await exited(child, 5_000);
      }
      process.removeListener("exit", killOnExit);
      // A process of the group may still be closing files for a moment after the signal: try again.
      if (ownsData) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    })();
    return stopped;
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error("the server did not become healthy in time");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return { baseUrl, port, dataDir, output: () => output, stop };
}
