import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useAct } from "../../../platform/use-act";
import { formatBytes, formatDate, formatDateTime, localBasis } from "../../cases/cases.format";
import { LedgerVerificationTag } from "../../filing/components/ledger-verification-tag";
import {
  evidenceApi,
  type Answer,
  type DecisionValue,
  type EvidenceItem,
  type EvidenceOpinion,
  type EvidencePeriod,
  type EvidenceReview,
  type EvidenceView,
  type LedgerGround,
  type PeriodKind,
} from "../evidence.api";

export interface SectionProps {
  view: EvidenceView;
  onDone: () => void;
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card title={title} data-testid={testId}>
      {children}
    </Card>
  );
}

function PeriodLine({ period }: { period: EvidencePeriod | null }) {
  const { t } = useTranslation("evidence");
  if (!period) return <Typography.Text type="secondary">{t("periods.notSet")}</Typography.Text>;
  return (
    <Space wrap size="small">
      <span>
        {t("periods.until", {
          date: formatDate(period.endsOn),
          days: period.days,
          basis: localBasis(period),
        })}
      </span>
      {period.extendedCount > 0 ? <Tag>{t("periods.extended", { count: period.extendedCount })}</Tag> : null}
      {period.isOver ? <Tag color="default">{t("periods.over")}</Tag> : null}
    </Space>
  );
}

/** The evidence and cross-examination periods, and the court's form to set them. */
export function Periods({ view, onDone }: SectionProps) {
  const { t } = useTranslation("evidence");
  const { run, busy } = useAct(onDone);
  const [kind, setKind] = useState<PeriodKind>("evidence");
  const [days, setDays] = useState<number | null>(15);
  const canSet = view.actions.includes("set_evidence_period");
  return (
    <Section title={t("periods.title")} testId="evidence-periods">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t("periods.evidence")}>
          <PeriodLine period={view.periods.evidence} />
        </Descriptions.Item>
        <Descriptions.Item label={t("periods.crossExamination")}>
          <PeriodLine period={view.periods.crossExamination} />
        </Descriptions.Item>
      </Descriptions>
      {canSet ? (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Flex gap="small" wrap align="flex-end">
            <Form.Item label={t("periods.kind")} htmlFor="evidence-period-kind" style={{ marginBottom: 0 }}>
              <Select
                id="evidence-period-kind"
                value={kind}
                onChange={setKind}
                style={{ minWidth: 200 }}
                options={[
                  { value: "evidence", label: t("periods.evidence") },
                  { value: "cross_examination", label: t("periods.crossExamination") },
                ]}
              />
            </Form.Item>
            <Form.Item label={t("periods.days")} htmlFor="evidence-period-days" style={{ marginBottom: 0 }}>
              <InputNumber id="evidence-period-days" min={1} max={365} value={days} onChange={setDays} />
            </Form.Item>
            <Button
              type="primary"
              disabled={!days}
              loading={busy === "period"}
              onClick={() =>
                void run("period", () => evidenceApi.setPeriod(view.caseId, kind, days!), t("periods.done"))
              }
            >
              {t("periods.submit")}
            </Button>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {kind === "cross_examination"
              ? t("periods.limits.cross_examination")
              : t(`periods.limits.${view.procedure ?? "ordinary"}`)}
          </Typography.Paragraph>
        </Form>
      ) : null}
    </Section>
  );
}

/** Requests for an extension or for leave to submit late: the party's form and the judge's decisions. */
export function Requests({ view, onDone }: SectionProps) {
  const { t } = useTranslation("evidence");
  const { run, busy } = useAct(onDone);
  const [until, setUntil] = useState("");
  const [reason, setReason] = useState("");
  const [decisionReason, setDecisionReason] = useState("");
  const requestKind = view.actions.includes("request_extension")
    ? "extension"
    : view.actions.includes("request_late_submission")
      ? "late_submission"
      : null;
  const canDecide = view.actions.includes("decide_requests");
  if (view.requests.length === 0 && !requestKind) return null;
  return (
    <Section title={t("requests.title")} testId="evidence-requests">
      {view.requests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("requests.empty")} />
      ) : (
        <List
          dataSource={view.requests}
          renderItem={(request) => (
            <List.Item key={request.id}>
              <Flex vertical gap={4} style={{ width: "100%" }}>
                <Space wrap>
                  <Typography.Text strong>{t(`requests.kind.${request.kind}`)}</Typography.Text>
                  <Tag
                    color={
                      request.status === "granted"
                        ? "success"
                        : request.status === "refused"
                          ? "error"
                          : "processing"
                    }
                  >
                    {t(`requests.status.${request.status}`)}
                  </Tag>
                </Space>
                <Typography.Text className="nc-evidence-wrap">
                  {request.partyName} · {t("requests.until")} {formatDate(request.requestedUntil)} ·{" "}
                  {request.reason}
                </Typography.Text>
                {request.grantedUntil ? (
                  <Typography.Text type="secondary">
                    {t("requests.grantedUntil", { date: formatDate(request.grantedUntil) })}
                  </Typography.Text>
                ) : null}
                {request.decisionReason ? (
                  <Typography.Text type="secondary" className="nc-evidence-wrap">
                    {request.decisionReason}
                  </Typography.Text>
                ) : null}
                {canDecide && request.status === "pending" ? (
                  <Flex gap="small" wrap align="center">
                    <Input
                      aria-label={t("requests.decisionReason")}
                      placeholder={t("requests.decisionReason")}
                      value={decisionReason}
                      maxLength={2000}
                      onChange={(event) => setDecisionReason(event.target.value)}
                      style={{ maxWidth: 360 }}
                    />
                    <Button
                      type="primary"
                      loading={busy === `grant-${request.id}`}
                      onClick={() =>
                        void run(
                          `grant-${request.id}`,
                          () => evidenceApi.decideRequest(view.caseId, request.id, { grant: true }),
                          t("requests.decided"),
                        )
                      }
                    >
                      {t("requests.grant")}
                    </Button>
                    <Button
                      danger
                      loading={busy === `refuse-${request.id}`}
                      onClick={() =>
                        void run(
                          `refuse-${request.id}`,
                          () =>
                            evidenceApi.decideRequest(view.caseId, request.id, {
                              grant: false,
                              reason: decisionReason.trim() || null,
                            }),
                          t("requests.decided"),
                        )
                      }
                    >
                      {t("requests.refuse")}
                    </Button>
                  </Flex>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {requestKind ? (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Typography.Title level={5}>{t(`requests.kind.${requestKind}`)}</Typography.Title>
          <Form.Item label={t("requests.until")} htmlFor="evidence-request-until">
            <Input
              id="evidence-request-until"
              type="date"
              value={until}
              onChange={(event) => setUntil(event.target.value)}
              style={{ maxWidth: 220 }}
            />
          </Form.Item>
          <Form.Item label={t("requests.reason")} htmlFor="evidence-request-reason">
            <Input.TextArea
              id="evidence-request-reason"
              value={reason}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(event) => setReason(event.target.value)}
            />
          </Form.Item>
          <Button
            disabled={!until || !reason.trim()}
            loading={busy === "request"}
            onClick={() =>
              void run(
                "request",
                () => evidenceApi.request(view.caseId, { kind: requestKind, until, reason: reason.trim() }),
                t("requests.done"),
              ).then((ok) => {
                if (ok) {
                  setUntil("");
                  setReason("");
                }
              })
            }
          >
            {t("requests.submit")}
          </Button>
        </Form>
      ) : null}
    </Section>
  );
}

function OpinionSummary({ opinion }: { opinion: EvidenceOpinion }) {
  const { t } = useTranslation("evidence");
  const aspects = [
    ["authenticity", opinion.authenticity, opinion.authenticityReason],
    ["legality", opinion.legality, opinion.legalityReason],
    ["relevance", opinion.relevance, opinion.relevanceReason],
  ] as const;
  return (
    <Flex vertical gap={2}>
      {aspects.map(([aspect, answer, reason]) => (
        <Typography.Text key={aspect} className="nc-evidence-wrap">
          {t("labelled", { label: t(`opinion.${aspect}`) })}
          <Tag color={answer === "admit" ? "success" : "warning"} style={{ marginInlineStart: 4 }}>
            {answer === "admit" ? t("opinion.admit") : t("opinion.dispute")}
          </Tag>
          {aspect === "authenticity" && opinion.ledgerGround
            ? `${t(`opinion.ground.${opinion.ledgerGround}`)} `
            : ""}
          {reason ?? ""}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function OpinionForm({ view, item, onDone }: SectionProps & { item: EvidenceItem }) {
  const { t } = useTranslation("evidence");
  const { run, busy } = useAct(onDone);
  const [form] = Form.useForm<{
    authenticity: Answer;
    authenticityReason?: string;
    ledgerGround?: LedgerGround;
    legality: Answer;
    legalityReason?: string;
    relevance: Answer;
    relevanceReason?: string;
  }>();
  const authenticity = Form.useWatch("authenticity", form);
  const answers = [
    { value: "admit", label: t("opinion.admit") },
    { value: "dispute", label: t("opinion.dispute") },
  ];
  const aspect = (name: "authenticity" | "legality" | "relevance") => (
    <>
      <Form.Item
        name={name}
        label={t(`opinion.${name}`)}
        rules={[{ required: true, message: t(`opinion.${name}`) }]}
      >
        <Radio.Group options={answers} optionType="button" data-testid={`opinion-${name}`} />
      </Form.Item>
      {name === "authenticity" && item.isLedgerVerified && authenticity === "dispute" ? (
        <>
          <Alert type="info" showIcon title={t("opinion.ledgerHint")} style={{ marginBottom: 12 }} />
          <Form.Item name="ledgerGround" label={t("opinion.ledgerGround")}>
            <Select
              options={(["altered_after_deposit", "untrue_before_deposit"] as const).map((ground) => ({
                value: ground,
                label: t(`opinion.ground.${ground}`),
              }))}
            />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name={`${name}Reason`} label={`${t(`opinion.${name}`)} · ${t("opinion.reason")}`}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 5 }} />
      </Form.Item>
    </>
  );
  return (
    <Form
      form={form}
      name={`opinion-${item.id}`}
      layout="vertical"
      initialValues={{ authenticity: "admit", legality: "admit", relevance: "admit" }}
      onFinish={(values) =>
        void run(
          `opinion-${item.id}`,
          () =>
            evidenceApi.giveOpinion(view.caseId, item.id, {
              authenticity: values.authenticity,
              authenticityReason: values.authenticityReason?.trim() || null,
              ledgerGround: values.authenticity === "dispute" ? (values.ledgerGround ?? null) : null,
              legality: values.legality,
              legalityReason: values.legalityReason?.trim() || null,
              relevance: values.relevance,
              relevanceReason: values.relevanceReason?.trim() || null,
            }),
          t("opinion.done"),
        )
      }
    >
      {aspect("authenticity")}
      {aspect("legality")}
      {aspect("relevance")}
      <Button type="primary" htmlType="submit" loading={busy === `opinion-${item.id}`}>
        {t("opinion.submit")}
      </Button>
    </Form>
  );
}

function FileUpload({ view, item, onDone }: SectionProps & { item: EvidenceItem }) {
  const { t } = useTranslation("evidence");
  const { run, busy } = useAct(onDone);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [ledgerIndex, setLedgerIndex] = useState<number | null>(null);
  const file = files[0]?.originFileObj;
  return (
    <Flex gap="small" wrap align="center">
      <Upload
        fileList={files}
        maxCount={1}
        beforeUpload={() => false}
        onChange={(info) => setFiles(info.fileList.slice(-1))}
      >
        <Button icon={<UploadOutlined aria-hidden />}>{t("catalogue.chooseFile")}</Button>
      </Upload>
      <InputNumber
        aria-label={t("catalogue.ledgerIndex")}
        placeholder={t("catalogue.ledgerIndex")}
        min={0}
        value={ledgerIndex}
        onChange={setLedgerIndex}
        style={{ width: 180 }}
      />
      <Button
        type="primary"
        disabled={!file}
        loading={busy === "upload"}
        onClick={() =>
          void run(
            "upload",
            () => evidenceApi.uploadFile(view.caseId, item.id, file as File, ledgerIndex),
            t("catalogue.uploaded"),
          ).then((ok) => {
            if (ok) {
              setFiles([]);
              setLedgerIndex(null);
            }
          })
        }
      >
        {t("catalogue.upload")}
      </Button>
    </Flex>
  );
}

function ItemFields({ form, name }: { form: ReturnType<typeof Form.useForm<ItemValues>>[0]; name: string }) {
  const { t } = useTranslation("evidence");
  return (
    <Form form={form} name={name} layout="vertical" component={false}>
      <Form.Item
        name="title"
        label={t("catalogue.titleLabel")}
        rules={[{ required: true, whitespace: true, max: 200 }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="source"
        label={t("catalogue.sourceLabel")}
        rules={[{ required: true, whitespace: true, max: 200 }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t("catalogue.purposeLabel")}
        rules={[{ required: true, whitespace: true, max: 1000 }]}
      >
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </Form>
  );
}

interface ItemValues {
  title: string;
  source: string;
  purpose: string;
}

/** One item: what it is, its files with their ledger check, the opinions on it and the decision. */
export function ItemCard({ view, item, onDone }: SectionProps & { item: EvidenceItem }) {
  const { t } = useTranslation("evidence");
  const { run, busy } = useAct(onDone);
  const [editing, setEditing] = useState(false);
  const [opining, setOpining] = useState(false);
  const [form] = Form.useForm<ItemValues>();
  const ownOpinion = item.opinions.find((o) => view.parties.some((p) => p.isMine && p.id === o.partyId));
  return (
    <Card
      size="small"
      data-testid={`evidence-item-${item.number}-${item.role}`}
      title={
        <span className="nc-evidence-wrap">
          {t("catalogue.number", { number: item.number })} · {item.title}
        </span>
      }
      extra={
        <Space wrap size={4}>
          {item.origin === "filing" ? <Tag>{t("catalogue.filed")}</Tag> : null}
          <Tag color={item.status === "draft" ? "default" : "blue"}>
            {t(`catalogue.status.${item.status}`)}
          </Tag>
          {item.isLate ? <Tag color="orange">{t("catalogue.late")}</Tag> : null}
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t("catalogue.party")}>
          {t("partyWithRole", { name: item.partyName, role: t(`role.${item.role}`) })}
        </Descriptions.Item>
        {item.source ? (
          <Descriptions.Item label={t("catalogue.source")}>{item.source}</Descriptions.Item>
        ) : null}
        {item.purpose ? (
          <Descriptions.Item label={t("catalogue.purpose")}>
            <span className="nc-evidence-wrap">{item.purpose}</span>
          </Descriptions.Item>
        ) : null}
        {item.submittedAt ? (
          <Descriptions.Item label={t("catalogue.status.submitted")}>
            {formatDateTime(item.submittedAt)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {item.files.length === 0 ? (
        <Typography.Text type="secondary">{t("catalogue.noFile")}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={item.files}
          renderItem={(file) => (
            <List.Item key={file.id}>
              <Flex gap="small" wrap align="center" style={{ width: "100%" }}>
                <a href={file.url} download className="nc-evidence-wrap">
                  <DownloadOutlined aria-hidden /> {file.fileName}
                </a>
                <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
                <LedgerVerificationTag verification={file.ledgerVerification} />
              </Flex>
            </List.Item>
          )}
        />
      )}
      {item.opinions.length > 0 ? (
        <Flex vertical gap="small" style={{ marginTop: 8 }}>
          {item.opinions.map((opinion) => (
            <Card
              key={opinion.partyId}
              size="small"
              type="inner"
              title={t("opinion.by", { party: opinion.partyName })}
            >
              <OpinionSummary opinion={opinion} />
            </Card>
          ))}
        </Flex>
      ) : null}
      {item.decision ? (
        <Alert
          style={{ marginTop: 8 }}
          type={item.decision.decision === "admitted" ? "success" : "warning"}
          title={t("labelledValue", {
            label: t("decision.title"),
            value: t(`decision.${item.decision.decision}`),
          })}
          description={item.decision.reason ?? undefined}
        />
      ) : null}
      {item.actions.includes("add_file") ? (
        <div style={{ marginTop: 8 }}>
          <FileUpload view={view} item={item} onDone={onDone} />
        </div>
      ) : null}
      <Flex gap="small" wrap style={{ marginTop: 8 }}>
        {item.actions.includes("edit") ? (
          <Button
            onClick={() => {
              form.setFieldsValue({
                title: item.title,
                source: item.source ?? "",
                purpose: item.purpose ?? "",
              });
              setEditing(true);
            }}
          >
            {t("catalogue.edit")}
          </Button>
        ) : null}
        {item.actions.includes("withdraw") ? (
          <Popconfirm
            title={t("catalogue.withdraw")}
            onConfirm={() =>
              void run(
                "withdraw",
                () => evidenceApi.withdrawItem(view.caseId, item.id),
                t("catalogue.withdrawn"),
              )
            }
          >
            <Button danger loading={busy === "withdraw"}>
              {t("catalogue.withdraw")}
            </Button>
          </Popconfirm>
        ) : null}
        {item.actions.includes("give_opinion") ? (
          <Button type={opining ? "default" : "primary"} onClick={() => setOpining((open) => !open)}>
            {ownOpinion ? t("opinion.change") : t("opinion.give")}
          </Button>
        ) : null}
      </Flex>
      {opining ? (
        <div style={{ marginTop: 12 }}>
          <OpinionForm
            view={view}
            item={item}
            onDone={() => {
              setOpining(false);
              onDone();
            }}
          />
        </div>
      ) : null}
      <Modal
        open={editing}
        title={t("catalogue.edit")}
        okText={t("catalogue.save")}
        confirmLoading={busy === "edit"}
        onCancel={() => setEditing(false)}
        onOk={() =>
          void form.validateFields().then((values) =>
            run(
              "edit",
              () =>
                evidenceApi.updateItem(view.caseId, item.id, {
                  title: values.title.trim(),
                  source: values.source.trim(),
                  purpose: values.purpose.trim(),
                }),
              t("catalogue.saved"),
            ).then((ok) => {
              if (ok) setEditing(false);
            }),
          )
        }
      >
        <ItemFields form={form} name={`evidence-edit-${item.id}`} />
      </Modal>
    </Card>
  );
}

/** The caller's own catalogue: add items, attach files, submit. */
export function MyCatalogue({ view, onDone }: SectionProps) {
  const { t } = useTranslation("evidence");
  const { run, busy } = useAct(onDone);
  const [form] = Form.useForm<ItemValues>();
  const mine = view.items.filter((item) => view.parties.some((p) => p.isMine && p.id === item.partyId));
  const drafts = mine.filter((item) => item.status === "draft");
  const window = view.myParties[0]?.submissionWindow ?? "open";
  return (
    <Section title={t("catalogue.mine")} testId="evidence-mine">
      <Flex vertical gap="middle">
        {window === "expired" ? <Alert type="warning" showIcon title={t("catalogue.expired")} /> : null}
        {window === "late_with_leave" ? (
          <Alert type="info" showIcon title={t("catalogue.lateWindow")} />
        ) : null}
        {mine.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalogue.empty")} />
        ) : null}
        {mine.map((item) => (
          <ItemCard key={item.id} view={view} item={item} onDone={onDone} />
        ))}
        {view.actions.includes("add_item") ? (
          <Card size="small" type="inner" title={t("catalogue.add")}>
            <ItemFields form={form} name="evidence-add" />
            <Button
              loading={busy === "add"}
              onClick={() =>
                void form.validateFields().then((values) =>
                  run(
                    "add",
                    () =>
                      evidenceApi.addItem(view.caseId, {
                        title: values.title.trim(),
                        source: values.source.trim(),
                        purpose: values.purpose.trim(),
                      }),
                    t("catalogue.added"),
                  ).then((ok) => {
                    if (ok) form.resetFields();
                  }),
                )
              }
            >
              {t("catalogue.add")}
            </Button>
          </Card>
        ) : null}
        {drafts.length > 0 ? (
          <Flex vertical gap="small">
            <Typography.Text type="secondary">{t("catalogue.submitHint")}</Typography.Text>
            <div>
              <Popconfirm
                title={t("catalogue.submit")}
                description={t("catalogue.submitHint")}
                onConfirm={() =>
                  void run("submit", () => evidenceApi.submit(view.caseId), t("catalogue.submitted"))
                }
              >
                <Button type="primary" loading={busy === "submit"}>
                  {t("catalogue.submit")}
                </Button>
              </Popconfirm>
            </div>
          </Flex>
        ) : null}
      </Flex>
    </Section>
  );
}

/** The other side's submitted items, each with the opinion form. */
export function OthersEvidence({ view, onDone }: SectionProps) {
  const { t } = useTranslation("evidence");
  const others = view.items.filter((item) => !view.parties.some((p) => p.isMine && p.id === item.partyId));
  return (
    <Section title={t("catalogue.others")} testId="evidence-others">
      {others.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalogue.empty")} />
      ) : (
        <Flex vertical gap="middle">
          {others.map((item) => (
            <ItemCard key={item.id} view={view} item={item} onDone={onDone} />
          ))}
        </Flex>
      )}
    </Section>
  );
}

function DecideButton({ view, item, onDone }: SectionProps & { item: EvidenceItem }) {
  const { t } = useTranslation("evidence");
  const { run, busy } = useAct(onDone);
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<DecisionValue>(item.decision?.decision ?? "admitted");
  const [reason, setReason] = useState(item.decision?.reason ?? "");
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t("decision.decide")}
      </Button>
      <Modal
        open={open}
        title={`${t("decision.decide")} · ${item.title}`}
        okText={t("decision.submit")}
        confirmLoading={busy === "decide"}
        onCancel={() => setOpen(false)}
        onOk={() =>
          void run(
            "decide",
            () => evidenceApi.decide(view.caseId, item.id, { decision, reason: reason.trim() || null }),
            t("decision.done"),
          ).then((ok) => {
            if (ok) setOpen(false);
          })
        }
      >
        <Form layout="vertical">
          <Form.Item label={t("decision.title")}>
            <Radio.Group
              value={decision}
              onChange={(event) => setDecision(event.target.value as DecisionValue)}
              options={[
                { value: "admitted", label: t("decision.admitted") },
                { value: "not_admitted", label: t("decision.not_admitted") },
              ]}
            />
          </Form.Item>
          <Form.Item label={t("decision.reason")} htmlFor={`evidence-decision-reason-${item.id}`}>
            <Input.TextArea
              id={`evidence-decision-reason-${item.id}`}
              value={reason}
              maxLength={2000}
              autoSize={{ minRows: 3, maxRows: 8 }}
              onChange={(event) => setReason(event.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The judge's table: each item beside each party's opinion and the decision (证据规定第八十八条). */
export function ReviewTable({ view, review, onDone }: SectionProps & { review: EvidenceReview }) {
  const { t } = useTranslation("evidence");
  const rows = review.rows.map((row) => ({ ...row, key: row.item.id }));
  return (
    <Section title={t("review.title")} testId="evidence-review">
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 720 }}
        locale={{ emptyText: t("catalogue.empty") }}
        columns={[
          {
            title: t("review.item"),
            key: "item",
            width: 220,
            render: (_value, row) => (
              <Flex vertical gap={2}>
                <Typography.Text strong className="nc-evidence-wrap">
                  {row.item.partyName} · {t("catalogue.number", { number: row.item.number })}
                </Typography.Text>
                <span className="nc-evidence-wrap">{row.item.title}</span>
                {row.item.purpose ? (
                  <Typography.Text type="secondary" className="nc-evidence-wrap">
                    {row.item.purpose}
                  </Typography.Text>
                ) : null}
                {row.item.isLate ? <Tag color="orange">{t("catalogue.late")}</Tag> : null}
              </Flex>
            ),
          },
          {
            title: t("review.ledger"),
            key: "ledger",
            width: 170,
            render: (_value, row) =>
              row.item.files.length === 0 ? (
                <Typography.Text type="secondary">{t("catalogue.noFile")}</Typography.Text>
              ) : (
                <Flex vertical gap={2}>
                  {row.item.files.map((file) => (
                    <Flex key={file.id} vertical gap={2} align="flex-start">
                      <a href={file.url} download className="nc-evidence-wrap">
                        <DownloadOutlined aria-hidden /> {file.fileName}
                      </a>
                      <LedgerVerificationTag verification={file.ledgerVerification} />
                    </Flex>
                  ))}
                </Flex>
              ),
          },
          ...review.parties.map((party) => ({
            title: t("partyWithRole", { name: party.name, role: t(`role.${party.role}`) }),
            key: party.id,
            width: 220,
            render: (_value: unknown, row: (typeof rows)[number]) => {
              const cell = row.opinions.find((o) => o.partyId === party.id);
              if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
              return cell.opinion ? (
                <OpinionSummary opinion={cell.opinion} />
              ) : (
                <Typography.Text type="secondary">{t("review.noOpinion")}</Typography.Text>
              );
            },
          })),
          {
            title: t("review.decision"),
            key: "decision",
            width: 160,
            render: (_value, row) => (
              <Flex vertical gap={4} align="flex-start">
                {row.disputed ? <Tag color="warning">{t("review.disputed")}</Tag> : null}
                {row.item.decision ? (
                  <Tag color={row.item.decision.decision === "admitted" ? "success" : "error"}>
                    {t(`decision.${row.item.decision.decision}`)}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">{t("decision.pending")}</Typography.Text>
                )}
                {row.item.actions.includes("decide") ? (
                  <DecideButton view={view} item={row.item} onDone={onDone} />
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Section>
  );
}
