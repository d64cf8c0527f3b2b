import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { AppContext, AppPorts } from "./context";
import { randomBytes } from "node:crypto";
import * as admin from "./modules/admin/index";
import * as cases from "./modules/cases/index";
import * as courts from "./modules/courts/index";
import * as delivery from "./modules/delivery/index";
import * as documents from "./modules/documents/index";
import * as evidence from "./modules/evidence/index";
import * as judgment from "./modules/judgment/index";
import * as filing from "./modules/filing/index";
import * as hearing from "./modules/hearing/index";
import * as identity from "./modules/identity/index";
import * as ledger from "./modules/ledger/index";
import * as mediation from "./modules/mediation/index";
import * as search from "./modules/search/index";
import {
  JobRunner,
  ReadCache,
  buildHttpServer,
  registerAuditRoutes,
  migrate,
  configuredDatabaseTarget,
  openDatabase,
  offsetClock,
  systemMeta,
  type AppConfig,
  type Clock,
  type Database,
  type JobDefinition,
} from "./platform";
import { createFileStore } from "./platform/files/create-file-store";
import { createLogger } from "./platform/logger";
import { speechRecognizerFor } from "./platform/ports/speech";
import { checkStartSafety, simulatorsInUse, type SimulatorReport } from "./platform/start-safety";

const version = "0.1.0";

export interface CreateAppOptions {
  config: AppConfig;
  clock?: Clock;
  /** An open database (tests); otherwise opened from the configuration. */
  database?: Database;
  ports?: Partial<AppPorts>;
  logger?: Logger;
  /** Evidence ledger settings over those of the environment (witnesses of the demo start, tests). */
  ledger?: Partial<ledger.LedgerConfig>;
}

/** A wired netcourt instance: context, HTTP server and job runner. */
export interface NetcourtApp {
  context: AppContext;
  http: FastifyInstance;
  jobs: JobRunner;
  /** Law catalogue and judgment index (modules/search). */
  search: search.SearchService;
  /** Listens on the configured port and starts the job runner; returns the base URL. */
  start(): Promise<string>;
  /** Graceful shutdown: stop accepting, finish in-flight requests and jobs, close the database. */
  close(): Promise<void>;
  /** What production runs with although it is unsafe for a real court (allowed by ALLOW_* settings). */
  startWarnings: string[];
}

/** The outside-world ports: the adapters the configuration names, simulators for the others. */
export async function resolvePorts(
  config: AppConfig,
  clock: Clock,
  overrides: Partial<AppPorts> = {},
): Promise<AppPorts> {
  const now = () => clock.now();
  return {
    payment:
      overrides.payment ??
      (config.paymentGateway
        ? await filing.loadHttpPaymentGateway(config.paymentGateway, now)
        : new filing.SimulatedPaymentGateway(randomBytes(32), () => config.publicUrl.replace(/\/$/, ""))),
    realNameVerifier: overrides.realNameVerifier ?? identity.realNameVerifierFromEnv(process.env, now),
    sms: overrides.sms ?? delivery.smsSenderFor(config),
    email: overrides.email ?? delivery.emailSenderFor(config),
    speech: overrides.speech ?? speechRecognizerFor(config),
  };
}

/**
 * Production refuses to start with the demo seed, a simulated port or witnesses whose keys this server
 * holds, unless ALLOW_DEMO_SEED / ALLOW_SIMULATORS allow it; returns the warnings of what is allowed.
 * Throws `StartRefusedError` naming the settings to change.
 */
export async function checkSafeToStart(
  config: AppConfig,
  ports: AppPorts,
  witnesses: readonly ledger.WitnessConfig[],
  startsDemoWitnesses = false,
): Promise<{ warnings: string[] }> {
  if (!config.isProduction) return { warnings: [] };
  const coHosted = await ledger.findCoHostedWitnesses(witnesses, config.dataDir);
  const witnessReport: SimulatorReport[] =
    startsDemoWitnesses || coHosted.length > 0 ? [{ simulates: "witnesses" }] : [];
  return checkStartSafety(
    config,
    simulatorsInUse([...(Object.values(ports) as unknown[]), ...witnessReport]),
    {
      witnesses: startsDemoWitnesses
        ? "the demo witnesses would start beside the log"
        : `co-hosted: ${coHosted.map((w) => `${w.name} (${w.reason === "key_readable" ? "its key is under DATA_DIR" : "at a loopback address"})`).join(", ")}`,
    },
  );
}

/** The composition root: opens the database, applies migrations, wires ports, modules and routes. */
export async function createApp(options: CreateAppOptions): Promise<NetcourtApp> {
  const { config } = options;
  const log = options.logger ?? createLogger(config);
  const clock = options.clock ?? offsetClock(config.clockOffsetMs);
  // Checked before the database opens: a refused start changes nothing.
  const ports = await resolvePorts(config, clock, options.ports);
  const ledgerConfig = ledger.resolveLedgerConfig(options.ledger);
  const { warnings: startWarnings } = await checkSafeToStart(config, ports, ledgerConfig.witnesses);
  for (const warning of startWarnings) log.warn({ unsafe: true }, `UNSAFE FOR A REAL COURT: ${warning}`);
  if (config.clockOffsetMs !== 0)
    log.warn(
      { clockOffsetMs: config.clockOffsetMs },
      `the clock runs ahead of the real time: ${clock.now().toISOString()}`,
    );
  const files = await createFileStore(config);
  const database = options.database ?? (await openDatabase(configuredDatabaseTarget(config)));
  await migrate(database);
  const totpSecrets = (await identity.loadTotpSecretBox(config, log)).box;
  await identity.resealTotpSecrets(database.db, totpSecrets, systemMeta("totp-at-rest", clock.now()), {
    onlyClear: true,
  });
  const ledgerService = await ledger.createLedger({
    db: database.db,
    clock,
    log,
    dataDir: config.dataDir,
    config: ledger.resolveLedgerConfig(options.ledger),
  });

  const context: AppContext = {
    config,
    database,
    db: database.db,
    clock,
    files,
    log,
    ports,
    ledger: ledgerService,
    totpSecrets,
  };
  await context.files.cleanUp();

  const searchService = new search.SearchService({
    db: database.db,
    changes: database.changes,
    dataDir: config.dataDir,
    log,
    lawsDir: config.lawsDir,
  });
  await searchService.start();

  const definitions = [
    filing.feeDeadlineJob(context),
    filing.counterclaimFeeDeadlineJob(context),
    filing.serveComplaintJob(context),
    documents.renderDocumentJob(context),
    mediation.mediationPeriodJob(context),
    hearing.hearingReminderJob(context),
    hearing.transcribeChunkJob(context),
    hearing.asyncTrialReminderJob(context),
    hearing.asyncTrialWindowJob(context),
    hearing.hearingRecordingSealJob(context),
    ...mediation.mediationDeadlineJobs(context),
    ...delivery.serviceJobs(context),
  ] as unknown as JobDefinition<never>[];
  await delivery.scheduleServiceSweep(context.db, clock.now());
  const names = new ReadCache<string | null>(database.changes, "user", 50_000);
  const userNames = async (ids: string[]) => {
    const found = new Map<string, string>();
    for (const id of ids) {
      const name = await names.get(
        id,
        async () => (await identity.findUserSummaries(context.db, [id]))[0]?.name ?? null,
      );
      if (name !== null) found.set(id, name);
    }
    return found;
  };
  const jobs = new JobRunner({
    db: context.db,
    clock,
    definitions,
    pollMs: config.jobPollMs,
    onError: (error, job) => log.error({ err: error, jobId: job.id, kind: job.kind }, "job failed"),
  });

  const http = await buildHttpServer({
    config,
    logger: log,
    db: context.db,
    changes: database.changes,
    clock,
    version,
    loadActor: (session) => identity.loadActor(context.db, session, courts.findMemberships),
    registerRoutes: async (app) => {
      await identity.registerIdentityRoutes(app, context, {
        findMemberships: courts.findMemberships,
        findCourtLabels: courts.findCourtLabels,
        findCourtsReviewingAllVerifications: courts.findCourtsReviewingAllVerifications,
        findLitigantsAtCourts: cases.findLitigantsAtCourts,
        findCourtsOfLitigant: cases.findCourtsOfLitigant,
      });
      await courts.registerCourtsRoutes(app, context, { findCause: cases.findCause });
      await cases.registerCasesRoutes(app, context, {
        actionProviders: [filing.filingCaseActions(context), filing.defendantCaseActions(context)],
        userNames,
        cachedUserName: (id) => names.peek(id) ?? undefined,
      });
      await filing.registerFilingRoutes(app, context);
      await filing.registerDefendantRoutes(app, context);
      await evidence.registerEvidenceRoutes(app, context);
      await judgment.registerJudgmentRoutes(app, context);
      await delivery.registerDeliveryRoutes(app, context);
      await documents.registerDocumentsRoutes(app, context);
      await ledger.registerLedgerRoutes(app, context);
      await mediation.registerMediationRoutes(app, context);
      await hearing.registerHearingRoutes(app, context);
      await search.registerSearchRoutes(app, context, searchService);
      await registerAuditRoutes(app, context.db);
      await admin.registerAdminRoutes(app, context);
    },
  });

  let closed = false;
  return {
    context,
    http,
    jobs,
    search: searchService,
    startWarnings,
    async start() {
      await context.ledger.start();
      const address = await http.listen({ port: config.port, host: config.host });
      jobs.start();
      return address;
    },
    async close() {
      if (closed) return;
      closed = true;
      await http.close();
      await jobs.stop();
      await context.ledger.stop();
      await searchService.close();
      await database.close();
    },
  };
}
