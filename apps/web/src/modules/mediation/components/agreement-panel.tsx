import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  FilePdfOutlined,
  FileWordOutlined,
} from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { isApiError } from "../../../platform/api-client";
import { currentLocale } from "../../../platform/i18n";
import { useApiQuery } from "../../../platform/use-api";
import { formatDate, formatDateTime, formatYuan } from "../../cases/cases.format";
import { documentsApi, type CaseDocument } from "../../documents/documents.api";
import {
  mediationApi,
  type AgreementView,
  type ConfirmationView,
  type Ground,
  type MediationView,
} from "../mediation.api";
import { useAct } from "../../../platform/use-act";
import { AgreementForm } from "./agreement-form";
import { WithdrawConfirmationButton } from "./withdraw-confirmation";

/** The PDF and DOCX links of a case document issue, both languages. */
export function IssueLinks({ document, label }: { document: CaseDocument | undefined; label: string }) {
  const { t } = useTranslation("cases");
  if (!document) return null;
  return (
    <ul className="nc-plain-list" style={{ margin: 0 }}>
      {document.versions.map((version) => {
        const language = version.locale === "zh-CN" ? t("detail.documentZh") : t("detail.documentEn");
        return (
          <li key={version.id}>
            <span className="nc-muted">{t("detail.documentVersion", { version: language })}</span>
            <a
              href={version.pdfUrl}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${label} ${t("detail.documentLink", { version: language, format: "PDF" })}`}
            >
              <FilePdfOutlined aria-hidden /> PDF
            </a>
            {" · "}
            <a
              href={version.docxUrl}
              download
              aria-label={`${label} ${t("detail.documentLink", { version: language, format: "DOCX" })}`}
            >
              <FileWordOutlined aria-hidden /> DOCX
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** A ground in the reader's language with its legal basis. */
export function groundText(ground: Ground): string {
  return `${currentLocale() === "en" ? ground.en : ground.zh}（${ground.basis}）`;
}

/** The judicial confirmation as the parties see it: where it stands and the ruling. */
function ConfirmationStatus({
  confirmation,
  documents,
  onDone,
}: {
  confirmation: ConfirmationView;
  documents: CaseDocument[];
  onDone: () => void;
}) {
  const { t } = useTranslation("mediation");
  const ruling = documents.find((d) => d.issueId === confirmation.decision?.rulingIssueId);
  const withdrawalRuling = confirmation.withdrawal?.rulingIssueId
    ? documents.find((d) => d.issueId === confirmation.withdrawal?.rulingIssueId)
    : undefined;
  return (
    <Card
      size="small"
      className="nc-block"
      data-testid="confirmation-status"
      title={
        <Space wrap>
          <span>{t("confirmation.title")}</span>
          <Tag color={confirmation.status === "confirmed" ? "success" : "processing"}>
            {t(`confirmation.status.${confirmation.status}`)}
          </Tag>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          ...confirmation.parties.map((p) => ({
            key: p.partyId,
            label: p.name,
            children: p.appliedAt
              ? `${t("confirmation.appliedAt")} ${formatDateTime(p.appliedAt)}`
              : t("confirmation.notApplied"),
          })),
          ...(confirmation.caseNumber
            ? [{ key: "number", label: t("confirmation.caseNumber"), children: confirmation.caseNumber }]
            : []),
          ...(confirmation.judgeName
            ? [{ key: "judge", label: t("confirmation.judge"), children: confirmation.judgeName }]
            : []),
          ...(confirmation.decisionDueOn && !confirmation.decision && !confirmation.withdrawal
            ? [
                {
                  key: "due",
                  label: t("confirmation.decisionDueOn"),
                  children: formatDate(confirmation.decisionDueOn),
                },
              ]
            : []),
        ]}
      />
      {confirmation.refusal ? (
        <Alert
          type="error"
          showIcon
          title={t("confirmation.refusal")}
          description={
            <ul>
              {confirmation.refusal.grounds.map((g) => (
                <li key={g.code}>{groundText(g)}</li>
              ))}
              {confirmation.refusal.reason ? <li>{confirmation.refusal.reason}</li> : null}
            </ul>
          }
        />
      ) : null}
      {confirmation.decision ? (
        <Alert
          type={confirmation.decision.decision === "confirm" ? "success" : "error"}
          showIcon
          data-testid="confirmation-decision"
          title={t(`confirmation.decided_${confirmation.decision.decision}`)}
          description={
            <>
              {confirmation.decision.grounds.map((g) => (
                <div key={g.code}>{groundText(g)}</div>
              ))}
              {confirmation.decision.reasons ? (
                <div style={{ whiteSpace: "pre-wrap" }}>{confirmation.decision.reasons}</div>
              ) : null}
              {confirmation.isEnforceable ? <div>{t("confirmation.enforceable")}</div> : null}
              {ruling ? (
                <div data-testid="confirmation-ruling">
                  <strong>{t("confirmation.ruling")}</strong>
                  <IssueLinks document={ruling} label={t("confirmation.ruling")} />
                </div>
              ) : null}
            </>
          }
        />
      ) : null}
      {confirmation.withdrawal ? (
        <Alert
          type="info"
          showIcon
          data-testid="confirmation-withdrawal"
          title={t("confirmation.withdrawal")}
          description={
            <>
              <div>
                {t("confirmation.withdrawnBy", {
                  names: confirmation.withdrawal.partyNames.join(currentLocale() === "en" ? ", " : "、"),
                  date: formatDateTime(confirmation.withdrawal.withdrawnAt),
                })}
              </div>
              {confirmation.withdrawal.reason ? (
                <div style={{ whiteSpace: "pre-wrap" }}>{confirmation.withdrawal.reason}</div>
              ) : null}
              {withdrawalRuling ? (
                <div data-testid="confirmation-withdrawal-ruling">
                  <strong>{t("confirmation.withdrawalRuling")}</strong>
                  <IssueLinks document={withdrawalRuling} label={t("confirmation.withdrawalRuling")} />
                </div>
              ) : null}
            </>
          }
        />
      ) : null}
      {confirmation.actions.includes("join") ? (
        <JoinButton mediationId={confirmation.mediationId} onDone={onDone} />
      ) : null}
      {confirmation.actions.includes("withdraw") ? (
        <WithdrawConfirmationButton confirmation={confirmation} onDone={onDone} />
      ) : null}
    </Card>
  );
}

function JoinButton({ mediationId, onDone }: { mediationId: string; onDone: () => void }) {
  const { t } = useTranslation("mediation");
  const { run, busy } = useAct(onDone);
  return (
    <Button
      type="primary"
      style={{ marginTop: 8 }}
      loading={busy === "join"}
      onClick={() =>
        void run("join", () => mediationApi.joinConfirmation(mediationId), t("agreement.applied"))
      }
    >
      {t("agreement.join")}
    </Button>
  );
}

/** The agreement's terms on screen, in the reader's language around the parties' own words. */
function Terms({ agreement, view }: { agreement: AgreementView; view: MediationView }) {
  const { t } = useTranslation("mediation");
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? "";
  const { terms } = agreement;
  return (
    <div className="nc-mediation-wrap" data-testid="agreement-terms">
      <h3 className="nc-section-title">{t("agreement.facts")}</h3>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{terms.facts}</Typography.Paragraph>
      <h3 className="nc-section-title">{t("agreement.obligations")}</h3>
      <ol>
        {terms.obligations.map((o, index) => (
          <li key={index}>
            {t("agreement.line", {
              obligor: name(o.obligorPartyId),
              obligee: name(o.obligeePartyId),
              description: o.description,
              amount:
                o.amountFen !== null
                  ? t("agreement.lineAmount", { amount: formatYuan(o.amountFen / 100) })
                  : "",
              due: o.dueOn ? t("agreement.dueBy", { date: formatDate(o.dueOn) }) : t("agreement.dueOnEffect"),
            })}
          </li>
        ))}
      </ol>
      <div>
        <strong>{t("labelled", { label: t("agreement.costs") })}</strong>
        {terms.costs.kind === "borne_by"
          ? t("agreement.costsBorneBy", { name: name(terms.costs.partyId) })
          : t(`agreement.costsKinds.${terms.costs.kind}`)}
      </div>
      {terms.otherTerms.length > 0 ? (
        <ul>
          {terms.otherTerms.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The mediation agreement: drafted by the mediator, read (PDF and the terms on screen) and signed online
 * by every party and the mediator (互联网法院规定第十九条), then jointly put to the court for judicial
 * confirmation within 30 days (民事诉讼法第二百零五条).
 */
export function AgreementPanel({ view, onChanged }: { view: MediationView; onChanged: () => void }) {
  const { t } = useTranslation("mediation");
  const [isEditing, setEditing] = useState(false);
  const [isSigning, setSigning] = useState(false);
  const loaded = useApiQuery(
    async (signal) => {
      const agreement = await mediationApi.agreement(view.id, signal).catch((error: unknown) => {
        if (isApiError(error, "agreement_not_found")) return null;
        throw error;
      });
      const documents = agreement
        ? await documentsApi.list(view.caseId).then(
            (list) => list.items,
            () => [] as CaseDocument[],
          )
        : [];
      const confirmation = agreement?.confirmationId
        ? await mediationApi.confirmation(agreement.confirmationId, signal).catch(() => null)
        : null;
      return { agreement, documents, confirmation };
    },
    [view.id, view.status, view.caseId],
  );
  const done = () => {
    setEditing(false);
    setSigning(false);
    loaded.reload();
    onChanged();
  };
  const { run, busy } = useAct(done);
  const canDraft = view.actions.includes("draft_agreement");
  const data = loaded.data;
  const agreement = data?.agreement ?? null;
  const has = (action: AgreementView["actions"][number]) => agreement?.actions.includes(action) ?? false;
  const agreementDocument = data?.documents.find((d) => d.issueId === agreement?.issueId);

  return (
    <Card
      className="nc-block"
      data-testid="mediation-agreement"
      title={
        <Space wrap>
          <h2 className="nc-card-title">{t("agreement.title")}</h2>
          {agreement ? (
            <>
              <Tag color={agreement.status === "effective" ? "success" : "gold"}>
                {t(`agreement.status.${agreement.status}`)}
              </Tag>
              <Tag>{t("agreement.version", { version: agreement.version })}</Tag>
            </>
          ) : null}
        </Space>
      }
    >
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      {!agreement && !loaded.isLoading ? (
        canDraft ? (
          <AgreementForm view={view} terms={null} onDone={done} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("agreement.none")} />
        )
      ) : null}
      {agreement && isEditing ? (
        <AgreementForm view={view} terms={agreement.terms} onDone={done} onCancel={() => setEditing(false)} />
      ) : null}
      {agreement && !isEditing ? (
        <>
          {agreementDocument ? (
            <div className="nc-block">
              <IssueLinks document={agreementDocument} label={t("agreement.title")} />
            </div>
          ) : null}
          <Terms agreement={agreement} view={view} />
          <Typography.Paragraph type="secondary" className="nc-mediation-wrap" style={{ marginTop: 12 }}>
            {t("agreement.hash")}: <span className="nc-mediation-hash">{agreement.contentSha256}</span>
          </Typography.Paragraph>
          <h3 className="nc-section-title">{t("agreement.signatures")}</h3>
          <List
            size="small"
            data-testid="agreement-signatures"
            dataSource={[
              ...agreement.signatures.map((s) => ({
                key: `${s.role}-${s.partyId ?? "mediator"}`,
                name:
                  s.role === "mediator"
                    ? `${t("agreement.mediatorLabel")} ${s.name}`
                    : s.agentName
                      ? t("agreement.agentFor", { agent: s.agentName, party: s.name })
                      : s.name,
                signedAt: s.signedAt,
              })),
              ...agreement.pending.parties.map((p) => ({ key: p.id, name: p.name, signedAt: null })),
              ...(agreement.pending.mediator
                ? [
                    {
                      key: "mediator-pending",
                      name: `${t("agreement.mediatorLabel")} ${view.mediator?.name ?? ""}`,
                      signedAt: null,
                    },
                  ]
                : []),
            ]}
            renderItem={(item) => (
              <List.Item key={item.key}>
                <Space wrap>
                  {item.signedAt ? (
                    <CheckCircleOutlined aria-hidden style={{ color: "#389e0d" }} />
                  ) : (
                    <ClockCircleOutlined aria-hidden />
                  )}
                  <span>{item.name}</span>
                  <Tag color={item.signedAt ? "success" : "default"}>
                    {item.signedAt ? t("agreement.signed") : t("agreement.pending")}
                  </Tag>
                  {item.signedAt ? (
                    <Typography.Text type="secondary">{formatDateTime(item.signedAt)}</Typography.Text>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
          {agreement.effectiveOn ? (
            <Descriptions
              size="small"
              column={1}
              className="nc-block"
              items={[
                { key: "on", label: t("agreement.effectiveOn"), children: formatDate(agreement.effectiveOn) },
                {
                  key: "due",
                  label: t("agreement.applicationDueOn"),
                  children: (
                    <strong data-testid="application-due">{formatDate(agreement.applicationDueOn)}</strong>
                  ),
                },
              ]}
            />
          ) : null}
          <div className="nc-mediation-actions">
            {has("sign") ? (
              <Button type="primary" onClick={() => setSigning(true)}>
                {t("agreement.sign")}
              </Button>
            ) : null}
            {has("redraft") ? (
              <Button onClick={() => setEditing(true)}>{t("agreement.redraft")}</Button>
            ) : null}
            {has("apply_for_confirmation") ? (
              <Popconfirm
                title={t("agreement.applyConfirm")}
                okText={t("forms.submit")}
                cancelText={t("forms.cancel")}
                onConfirm={() =>
                  void run("apply", () => mediationApi.applyForConfirmation(view.id), t("agreement.applied"))
                }
              >
                <Button type="primary" loading={busy === "apply"}>
                  {t("agreement.apply")}
                </Button>
              </Popconfirm>
            ) : null}
            {has("join_confirmation") ? (
              <Button
                type="primary"
                loading={busy === "join"}
                onClick={() =>
                  void run("join", () => mediationApi.joinConfirmation(view.id), t("agreement.applied"))
                }
              >
                {t("agreement.join")}
              </Button>
            ) : null}
          </div>
          {has("apply_for_confirmation") || has("join_confirmation") ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t("agreement.applyText", { date: formatDate(agreement.applicationDueOn) })}
            </Typography.Paragraph>
          ) : null}
          {data?.confirmation ? (
            <ConfirmationStatus confirmation={data.confirmation} documents={data.documents} onDone={done} />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t("agreement.documents")}{" "}
            <LinkButton type="link" size="small" to={`/cases/${view.caseId}`}>
              {t("workspace.caseLink")}
            </LinkButton>
          </Typography.Paragraph>
          <Modal
            open={isSigning}
            title={t("agreement.signTitle")}
            okText={t("agreement.signOk")}
            cancelText={t("forms.cancel")}
            confirmLoading={busy === "sign"}
            onCancel={() => setSigning(false)}
            onOk={() =>
              void run(
                "sign",
                () => mediationApi.signAgreement(view.id, agreement.contentSha256),
                t("agreement.signedOk"),
              )
            }
          >
            <Typography.Paragraph>
              {t("agreement.signText", { version: agreement.version })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" className="nc-mediation-wrap">
              {t("agreement.hash")}: <span className="nc-mediation-hash">{agreement.contentSha256}</span>
            </Typography.Paragraph>
          </Modal>
        </>
      ) : null}
    </Card>
  );
}
