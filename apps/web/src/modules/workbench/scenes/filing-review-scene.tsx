import { DeleteOutlined, DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import "../workbench.css";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { casesApi, type CaseDetail } from "../../cases/cases.api";
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatYuan,
  localName,
  translateOr,
} from "../../cases/cases.format";
import { refusalGrounds, type PartyContent } from "../../filing/filing.api";
import { documentsApi, rulingGrounds } from "../../documents/documents.api";
import { FeeTag } from "../components/fee-tag";
import { JudgeAssignmentRecord } from "../components/judge-assignment";
import { LedgerVerificationPanel } from "../components/ledger-verification";
import { ReviewCountdown } from "../components/review-countdown";
import { useStaffCourts } from "../use-staff-courts";
import { filingReviewerRoles } from "../workbench.routes";
import { useMe } from "../../identity/session-context";
import { registrationDaysLeft } from "../workbench.rules";
import {
  workbenchApi,
  type Procedure,
  type RefusalGround,
  type ReviewAttachment,
  type ReviewFilingView,
} from "../workbench.api";

const procedures: Procedure[] = ["ordinary", "simplified", "small_claims"];

function Parties({ parties }: { parties: PartyContent[] }) {
  const { t } = useTranslation("workbench");
  return (
    <Table<PartyContent & { key: number }>
      size="small"
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={parties.map((p, key) => ({ ...p, key }))}
      columns={[
        { title: t("review.partyColumns.role"), render: (_v, p) => t(`review.roles.${p.role}`) },
        {
          title: t("review.partyColumns.name"),
          render: (_v, p) => (
            <>
              <strong>{p.name}</strong>
              {p.legalRepresentative ? (
                <div>
                  <Typography.Text type="secondary">
                    {t("review.partyColumns.legalRepresentative", { name: p.legalRepresentative })}
                  </Typography.Text>
                </div>
              ) : null}
            </>
          ),
        },
        { title: t("review.partyColumns.kind"), render: (_v, p) => t(`review.kinds.${p.kind}`) },
        {
          title: t("review.partyColumns.id"),
          render: (_v, p) => [p.idNumber, p.creditCode].filter(Boolean).join(" / ") || t("common.none"),
        },
        {
          title: t("review.partyColumns.contact"),
          render: (_v, p) => [p.phone, p.email].filter(Boolean).join(" / ") || t("common.none"),
        },
        {
          title: t("review.partyColumns.address"),
          render: (_v, p) => p.serviceAddress ?? p.address ?? t("common.none"),
        },
      ]}
    />
  );
}

function Attachments({ attachments }: { attachments: ReviewAttachment[] }) {
  const { t } = useTranslation("workbench");
  if (attachments.length === 0)
    return <Typography.Text type="secondary">{t("review.noAttachments")}</Typography.Text>;
  return (
    <List
      dataSource={attachments}
      renderItem={(a) => (
        <List.Item key={a.id} style={{ display: "block" }} data-testid="attachment">
          <Flex gap="small" wrap align="center">
            <Tag>{t(`review.categories.${a.category}`)}</Tag>
            <a href={a.url} download={a.fileName}>
              <DownloadOutlined aria-hidden /> {a.fileName}
            </a>
            <Typography.Text type="secondary">
              {formatBytes(a.size)} · {formatDateTime(a.uploadedAt)}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" copyable={{ text: a.sha256 }} className="nc-hash">
            SHA-256 {a.sha256.slice(0, 16)}…
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            <LedgerVerificationPanel summary={a.ledgerVerification} />
          </div>
        </List.Item>
      )}
    />
  );
}

function Reviews({ filing }: { filing: ReviewFilingView }) {
  const { t } = useTranslation("workbench");
  if (filing.reviews.length === 0)
    return <Typography.Text type="secondary">{t("review.noReviews")}</Typography.Text>;
  return (
    <List
      dataSource={filing.reviews}
      renderItem={(r, index) => (
        <List.Item key={`${r.decidedAt}-${index}`} style={{ display: "block" }}>
          <Space wrap>
            <Tag
              color={r.decision === "accepted" ? "success" : r.decision === "refused" ? "error" : "warning"}
            >
              {t(`review.decisions.${r.decision}`)}
            </Tag>
            <Typography.Text type="secondary">{formatDateTime(r.decidedAt)}</Typography.Text>
          </Space>
          {r.items.length > 0 ? (
            <div data-testid="review-items">
              {r.decision === "refused" ? t("review.reviewGrounds") : t("review.reviewItems")}
              <ol className="nc-compact-list">
                {r.items.map((item, i) => (
                  <li key={i}>
                    {r.decision === "refused" ? translateOr(`cases:refusalGrounds.${item}`, item) : item}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {r.reason ? (
            <Typography.Paragraph
              style={{ whiteSpace: "pre-wrap", marginBottom: 4 }}
              data-testid="review-reason"
            >
              {t(r.decision === "refused" ? "review.reviewReason" : "review.reviewNote", { text: r.reason })}
            </Typography.Paragraph>
          ) : null}
          <Space wrap>
            {r.rulingUrl ? (
              <Button icon={<DownloadOutlined />} href={r.rulingUrl} download>
                {t("review.ruling")}
              </Button>
            ) : null}
            {r.rulingEnUrl ? (
              <Button icon={<DownloadOutlined />} href={r.rulingEnUrl} download>
                {t("review.rulingEn")}
              </Button>
            ) : null}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Case number, judge and the recorded reason for the draw, once the filing is accepted. */
function AcceptedResult({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation("workbench");
  return (
    <Result
      status="success"
      title={t("review.accepted.title")}
      style={{ padding: "16px 0" }}
      subTitle={
        <Descriptions size="small" column={1} className="nc-accepted" bordered>
          <Descriptions.Item label={t("review.accepted.caseNumber")}>
            <strong data-testid="case-number">{detail.caseNumber}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t("review.accepted.judge")}>
            <strong data-testid="judge-name">{detail.judge?.name ?? t("common.none")}</strong>
          </Descriptions.Item>
        </Descriptions>
      }
      extra={
        <div style={{ textAlign: "start" }}>
          {detail.judgeAssignment ? <JudgeAssignmentRecord assignment={detail.judgeAssignment} /> : null}
          <LinkButton type="primary" to={`/court/cases/${detail.id}`} style={{ marginTop: 12 }}>
            {t("review.accepted.openCase")}
          </LinkButton>
        </div>
      }
    />
  );
}

function AcceptDialog({
  filing,
  isOpen,
  onClose,
  onDone,
}: {
  filing: ReviewFilingView;
  isOpen: boolean;
  onClose: () => void;
  onDone: (view: ReviewFilingView) => void;
}) {
  const { t } = useTranslation(["workbench", "cases", "common"]);
  const [form] = Form.useForm<{ procedure: Procedure }>();
  const accept = useSubmit(async ({ procedure }: { procedure: Procedure }) => {
    onDone(await workbenchApi.accept(filing.caseId, procedure));
  }, form);
  return (
    <Modal
      open={isOpen}
      title={t("review.acceptDialog.title")}
      onCancel={onClose}
      okText={t("review.acceptDialog.confirm")}
      cancelText={t("common:actions.cancel")}
      confirmLoading={accept.isSubmitting}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("review.acceptDialog.intro")}</Typography.Paragraph>
      <ErrorAlert error={accept.error} details={accept.otherDetails} hasFieldErrors />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ procedure: filing.procedure ?? "ordinary" }}
        onFinish={(values) => void accept.submit(values)}
      >
        <Form.Item name="procedure" label={t("review.acceptDialog.procedure")}>
          <Select options={procedures.map((value) => ({ value, label: t(`cases:procedure.${value}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CorrectionDialog({
  filing,
  isOpen,
  onClose,
  onDone,
}: {
  filing: ReviewFilingView;
  isOpen: boolean;
  onClose: () => void;
  onDone: (view: ReviewFilingView) => void;
}) {
  const { t } = useTranslation(["workbench", "common"]);
  const [form] = Form.useForm<{ items: string[]; note?: string }>();
  const request = useSubmit(async ({ items, note }: { items: string[]; note?: string }) => {
    onDone(await workbenchApi.requestCorrection(filing.caseId, items, note?.trim() ? note : null));
  }, form);
  return (
    <Modal
      open={isOpen}
      title={t("review.correctionDialog.title")}
      onCancel={onClose}
      okText={t("review.correctionDialog.confirm")}
      cancelText={t("common:actions.cancel")}
      confirmLoading={request.isSubmitting}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("review.correctionDialog.intro")}</Typography.Paragraph>
      <ErrorAlert error={request.error} details={request.otherDetails} hasFieldErrors />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ items: [""] }}
        onFinish={(values) => void request.submit(values)}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Form.Item
                  key={field.key}
                  label={t("review.correctionDialog.item", { index: index + 1 })}
                  required
                >
                  <Flex gap="small" align="start">
                    <Form.Item
                      name={field.name}
                      noStyle
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t("review.correctionDialog.itemRequired"),
                        },
                      ]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={500}
                        aria-label={t("review.correctionDialog.item", { index: index + 1 })}
                      />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t("review.correctionDialog.removeItem", { index: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    ) : null}
                  </Flex>
                </Form.Item>
              ))}
              {fields.length < 30 ? (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add("")}
                  style={{ marginBottom: 16 }}
                >
                  {t("review.correctionDialog.addItem")}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t("review.correctionDialog.note")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RefuseDialog({
  filing,
  isOpen,
  onClose,
  onDone,
}: {
  filing: ReviewFilingView;
  isOpen: boolean;
  onClose: () => void;
  onDone: (view: ReviewFilingView) => void;
}) {
  const { t, i18n } = useTranslation(["workbench", "cases", "common"]);
  const [form] = Form.useForm<{ basis: RefusalGround[]; reason: string; judgeId?: string }>();
  const judges = useApiQuery((signal) => documentsApi.rulingJudges(filing.caseId, signal), [filing.caseId]);
  const basis = Form.useWatch("basis", form) ?? [];
  // 民事诉讼法第一百五十七条: a ruling is made by a judge; a clerk who is not one names the judge.
  const needsJudge =
    basis.some((ground) => rulingGrounds.has(ground)) && judges.data?.reviewerIsJudge === false;
  const refuse = useSubmit(
    async ({ basis, reason, judgeId }: { basis: RefusalGround[]; reason: string; judgeId?: string }) => {
      onDone(
        await documentsApi.refuse(filing.caseId, {
          reason,
          basis,
          ...(needsJudge && judgeId ? { judgeId } : {}),
        }),
      );
    },
    form,
  );
  return (
    <Modal
      open={isOpen}
      title={t("review.refuseDialog.title")}
      onCancel={onClose}
      okText={t("review.refuseDialog.confirm")}
      okButtonProps={{ danger: true }}
      cancelText={t("common:actions.cancel")}
      confirmLoading={refuse.isSubmitting}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("review.refuseDialog.intro")}</Typography.Paragraph>
      <ErrorAlert error={refuse.error} details={refuse.otherDetails} hasFieldErrors />
      <Form form={form} layout="vertical" onFinish={(values) => void refuse.submit(values)}>
        <Form.Item
          name="basis"
          label={t("review.refuseDialog.basis")}
          rules={[{ required: true, type: "array", min: 1, message: t("review.refuseDialog.basisRequired") }]}
        >
          <Checkbox.Group style={{ display: "flex", flexDirection: "column", gap: 6 }}>
            {refusalGrounds.map((ground) => (
              <Checkbox key={ground} value={ground}>
                {t(`cases:refusalGrounds.${ground}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("review.refuseDialog.reason")}
          rules={[{ required: true, whitespace: true, message: t("review.refuseDialog.reasonRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        {needsJudge ? (
          <Form.Item
            name="judgeId"
            label={t("review.refuseDialog.judge")}
            extra={t("review.refuseDialog.judgeHelp")}
            initialValue={judges.data?.items[0]?.id}
            rules={[{ required: true, message: t("review.refuseDialog.judgeRequired") }]}
          >
            <Select
              options={(judges.data?.items ?? []).map((judge) => ({
                value: judge.id,
                label: [
                  judge.name,
                  i18n.language === "en" ? judge.titleEn : judge.titleZh,
                  judge.isFilingDivision ? t("review.refuseDialog.judgeFilingDivision") : null,
                ]
                  .filter(Boolean)
                  .join(" · "),
              }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

type Dialog = "accept" | "correction" | "refuse" | null;

/** One filing under review: the whole complaint, fee, files with their ledger checks, and the decision. */
export function FilingReviewScene() {
  const { t } = useTranslation(["workbench", "cases", "common"]);
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const { me } = useMe();
  const courts = useStaffCourts(me, filingReviewerRoles);
  const [version, setVersion] = useState(0);
  const filingQuery = useApiQuery((signal) => workbenchApi.filing(id, signal), [id, version]);
  const caseQuery = useApiQuery((signal) => casesApi.get(id, signal), [id, version]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const filing = filingQuery.data;
  const detail = caseQuery.data;

  const decided = (view: ReviewFilingView, note?: string) => {
    setDialog(null);
    setVersion((v) => v + 1);
    if (note) void message.success(note);
    return view;
  };

  const name = detail?.title ?? filing?.title ?? t("common.untitled");
  const court = filing ? courts.find((c) => c.id === filing.courtId) : undefined;
  const claimTotal = filing?.content.claims.reduce((sum, c) => sum + (c.amount ?? 0), 0) ?? 0;
  const canAccept = filing?.actions.includes("filing.accept") ?? false;
  const canCorrect = filing?.actions.includes("filing.request_correction") ?? false;
  const canRefuse = filing?.actions.includes("filing.refuse") ?? false;

  return (
    <Page
      title={t("review.title", { title: name })}
      width="wide"
      extra={<LinkButton to="/court/filings">{t("review.back")}</LinkButton>}
    >
      <ErrorAlert error={filingQuery.error} onRetry={filingQuery.reload} />
      {!filing ? (
        filingQuery.error ? null : (
          <Skeleton active />
        )
      ) : (
        <Flex vertical gap="middle">
          <Card title={t("review.actions.title")} className="nc-decision">
            {filing.reviews.some((r) => r.decision === "accepted") && detail ? (
              <AcceptedResult detail={detail} />
            ) : (
              <>
                {filing.status === "under_review" && !canAccept && canCorrect ? (
                  <Alert
                    type="info"
                    showIcon
                    title={t("review.actions.feeNotPaid")}
                    style={{ marginBottom: 12 }}
                  />
                ) : null}
                {canAccept || canCorrect || canRefuse ? (
                  <Space wrap>
                    {canAccept ? (
                      <Button type="primary" onClick={() => setDialog("accept")}>
                        {t("review.actions.accept")}
                      </Button>
                    ) : null}
                    {canCorrect ? (
                      <Button onClick={() => setDialog("correction")}>
                        {t("review.actions.requestCorrection")}
                      </Button>
                    ) : null}
                    {canRefuse ? (
                      <Button danger onClick={() => setDialog("refuse")}>
                        {t("review.actions.refuse")}
                      </Button>
                    ) : null}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t("review.actions.noActions")}</Typography.Text>
                )}
              </>
            )}
          </Card>

          <Card title={t("review.summary")}>
            <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }}>
              <Descriptions.Item label={t("review.status")}>
                <Tag>{translateOr(`cases:status.${filing.status}`, filing.status)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("review.court")}>
                {detail ? localName(detail.court) : court ? localName(court) : t("common.none")}
              </Descriptions.Item>
              <Descriptions.Item label={t("review.cause")}>
                {detail?.cause ? localName(detail.cause) : (filing.causeCode ?? t("common.none"))}
              </Descriptions.Item>
              <Descriptions.Item label={t("review.procedure")}>
                {t(`cases:procedure.${filing.procedure ?? "undecided"}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t("review.submittedAt")}>
                {formatDateTime(filing.submittedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t("review.reviewDueOn")}>
                {filing.status === "under_review" && filing.reviewDueOn ? (
                  <ReviewCountdown
                    daysLeft={registrationDaysLeft(detail?.deadlines ?? [])}
                    reviewDueOn={filing.reviewDueOn}
                    hasBar={false}
                  />
                ) : (
                  formatDate(filing.reviewDueOn)
                )}
              </Descriptions.Item>
              {filing.caseNumber ? (
                <Descriptions.Item label={t("review.caseNumber")}>{filing.caseNumber}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>

          <Card title={t("review.parties")}>
            {filing.filer?.kind === "agent" ? (
              <Typography.Paragraph strong>
                {t("wizard.filer.filedByAgent", { ns: "filing", name: filing.filer.name })}
              </Typography.Paragraph>
            ) : null}
            <Parties parties={filing.content.parties} />
            {filing.content.agents.length > 0 ? (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t("review.agents")}
                </Typography.Title>
                <ul className="nc-compact-list">
                  {filing.content.agents.map((agent, index) => (
                    <li key={index}>
                      {agent.name}（{t(`review.agentKinds.${agent.kind}`)}
                      {agent.lawFirm ? `，${agent.lawFirm}` : ""}）
                      {t("review.represents", {
                        party: filing.content.parties[agent.partyIndex]?.name ?? "",
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>

          <Card title={t("review.claims")}>
            <ol className="nc-claims">
              {filing.content.claims.map((claim, index) => (
                <li key={index}>
                  {claim.text}
                  {claim.amount !== null ? (
                    <Typography.Text type="secondary">
                      {" "}
                      （{t("common.yuan", { amount: formatYuan(claim.amount) })}）
                    </Typography.Text>
                  ) : null}
                </li>
              ))}
            </ol>
            <Typography.Text strong>
              {t("review.claimTotal", { amount: formatYuan(claimTotal) })}
            </Typography.Text>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t("review.facts")}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>
              {filing.content.factsAndReasons}
            </Typography.Paragraph>
            {filing.content.evidence.length > 0 ? (
              <>
                <Typography.Title level={5}>{t("review.evidence")}</Typography.Title>
                <ol className="nc-compact-list">
                  {filing.content.evidence.map((e, index) => (
                    <li key={index}>
                      <strong>{e.name}</strong>
                      {e.source ? `；${t("review.evidenceSource", { source: e.source })}` : ""}
                      {e.purpose ? `；${t("review.evidencePurpose", { purpose: e.purpose })}` : ""}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </Card>

          <Card title={t("review.fee")}>
            {filing.fee ? (
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t("review.feeAmount")}>
                  {t("common.yuan", { amount: formatYuan(filing.fee.amount) })}
                </Descriptions.Item>
                <Descriptions.Item label={t("review.feeStatus")}>
                  <FeeTag status={filing.fee.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t("review.feeDueAt")}>
                  {formatDateTime(filing.fee.dueAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t("review.feePaidAt")}>
                  {formatDateTime(filing.fee.paidAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t("review.feeBreakdown")} span="filled">
                  <ul className="nc-compact-list">
                    {filing.fee.breakdown.map((line, index) => (
                      <li key={index}>
                        {t("review.feeLine", {
                          label: localName({ nameZh: line.labelZh, nameEn: line.labelEn }),
                          amount: t("common.yuan", { amount: formatYuan(line.amount) }),
                          article: localName({ nameZh: line.article, nameEn: line.articleEn }),
                        })}
                      </li>
                    ))}
                  </ul>
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <FeeTag status={null} />
            )}
          </Card>

          <Card title={t("review.attachments")}>
            <Attachments attachments={filing.attachments} />
          </Card>

          <Card title={t("review.reviews")}>
            <Reviews filing={filing} />
          </Card>

          <AcceptDialog
            filing={filing}
            isOpen={dialog === "accept"}
            onClose={() => setDialog(null)}
            onDone={(view) => decided(view)}
          />
          <CorrectionDialog
            filing={filing}
            isOpen={dialog === "correction"}
            onClose={() => setDialog(null)}
            onDone={(view) => decided(view, t("review.correctionDialog.sent"))}
          />
          <RefuseDialog
            filing={filing}
            isOpen={dialog === "refuse"}
            onClose={() => setDialog(null)}
            onDone={(view) => decided(view, t("review.refuseDialog.done"))}
          />
        </Flex>
      )}
    </Page>
  );
}
