import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Skeleton,
  Tag,
  Typography,
} from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import type { CaseDetail } from "../../cases/cases.api";
import { formatDate, formatDateTime, formatYuan } from "../../cases/cases.format";
import {
  defendantApi,
  type Defence,
  type DefenceAnswer,
  type DefenceCounterclaim,
  type DefenceObjection,
  type DefenceTransfer,
  type ObjectionStatus,
} from "../../cases/defendant.api";
import { documentsApi, type CaseDocument } from "../../documents/documents.api";

// The defendant's side starts once the case is registered: before that there is no one to answer.
const beforeRegistration: ReadonlySet<string> = new Set([
  "mediation",
  "draft",
  "under_review",
  "correction_requested",
  "refused",
  "withdrawn",
  "deemed_withdrawn",
]);

const objectionColors: Record<ObjectionStatus, string> = {
  pending: "processing",
  upheld: "warning",
  dismissed: "default",
};

// A title naming a party wraps on a phone instead of being cut off beside its tag.
const wrapping = { whiteSpace: "normal" } as const;
const prose = { whiteSpace: "pre-wrap", marginBottom: 8 } as const;

function partyName(detail: CaseDetail, partyId: string): string {
  return detail.parties.find((p) => p.id === partyId)?.name ?? "—";
}

/** The day after a court day (YYYY-MM-DD): the first day a ruling whose appeal period ended is in force. */
function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The DOCX and PDF of each language version of an issued document. */
function DocumentLinks({ document, label }: { document: CaseDocument | undefined; label: string }) {
  const { t } = useTranslation("workbench");
  if (!document) return null;
  return (
    <Flex vertical gap={4}>
      {document.versions.map((version) => {
        const language = version.locale === "zh-CN" ? t("defence.documentZh") : t("defence.documentEn");
        return (
          <Flex key={version.id} gap="small" wrap align="center">
            <span>{t("defence.documentVersion", { label, language })}</span>
            <a href={version.docxUrl} download aria-label={`${label} ${language} DOCX`}>
              <FileWordOutlined /> DOCX
            </a>
            <a href={version.pdfUrl} download aria-label={`${label} ${language} PDF`}>
              <FilePdfOutlined /> PDF
            </a>
          </Flex>
        );
      })}
    </Flex>
  );
}

/** A filed answer: the response to each claim, facts and reasons, evidence and the 民事答辩状. */
function AnswerEntry({
  detail,
  answer,
  document,
}: {
  detail: CaseDetail;
  answer: DefenceAnswer;
  document: CaseDocument | undefined;
}) {
  const { t } = useTranslation(["workbench", "cases"]);
  const claims = [...detail.claims].sort((a, b) => a.position - b.position);
  return (
    <Card
      size="small"
      data-testid="defence-answer"
      title={
        <span style={wrapping}>{t("defence.answerBy", { name: partyName(detail, answer.partyId) })}</span>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "submitted",
            label: t("defence.submittedAt"),
            children: formatDateTime(answer.submittedAt),
          },
        ]}
      />
      <ol style={{ paddingInlineStart: 20, margin: "8px 0" }}>
        {claims.map((claim, index) => {
          const response = answer.responses.find((r) => r.claimPosition === claim.position);
          return (
            <li key={claim.position} style={{ marginBottom: 6 }}>
              <div>
                <strong>{t("defence.claimN", { n: index + 1 })}</strong> {claim.text}
              </div>
              {response ? (
                <div>
                  <Tag>{t(`cases:defence.positions.${response.position}`)}</Tag>
                  <span style={{ whiteSpace: "pre-wrap" }}>{response.text}</span>
                </div>
              ) : (
                <Typography.Text type="secondary">{t("defence.noResponse")}</Typography.Text>
              )}
            </li>
          );
        })}
      </ol>
      <Typography.Title level={5}>{t("defence.facts")}</Typography.Title>
      <Typography.Paragraph style={prose}>{answer.factsAndReasons || "—"}</Typography.Paragraph>
      {answer.evidence.length > 0 ? (
        <>
          <Typography.Title level={5}>{t("defence.evidence")}</Typography.Title>
          <ol style={{ paddingInlineStart: 20, margin: "0 0 8px" }}>
            {answer.evidence.map((item, index) => (
              <li key={index}>
                <strong>{item.name}</strong>{" "}
                <Typography.Text type="secondary">
                  {t("defence.evidenceLine", { source: item.source, purpose: item.purpose })}
                </Typography.Text>{" "}
                {item.attachmentId ? (
                  <a href={defendantApi.attachmentUrl(detail.id, item.attachmentId)} download>
                    {t("defence.download")}
                  </a>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <DocumentLinks document={document} label={t("cases:detail.documentKinds.answer")} />
    </Card>
  );
}

/** The judge's ruling on a pending objection (民事诉讼法第一百三十条), signed after a confirmation. */
function ObjectionRulingForm({
  caseId,
  objection,
  onChanged,
}: {
  caseId: string;
  objection: DefenceObjection;
  onChanged: () => void;
}) {
  const { t } = useTranslation("workbench");
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ outcome: "upheld" | "dismissed"; reason: string }>();
  const decide = useSubmit(async (values: { outcome: "upheld" | "dismissed"; reason: string }) => {
    await defendantApi.decideObjection(caseId, objection.id, values);
    void message.success(t("defence.decide.done"));
    onChanged();
  }, form);
  const confirm = (values: { outcome: "upheld" | "dismissed"; reason: string }) => {
    void modal.confirm({
      title: t("defence.decide.confirmTitle"),
      content:
        values.outcome === "upheld"
          ? t("defence.decide.confirmUpheld")
          : t("defence.decide.confirmDismissed"),
      okText: t("defence.decide.confirm"),
      cancelText: t("defence.decide.cancel"),
      onOk: () => decide.submit(values),
    });
  };
  return (
    <div data-testid="objection-ruling-form" style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t("defence.decide.title")}</Typography.Title>
      <ErrorAlert error={decide.error} details={decide.otherDetails} hasFieldErrors />
      <Form form={form} layout="vertical" onFinish={confirm}>
        <Form.Item
          name="outcome"
          label={t("defence.decide.outcome")}
          rules={[{ required: true, message: t("defence.decide.required") }]}
        >
          <Radio.Group>
            <Flex vertical gap={4}>
              <Radio value="dismissed">{t("defence.decide.dismissed")}</Radio>
              <Radio value="upheld">{t("defence.decide.upheld")}</Radio>
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("defence.decide.reason")}
          rules={[{ required: true, whitespace: true, message: t("defence.decide.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={decide.isSubmitting}>
          {t("defence.decide.submit")}
        </Button>
      </Form>
    </div>
  );
}

/**
 * Transfer after an upheld objection (民事诉讼法第三十七条、第一百三十条): until when it waits for the ruling to
 * take effect (第一百五十八条), the judge's transfer with the receiving court prefilled, or the transfer done.
 */
function TransferSection({
  caseId,
  transfer,
  canTransfer,
  letter,
  onChanged,
}: {
  caseId: string;
  transfer: DefenceTransfer;
  canTransfer: boolean;
  letter: CaseDocument | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation("workbench");
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ receivingCourtName: string }>();
  const send = useSubmit(async (values: { receivingCourtName: string }) => {
    await defendantApi.transfer(caseId, values.receivingCourtName.trim());
    void message.success(t("defence.transfer.done"));
    onChanged();
  }, form);
  const confirm = (values: { receivingCourtName: string }) => {
    void modal.confirm({
      title: t("defence.transfer.confirmTitle", { court: values.receivingCourtName.trim() }),
      content: t("defence.transfer.confirmBody"),
      okText: t("defence.transfer.confirm"),
      cancelText: t("defence.transfer.cancel"),
      okButtonProps: { danger: true },
      onOk: () => send.submit(values),
    });
  };
  let status: ReactNode;
  switch (transfer.state) {
    case "awaiting_service":
      status = <Alert type="info" showIcon title={t("defence.transfer.awaitingService")} />;
      break;
    case "appeal_period":
      status = (
        <Alert
          type="info"
          showIcon
          data-testid="transfer-waits"
          title={t("defence.transfer.appealPeriod", {
            date: formatDate(transfer.appealEndsOn),
            next: formatDate(transfer.appealEndsOn ? nextDay(transfer.appealEndsOn) : null),
          })}
        />
      );
      break;
    case "effective":
      status = (
        <Alert
          type={canTransfer ? "warning" : "info"}
          showIcon
          title={
            canTransfer
              ? t("defence.transfer.effective", { date: formatDate(transfer.effectiveOn) })
              : t("defence.transfer.effectiveWaiting", { date: formatDate(transfer.effectiveOn) })
          }
        />
      );
      break;
    case "transferred":
      status = (
        <Alert
          type="success"
          showIcon
          data-testid="transfer-done"
          title={t("defence.transfer.transferred", {
            date: formatDate(transfer.transferredAt),
            court: transfer.receivingCourtName ?? "—",
          })}
          description={<DocumentLinks document={letter} label={t("defence.transfer.letter")} />}
        />
      );
      break;
  }
  return (
    <div data-testid="transfer" style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t("defence.transfer.title")}</Typography.Title>
      {status}
      {canTransfer && transfer.state === "effective" ? (
        <div data-testid="transfer-form" style={{ marginTop: 12 }}>
          <ErrorAlert error={send.error} details={send.otherDetails} hasFieldErrors />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ receivingCourtName: transfer.proposedCourt ?? "" }}
            onFinish={confirm}
          >
            <Form.Item
              name="receivingCourtName"
              label={t("defence.transfer.receivingCourt")}
              extra={transfer.proposedCourt ? t("defence.transfer.receivingCourtHelp") : undefined}
              rules={[{ required: true, whitespace: true, message: t("defence.transfer.required") }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" danger htmlType="submit" loading={send.isSubmitting}>
              {t("defence.transfer.submit")}
            </Button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}

/** An objection to jurisdiction: grounds, proposed court, status, the ruling and what follows it. */
function ObjectionEntry({
  detail,
  defence,
  objection,
  documents,
  onChanged,
}: {
  detail: CaseDetail;
  defence: Defence;
  objection: DefenceObjection;
  documents: CaseDocument[];
  onChanged: () => void;
}) {
  const { t } = useTranslation(["workbench", "cases"]);
  const ruling = documents.find((d) => d.issueId === objection.rulingIssueId);
  const transfer = defence.transfer?.objectionId === objection.id ? defence.transfer : null;
  const letter = documents.find((d) => d.issueId === transfer?.letterIssueId);
  return (
    <Card
      size="small"
      data-testid="defence-objection"
      title={
        <span style={wrapping}>
          {t("defence.objectionBy", { name: partyName(detail, objection.partyId) })}
        </span>
      }
      extra={
        <Tag color={objectionColors[objection.status]} data-status={objection.status}>
          {t(`cases:defence.objection.status.${objection.status}`)}
        </Tag>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "filed", label: t("defence.filedAt"), children: formatDateTime(objection.filedAt) },
          {
            key: "grounds",
            label: t("defence.grounds"),
            children: <span style={{ whiteSpace: "pre-wrap" }}>{objection.grounds}</span>,
          },
          ...(objection.proposedCourt
            ? [{ key: "court", label: t("defence.proposedCourt"), children: objection.proposedCourt }]
            : []),
          ...(objection.decidedAt
            ? [{ key: "ruled", label: t("defence.ruledAt"), children: formatDateTime(objection.decidedAt) }]
            : []),
          ...(objection.reason
            ? [
                {
                  key: "reason",
                  label: t("defence.reason"),
                  children: <span style={{ whiteSpace: "pre-wrap" }}>{objection.reason}</span>,
                },
              ]
            : []),
        ]}
      />
      <DocumentLinks document={ruling} label={t("defence.ruling")} />
      {objection.status === "pending" && defence.actions.includes("decide_jurisdiction_objection") ? (
        <ObjectionRulingForm caseId={detail.id} objection={objection} onChanged={onChanged} />
      ) : null}
      {transfer ? (
        <TransferSection
          caseId={detail.id}
          transfer={transfer}
          canTransfer={defence.actions.includes("transfer_case")}
          letter={letter}
          onChanged={onChanged}
        />
      ) : null}
    </Card>
  );
}

function CounterclaimEntry({
  detail,
  counterclaim,
}: {
  detail: CaseDetail;
  counterclaim: DefenceCounterclaim;
}) {
  const { t } = useTranslation(["workbench", "cases"]);
  return (
    <Card
      size="small"
      data-testid="defence-counterclaim"
      title={
        <span style={wrapping}>
          {t("defence.counterclaimBy", { name: partyName(detail, counterclaim.partyId) })}
        </span>
      }
      extra={<Tag>{t(`cases:defence.counterclaim.status.${counterclaim.status}`)}</Tag>}
    >
      <ol style={{ paddingInlineStart: 20, margin: "0 0 8px" }}>
        {counterclaim.claims.map((claim, index) => (
          <li key={index}>
            {claim.text}
            {claim.amount !== null ? (
              <Typography.Text type="secondary">
                （{t("common.yuan", { amount: formatYuan(claim.amount) })}）
              </Typography.Text>
            ) : null}
          </li>
        ))}
      </ol>
      <Typography.Paragraph style={prose}>{counterclaim.factsAndReasons}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: "fee",
            label: t("defence.fee"),
            children: t("common.yuan", { amount: formatYuan(counterclaim.fee) }),
          },
          { key: "due", label: t("defence.feeDue"), children: formatDateTime(counterclaim.feeDueAt) },
        ]}
      />
    </Card>
  );
}

/**
 * The staff case page's "答辩与反诉 / Defence" card: the answers filed with their documents, the objections to
 * jurisdiction with their rulings, and the counterclaims. For the judge in charge, the ruling on a pending
 * objection and, once a ruling upholding one is in force, the transfer of the case (民事诉讼法第三十七条、
 * 第一百三十条、第一百五十八条). `onChanged` reloads the case, whose status and periods these acts change.
 */
export function DefenceRecord({ detail, onChanged }: { detail: CaseDetail; onChanged?: () => void }) {
  const { t } = useTranslation("workbench");
  const isRegistered = !beforeRegistration.has(detail.status);
  const loaded = useApiQuery(
    async (signal): Promise<Defence | null> =>
      isRegistered ? defendantApi.defence(detail.id, signal) : null,
    [detail.id, detail.version, detail.status],
  );
  const defence = loaded.data;
  const issues = [
    ...(defence?.answers ?? []).map((a) => a.documentIssueId),
    ...(defence?.objections ?? []).map((o) => o.rulingIssueId),
    defence?.transfer?.letterIssueId ?? null,
  ].filter((id): id is string => id !== null);
  const documents = useApiQuery(
    async () => (issues.length > 0 ? (await documentsApi.list(detail.id)).items : []),
    [detail.id, issues.join(",")],
  );
  const reload = () => {
    loaded.reload();
    onChanged?.();
  };
  const answers = (defence?.answers ?? []).filter((a) => a.status === "submitted");
  const found = documents.data ?? [];
  if (!isRegistered) return null;
  return (
    <Card title={t("defence.title")} data-testid="defence-record">
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      {!defence ? (
        loaded.error ? null : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )
      ) : answers.length === 0 && defence.objections.length === 0 && defence.counterclaims.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("defence.empty")} />
      ) : (
        <Flex vertical gap="middle">
          {answers.length > 0 ? (
            <section>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t("defence.answers")}
              </Typography.Title>
              <Flex vertical gap="small">
                {answers.map((answer) => (
                  <AnswerEntry
                    key={answer.id}
                    detail={detail}
                    answer={answer}
                    document={found.find((d) => d.issueId === answer.documentIssueId)}
                  />
                ))}
              </Flex>
            </section>
          ) : null}
          {defence.objections.length > 0 ? (
            <section>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t("defence.objections")}
              </Typography.Title>
              <Flex vertical gap="small">
                {defence.objections.map((objection) => (
                  <ObjectionEntry
                    key={objection.id}
                    detail={detail}
                    defence={defence}
                    objection={objection}
                    documents={found}
                    onChanged={reload}
                  />
                ))}
              </Flex>
            </section>
          ) : null}
          {defence.counterclaims.length > 0 ? (
            <section>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t("defence.counterclaims")}
              </Typography.Title>
              <Flex vertical gap="small">
                {defence.counterclaims.map((counterclaim) => (
                  <CounterclaimEntry key={counterclaim.id} detail={detail} counterclaim={counterclaim} />
                ))}
              </Flex>
            </section>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
