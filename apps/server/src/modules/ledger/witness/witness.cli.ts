import { parseArgs } from "node:util";
import pino from "pino";
import { logsByOrigin, parseListen, readLogKeys } from "./witness.config";
import { loadOrCreateWitnessKey } from "./witness.key";
import { startWitnessServer } from "./witness.server";
import { WitnessStateStore } from "./witness.state";

const USAGE = `usage: netcourt witness --key FILE --log VKEY|FILE [--log …] --state DIR
                        [--name NAME] [--origin ORIGIN] [--listen HOST:PORT]

Runs a c2sp.org/tlog-witness that cosigns the checkpoints of the logs it trusts.

  --key FILE        the witness's Ed25519 key (Go PRIVATE+KEY+ text); generated, mode 0600, if missing
  --name NAME       key name when generating (a scheme-less URL, e.g. notary.example.cn)
  --log VKEY|FILE   a trusted log's verifier key, or a file of keys / tlog-policy "log" lines (repeatable)
  --origin ORIGIN   origin of the log(s) given; default: each key's name
  --state DIR       where the witness remembers the last checkpoint it cosigned per log (never deleted)
  --listen H:P      address to serve on (default 127.0.0.1:7380; port 0 = any free port)
  --exit-with-stdin stop when standard input closes (for a supervising parent process)

Endpoints: POST /add-checkpoint, GET /key, GET /<hex sha256(origin)>/checkpoint.
Logs are JSON lines on standard output; the verifier key is printed on standard error.
`;

/** `netcourt witness`: runs an independent witness until SIGINT/SIGTERM (exit 0), 2 on bad usage, 1 on a startup error. */
export async function runWitnessCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        key: { type: "string" },
        name: { type: "string" },
        log: { type: "string", multiple: true },
        origin: { type: "string" },
        state: { type: "string" },
        listen: { type: "string", default: "127.0.0.1:7380" },
        "exit-with-stdin": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.key || !values.state || !values.log?.length) {
    process.stderr.write(`--key, --log and --state are required\n\n${USAGE}`);
    return 2;
  }
  const log = pino({ level: process.env.LOG_LEVEL ?? "info" });
  let listen: { host: string; port: number };
  try {
    listen = parseListen(values.listen);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  let logs;
  let key;
  try {
    logs = logsByOrigin(await readLogKeys(values.log), values.origin);
    const loaded = await loadOrCreateWitnessKey(values.key, values.name);
    key = loaded.key;
    if (loaded.isNew) process.stderr.write(`generated a new witness key in ${values.key}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const witnessLog = log.child({ witness: key.name });
  let store: WitnessStateStore;
  try {
    store = await WitnessStateStore.open(values.state);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  for (const origin of await store.listOrigins()) {
    if (!logs.has(origin)) {
      witnessLog.warn({ origin }, "remembered log is not configured: refused with 404, its state is kept");
    }
  }
  let running;
  try {
    running = await startWitnessServer(
      { key, logs, store, clock: () => Math.floor(Date.now() / 1000), log: witnessLog },
      listen,
    );
  } catch (error) {
    await store.close();
    process.stderr.write(`cannot listen on ${values.listen}: ${(error as Error).message}\n`);
    return 1;
  }
  process.stderr.write(
    `witness ${key.name}\n  verifier key: ${key.vkey}\n  listening:    ${running.url}\n` +
      [...logs]
        .map(
          ([origin, keys]) => `  log:          ${origin} (${keys.length} key${keys.length > 1 ? "s" : ""})\n`,
        )
        .join(""),
  );
  witnessLog.info(
    { name: key.name, vkey: key.vkey, url: running.url, origins: [...logs.keys()] },
    "witness ready",
  );

  await new Promise<void>((resolve) => {
    const stop = (reason: string) => {
      witnessLog.info({ reason }, "witness stopping");
      resolve();
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
    if (values["exit-with-stdin"]) {
      process.stdin.on("end", () => stop("stdin closed")).on("error", () => stop("stdin error"));
      process.stdin.resume();
    }
  });
  // A resumed standard input keeps the event loop alive: release it, or the process never exits.
  if (values["exit-with-stdin"]) process.stdin.destroy();
  await running.close();
  witnessLog.info({}, "witness stopped");
  return 0;
}
