import { createApp } from "./app";
import { startDemoWitnesses } from "./modules/ledger/index";
import { loadConfig } from "./platform";
import { describeDemoAccounts, seedDemoNetwork } from "./seed/demo-seed";

/** `netcourt serve` / `npm start`: runs the server until SIGINT or SIGTERM, then shuts down gracefully. */
export async function runServeCommand(_argv: string[] = []): Promise<number> {
  const config = loadConfig();
  // The demo's evidence-ledger witnesses (notary office, arbitration commission, CA), unless
  // LEDGER_WITNESSES names real ones.
  const witnesses = config.seedDemo ? await startDemoWitnesses({ dataDir: config.dataDir }) : null;
  const app = await createApp({ config, ...(witnesses ? { ledger: witnesses.ledger } : {}) });
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

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntryPoint) {
  process.exitCode = await runServeCommand();
}
