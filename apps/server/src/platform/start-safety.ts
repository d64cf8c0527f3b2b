import type { AppConfig, SimulatorKind } from "./config";

/**
 * A port backed by a local stand-in says so here. Every port in the app context is asked, so a new
 * port with a simulator (SMS, bank inquiry …) joins the production check by declaring this field.
 */
export interface SimulatorReport {
  readonly simulates?: SimulatorKind;
}

/** What each simulator would do to a real court, and the settings that replace it. */
const simulatorRisks: Record<SimulatorKind, { risk: string; replace: string }> = {
  payment: {
    risk: "anyone can mark any court fee paid through /sim/pay",
    replace:
      "PAYMENT_GATEWAY_URL, PAYMENT_GATEWAY_MERCHANT_ID, PAYMENT_GATEWAY_KEY_FILE, PAYMENT_GATEWAY_PUBLIC_KEY_FILE",
  },
  real_name: {
    risk: "real-name checks are approved without asking anyone",
    replace: "REAL_NAME_VERIFIER_URL and REAL_NAME_VERIFIER_SECRET",
  },
  witnesses: {
    risk: "the ledger's witnesses run with keys this server can read, so their cosignatures prove nothing",
    replace: "LEDGER_WITNESSES (independent witnesses, see docs/ledger.md)",
  },
  sms: {
    risk: "service notices by SMS are kept in memory and reported delivered without reaching anyone",
    replace: "SMS_GATEWAY_URL and SMS_GATEWAY_KEY",
  },
  email: {
    risk: "service notices by e-mail are kept in memory and reported delivered without reaching anyone",
    replace: "SMTP_URL and SMTP_FROM",
  },
  speech: {
    risk: "hearing transcripts are filled with a scripted hearing instead of what was said",
    replace: "SPEECH_URL (an OpenAI-compatible speech recognition service, docs/speech-recognition.md)",
  },
};

/** The simulators among `ports` (each port reports itself through `simulates`). */
export function simulatorsInUse(ports: readonly unknown[]): SimulatorKind[] {
  const kinds = new Set<SimulatorKind>();
  for (const port of ports) {
    const kind = (port as SimulatorReport | null | undefined)?.simulates;
    if (kind) kinds.add(kind);
  }
  return [...kinds].sort();
}

/** A start that would expose a real court to the demo's public accounts or to simulators. */
export class StartRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        "netcourt refuses to start in production (NODE_ENV=production):",
        ...problems.map((problem) => `  - ${problem}`),
      ].join("\n"),
    );
    this.name = "StartRefusedError";
  }
}

/**
 * Production refuses the demo seed and any simulator unless a setting allows each explicitly (a
 * staging court); what is allowed comes back as warnings to log loudly. Outside production nothing is
 * checked. Throws `StartRefusedError` naming the settings to change.
 */
export function checkStartSafety(
  config: Pick<
    AppConfig,
    | "isProduction"
    | "seedDemo"
    | "allowDemoSeed"
    | "allowSimulators"
    | "publicUrlIsSet"
    | "publicUrl"
    | "clockOffsetMs"
  >,
  simulators: readonly SimulatorKind[],
  details: Partial<Record<SimulatorKind, string>> = {},
): { warnings: string[] } {
  if (!config.isProduction) return { warnings: [] };
  const problems: string[] = [];
  const warnings: string[] = [];
  if (!config.publicUrlIsSet) {
    // Every node must name the court by the one address users reach: payment returns, invitation
    // links and the ledger's published origin would otherwise point at this node's own port.
    problems.push(
      `PUBLIC_URL is unset, so links and the ledger's address would be this node's own ${config.publicUrl}: ` +
        "set PUBLIC_URL to the address users reach the court at (the same on every node)",
    );
  }
  if (config.clockOffsetMs !== 0) {
    // Every period of a real court runs from the true date (民事诉讼法第八十五条): no setting allows a moved clock.
    problems.push(
      "CLOCK_OFFSET moves the server's clock ahead of the real time, so every date and period it records " +
        "would be false: unset CLOCK_OFFSET (it is for test and training courts only)",
    );
  }
  if (config.seedDemo) {
    if (config.allowDemoSeed) {
      warnings.push(
        "the demo network is seeded (ALLOW_DEMO_SEED=true): its passwords and TOTP secrets are public",
      );
    } else {
      problems.push(
        "SEED_DEMO=true seeds demo accounts whose passwords and TOTP secrets are public: " +
          "unset SEED_DEMO (or set SEED_DEMO=false), or set ALLOW_DEMO_SEED=true for a staging court",
      );
    }
  }
  for (const kind of simulators) {
    const { replace } = simulatorRisks[kind];
    const risk = details[kind]
      ? `${simulatorRisks[kind].risk} (${details[kind]})`
      : simulatorRisks[kind].risk;
    if (config.allowSimulators.has(kind)) {
      warnings.push(`the ${kind} simulator runs (ALLOW_SIMULATORS): ${risk}`);
    } else {
      problems.push(
        `the ${kind} simulator is in use — ${risk}: set ${replace}, ` +
          `or set ALLOW_SIMULATORS=${kind} for a staging court`,
      );
    }
  }
  if (problems.length > 0) throw new StartRefusedError(problems);
  return { warnings };
}
