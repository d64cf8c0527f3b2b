// `netcourt verify --file F --receipt R [--log URL]`: verifies a deposit receipt offline (and, with
// --log, against the live log's tiles), printing each step in zh-CN or en. Exit 0 verified, 1 not
// verified (the reason is printed), 2 usage. Needs no database and no server.
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { fromBase64, setSha256 } from "@netcourt/ledger";
import type { Locale } from "@netcourt/shared";
import { checkAgainstLiveLog, LiveLog, type Fetch, type LiveCheck } from "@netcourt/shared/ledger/live-log";
import {
  ledgerMessage,
  liveProblemMessage,
  receiptProblemMessage,
  stepTitle,
  trustSourceText,
  verifyText,
} from "@netcourt/shared/ledger/messages";
import { parseReceipt, ReceiptFormatError } from "@netcourt/shared/ledger/receipt";
import { trustFromKeys, trustFromPolicy, type LedgerTrust } from "@netcourt/shared/ledger/trust";
import { fileSha256, verifyReceipt, type ReceiptVerification } from "@netcourt/shared/ledger/verify-receipt";
import { hash } from "node:crypto";

const USAGE = `usage: netcourt verify --file <evidence> --receipt <receipt.json|.tlog-proof> [options]

Verifies a deposit receipt (存证凭证) offline: the file's SHA-256, the leaf, the description's
commitment, the checkpoint's log signature, the inclusion proof, the witnesses' cosignatures and the
quorum. With --log it also checks the receipt against the live log's tiles.

options:
  --log <url>        the log's tlog-tiles prefix, e.g. https://court.example/ledger
  --policy <file|url> trust policy (c2sp.org/tlog-policy; the court serves it at /ledger/policy)
  --log-key <vkey>   the log's verifier key (repeatable)
  --witness <vkey>   a witness's cosignature key (repeatable)
  --quorum <n>       cosignatures needed among --witness keys (default: a majority)
  --lang <zh-CN|en>  language of the report (default from LANG)
  --json             print the result as JSON
exit status: 0 verified, 1 not verified, 2 usage error
`;

/** Options shared by the verify and monitor commands for whom to trust. */
export interface TrustOptions {
  policy?: string | undefined;
  "log-key"?: string[] | undefined;
  witness?: string[] | undefined;
  quorum?: string | undefined;
}

export const trustOptionSpec = {
  policy: { type: "string" },
  "log-key": { type: "string", multiple: true },
  witness: { type: "string", multiple: true },
  quorum: { type: "string" },
} as const;

export class UsageError extends Error {}

/** The report language: --lang, else zh-CN when the environment's locale is Chinese, else English. */
export function localeOf(lang: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  if (lang !== undefined) {
    if (lang === "zh-CN" || lang === "zh") return "zh-CN";
    if (lang === "en") return "en";
    throw new UsageError(`--lang must be zh-CN or en, not ${lang}`);
  }
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || "") ? "zh-CN" : "en";
}

/** Reads a local file or fetches an http(s) URL as text. */
export async function readTextSource(source: string, fetchImpl: Fetch): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetchImpl(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return response.text();
  }
  return fs.readFile(source, "utf8");
}

/**
 * Whom to trust, first found: --policy, --log-key/--witness/--quorum, the receipt's own policy, the
 * policy the live log publishes (trust on first use). Null when there is none.
 */
export async function resolveTrust(
  options: TrustOptions,
  receiptPolicy: string | null,
  log: LiveLog | null,
  fetchImpl: Fetch,
): Promise<LedgerTrust | null> {
  if (options.policy) return trustFromPolicy(await readTextSource(options.policy, fetchImpl), "policy");
  const logKeys = options["log-key"] ?? [];
  if (logKeys.length > 0) {
    const quorum = options.quorum === undefined ? undefined : Number(options.quorum);
    if (quorum !== undefined && !Number.isInteger(quorum)) throw new UsageError("--quorum must be a number");
    return trustFromKeys(logKeys, options.witness ?? [], quorum, "keys");
  }
  if (options.witness?.length) throw new UsageError("--witness needs --log-key");
  if (receiptPolicy) return trustFromPolicy(receiptPolicy, "receipt");
  if (log) {
    const text = await log.policy();
    if (text) return trustFromPolicy(text, "log");
  }
  return null;
}

function useNodeSha256(): void {
  setSha256((data) => hash("sha256", data, "buffer"));
}

interface VerifyOutcome {
  offline: ReceiptVerification;
  live: LiveCheck | { error: string } | null;
  isVerified: boolean;
}

function formatReport(
  locale: Locale,
  outcome: VerifyOutcome,
  trust: LedgerTrust | null,
  files: string,
): string {
  const lines = [`netcourt verify ${files}`];
  const mark = { ok: "✓", failed: "✗", skipped: "–" } as const;
  for (const step of outcome.offline.steps) {
    const params = { ...step.params };
    if (typeof params.source === "string" && trust) params.source = trustSourceText(locale, trust.source);
    lines.push(
      `  ${mark[step.status]} ${stepTitle(locale, step.id)}: ${ledgerMessage(locale, step.code, params)}`,
    );
    if (step.id === "cosignatures")
      for (const c of outcome.offline.cosigners)
        lines.push(`      — ${c.witness} ${new Date(c.timestamp * 1000).toISOString()}`);
  }
  const live = outcome.live;
  if (live) {
    if ("error" in live)
      lines.push(
        `  ✗ ${stepTitle(locale, "live")}: ${ledgerMessage(locale, "live_unreachable", { message: live.error })}`,
      );
    else if (live.isVerified && live.current.isSigned)
      lines.push(
        `  ✓ ${stepTitle(locale, "live")}: ${ledgerMessage(locale, "live_ok", { size: live.current.checkpoint.size })}`,
      );
    else
      lines.push(
        `  ✗ ${stepTitle(locale, "live")}: ${ledgerMessage(locale, live.reason ?? "live_inconsistent")}`,
      );
  }
  const failed = outcome.offline.failedStep ?? (outcome.live && !outcome.isVerified ? "live" : null);
  lines.push(
    outcome.isVerified
      ? `${verifyText(locale, "verified")}`
      : `${verifyText(locale, "notVerified")} — ${verifyText(locale, "failedAt", { step: stepTitle(locale, failed ?? "log_signature") })}`,
  );
  return `${lines.join("\n")}\n`;
}

/** Runs the command; `io` is replaceable for tests. Returns the exit status. */
export async function runVerifyCommand(
  argv: string[],
  io: { stdout?: (s: string) => void; stderr?: (s: string) => void; fetch?: Fetch } = {},
): Promise<number> {
  const out = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = io.stderr ?? ((s: string) => void process.stderr.write(s));
  const fetchImpl: Fetch = io.fetch ?? ((url) => fetch(url));
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        file: { type: "string" },
        receipt: { type: "string" },
        log: { type: "string" },
        lang: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        ...trustOptionSpec,
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (!values.file || !values.receipt) {
    err(`--file and --receipt are required\n\n${USAGE}`);
    return 2;
  }
  let locale: Locale;
  try {
    locale = localeOf(values.lang);
  } catch (error) {
    err(`${(error as Error).message}\n`);
    return 2;
  }
  useNodeSha256();
  let fileBytes: Uint8Array;
  let receiptText: string;
  try {
    fileBytes = await fs.readFile(values.file);
    receiptText = await fs.readFile(values.receipt, "utf8");
  } catch (error) {
    err(`${(error as Error).message}\n`);
    return 2;
  }
  const sha256 = fileSha256(fileBytes);
  let receipt;
  try {
    receipt = parseReceipt(receiptText, sha256);
  } catch (error) {
    if (error instanceof ReceiptFormatError) {
      err(`${values.receipt}: ${receiptProblemMessage(locale, error.code)}\n`);
      return 1;
    }
    throw error;
  }
  const log = values.log ? new LiveLog(values.log, fetchImpl) : null;
  let trust: LedgerTrust | null;
  try {
    trust = await resolveTrust(values, receipt.policy, log, fetchImpl);
  } catch (error) {
    err(`${(error as Error).message}\n`);
    return error instanceof UsageError || (error as { code?: string }).code !== undefined ? 2 : 1;
  }

  const offline = verifyReceipt({ sha256 }, receipt, trust);
  let live: VerifyOutcome["live"] = null;
  if (log && trust && offline.isVerified && offline.checkpoint && offline.leafHash) {
    try {
      live = await checkAgainstLiveLog(
        log,
        {
          checkpoint: {
            origin: offline.checkpoint.origin,
            size: offline.checkpoint.size,
            rootHash: fromBase64(offline.checkpoint.rootHash),
            extensions: [],
          },
          index: receipt.index,
          leafHash: fromBase64(offline.leafHash),
        },
        trust,
      );
    } catch (error) {
      live = { error: liveProblemMessage(locale, error) };
    }
  }
  const outcome: VerifyOutcome = {
    offline,
    live,
    isVerified: offline.isVerified && (live === null || (!("error" in live) && live.isVerified)),
  };
  if (values.json) {
    out(
      `${JSON.stringify(
        {
          ...offline,
          isVerified: outcome.isVerified,
          isVerifiedOffline: offline.isVerified,
          trust: trust ? { source: trust.source, policy: trust.text } : null,
          live:
            live === null
              ? null
              : "error" in live
                ? live
                : {
                    isVerified: live.isVerified,
                    reason: live.reason,
                    consistency: live.consistency,
                    consistencyProof: live.consistencyProof,
                    inclusion: live.inclusion,
                    size: live.current.isSigned ? live.current.checkpoint.size : null,
                  },
        },
        null,
        2,
      )}\n`,
    );
  } else out(formatReport(locale, outcome, trust, `${values.file} ${values.receipt}`));
  return outcome.isVerified ? 0 : 1;
}
