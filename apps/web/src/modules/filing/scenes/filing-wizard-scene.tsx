import { SaveOutlined } from "@ant-design/icons";
import type { ErrorDetail } from "@netcourt/shared";
import { Alert, App, Button, Card, Flex, Form, Grid, Popconfirm, Spin, Steps, Typography } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { isApiError } from "../../../platform/api-client";
import { applyFieldErrors, detailMessage, errorMessage, fieldPath } from "../../../platform/error-messages";
import { useApiQuery } from "../../../platform/use-api";
import { casesApi } from "../../cases/cases.api";
import { documentsApi } from "../../documents/documents.api";
import { formatDateTime } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import {
  filingsApi,
  type Attachment,
  type Court,
  type ExtractionSuggestion,
  type FilingView,
} from "../filing.api";
import {
  applySuggestion,
  formFieldIssues,
  fromFilingView,
  stepIndex,
  stepOfPath,
  toFilingContent,
  withAccountParticulars,
  withFilerFromAccount,
  withParticularsFromIdNumbers,
  wizardSteps,
  type FilingForm,
  type WizardStep,
} from "../filing.form";
import { ClaimsStep } from "../steps/claims-step";
import { EvidenceStep } from "../steps/evidence-step";
import { FactsStep } from "../steps/facts-step";
import { PartiesStep } from "../steps/parties-step";
import { ReviewStep } from "../steps/review-step";
import { ApplyMediationCard } from "../../mediation/components/apply-mediation-card";
import { VerifyFirstNotice } from "./new-filing-scene";
import "../filing.css";

const AUTOSAVE_MS = 2500;

/** Navigation state from the start screen: a complaint read by the extractor, to fill the form with. */
export interface WizardEntryState {
  suggestion?: ExtractionSuggestion;
}

type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "failed"; error: unknown };

interface WizardProps {
  initial: FilingView;
  courts: Court[];
  cause: { code: string; nameZh: string; nameEn: string } | null;
  suggestion: ExtractionSuggestion | undefined;
}

function Wizard({ initial, courts, cause, suggestion }: WizardProps) {
  const { t } = useTranslation("filing");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FilingForm>();
  const caseId = initial.caseId;
  const [view, setView] = useState(initial);
  const [current, setCurrent] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [problem, setProblem] = useState<{ error: unknown; details: ErrorDetail[] } | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  // The hash of the previewed 起诉状 the filer confirmed; submission sends it and the server checks it.
  const [complaintSha256, setComplaintSha256] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const version = useRef(initial.version);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const isDirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const headings = useRef<(HTMLHeadingElement | null)[]>([]);
  const isCorrection = initial.status === "correction_requested";
  const initialValues = useMemo(() => fromFilingView(initial), [initial]);
  const { me } = useMe();
  // 在线诉讼规则第七条: submission needs a verified identity (the server refuses it otherwise).
  const isVerified = me?.verificationStatus === "verified";
  // Fields with a value of the wrong form: the draft keeps them, submission refuses them (one shared rule).
  const [fieldIssues, setFieldIssues] = useState(() => formFieldIssues(initialValues, new Date()));
  const refreshFieldIssues = useCallback(() => {
    const issues = formFieldIssues(form.getFieldsValue(true) as FilingForm, new Date());
    setFieldIssues(issues);
    return issues;
  }, [form]);
  /** Shows each wrong field's message at the field, by running its rules (the shared checks). */
  const markFieldIssues = useCallback(() => {
    const issues = refreshFieldIssues();
    if (issues.length > 0)
      form.validateFields(issues.map((issue) => fieldPath(issue.path))).catch(() => undefined);
  }, [form, refreshFieldIssues]);

  /** Saves the whole form, one save at a time (each carries the version the last one returned). */
  const save = useCallback(
    (mode: "auto" | "explicit"): Promise<FilingView | null> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const run = queue.current.then(async () => {
        isDirty.current = false;
        setSaveState({ kind: "saving" });
        try {
          const values = form.getFieldsValue(true) as FilingForm;
          const next = await filingsApi.save(caseId, toFilingContent(values, version.current));
          version.current = next.version;
          setView(next);
          // The filer's sex and date of birth come from the verified account's ID number.
          const particulars = withAccountParticulars(form.getFieldsValue(true) as FilingForm, next);
          if (particulars) form.setFieldsValue(particulars);
          setSaveState({ kind: "saved", at: new Date() });
          if (mode === "explicit") setProblem(null);
          return next;
        } catch (error) {
          setSaveState({ kind: "failed", error });
          if (mode === "auto" && isApiError(error)) {
            // Show the field at fault where it is, without moving the filer away from what they type.
            form.setFields(
              error.fieldDetails().map((detail) => ({
                name: fieldPath(detail.path ?? ""),
                errors: [detailMessage(detail, "filing")],
              })) as Parameters<typeof form.setFields>[0],
            );
          }
          if (mode === "explicit") {
            const details = applyFieldErrors(form, error, "filing");
            setProblem({ error, details });
            const first = isApiError(error) ? error.fieldDetails()[0] : undefined;
            if (first) setCurrent(stepIndex(stepOfPath(first.path)));
          }
          return null;
        }
      });
      queue.current = run;
      return run;
    },
    [caseId, form],
  );

  // A complaint read from a pasted or uploaded text fills the form once, and is saved at once so any
  // problem in what was read shows at its field.
  const hasApplied = useRef(false);
  useEffect(() => {
    if (!suggestion || hasApplied.current || !me) return;
    hasApplied.current = true;
    // The filer stays the account holder (在线诉讼规则第七条), whatever name the text gives the plaintiff.
    const read = applySuggestion(form.getFieldsValue(true) as FilingForm, suggestion);
    const filled = withFilerFromAccount(read, me);
    form.setFieldsValue(withParticularsFromIdNumbers(filled, new Date()) ?? filled);
    // The parties read are new rows of the form: mark their fields once they are rendered.
    setTimeout(markFieldIssues, 100);
    void save("explicit");
  }, [suggestion, form, save, markFieldIssues, me]);

  // A reopened draft shows at once which saved fields still need correcting.
  useEffect(() => {
    if (!suggestion) markFieldIssues();
  }, [suggestion, markFieldIssues]);

  // A new complaint is saved once the account is known, so the filer's particulars come back filled.
  const hasPrefilled = useRef(initial.content.parties.length > 0 || suggestion !== undefined);
  useEffect(() => {
    if (!me || hasPrefilled.current) return;
    const pending = setTimeout(() => {
      hasPrefilled.current = true;
      void save("auto");
    }, 0);
    return () => clearTimeout(pending);
  }, [me, save]);

  // Save what is left when the page is left.
  useEffect(
    () => () => {
      if (isDirty.current) void save("auto");
    },
    [save],
  );

  const onValuesChange = (changed: Partial<FilingForm>) => {
    isDirty.current = true;
    if (Object.hasOwn(changed, "parties")) {
      // GB 11643-1999 §5.2: a valid ID number states sex and date of birth.
      const particulars = withParticularsFromIdNumbers(form.getFieldsValue(true) as FilingForm, new Date());
      if (particulars) form.setFieldsValue(particulars);
    }
    refreshFieldIssues();
    if (timer.current) clearTimeout(timer.current);
    const isProcedureChange = Object.hasOwn(changed, "procedure");
    if (isProcedureChange) {
      // A refusal of the procedure once asked for no longer holds for another one.
      form.setFields([{ name: "procedure", errors: [] }]);
      setProblem((current) => (current && isProcedureProblem(current) ? null : current));
    }
    // The review's check of the procedure is the server's: save a new choice at once.
    timer.current = setTimeout(() => void save("auto"), isProcedureChange ? 0 : AUTOSAVE_MS);
  };

  const goTo = (index: number) => {
    // The review step shows what the server finds: bring it what was typed since the last save.
    if (wizardSteps[index]?.key === "review" && isDirty.current) void save("auto");
    setCurrent(index);
    // Move focus to the new step's heading so keyboard and screen-reader users start there.
    setTimeout(() => headings.current[index]?.focus({ preventScroll: false }), 0);
  };

  const next = async () => {
    const names = wizardSteps[current]!.fields.filter((name) => name !== "attachments");
    try {
      await form.validateFields(
        names.map((name) => [name]),
        { recursive: true },
      );
    } catch {
      return; // the fields show what is wrong
    }
    const saved = await save("explicit");
    if (saved) goTo(current + 1);
  };

  const submit = async () => {
    setSubmitting(true);
    try {
      const saved = await save("explicit");
      if (!saved || complaintSha256 === null) return;
      const submitted = isCorrection
        ? await filingsApi.resubmit(caseId, complaintSha256)
        : await documentsApi.submitConfirmed(caseId, complaintSha256);
      void message.success(isCorrection ? t("wizard.review.resubmitted") : t("wizard.review.submitted"));
      setView(submitted);
      await navigate(`/cases/${caseId}`);
    } catch (error) {
      if (isApiError(error, "complaint_changed_since_preview")) setComplaintSha256(null);
      const details = applyFieldErrors(form, error, "filing");
      setProblem({ error, details });
      // The server lists what is missing; the review step shows it with a way to each step.
      filingsApi.get(caseId).then(setView, () => undefined);
    } finally {
      setSubmitting(false);
    }
  };

  const onUploaded = (attachment: Attachment) => {
    setView((previous) => ({ ...previous, attachments: [...previous.attachments, attachment] }));
    void message.success(t("wizard.attachments.uploaded", { name: attachment.fileName }));
  };

  const onRemove = async (attachment: Attachment) => {
    setRemovingId(attachment.id);
    try {
      await filingsApi.removeAttachment(caseId, attachment.id);
      setView((previous) => ({
        ...previous,
        attachments: previous.attachments.filter((candidate) => candidate.id !== attachment.id),
      }));
      void message.success(t("wizard.attachments.removed"));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setRemovingId(null);
    }
  };

  const review = isCorrection
    ? [...view.reviews].reverse().find((r) => r.decision === "correction_requested")
    : undefined;
  const needsVerification = problem && isApiError(problem.error, "identity_not_verified");
  const isLast = current === wizardSteps.length - 1;

  const status =
    saveState.kind === "saving"
      ? t("wizard.saving")
      : saveState.kind === "saved"
        ? t("wizard.saved", { time: formatDateTime(saveState.at.toISOString()) })
        : saveState.kind === "failed"
          ? t("wizard.autosaveFailed", { message: saveFailure(saveState.error) })
          : "";
  const canSubmit =
    view.missing.length === 0 && fieldIssues.length === 0 && isVerified && complaintSha256 !== null;
  const fieldIssueText = (issue: { path: string; code: string }) => {
    const values = form.getFieldsValue(true) as FilingForm;
    return `${fieldLabel(issue.path, values, t)}：${detailMessage({ ...issue, message: issue.code }, "filing")}`;
  };

  return (
    <Page
      title={isCorrection ? t("wizard.titleCorrection") : t("wizard.title")}
      intro={view.title ?? undefined}
      width="normal"
      extra={
        <Flex gap="small" align="center" wrap>
          <Typography.Text
            type={saveState.kind === "failed" ? "danger" : "secondary"}
            aria-live="polite"
            className="nc-save-status"
          >
            {status}
          </Typography.Text>
          <Button
            icon={<SaveOutlined aria-hidden />}
            onClick={() => void save("explicit")}
            loading={saveState.kind === "saving"}
          >
            {t("wizard.save")}
          </Button>
        </Flex>
      }
    >
      <VerifyFirstNotice />
      {review ? (
        <Alert
          type="warning"
          showIcon
          className="nc-block"
          title={t("wizard.correction.title")}
          description={
            <>
              <ul data-testid="correction-items">
                {review.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              {review.reason ? <div>{t("wizard.correction.note", { note: review.reason })}</div> : null}
              <div className="nc-muted">
                {t("wizard.correction.decidedAt", { time: formatDateTime(review.decidedAt) })}
              </div>
            </>
          }
        />
      ) : null}
      {suggestion ? (
        <Alert
          type="info"
          showIcon
          closable
          className="nc-block"
          title={t("start.recognised", {
            parties: suggestion.parties.length,
            claims: suggestion.claims.length,
          })}
          description={
            suggestion.issues.length > 0 ? (
              <>
                {t("start.issues")}
                <ul>
                  {suggestion.issues.map((issue) => (
                    <li key={`${issue.path}-${issue.code}`}>{fieldIssueText(issue)}</li>
                  ))}
                </ul>
              </>
            ) : undefined
          }
        />
      ) : null}

      <nav aria-label={t("wizard.stepsLabel")} className="nc-block">
        <Steps
          current={current}
          onChange={goTo}
          size="small"
          type={screens.md ? "default" : "dot"}
          titlePlacement={screens.md ? "horizontal" : "vertical"}
          responsive={false}
          items={wizardSteps.map((step) => ({ title: t(`wizard.steps.${step.key}`) }))}
        />
      </nav>

      <Form<FilingForm>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        className="nc-wizard-form"
      >
        {wizardSteps.map((step, index) => (
          <Card key={step.key} hidden={index !== current} className="nc-wizard-panel" data-step={step.key}>
            <h2
              className="nc-section-title nc-step-title"
              tabIndex={-1}
              ref={(element) => {
                headings.current[index] = element;
              }}
            >
              {t(`wizard.steps.${step.key}`)}
            </h2>
            {step.key === "parties" ? <PartiesStep attachments={view.attachments} /> : null}
            {step.key === "claims" ? <ClaimsStep courts={courts} cause={cause} /> : null}
            {step.key === "facts" ? <FactsStep /> : null}
            {step.key === "evidence" ? (
              <EvidenceStep
                caseId={caseId}
                attachments={view.attachments}
                onUploaded={onUploaded}
                onRemove={(attachment) => void onRemove(attachment)}
                removingId={removingId}
              />
            ) : null}
            {step.key === "review" ? (
              <ReviewStep
                view={view}
                onGoTo={(target: WizardStep) => goTo(stepIndex(target))}
                confirmedSha256={complaintSha256}
                onConfirmedChange={setComplaintSha256}
              />
            ) : null}
          </Card>
        ))}

        {isLast && view.status === "draft" ? (
          <ApplyMediationCard caseId={caseId} courtId={view.courtId} />
        ) : null}
        {fieldIssues.length > 0 && isLast ? (
          <Alert
            type="warning"
            showIcon
            className="nc-block"
            data-testid="field-issues"
            title={t("wizard.fieldIssues.title")}
            description={
              <ul className="nc-missing-list">
                {fieldIssues.map((issue) => (
                  <li key={`${issue.path}-${issue.code}`}>
                    {fieldIssueText(issue)}{" "}
                    <Button
                      size="small"
                      type="link"
                      onClick={() => {
                        goTo(stepIndex(stepOfPath(issue.path)));
                        setTimeout(() => form.scrollToField(fieldPath(issue.path), { focus: true }), 0);
                      }}
                    >
                      {t("wizard.fieldIssues.go", {
                        step: t(`wizard.steps.${stepOfPath(issue.path)}`),
                      })}
                    </Button>
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <div className="nc-block">
          {needsVerification ? (
            <Alert
              type="warning"
              showIcon
              title={t("wizard.review.needsVerification")}
              action={
                <LinkButton size="small" type="primary" to="/account/verification">
                  {t("wizard.review.goVerify")}
                </LinkButton>
              }
            />
          ) : (
            <ErrorAlert error={problem?.error} details={problem?.details ?? []} hasFieldErrors />
          )}
        </div>

        <Flex justify="space-between" gap="small" className="nc-wizard-actions">
          <Button disabled={current === 0} onClick={() => goTo(current - 1)}>
            {t("wizard.previous")}
          </Button>
          {isLast ? (
            <Popconfirm
              title={t("wizard.review.submitConfirm")}
              onConfirm={() => void submit()}
              disabled={!canSubmit}
            >
              <Button type="primary" loading={isSubmitting} disabled={!canSubmit}>
                {isCorrection ? t("wizard.review.resubmit") : t("wizard.review.submit")}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="primary" onClick={() => void next()}>
              {t("wizard.next")}
            </Button>
          )}
        </Flex>
      </Form>
    </Page>
  );
}

/** Why a save failed, in words: the first field problem's message, else the error's. Never a raw code. */
function saveFailure(error: unknown): string {
  const first = isApiError(error) ? error.fieldDetails()[0] : undefined;
  return first ? detailMessage(first, "filing") : errorMessage(error);
}

/** The field a path names, as the filer sees it: 被告（2）· 公民身份号码. */
function fieldLabel(path: string, values: FilingForm, t: TFunction<"filing">): string {
  const [list, index, field] = fieldPath(path);
  if (list === "parties" && typeof index === "number") {
    const role = values.parties?.[index]?.role ?? "plaintiff";
    const heading = t("wizard.party.heading", { role: t(`wizard.roles.${role}`), n: index + 1 });
    return typeof field === "string"
      ? `${heading} · ${String(t(`wizard.party.${field}` as never))}`
      : heading;
  }
  if (list === "agents" && typeof index === "number") {
    const heading = t("wizard.agents.heading", { n: index + 1 });
    return typeof field === "string"
      ? `${heading} · ${String(t(`wizard.agents.${field}` as never))}`
      : heading;
  }
  return t(`wizard.steps.${stepOfPath(path)}`);
}

/** A problem about the procedure asked for (small claims refused), which another choice resolves. */
function isProcedureProblem(problem: { error: unknown; details: ErrorDetail[] }): boolean {
  return (
    isApiError(problem.error, "small_claims_not_eligible") ||
    problem.details.some((detail) => (detail.path ?? "").replace(/^body\./, "") === "procedure")
  );
}

/**
 * The complaint wizard (`/filings/:id`): parties, claims, facts, evidence and files, then check and
 * submit. Saved automatically; a submitted complaint opens its case page instead.
 */
export function FilingWizardScene() {
  const { t } = useTranslation("filing");
  const { id = "" } = useParams();
  const location = useLocation();
  const entry = (location.state ?? {}) as WizardEntryState;
  const loaded = useApiQuery(
    async (signal) => {
      const [view, courts, summary] = await Promise.all([
        filingsApi.get(id, signal),
        filingsApi.courts(signal),
        casesApi.get(id, signal).catch(() => null),
      ]);
      return { view, courts: courts.items, cause: summary?.cause ?? null };
    },
    [id],
  );

  if (loaded.error) {
    return (
      <Page title={t("wizard.title")}>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <div className="nc-center" aria-busy="true">
        <Spin />
      </div>
    );
  }
  const { view } = loaded.data;
  if (!view.actions.includes("filing.edit")) return <Navigate to={`/cases/${view.caseId}`} replace />;
  return (
    <Wizard
      key={view.caseId}
      initial={view}
      courts={loaded.data.courts}
      cause={loaded.data.cause}
      suggestion={entry.suggestion}
    />
  );
}
