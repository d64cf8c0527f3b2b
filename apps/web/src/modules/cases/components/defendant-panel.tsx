import { Alert, Card, Collapse, Descriptions, Empty, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { isApiError } from "../../../platform/api-client";
import { useApiQuery } from "../../../platform/use-api";
import { documentsApi } from "../../documents/documents.api";
import type { CaseDetail } from "../cases.api";
import { formatDate, formatDateTime } from "../cases.format";
import { defendantApi, type Defence, type DefenceAnswer, type ObjectionStatus } from "../defendant.api";
import { AnswerForm } from "./answer-form";
import { CounterclaimCard } from "./counterclaim-card";
import {
  AgentsCard,
  CaseCodeList,
  CounterclaimForm,
  ObjectionDecisionForm,
  ObjectionForm,
  ServeComplaintCard,
} from "./defence-forms";

// The defendant's side starts once the case is registered: before that there is no one to answer.
const beforeRegistration = new Set([
  "mediation",
  "draft",
  "under_review",
  "correction_requested",
  "refused",
  "withdrawn",
]);
const objectionColors: Record<ObjectionStatus, string> = {
  pending: "processing",
  upheld: "warning",
  dismissed: "default",
};

// A card title naming a party wraps on a phone instead of being cut off beside its tag.
const wrapping = { whiteSpace: "normal" } as const;

function partyName(detail: CaseDetail, partyId: string): string {
  return detail.parties.find((p) => p.id === partyId)?.name ?? "—";
}

/** A filed answer as everyone who sees the case reads it (the plaintiff receives its copy). */
function SubmittedAnswer({ detail, answer }: { detail: CaseDetail; answer: DefenceAnswer }) {
  const { t } = useTranslation("cases");
  const claims = [...detail.claims].sort((a, b) => a.position - b.position);
  return (
    <Card
      size="small"
      className="nc-block"
      data-testid="submitted-answer"
      title={
        <h3 className="nc-card-title" style={wrapping}>
          {t("defence.answer.submittedBy", { name: partyName(detail, answer.partyId) })}
        </h3>
      }
      extra={
        answer.submittedAt ? (
          <time dateTime={answer.submittedAt}>{formatDateTime(answer.submittedAt)}</time>
        ) : null
      }
    >
      <ol className="nc-plain-list">
        {claims.map((claim, index) => {
          const response = answer.responses.find((r) => r.claimPosition === claim.position);
          return (
            <li key={claim.position} className="nc-block">
              <div>
                <strong>{t("defence.answer.claimN", { n: index + 1 })}</strong> {claim.text}
              </div>
              {response ? (
                <div>
                  <Tag
                    color={
                      response.position === "admit"
                        ? "success"
                        : response.position === "contest"
                          ? "error"
                          : "warning"
                    }
                  >
                    {t(`defence.positions.${response.position}`)}
                  </Tag>
                  <span style={{ whiteSpace: "pre-wrap" }}>{response.text}</span>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <h4 className="nc-section-title">{t("defence.answer.facts")}</h4>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>
        {answer.factsAndReasons || "—"}
      </Typography.Paragraph>
      {answer.evidence.length > 0 ? (
        <>
          <h4 className="nc-section-title">{t("defence.answer.evidence")}</h4>
          <List
            dataSource={answer.evidence}
            renderItem={(item, index) => (
              <List.Item style={{ flexWrap: "wrap", gap: 8 }}>
                <List.Item.Meta
                  title={`${index + 1}. ${item.name}`}
                  description={t("defence.answer.evidenceLine", {
                    source: item.source,
                    purpose: item.purpose,
                  })}
                />
                {item.attachmentId ? (
                  <a href={defendantApi.attachmentUrl(detail.id, item.attachmentId)} download>
                    {t("defence.answer.download")}
                  </a>
                ) : null}
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}

/**
 * The defendant's side of a case on the case page: the answer deadline; the acts the server's `actions`
 * allow (answer, objection to jurisdiction, counterclaim; the clerk's service of the complaint; the
 * judge's ruling on an objection); what the defendants filed, read-only for everyone else who sees the case.
 */
export function DefendantPanel({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation("cases");
  const isRegistered = !beforeRegistration.has(detail.status);
  const loaded = useApiQuery(
    async (signal): Promise<Defence | null> => {
      if (!isRegistered) return null;
      return defendantApi.defence(detail.id, signal).catch((error: unknown) => {
        if (isApiError(error) && (error.status === 404 || error.status === 403)) return null;
        throw error;
      });
    },
    [detail.id, detail.version, detail.status, detail.actions.join(",")],
  );
  // The 民事反诉状 and fee receipts the counterclaims link to are among the case's documents.
  const counterclaimIssues = (loaded.data?.counterclaims ?? [])
    .flatMap((c) => [c.documentIssueId, c.feeReceiptIssueId])
    .filter((id): id is string => id !== null);
  const documents = useApiQuery(
    async () => (counterclaimIssues.length > 0 ? (await documentsApi.list(detail.id)).items : []),
    [detail.id, counterclaimIssues.join(",")],
  );
  if (!isRegistered) return null;
  const defence = loaded.data;
  const can = (action: string) => detail.actions.includes(action);
  const reload = () => {
    loaded.reload();
    onChanged();
  };
  const isParty = detail.parties.some((p) => p.isMe);
  const answerDeadline = detail.deadlines.find((d) => d.kind === "answer_period" && d.status === "open");
  const dueAt = defence?.answerDueAt ?? answerDeadline?.dueAt ?? null;
  const submitted = (defence?.answers ?? []).filter((a) => a.status === "submitted");
  const draft = (defence?.answers ?? []).find((a) => a.status === "draft") ?? null;
  const codes = (defence?.caseCodes ?? []).map((c) => ({ ...c, name: partyName(detail, c.partyId) }));
  const hasAnything =
    can("serve_complaint") ||
    can("answer") ||
    can("object_to_jurisdiction") ||
    can("counterclaim") ||
    can("decide_jurisdiction_objection") ||
    dueAt !== null ||
    codes.length > 0 ||
    submitted.length > 0 ||
    (defence?.objections.length ?? 0) > 0 ||
    (defence?.counterclaims.length ?? 0) > 0 ||
    isParty;
  if (!hasAnything && !loaded.error) return null;

  const left = answerDeadline?.daysLeft ?? null;
  // The acts besides the answer stay folded until the user opens one, so the page stays short.
  const moreActs = [
    ...(can("object_to_jurisdiction")
      ? [
          {
            key: "objection",
            label: t("defence.objection.title"),
            children: <ObjectionForm caseId={detail.id} onChanged={reload} />,
          },
        ]
      : []),
    ...(can("counterclaim")
      ? [
          {
            key: "counterclaim",
            label: t("defence.counterclaim.title"),
            children: <CounterclaimForm caseId={detail.id} onChanged={reload} />,
          },
        ]
      : []),
    ...(isParty
      ? [
          {
            key: "agents",
            label: t("defence.agents.title"),
            children: <AgentsCard detail={detail} onChanged={reload} />,
          },
        ]
      : []),
  ];
  return (
    <Card
      className="nc-block"
      data-testid="defendant-panel"
      title={<h2 className="nc-card-title">{t("defence.title")}</h2>}
    >
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      {dueAt ? (
        <Descriptions
          size="small"
          column={1}
          className="nc-block"
          items={[
            {
              key: "due",
              label: t("defence.answerDue"),
              children: (
                <Space wrap>
                  <time dateTime={dueAt} data-testid="answer-due">
                    {formatDate(dueAt)}
                  </time>
                  {left !== null ? (
                    <strong>
                      {left > 0
                        ? t("detail.daysLeft", { count: left })
                        : left === 0
                          ? t("detail.dueToday")
                          : t("detail.overdue", { count: -left })}
                    </strong>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      ) : null}
      {dueAt &&
      left !== null &&
      left < 0 &&
      !can("answer") &&
      detail.parties.some((p) => p.isMe && p.role === "defendant") ? (
        // 民事诉讼法第一百二十八条、第一百三十条: the answer and the objection are due within the answer period.
        <Alert
          type="warning"
          showIcon
          className="nc-block"
          data-testid="answer-expired"
          title={t("defence.answerExpired", { date: formatDate(dueAt) })}
        />
      ) : null}
      {can("serve_complaint") ? (
        <ServeComplaintCard caseId={detail.id} codes={codes} onChanged={reload} />
      ) : codes.length > 0 ? (
        <CaseCodeList codes={codes} />
      ) : null}

      {submitted.map((answer) => (
        <SubmittedAnswer key={answer.id} detail={detail} answer={answer} />
      ))}
      {can("answer") && defence !== undefined ? (
        <div className="nc-block">
          <AnswerForm detail={detail} draft={draft} onChanged={reload} />
        </div>
      ) : null}

      {(defence?.objections ?? []).map((objection) => (
        <Card
          key={objection.id}
          size="small"
          className="nc-block"
          data-testid="objection"
          title={
            <h3 className="nc-card-title" style={wrapping}>
              {t("defence.objection.titleBy", { name: partyName(detail, objection.partyId) })}
            </h3>
          }
          extra={
            <Tag color={objectionColors[objection.status]}>
              {t(`defence.objection.status.${objection.status}`)}
            </Tag>
          }
        >
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{objection.grounds}</Typography.Paragraph>
          {objection.proposedCourt ? (
            <Typography.Paragraph>
              {t("defence.objection.proposed", { court: objection.proposedCourt })}
            </Typography.Paragraph>
          ) : null}
          {objection.reason ? (
            <Alert
              type={objection.status === "upheld" ? "warning" : "info"}
              showIcon
              title={t("defence.objection.ruling", { date: formatDate(objection.decidedAt) })}
              description={<span style={{ whiteSpace: "pre-wrap" }}>{objection.reason}</span>}
            />
          ) : null}
          {objection.status === "pending" && can("decide_jurisdiction_objection") ? (
            <ObjectionDecisionForm caseId={detail.id} objection={objection} onChanged={reload} />
          ) : null}
        </Card>
      ))}

      {(defence?.counterclaims ?? []).map((counterclaim) => (
        <CounterclaimCard
          key={counterclaim.id}
          detail={detail}
          counterclaim={counterclaim}
          documents={documents.data ?? []}
        />
      ))}

      {moreActs.length > 0 ? (
        <Collapse className="nc-block" items={moreActs} data-testid="defence-acts" />
      ) : null}

      {defence &&
      submitted.length === 0 &&
      !can("answer") &&
      !can("serve_complaint") &&
      codes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("defence.noAnswer")} />
      ) : null}
    </Card>
  );
}
