import { DownloadOutlined, UploadOutlined, VideoCameraOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Space,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useSubmit } from "../../../platform/use-api";
import { formatBytes, formatDateTime, formatYuan } from "../../cases/cases.format";
import { mediationApi, type MediationOffer, type MediationView } from "../mediation.api";
import { useAct } from "../../../platform/use-act";

interface SectionProps {
  view: MediationView;
  onDone: () => void;
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card className="nc-block" data-testid={testId} title={<h2 className="nc-card-title">{title}</h2>}>
      {children}
    </Card>
  );
}

/** The thread between the parties and the mediator. */
export function Thread({ view, onDone }: SectionProps) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<{ body: string }>();
  const post = useSubmit((body: string) => mediationApi.postMessage(view.id, body), form, "mediation");
  return (
    <Section title={t("thread.title")} testId="mediation-thread">
      {view.messages.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("thread.empty")} />
      ) : (
        <List
          className="nc-mediation-thread"
          dataSource={view.messages}
          renderItem={(item) => (
            <List.Item key={item.id}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <strong>{item.authorName}</strong>
                    <Tag>{t(`relation.${item.authorRole}`)}</Tag>
                    <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
                  </Space>
                }
                description={
                  <div className="nc-mediation-wrap" style={{ whiteSpace: "pre-wrap", color: "inherit" }}>
                    {item.body}
                  </div>
                }
              />
            </List.Item>
          )}
        />
      )}
      {view.actions.includes("post_message") ? (
        <Form
          form={form}
          layout="vertical"
          className="nc-mediation-form"
          onFinish={(values) =>
            void (async () => {
              if (await post.submit(values.body)) {
                form.resetFields();
                onDone();
              }
            })()
          }
        >
          <ErrorAlert error={post.error} details={post.otherDetails} hasFieldErrors />
          <Form.Item name="body" label={t("thread.message")} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={post.isSubmitting}>
            {t("thread.send")}
          </Button>
        </Form>
      ) : null}
    </Section>
  );
}

/** Video sessions; the mediator schedules them (在线调解规则第十六条). */
export function Sessions({ view, onDone }: SectionProps) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<{ startsAt: string; videoUrl?: string; note?: string }>();
  const schedule = useSubmit(
    (values: { startsAt: string; videoUrl?: string; note?: string }) =>
      mediationApi.scheduleSession(view.id, {
        // The field is court time (China Standard Time), like every time on screen.
        startsAt: `${values.startsAt}:00+08:00`,
        videoUrl: values.videoUrl?.trim() ? values.videoUrl.trim() : null,
        note: values.note ?? "",
      }),
    form,
    "mediation",
  );
  return (
    <Section title={t("sessions.title")} testId="mediation-sessions">
      {view.sessions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("sessions.empty")} />
      ) : (
        <List
          dataSource={view.sessions}
          renderItem={(session) => (
            <List.Item key={session.id}>
              <List.Item.Meta
                title={<time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>}
                description={
                  <div className="nc-mediation-wrap">
                    {session.note ? <div style={{ whiteSpace: "pre-wrap" }}>{session.note}</div> : null}
                    {session.videoUrl ? (
                      <a href={session.videoUrl} target="_blank" rel="noopener noreferrer">
                        <VideoCameraOutlined aria-hidden /> {t("sessions.join")}
                      </a>
                    ) : null}
                  </div>
                }
              />
            </List.Item>
          )}
        />
      )}
      {view.actions.includes("schedule_session") ? (
        <Form
          form={form}
          layout="vertical"
          className="nc-mediation-form"
          onFinish={(values) =>
            void (async () => {
              if (await schedule.submit(values)) {
                form.resetFields();
                onDone();
              }
            })()
          }
        >
          <ErrorAlert error={schedule.error} details={schedule.otherDetails} hasFieldErrors />
          <Form.Item name="startsAt" label={t("sessions.startsAt")} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="videoUrl" label={t("sessions.videoUrl")} rules={[{ type: "url" }]}>
            <Input inputMode="url" placeholder="https://" />
          </Form.Item>
          <Form.Item name="note" label={t("sessions.note")}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit" loading={schedule.isSubmitting}>
            {t("sessions.schedule")}
          </Button>
        </Form>
      ) : null}
    </Section>
  );
}

/** An offer or counter-offer form (amount in yuan, terms). */
function OfferForm({
  view,
  answersOfferId,
  onDone,
  submitLabel,
}: SectionProps & { answersOfferId: string | null; submitLabel: string }) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<{ amount: number; terms?: string }>();
  const make = useSubmit(
    (values: { amount: number; terms?: string }) =>
      mediationApi.makeOffer(view.id, { amount: values.amount, terms: values.terms ?? "", answersOfferId }),
    form,
    "mediation",
  );
  return (
    <Form
      form={form}
      layout="vertical"
      className="nc-mediation-form"
      onFinish={(values) =>
        void (async () => {
          if (await make.submit(values)) {
            form.resetFields();
            onDone();
          }
        })()
      }
    >
      <ErrorAlert error={make.error} details={make.otherDetails} hasFieldErrors />
      <Form.Item name="amount" label={t("offers.amount")} rules={[{ required: true }]}>
        <InputNumber min={0} step={100} precision={2} style={{ width: "100%", maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="terms" label={t("offers.terms")}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={make.isSubmitting}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** Offers and counter-offers, answered by the other side. */
export function Offers({ view, onDone }: SectionProps) {
  const { t } = useTranslation("mediation");
  const { run, busy } = useAct(onDone);
  const [countering, setCountering] = useState<string | null>(null);
  const mySides = new Set(view.mySides);
  const canAnswer = (offer: MediationOffer) =>
    view.actions.includes("answer_offer") && offer.status === "open" && !mySides.has(offer.side);
  return (
    <Section title={t("offers.title")} testId="mediation-offers">
      {view.offers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("offers.empty")} />
      ) : (
        <List
          dataSource={view.offers}
          renderItem={(offer) => (
            <List.Item key={offer.id}>
              <div style={{ width: "100%" }}>
                <Space wrap size={[8, 4]}>
                  <strong>{t("offers.yuan", { amount: formatYuan(offer.amount) })}</strong>
                  <Tag>{t("offers.by", { side: t(`side.${offer.side}`) })}</Tag>
                  <Tag
                    color={
                      offer.status === "accepted"
                        ? "success"
                        : offer.status === "open"
                          ? "processing"
                          : "default"
                    }
                  >
                    {t(`offerStatus.${offer.status}`)}
                  </Tag>
                  <Typography.Text type="secondary">{formatDateTime(offer.createdAt)}</Typography.Text>
                </Space>
                {offer.answersOfferId ? <div className="nc-muted">{t("offers.answers")}</div> : null}
                {offer.terms ? (
                  <div className="nc-mediation-wrap" style={{ whiteSpace: "pre-wrap" }}>
                    {offer.terms}
                  </div>
                ) : null}
                {canAnswer(offer) ? (
                  <div className="nc-mediation-actions" style={{ marginTop: 8 }}>
                    <Popconfirm
                      title={t("offers.accept")}
                      okText={t("forms.submit")}
                      cancelText={t("forms.cancel")}
                      onConfirm={() =>
                        void run(
                          `accept-${offer.id}`,
                          () => mediationApi.answerSettlementOffer(view.id, offer.id, "accept"),
                          t("offers.accepted"),
                        )
                      }
                    >
                      <Button type="primary" size="small" loading={busy === `accept-${offer.id}`}>
                        {t("offers.accept")}
                      </Button>
                    </Popconfirm>
                    <Button
                      size="small"
                      loading={busy === `reject-${offer.id}`}
                      onClick={() =>
                        void run(
                          `reject-${offer.id}`,
                          () => mediationApi.answerSettlementOffer(view.id, offer.id, "reject"),
                          t("offers.rejected"),
                        )
                      }
                    >
                      {t("offers.reject")}
                    </Button>
                    {view.actions.includes("make_offer") ? (
                      <Button size="small" onClick={() => setCountering(offer.id)}>
                        {t("offers.counter")}
                      </Button>
                    ) : null}
                  </div>
                ) : null}
                {countering === offer.id ? (
                  <OfferForm
                    view={view}
                    answersOfferId={offer.id}
                    submitLabel={t("offers.counter")}
                    onDone={() => {
                      setCountering(null);
                      onDone();
                    }}
                  />
                ) : null}
              </div>
            </List.Item>
          )}
        />
      )}
      {view.actions.includes("make_offer") && countering === null ? (
        <OfferForm view={view} answersOfferId={null} submitLabel={t("offers.make")} onDone={onDone} />
      ) : null}
    </Section>
  );
}

/** Materials exchanged in the mediation: upload and download. */
export function Documents({ view, onDone }: SectionProps) {
  const { t } = useTranslation("mediation");
  const [title, setTitle] = useState("");
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { run, busy } = useAct(onDone);
  const file = files[0]?.originFileObj;
  return (
    <Section title={t("documents.title")} testId="mediation-documents">
      {view.documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("documents.empty")} />
      ) : (
        <List
          dataSource={view.documents}
          renderItem={(document) => (
            <List.Item
              key={document.id}
              actions={[
                <a
                  key="download"
                  href={mediationApi.documentUrl(view.id, document.id)}
                  download
                  aria-label={`${t("documents.download")} ${document.title}`}
                >
                  <DownloadOutlined aria-hidden /> {t("documents.download")}
                </a>,
              ]}
            >
              <List.Item.Meta
                title={<span className="nc-mediation-wrap">{document.title}</span>}
                description={`${formatBytes(document.size)} · ${formatDateTime(document.createdAt)}`}
              />
            </List.Item>
          )}
        />
      )}
      {view.actions.includes("upload_document") ? (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Input
            aria-label={t("documents.fileTitle")}
            placeholder={t("documents.fileTitle")}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            style={{ maxWidth: 360 }}
          />
          <Space wrap>
            <Upload
              fileList={files}
              maxCount={1}
              beforeUpload={() => false}
              onChange={(info) => setFiles(info.fileList.slice(-1))}
            >
              <Button icon={<UploadOutlined aria-hidden />}>{t("documents.chooseFile")}</Button>
            </Upload>
            <Button
              type="primary"
              disabled={!file}
              loading={busy === "upload"}
              onClick={() =>
                void run(
                  "upload",
                  () => mediationApi.uploadDocument(view.id, title.trim(), file as File),
                  t("documents.uploaded"),
                ).then((ok) => {
                  if (ok) {
                    setFiles([]);
                    setTitle("");
                  }
                })
              }
            >
              {t("documents.upload")}
            </Button>
          </Space>
        </Space>
      ) : null}
    </Section>
  );
}

/** Proposals to extend the period, agreed by every party (在线调解规则第二十四条). */
export function Extensions({ view, onDone }: SectionProps) {
  const { t } = useTranslation("mediation");
  const { run, busy } = useAct(onDone);
  const [days, setDays] = useState<number | null>(15);
  const canPropose = view.actions.includes("propose_extension");
  const canAnswer = view.actions.includes("answer_extension");
  if (view.extensions.length === 0 && !canPropose) return null;
  return (
    <Section title={t("extensions.title")} testId="mediation-extensions">
      {view.extensions.length > 0 ? (
        <List
          dataSource={view.extensions}
          renderItem={(extension) => (
            <List.Item key={extension.id}>
              <Space wrap>
                <span>{t("extensions.item", { days: extension.days })}</span>
                <Tag>{t(`extensionStatus.${extension.status}`)}</Tag>
                <Typography.Text type="secondary">{formatDateTime(extension.createdAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {canAnswer ? (
        <div className="nc-mediation-actions" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            loading={busy === "agree"}
            onClick={() =>
              void run("agree", () => mediationApi.answerExtension(view.id, "agreed"), t("actions.done"))
            }
          >
            {t("extensions.agree")}
          </Button>
          <Button
            loading={busy === "refuse"}
            onClick={() =>
              void run("refuse", () => mediationApi.answerExtension(view.id, "refused"), t("actions.done"))
            }
          >
            {t("extensions.refuse")}
          </Button>
        </div>
      ) : null}
      {canPropose ? (
        <Space wrap>
          <InputNumber
            aria-label={t("extensions.days")}
            min={1}
            max={180}
            precision={0}
            value={days}
            onChange={(value) => setDays(value)}
          />
          <Button
            disabled={!days}
            loading={busy === "propose"}
            onClick={() =>
              void run(
                "propose",
                () => mediationApi.proposeExtension(view.id, days!),
                t("extensions.proposed"),
              )
            }
          >
            {t("extensions.propose")}
          </Button>
        </Space>
      ) : null}
    </Section>
  );
}
