import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

/** The demo court network's witnesses: a notary office, an arbitration commission and a CA. */
export const DEMO_WITNESSES = [
  { id: "notary", name: "notary.netcourt.demo", title: { "zh-CN": "公证处", en: "Notary office" } },
  {
    id: "arbitration",
    name: "arbitration.netcourt.demo",
    title: { "zh-CN": "仲裁委员会", en: "Arbitration commission" },
  },
  {
    id: "ca",
    name: "ca.netcourt.demo",
    title: { "zh-CN": "电子认证服务机构（CA）", en: "Certificate authority (CA)" },
  },
] as const;

/** A witness running as a child process. */
export interface LocalWitness {
  /** Folder name under DATA_DIR/witnesses/, e.g. `notary`. */
  id: string;
  /** The witness's key name, as in LEDGER_WITNESSES. */
  name: string;
  /** Its cosignature verifier key (type 0x04). */
  vkey: string;
  /** Base URL; the log POSTs to `<url>/add-checkpoint`. */
  url: string;
  pid: number;
}

export interface StartLocalWitnessesOptions {
  /** The server's DATA_DIR: keys and state go to `<dataDir>/witnesses/<id>/`. */
  dataDir: string;
  /** The log's verifier key (type 0x01), which each witness trusts. */
  logVerifierKey: string;
  /** The log's origin. */
  origin: string;
  /** Which witnesses: ids of DEMO_WITNESSES or other key names (default: the three demo witnesses). */
  names?: string[];
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** A fixed port per witness, in the order of `names` (default: each takes a free port). */
  ports?: readonly number[];
  /** Receives each line a witness writes (JSON log lines on stdout, its banner on stderr). */
  onOutput?: (line: string, stream: "stdout" | "stderr", witness: string) => void;
  /** How long to wait for all witnesses to answer (default 60 s). */
  startTimeoutMs?: number;
}

const BIN = path.resolve(import.meta.dirname, "../../../../bin/netcourt.js");

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

/**
 * Starts witnesses as child processes (`netcourt witness`), each with its own key and state under
 * `<dataDir>/witnesses/<id>/` and a free port, and resolves once each has said it is ready with its
 * URL and verifier key. The children stop with `stop()`, when this process exits, and — because they
 * watch their standard input — when this process is killed outright.
 */
export async function startLocalWitnesses(
  options: StartLocalWitnessesOptions,
): Promise<{ witnesses: LocalWitness[]; stop(): Promise<void> }> {
  const wanted = options.names ?? DEMO_WITNESSES.map((w) => w.id);
  if (options.ports && options.ports.length !== wanted.length)
    throw new Error(`${wanted.length} witnesses need ${wanted.length} ports, not ${options.ports.length}`);
  const specs = wanted.map((id, i) => {
    const demo = DEMO_WITNESSES.find((w) => w.id === id || w.name === id);
    const port = options.ports?.[i] ?? 0;
    return demo ? { id: demo.id, name: demo.name, port } : { id, name: id, port };
  });
  const children: ChildProcess[] = [];
  const killAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.once("exit", killAll);

  const stop = async () => {
    process.removeListener("exit", killAll);
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        if (!(await exited(child, 10_000))) {
          child.kill("SIGKILL");
          await exited(child, 5_000);
        }
      }),
    );
  };

  const start = (spec: { id: string; name: string; port: number }) =>
    new Promise<LocalWitness>((resolve, reject) => {
      const dir = path.join(options.dataDir, "witnesses", spec.id);
      const args = [
        BIN,
        "witness",
        ["--key", path.join(dir, "witness.key")],
        ["--name", spec.name],
        ["--log", options.logVerifierKey],
        ["--origin", options.origin],
        ["--state", path.join(dir, "state")],
        ["--listen", `${options.host ?? "127.0.0.1"}:${spec.port}`],
        "--exit-with-stdin",
      ].flat();
      // Readiness is the "witness ready" info line, so the child logs at info whatever LOG_LEVEL says.
      const child = spawn(process.execPath, args, {
        stdio: ["pipe", "pipe", "pipe"],
        env: { ...process.env, LOG_LEVEL: "info" },
      });
      children.push(child);
      let errors = "";
      const timer = setTimeout(
        () => reject(new Error(`witness ${spec.name} did not start in time\n${errors}`)),
        options.startTimeoutMs ?? 60_000,
      );
      readline.createInterface({ input: child.stdout }).on("line", (line) => {
        options.onOutput?.(line, "stdout", spec.name);
        let entry: { msg?: string; url?: string; vkey?: string; name?: string };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          return;
        }
        if (entry.msg === "witness ready" && entry.url && entry.vkey) {
          clearTimeout(timer);
          resolve({
            id: spec.id,
            name: entry.name ?? spec.name,
            vkey: entry.vkey,
            url: entry.url,
            pid: child.pid!,
          });
        }
      });
      readline.createInterface({ input: child.stderr }).on("line", (line) => {
        errors += `${line}\n`;
        options.onOutput?.(line, "stderr", spec.name);
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`witness ${spec.name} exited (${signal ?? code}) before it was ready\n${errors}`));
      });
    });

  try {
    const witnesses = await Promise.all(specs.map(start));
    return { witnesses, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
