import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from "@ant-design/icons";
import { fromBase64 } from "@netcourt/ledger";
import { checkAgainstLiveLog, LiveLog, type LiveCheck } from "@netcourt/shared/ledger/live-log";
import { parseReceipt, ReceiptFormatError } from "@netcourt/shared/ledger/receipt";
import { trustFromPolicy, type LedgerTrust } from "@netcourt/shared/ledger/trust";
import {
  fileSha256,
  verifyReceipt,
  type ReceiptVerification,
  type StepStatus,
} from "@netcourt/shared/ledger/verify-receipt";
import { Alert, Button, Card, Checkbox, Input, Radio, Space, Typography } from "antd";
import { useId, useRef, useState, type DragEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../../components/page";

type TrustChoice = "court" | "receipt" | "custom";

interface Outcome {
  verification: ReceiptVerification;
  trust: LedgerTrust | null;
  live: LiveCheck | { error: string } | null;
  isVerified: boolean;
}

/** SHA-256 of a file: WebCrypto where available (fast for large files), else the ledger's own. */
async function hashFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return fileSha256(bytes);
}

/** A file chooser that is also a drop zone: a real, labelled file input, usable by keyboard. */
function FileDrop(props: {
  label: string;
  help: string;
  file: File | null;
  onChange(file: File | null): void;
}) {
  const { t } = useTranslation("ledger");
  const id = useId();
  const [isOver, setIsOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    const file = event.dataTransfer.files[0];
    if (file) props.onChange(file);
  };
  return (
    <div
      className={`nc-file-drop${isOver ? " nc-file-drop-over" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={onDrop}
      style={{
        border: `2px dashed ${isOver ? "#2f5597" : "#bfbfbf"}`,
        borderRadius: 8,
        padding: 16,
        background: isOver ? "#f0f5ff" : undefined,
      }}
    >
      <label htmlFor={id} style={{ display: "block", fontWeight: 600, marginBottom: 4 }}>
        {props.label}
      </label>
      <Typography.Text type="secondary" id={`${id}-help`}>
        {props.help}
      </Typography.Text>
      <input
        id={id}
        type="file"
        aria-describedby={`${id}-help`}
        onChange={(event) => props.onChange(event.target.files?.[0] ?? null)}
        style={{ display: "block", marginTop: 8, maxWidth: "100%" }}
      />
      <div aria-live="polite" style={{ marginTop: 4, overflowWrap: "anywhere" }}>
        {props.file
          ? t("verify.chosen", { name: props.file.name, size: props.file.size })
          : t("verify.dropHere")}
      </div>
    </div>
  );
}

const statusIcon: Record<StepStatus, ReactNode> = {
  ok: <CheckCircleFilled style={{ color: "#389e0d" }} aria-hidden />,
  failed: <CloseCircleFilled style={{ color: "#cf1322" }} aria-hidden />,
  skipped: <MinusCircleFilled style={{ color: "#8c8c8c" }} aria-hidden />,
};

/**
 * 存证核验: checks a file against its deposit receipt entirely in the browser — hash, leaf, commitment,
 * log signature, inclusion, witness cosignatures and quorum — and optionally against the live log.
 */
export function VerifyScene() {
  const { t, i18n } = useTranslation("ledger");
  const [file, setFile] = useState<File | null>(null);
  const [receiptFile, setReceiptFile] = useState<File | null>(null);
  const [trustChoice, setTrustChoice] = useState<TrustChoice>("court");
  const [customPolicy, setCustomPolicy] = useState("");
  const [isLive, setIsLive] = useState(false);
  const [isWorking, setIsWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const logPrefix = `${window.location.origin}/ledger`;

  const run = async () => {
    setOutcome(null);
    setProblem(null);
    if (!file || !receiptFile) {
      setProblem(t("verify.missingInputs"));
      return;
    }
    setIsWorking(true);
    try {
      const sha256 = await hashFile(file);
      const receipt = parseReceipt(await receiptFile.text(), sha256);
      let trust: LedgerTrust | null = null;
      if (trustChoice === "custom" && customPolicy.trim() !== "")
        trust = trustFromPolicy(customPolicy, "policy");
      else if (trustChoice === "receipt" && receipt.policy)
        trust = trustFromPolicy(receipt.policy, "receipt");
      else if (trustChoice === "court") {
        const response = await fetch("/ledger/policy");
        if (response.ok) trust = trustFromPolicy(await response.text(), "policy");
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
        } catch (error) {
          live = { error: (error as Error).message };
        }
      }
      setOutcome({
        verification,
        trust,
        live,
        isVerified: verification.isVerified && (live === null || (!("error" in live) && live.isVerified)),
      });
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      setProblem(
        error instanceof ReceiptFormatError
          ? `${t("verify.receipt")}: ${error.message}`
          : (error as Error).message,
      );
    } finally {
      setIsWorking(false);
    }
  };

  const message = (code: string, params: Record<string, string | number>) => {
    const shown = { ...params };
    if (typeof shown.source === "string") shown.source = t(`trustSource.${shown.source as "policy"}`);
    // Codes come from data (the verifier's result), so the key is not known to the type checker.
    const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
    return translate(`codes.${code}`, shown);
  };
  const failedStep = outcome?.verification.failedStep ?? (outcome && !outcome.isVerified ? "live" : null);
  const liveLine = (() => {
    const live = outcome?.live;
    if (!live) return null;
    if ("error" in live)
      return { status: "failed" as const, text: message("live_unreachable", { message: live.error }) };
    if (live.isVerified && live.current.isSigned)
      return { status: "ok" as const, text: message("live_ok", { size: live.current.checkpoint.size }) };
    return { status: "failed" as const, text: message(live.reason ?? "live_inconsistent", {}) };
  })();

  return (
    <Page title={t("verify.title")} intro={t("verify.intro")} width="normal">
      <Card>
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <FileDrop label={t("verify.file")} help={t("verify.fileHelp")} file={file} onChange={setFile} />
          <FileDrop
            label={t("verify.receipt")}
            help={t("verify.receiptHelp")}
            file={receiptFile}
            onChange={setReceiptFile}
          />
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
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
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
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
            <ol style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="verify-steps">
              {outcome.verification.steps.map((step) => (
                <li
                  key={step.id}
                  data-step={step.id}
                  data-status={step.status}
                  style={{ display: "flex", gap: 8, padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}
                >
                  <span style={{ paddingTop: 2 }}>{statusIcon[step.status]}</span>
                  <div style={{ minWidth: 0 }}>
                    <strong>{t(`verify.steps.${step.id}`)}</strong>{" "}
                    <Typography.Text type={step.status === "failed" ? "danger" : "secondary"}>
                      ({t(`verify.status.${step.status}`)})
                    </Typography.Text>
                    <div style={{ overflowWrap: "anywhere" }}>{message(step.code, step.params)}</div>
                    {step.id === "cosignatures" && outcome.verification.cosigners.length > 0 ? (
                      <table style={{ marginTop: 4, borderCollapse: "collapse" }} data-testid="cosigners">
                        <thead>
                          <tr>
                            <th style={{ textAlign: "left", paddingRight: 16 }}>{t("verify.witness")}</th>
                            <th style={{ textAlign: "left" }}>{t("verify.cosignedAt")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {outcome.verification.cosigners.map((c) => (
                            <tr key={c.witness}>
                              <td style={{ paddingRight: 16 }}>{c.witness}</td>
                              <td>{new Date(c.timestamp * 1000).toLocaleString(i18n.language)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : null}
                  </div>
                </li>
              ))}
              {liveLine ? (
                <li
                  data-step="live"
                  data-status={liveLine.status}
                  style={{ display: "flex", gap: 8, padding: "8px 0" }}
                >
                  <span style={{ paddingTop: 2 }}>{statusIcon[liveLine.status]}</span>
                  <div style={{ minWidth: 0 }}>
                    <strong>{t("verify.steps.live")}</strong>{" "}
                    <Typography.Text type={liveLine.status === "failed" ? "danger" : "secondary"}>
                      ({t(`verify.status.${liveLine.status}`)})
                    </Typography.Text>
                    <div style={{ overflowWrap: "anywhere" }}>{liveLine.text}</div>
                  </div>
                </li>
              ) : null}
            </ol>
            <details style={{ marginTop: 12 }}>
              <summary>{t("verify.details")}</summary>
              <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontSize: 12 }}>
                {JSON.stringify(
                  {
                    index: outcome.verification.index,
                    sha256: outcome.verification.fileSha256,
                    leafHash: outcome.verification.leafHash,
                    checkpoint: outcome.verification.checkpoint,
                    trust: outcome.trust?.text ?? null,
                  },
                  null,
                  2,
                )}
              </pre>
            </details>
          </Card>
        </section>
      ) : null}
    </Page>
  );
}
