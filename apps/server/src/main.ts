import { checkSafeToStart, createApp, resolvePorts, type NetcourtApp } from "./app";
import { loadLedgerConfig, startDemoWitnesses, type DemoWitnesses } from "./modules/ledger/index";
import { loadConfig, offsetClock } from "./platform";
import { StartRefusedError } from "./platform/start-safety";
import { describeDemoAccounts, seedDemoNetwork } from "./seed/demo-seed";

/** `netcourt serve` / `npm start`: runs the server until SIGINT or SIGTERM, then shuts down gracefully. */
export async function runServeCommand(_argv: string[] = []): Promise<number> {
  const config = loadConfig();
  let witnesses: DemoWitnesses | null = null;
  let app: NetcourtApp;
  try {
    // Everything unsafe for a real court is refused before anything starts (the demo witnesses included).
    const ports = await resolvePorts(config, offsetClock(config.clockOffsetMs));
    const startsDemoWitnesses = config.seedDemo && process.env.LEDGER_WITNESSES === undefined;
    await checkSafeToStart(config, ports, loadLedgerConfig().witnesses, startsDemoWitnesses);
    // The demo's evidence-ledger witnesses (notary office, arbitration commission, CA), unless
    // LEDGER_WITNESSES names real ones.
    witnesses = config.seedDemo ? await startDemoWitnesses({ dataDir: config.dataDir }) : null;
    app = await createApp({ config, ports, ...(witnesses ? { ledger: witnesses.ledger } : {}) });
  } catch (error) {
    await witnesses?.stop();
    if (!(error instanceof StartRefusedError)) throw error;
    process.stderr.write(`\n${error.message}\n\n`);
    return 1;
  }
  if (app.startWarnings.length > 0) process.stderr.write(unsafeBanner(app.startWarnings));
  if (config.seedDemo) {
    const accounts = await seedDemoNetwork(app.context, { now: app.context.clock.now() });
    if (accounts) process.stdout.write(describeDemoAccounts(accounts));
  }
  if (witnesses) process.stdout.write(witnesses.describe());
  const url = await app.start();
  app.context.log.info({ url }, "netcourt is listening");
  process.stdout.write(`\nnetcourt is running at ${config.publicUrl} (listening on ${url})\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      app.context.log.info({ signal }, "shutting down");
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await app.close();
  await witnesses?.stop();
  return 0;
}

function unsafeBanner(warnings: string[]): string {
  const rule = "!".repeat(78);
  return [
    "",
    rule,
    "WARNING: this production server is NOT SAFE FOR A REAL COURT (a staging court only):",
    ...warnings.map((warning) => `  - ${warning}`),
    rule,
    "",
  ].join("\n");
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntryPoint) {
  process.exitCode = await runServeCommand();
}
