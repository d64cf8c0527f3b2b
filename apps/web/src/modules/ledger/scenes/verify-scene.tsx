import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from "@ant-design/icons";
import { fromBase64, LedgerError } from "@netcourt/ledger";
import { checkAgainstLiveLog, LiveLog, type LiveCheck } from "@netcourt/shared/ledger/live-log";
import {
  liveProblemMessage,
  receiptProblemMessage,
  type VerifyProblem,
} from "@netcourt/shared/ledger/messages";
import { parseReceipt, ReceiptFormatError } from "@netcourt/shared/ledger/receipt";
import { trustFromPolicy, type LedgerTrust } from "@netcourt/shared/ledger/trust";
import {
  fileSha256,
  verifyReceipt,
  type ReceiptVerification,
  type StepStatus,
  type VerificationStepId,
} from "@netcourt/shared/ledger/verify-receipt";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Collapse,
  Descriptions,
  Input,
  Radio,
  Space,
  Tag,
  Typography,
} from "antd";
import { useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../../components/page";
import "../ledger.css";
import { currentLocale } from "../../../platform/i18n";
import { FilePicker } from "../components/file-picker";
import { Glossary, TermHelp, type LedgerTerm } from "../components/term-help";
import { formatCourtTime, shownMessage, type ShownPart } from "../ledger.format";

type TrustChoice = "court" | "receipt" | "custom";

interface Outcome {
  verification: ReceiptVerification;
  trust: LedgerTrust | null;
  /** The live check, or the failure that stopped it (shown through the catalog, never its text). */
  live: LiveCheck | { failure: unknown } | null;
  isVerified: boolean;
}

/** Why a verification could not start, as a catalog code. */
class VerifyStop extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(problem);
  }
}

const termOfStep: Record<VerificationStepId | "live", LedgerTerm> = {
  file_hash: "fileHash",
  leaf: "leafHash",
  commitment: "commitment",
  log_signature: "checkpoint",
  inclusion: "inclusionProof",
  cosignatures: "witness",
  quorum: "quorum",
  live: "consistencyProof",
};

/** SHA-256 of a file: WebCrypto where available (fast for large files), else the ledger's own. */
async function hashFile(file: File): Promise<string> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new VerifyStop("file_unreadable");
  }
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return fileSha256(bytes);
}

async function readText(file: File): Promise<string> {
  try {
    return await file.text();
  } catch {
    throw new VerifyStop("file_unreadable");
  }
}

function policyTrust(text: string, source: "policy" | "receipt"): LedgerTrust {
  try {
    return trustFromPolicy(text, source);
  } catch (error) {
    if (error instanceof LedgerError) throw new VerifyStop("policy_malformed");
    throw error;
  }
}

/** The catalog code of whatever stopped a verification; unknown failures get a generic message. */
function problemOf(error: unknown): VerifyProblem {
  if (error instanceof VerifyStop) return error.problem;
  if (error instanceof ReceiptFormatError) return error.code;
  console.error(error);
  return "unexpected";
}

const statusColor: Record<StepStatus, string> = { ok: "success", failed: "error", skipped: "default" };

const statusIcon: Record<StepStatus, ReactNode> = {
  ok: <CheckCircleFilled style={{ color: "#389e0d" }} aria-hidden />,
  failed: <CloseCircleFilled style={{ color: "#cf1322" }} aria-hidden />,
  skipped: <MinusCircleFilled style={{ color: "#8c8c8c" }} aria-hidden />,
};

/** A message whose data (hashes, names, numbers) is set apart from the words around it. */
function Message({ parts }: { parts: ShownPart[] }) {
  return (
    <span className="nc-ledger-message">
      {parts.map((part, i) =>
        part.isData ? (
          <bdi key={i} className="nc-ledger-value" data-value>
            {part.text}
          </bdi>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}

/** One line of the result: the step, its status, its explanation on demand, and what was found. */
function StepLine(props: { step: VerificationStepId | "live"; status: StepStatus; children: ReactNode }) {
  const { t } = useTranslation("ledger");
  return (
    <li data-step={props.step} data-status={props.status} className="nc-ledger-step">
      <span className="nc-ledger-step-icon">{statusIcon[props.status]}</span>
      <div style={{ minWidth: 0 }}>
        <strong>{t(`verify.steps.${props.step}`)}</strong>
        <TermHelp term={termOfStep[props.step]} />{" "}
        <Tag color={statusColor[props.status]} bordered={false}>
          {t(`verify.status.${props.status}`)}
        </Tag>
        <div className="nc-ledger-step-message">{props.children}</div>
      </div>
    </li>
  );
}

/**
 * 存证核验: checks a file against its deposit receipt entirely in the browser — hash, leaf, commitment,
 * log signature, inclusion, witness cosignatures and quorum — and optionally against the live log.
 */
export function VerifyScene() {
  const { t, i18n } = useTranslation("ledger");
  const locale = currentLocale();
  const [file, setFile] = useState<File | null>(null);
  const [receiptFile, setReceiptFile] = useState<File | null>(null);
  const [trustChoice, setTrustChoice] = useState<TrustChoice>("court");
  const [customPolicy, setCustomPolicy] = useState("");
  const [isLive, setIsLive] = useState(false);
  const [isWorking, setIsWorking] = useState(false);
  const [problem, setProblem] = useState<VerifyProblem | "missing_inputs" | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const logPrefix = `${window.location.origin}/ledger`;

  const run = async () => {
    setOutcome(null);
    setProblem(null);
    if (!file || !receiptFile) {
      setProblem("missing_inputs");
      return;
    }
    setIsWorking(true);
    try {
      const sha256 = await hashFile(file);
      const receipt = parseReceipt(await readText(receiptFile), sha256);
      let trust: LedgerTrust | null = null;
      if (trustChoice === "custom" && customPolicy.trim() !== "") trust = policyTrust(customPolicy, "policy");
      else if (trustChoice === "receipt" && receipt.policy) trust = policyTrust(receipt.policy, "receipt");
      else if (trustChoice === "court") {
        const response = await fetch("/ledger/policy").catch(() => {
          throw new VerifyStop("policy_unavailable");
        });
        if (response.ok) trust = policyTrust(await response.text(), "policy");
      }
      const verification = verifyReceipt({ sha256 }, receipt, trust);
      let live: Outcome["live"] = null;
      if (isLive && trust && verification.isVerified && verification.checkpoint && verification.leafHash) {
        try {
          live = await checkAgainstLiveLog(
            new LiveLog(logPrefix),
            {
              checkpoint: {
                ...verification.checkpoint,
                rootHash: fromBase64(verification.checkpoint.rootHash),
                extensions: [],
              },
              index: receipt.index,
              leafHash: fromBase64(verification.leafHash),
            },
            trust,
          );
        } catch (failure) {
          live = { failure };
        }
      }
      setOutcome({
        verification,
        trust,
        live,
        isVerified: verification.isVerified && (live === null || (!("failure" in live) && live.isVerified)),
      });
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setIsWorking(false);
    }
  };

  const context = { trustSource: outcome?.trust?.source ?? null, policy: outcome?.trust?.policy ?? null };
  const message = (code: string, params: Record<string, string | number> = {}) => (
    <Message parts={shownMessage(locale, code, params, context)} />
  );
  const failedStep = outcome?.verification.failedStep ?? (outcome && !outcome.isVerified ? "live" : null);
  const liveLine = (() => {
    const live = outcome?.live;
    if (!live) return null;
    if ("failure" in live)
      return {
        status: "failed" as const,
        text: message("live_unreachable", { message: liveProblemMessage(locale, live.failure) }),
      };
    if (live.isVerified && live.current.isSigned)
      return { status: "ok" as const, text: message("live_ok", { size: live.current.checkpoint.size }) };
    return { status: "failed" as const, text: message(live.reason ?? "live_inconsistent") };
  })();
  const details = outcome
    ? [
        ["index", String(outcome.verification.index)],
        ["sha256", outcome.verification.fileSha256],
        ["leafHash", outcome.verification.leafHash],
        ["origin", outcome.verification.checkpoint?.origin],
        ["size", outcome.verification.checkpoint ? String(outcome.verification.checkpoint.size) : null],
        ["rootHash", outcome.verification.checkpoint?.rootHash],
        ["trust", outcome.trust?.text],
      ].filter((row): row is [string, string] => typeof row[1] === "string")
    : [];

  return (
    <Page title={t("verify.title")} intro={t("verify.intro")} width="normal">
      <Card>
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <FilePicker label={t("verify.file")} help={t("verify.fileHelp")} file={file} onChange={setFile} />
          <FilePicker
            label={t("verify.receipt")}
            help={t("verify.receiptHelp")}
            file={receiptFile}
            onChange={setReceiptFile}
          />
          <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>{t("verify.trust")}</legend>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t("verify.trustHelp")}
            </Typography.Paragraph>
            <Radio.Group
              value={trustChoice}
              onChange={(event) => setTrustChoice(event.target.value as TrustChoice)}
              options={(["court", "receipt", "custom"] as const).map((value) => ({
                value,
                label: t(`verify.trustSources.${value}`),
              }))}
            />
            {trustChoice === "custom" ? (
              <Input.TextArea
                aria-label={t("verify.policyLabel")}
                value={customPolicy}
                onChange={(event) => setCustomPolicy(event.target.value)}
                autoSize={{ minRows: 4, maxRows: 12 }}
                style={{ marginTop: 8, fontFamily: "monospace" }}
                spellCheck={false}
              />
            ) : null}
          </fieldset>
          <Checkbox checked={isLive} onChange={(event) => setIsLive(event.target.checked)}>
            {t("verify.live")}
          </Checkbox>
          <Space wrap>
            <Button type="primary" onClick={() => void run()} loading={isWorking}>
              {t("verify.run")}
            </Button>
          </Space>
        </Space>
      </Card>

      <div aria-live="assertive" style={{ marginTop: 16 }}>
        {problem ? (
          <Alert
            type="error"
            showIcon
            data-testid="verify-problem"
            message={t("verify.problemTitle")}
            description={
              problem === "missing_inputs"
                ? t("verify.missingInputs")
                : receiptProblemMessage(locale, problem)
            }
          />
        ) : null}
      </div>

      {outcome ? (
        <section
          ref={resultRef}
          tabIndex={-1}
          aria-label={outcome.isVerified ? t("verify.verified") : t("verify.notVerified")}
          style={{ marginTop: 16, outline: "none" }}
          lang={i18n.language}
        >
          <Alert
            data-testid="verify-result"
            type={outcome.isVerified ? "success" : "error"}
            showIcon
            message={outcome.isVerified ? t("verify.verified") : t("verify.notVerified")}
            description={
              failedStep ? t("verify.failedAt", { step: t(`verify.steps.${failedStep}`) }) : undefined
            }
          />
          <Card style={{ marginTop: 12 }}>
            <ol className="nc-ledger-steps" data-testid="verify-steps">
              {outcome.verification.steps.map((step) => (
                <StepLine key={step.id} step={step.id} status={step.status}>
                  {message(step.code, step.params)}
                  {step.id === "cosignatures" && outcome.verification.cosigners.length > 0 ? (
                    <ul className="nc-ledger-cosigners" data-testid="cosigners">
                      {outcome.verification.cosigners.map((c) => (
                        <li key={c.witness}>
                          <span>
                            {t("verify.witness")}{" "}
                            <bdi className="nc-ledger-value" data-value>
                              {c.witness}
                            </bdi>
                          </span>
                          <span>
                            {t("verify.cosignedAt")}{" "}
                            {formatCourtTime(locale, new Date(c.timestamp * 1000).toISOString())}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </StepLine>
              ))}
              {liveLine ? (
                <StepLine step="live" status={liveLine.status}>
                  {liveLine.text}
                </StepLine>
              ) : null}
            </ol>
            <Collapse
              ghost
              style={{ marginTop: 8 }}
              items={[
                {
                  key: "details",
                  label: t("verify.details"),
                  children: (
                    <Descriptions
                      column={1}
                      size="small"
                      bordered
                      items={details.map(([key, value]) => ({
                        key,
                        label: t(`verify.detailLabels.${key as "index"}`),
                        children:
                          key === "trust" ? (
                            <pre className="nc-ledger-pre">{value}</pre>
                          ) : (
                            <bdi className="nc-ledger-value" data-value>
                              {value}
                            </bdi>
                          ),
                      }))}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </section>
      ) : null}

      <Collapse
        style={{ marginTop: 16 }}
        items={[{ key: "glossary", label: t("verify.glossaryTitle"), children: <Glossary /> }]}
      />
    </Page>
  );
}
