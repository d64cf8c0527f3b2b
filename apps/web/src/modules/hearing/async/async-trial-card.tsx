import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Divider,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { ApiError } from "../../../platform/api-client";
import { useAct } from "../../../platform/use-act";
import { useApiQuery } from "../../../platform/use-api";
import { formatDateTime } from "../../cases/cases.format";
import { courtInstant } from "../hearing.api";
import {
  asyncTrialApi,
  type AsyncQuestion,
  type AsyncTrial,
  type AsyncTrialView,
  type LiveRequest,
} from "./async-trial.api";
import "./async-trial.css";
import { VideoStatement } from "./video-statement";

const statusColors = {
  applied: "blue",
  open: "green",
  closed: "default",
  ended_for_live: "orange",
  refused: "default",
} as const;

const times = Array.from({ length: 32 }, (_v, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
});

/** Re-renders every minute, so a window's countdown stays current. */
function useMinuteTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The asynchronous trial (非同步审理) of a case, for its parties and agents on the case page and for the
 * judge and clerks on the staff case page: the application and consents, the judge's checklist, the
 * thread of questions with their windows and answers, live-hearing requests and the record.
 */
export function AsyncTrialCard({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const { t } = useTranslation("asyncTrial");
  const query = useApiQuery((signal) => asyncTrialApi.ofCase(caseId, signal), [caseId]);
  const reload = () => {
    query.reload();
    onChanged?.();
  };
  const view = query.data;
  // Nothing to show: no trial and nothing the caller may start, or a caller who takes no part in it.
  if (view && !view.trial && !view.canApply) return null;
  if (query.error instanceof ApiError && query.error.code === "async_trial_not_participant") return null;
  const trial = view?.trial ?? null;
  return (
    <Card
      className="nc-block"
      data-testid="async-trial"
      title={<h2 className="nc-card-title">{t("title")}</h2>}
    >
      <ErrorAlert error={query.error} onRetry={query.reload} />
      {!view ? (
        query.error ? null : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )
      ) : (
        <Flex vertical gap="middle">
          {trial ? (
            <div>
              <Tag color={statusColors[trial.status]} data-testid="async-trial-status">
                {t(`status.${trial.status}`)}
              </Tag>
            </div>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {view.isProcedureAllowed ? t("intro") : t("notAllowed")}
          </Typography.Paragraph>
          {trial ? <TrialBody view={view} trial={trial} onDone={reload} /> : null}
          {view.canApply ? <ApplyForm caseId={caseId} onDone={reload} /> : null}
        </Flex>
      )}
    </Card>
  );
}

function partyName(view: AsyncTrialView, partyId: string): string {
  return view.parties.find((p) => p.id === partyId)?.name ?? "";
}

function ApplyForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  const [form] = Form.useForm<{ reasons: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => void run("apply", () => asyncTrialApi.apply(caseId, values), t("apply.done"))}
    >
      <Form.Item
        name="reasons"
        label={t("apply.reasons")}
        extra={t("apply.reasonsHint")}
        rules={[{ required: true, whitespace: true, message: t("checks.reasons") }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy === "apply"}>
        {t("apply.submit")}
      </Button>
    </Form>
  );
}

function TrialBody({ view, trial, onDone }: { view: AsyncTrialView; trial: AsyncTrial; onDone: () => void }) {
  const { t } = useTranslation("asyncTrial");
  return (
    <Flex vertical gap="middle">
      <Consents view={view} trial={trial} onDone={onDone} />
      {trial.refusal ? (
        <Alert
          type="warning"
          showIcon
          message={trial.refusal.by === "party" ? t("refusal.party") : t("refusal.judge")}
          description={
            trial.refusal.reasons ? t("refusal.reasons", { reasons: trial.refusal.reasons }) : null
          }
        />
      ) : null}
      {trial.actions.canOpen || trial.actions.canRefuse ? (
        <Checklist view={view} trial={trial} onDone={onDone} />
      ) : null}
      {trial.actions.shouldScheduleHearing ? (
        <Alert type="info" showIcon message={t("judge.scheduleHint")} />
      ) : null}
      {trial.status !== "applied" && trial.status !== "refused" ? (
        <Thread view={view} trial={trial} onDone={onDone} />
      ) : null}
      {trial.actions.canPost ? <PostForm view={view} trial={trial} onDone={onDone} /> : null}
      {trial.liveRequests.length > 0 || trial.actions.canRequestLive ? (
        <LiveRequests view={view} trial={trial} onDone={onDone} />
      ) : null}
      {trial.actions.canClose ? <CloseButton trial={trial} onDone={onDone} /> : null}
      {trial.record ? <Record trial={trial} /> : null}
    </Flex>
  );
}

function Consents({ view, trial, onDone }: { view: AsyncTrialView; trial: AsyncTrial; onDone: () => void }) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  const [reason, setReason] = useState("");
  const [isRefusing, setRefusing] = useState(false);
  const partyId = trial.actions.consentPartyIds[0];
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("consent.title")}
      </Typography.Title>
      <Descriptions size="small" column={1}>
        {trial.consents.map((c) => (
          <Descriptions.Item
            key={c.partyId}
            label={`${t(`role.${view.parties.find((p) => p.id === c.partyId)?.role ?? "plaintiff"}`)} ${partyName(view, c.partyId)}`}
          >
            <Space wrap size={4}>
              <span>
                {c.decision === "consented"
                  ? t("consent.consented", { at: formatDateTime(c.decidedAt) })
                  : c.decision === "refused"
                    ? t("consent.refused", { at: formatDateTime(c.decidedAt) })
                    : t("consent.waiting")}
              </span>
              {c.partyId === trial.applicantPartyId ? <Tag>{t("consent.applicant")}</Tag> : null}
            </Space>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Descriptions size="small" column={1} layout="vertical">
        <Descriptions.Item label={t("apply.reasons")}>
          <span style={{ whiteSpace: "pre-wrap" }}>{trial.reasons}</span>
        </Descriptions.Item>
      </Descriptions>
      {partyId ? (
        <Flex vertical gap="small">
          {isRefusing ? (
            <Input.TextArea
              aria-label={t("consent.reason")}
              placeholder={t("consent.reason")}
              rows={2}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          ) : null}
          <Space wrap>
            <Button
              type="primary"
              loading={busy === "consent"}
              onClick={() =>
                void run(
                  "consent",
                  () => asyncTrialApi.consent(trial.id, { decision: "consented", partyId }),
                  t("consent.agreed"),
                )
              }
            >
              {t("consent.agree")}
            </Button>
            <Button
              danger
              loading={busy === "refuse"}
              onClick={() =>
                isRefusing
                  ? void run(
                      "refuse",
                      () =>
                        asyncTrialApi.consent(trial.id, {
                          decision: "refused",
                          reason: reason.trim() === "" ? null : reason.trim(),
                          partyId,
                        }),
                      t("consent.refusedDone"),
                    )
                  : setRefusing(true)
              }
            >
              {t("consent.refuse")}
            </Button>
          </Space>
        </Flex>
      ) : null}
    </div>
  );
}

function Checklist({ view, trial, onDone }: { view: AsyncTrialView; trial: AsyncTrial; onDone: () => void }) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  const [difficulty, setDifficulty] = useState(false);
  const [undisputed, setUndisputed] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [form] = Form.useForm<{ reasons: string }>();
  return (
    <div data-testid="async-trial-checklist">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("judge.checklist")}
      </Typography.Title>
      <Flex vertical gap="small">
        <Checkbox checked={view.isProcedureAllowed} disabled>
          {t("judge.procedureOk")}
        </Checkbox>
        <Checkbox checked={trial.allConsented} disabled>
          {trial.allConsented ? t("judge.consentsOk") : t("judge.consentsMissing")}
        </Checkbox>
        <Checkbox checked={difficulty} onChange={(e) => setDifficulty(e.target.checked)}>
          {t("judge.difficulty")}
        </Checkbox>
        <Checkbox checked={undisputed} onChange={(e) => setUndisputed(e.target.checked)}>
          {t("judge.undisputed")}
        </Checkbox>
        {trial.disputedItems ? (
          <Alert
            type="warning"
            showIcon
            message={t("judge.disputedWarning", { count: trial.disputedItems })}
          />
        ) : null}
        <Space wrap>
          <Button
            type="primary"
            disabled={!trial.actions.canOpen || !difficulty || !undisputed}
            loading={busy === "open"}
            onClick={() =>
              void run(
                "open",
                () =>
                  asyncTrialApi.open(trial.id, {
                    difficultyAttested: difficulty,
                    undisputedAttested: undisputed,
                  }),
                t("judge.opened"),
              )
            }
          >
            {t("judge.open")}
          </Button>
          <Button danger onClick={() => setRefusing(true)}>
            {t("judge.refuse")}
          </Button>
        </Space>
      </Flex>
      <Modal
        open={refusing}
        title={t("judge.refuse")}
        okText={t("judge.refuse")}
        cancelText={t("cancel")}
        okButtonProps={{ danger: true, loading: busy === "refuseTrial" }}
        onOk={() => form.submit()}
        onCancel={() => setRefusing(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values) =>
            void run("refuseTrial", () => asyncTrialApi.refuse(trial.id, values), t("judge.refused")).then(
              (ok) => ok && setRefusing(false),
            )
          }
        >
          <Form.Item
            name="reasons"
            label={t("judge.refuseReasons")}
            rules={[{ required: true, whitespace: true, message: t("checks.reasons") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function Countdown({ question }: { question: AsyncQuestion }) {
  const { t } = useTranslation("asyncTrial");
  const now = useMinuteTick();
  const left = new Date(question.windowEndsAt).getTime() - now;
  if (!question.isWindowOpen || left <= 0) return <Tag>{t("thread.ended")}</Tag>;
  const minutes = Math.floor(left / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const time =
    d > 0 ? t("thread.days", { d, h }) : h > 0 ? t("thread.hours", { h, m }) : t("thread.minutes", { m });
  return <Tag color={d === 0 ? "orange" : "blue"}>{t("thread.left", { time })}</Tag>;
}

function Thread({ view, trial, onDone }: { view: AsyncTrialView; trial: AsyncTrial; onDone: () => void }) {
  const { t, i18n } = useTranslation("asyncTrial");
  const names = (ids: string[]) =>
    ids.map((id) => partyName(view, id)).join(i18n.language === "en" ? ", " : "、");
  return (
    <div data-testid="async-trial-thread">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("thread.title")}
      </Typography.Title>
      {trial.questions.length === 0 ? (
        <Typography.Text type="secondary">{t("thread.empty")}</Typography.Text>
      ) : (
        <Flex vertical gap="middle">
          {trial.questions.map((q) => (
            <section
              key={q.id}
              className="nc-async-question"
              aria-label={t("thread.label", { kind: t(`judge.kinds.${q.kind}`), n: q.number })}
            >
              <Flex wrap gap="small" align="center">
                <Typography.Text strong>
                  {t("thread.label", { kind: t(`judge.kinds.${q.kind}`), n: q.number })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t("thread.to", {
                    who: q.addressedPartyId ? partyName(view, q.addressedPartyId) : t("thread.everyone"),
                  })}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: "6px 0" }}>
                {q.body}
              </Typography.Paragraph>
              <Flex wrap gap="small" align="center">
                <Typography.Text>
                  {t("thread.endsAt", { at: formatDateTime(q.windowEndsAt) })}
                </Typography.Text>
                {trial.status === "open" ? <Countdown question={q} /> : null}
                {q.extendedCount > 0 ? <Tag>{t("thread.extendedTimes")}</Tag> : null}
                {trial.actions.canPost ? <ExtendButton trial={trial} question={q} onDone={onDone} /> : null}
              </Flex>
              {q.answers.length > 0 ? (
                <List
                  size="small"
                  dataSource={q.answers}
                  renderItem={(a) => (
                    <List.Item>
                      <Flex vertical style={{ width: "100%" }}>
                        <Flex wrap gap="small">
                          <Typography.Text strong>{partyName(view, a.partyId)}</Typography.Text>
                          <Typography.Text type="secondary">{formatDateTime(a.answeredAt)}</Typography.Text>
                          {a.isSupplement ? <Tag>{t("thread.supplement")}</Tag> : null}
                        </Flex>
                        {a.body ? (
                          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                            {a.body}
                          </Typography.Paragraph>
                        ) : null}
                        {a.video ? (
                          <video
                            className="nc-async-video"
                            controls
                            preload="metadata"
                            src={asyncTrialApi.videoUrl(trial.id, a.id)}
                            aria-label={t("video.statementOf", { who: partyName(view, a.partyId) })}
                            data-testid="answer-video"
                          />
                        ) : null}
                      </Flex>
                    </List.Item>
                  )}
                />
              ) : null}
              {q.missedPartyIds.length > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  message={t("thread.missed", { who: names(q.missedPartyIds) })}
                />
              ) : null}
              {trial.status === "open" && q.isWindowOpen && q.awaitingPartyIds.length > 0 ? (
                <Typography.Text type="secondary">
                  {t("thread.awaiting", { who: names(q.awaitingPartyIds) })}
                </Typography.Text>
              ) : null}
              {q.answerablePartyIds.length > 0 ? (
                <AnswerForm view={view} trial={trial} question={q} onDone={onDone} />
              ) : null}
            </section>
          ))}
        </Flex>
      )}
    </div>
  );
}

function AnswerForm({
  view,
  trial,
  question,
  onDone,
}: {
  view: AsyncTrialView;
  trial: AsyncTrial;
  question: AsyncQuestion;
  onDone: () => void;
}) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  const [form] = Form.useForm<{ body: string }>();
  const [video, setVideo] = useState<Blob | null>(null);
  const [recorderKey, setRecorderKey] = useState(0);
  const partyId = question.answerablePartyIds[0]!;
  const hasAnswered = question.answers.some((a) => a.partyId === partyId);
  const label =
    view.myPartyIds.length > 1
      ? t("thread.answerFor", { who: partyName(view, partyId) })
      : hasAnswered
        ? t("thread.supplementAnswer")
        : t("thread.answer");
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 8 }}
      onFinish={(values) =>
        void run(
          `answer-${question.id}`,
          () =>
            video
              ? asyncTrialApi.answerWithVideo(
                  trial.id,
                  question.id,
                  { body: values.body ?? "", partyId },
                  video,
                )
              : asyncTrialApi.answer(trial.id, question.id, { body: values.body, partyId }),
          t("thread.answered"),
        ).then((ok) => {
          if (!ok) return;
          form.resetFields();
          setVideo(null);
          setRecorderKey((k) => k + 1);
        })
      }
    >
      <Form.Item
        name="body"
        label={label}
        // A recorded statement may stand alone; without one the answer needs text.
        rules={[{ required: video === null, whitespace: true, message: t("checks.body") }]}
      >
        <Input.TextArea rows={3} maxLength={8000} />
      </Form.Item>
      <Form.Item label={t("video.label")}>
        <VideoStatement key={recorderKey} onChange={setVideo} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy === `answer-${question.id}`}>
        {t("thread.submitAnswer")}
      </Button>
    </Form>
  );
}

interface WindowValues {
  day?: Dayjs;
  time?: string;
}

function WindowFields() {
  const { t } = useTranslation("asyncTrial");
  return (
    <Space wrap align="start">
      <Form.Item
        name="day"
        label={t("judge.windowDay")}
        rules={[{ required: true, message: t("checks.window") }]}
      >
        <DatePicker format="YYYY-MM-DD" minDate={dayjs()} />
      </Form.Item>
      <Form.Item
        name="time"
        label={t("judge.windowTime")}
        rules={[{ required: true, message: t("checks.window") }]}
      >
        <Select style={{ minWidth: 110 }} options={times.map((value) => ({ value, label: value }))} />
      </Form.Item>
    </Space>
  );
}

const windowOf = (values: WindowValues) => courtInstant(values.day!.format("YYYY-MM-DD"), values.time!);

function ExtendButton({
  trial,
  question,
  onDone,
}: {
  trial: AsyncTrial;
  question: AsyncQuestion;
  onDone: () => void;
}) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<WindowValues>();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t("judge.extend")}
      </Button>
      <Modal
        open={open}
        title={t("judge.extendTitle", { n: question.number })}
        okText={t("judge.extend")}
        cancelText={t("cancel")}
        okButtonProps={{ loading: busy === "extend" }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values) =>
            void run(
              "extend",
              () => asyncTrialApi.extend(trial.id, question.id, { windowEndsAt: windowOf(values) }),
              t("judge.extended"),
            ).then((ok) => ok && setOpen(false))
          }
        >
          <WindowFields />
        </Form>
      </Modal>
    </>
  );
}

interface PostValues extends WindowValues {
  kind: "question" | "issue";
  addressed: string;
  body: string;
}

function PostForm({ view, trial, onDone }: { view: AsyncTrialView; trial: AsyncTrial; onDone: () => void }) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  const [form] = Form.useForm<PostValues>();
  return (
    <div data-testid="async-trial-post">
      <Divider style={{ margin: "4px 0 12px" }}>{t("judge.post")}</Divider>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "question", addressed: "all" }}
        onFinish={(values) =>
          void run(
            "post",
            () =>
              asyncTrialApi.post(trial.id, {
                kind: values.kind,
                body: values.body,
                addressedPartyId: values.addressed === "all" ? null : values.addressed,
                windowEndsAt: windowOf(values),
              }),
            t("judge.posted"),
          ).then((ok) => ok && form.resetFields())
        }
      >
        <Space wrap align="start">
          <Form.Item name="kind" label={t("judge.kind")}>
            <Select
              style={{ minWidth: 130 }}
              options={(["question", "issue"] as const).map((value) => ({
                value,
                label: t(`judge.kinds.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="addressed" label={t("judge.addressed")}>
            <Select
              style={{ minWidth: 160 }}
              options={[
                { value: "all", label: t("judge.everyone") },
                ...view.parties.map((p) => ({ value: p.id, label: `${t(`role.${p.role}`)} ${p.name}` })),
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="body"
          label={t("judge.body")}
          rules={[{ required: true, whitespace: true, message: t("checks.body") }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <WindowFields />
        <div>
          <Button type="primary" htmlType="submit" loading={busy === "post"}>
            {t("judge.post")}
          </Button>
        </div>
      </Form>
    </div>
  );
}

function LiveRequests({
  view,
  trial,
  onDone,
}: {
  view: AsyncTrialView;
  trial: AsyncTrial;
  onDone: () => void;
}) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reasons: string }>();
  return (
    <div data-testid="async-trial-live">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("live.title")}
      </Typography.Title>
      {trial.liveRequests.map((r) => (
        <LiveRequestItem key={r.id} view={view} trial={trial} request={r} onDone={onDone} />
      ))}
      {trial.actions.canRequestLive ? (
        asking ? (
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) =>
              void run("live", () => asyncTrialApi.requestLive(trial.id, values), t("live.requested")).then(
                (ok) => ok && setAsking(false),
              )
            }
          >
            <Form.Item
              name="reasons"
              label={t("live.reasons")}
              rules={[{ required: true, whitespace: true, message: t("checks.reasons") }]}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={busy === "live"}>
                {t("live.request")}
              </Button>
              <Button onClick={() => setAsking(false)}>{t("cancel")}</Button>
            </Space>
          </Form>
        ) : (
          <Button onClick={() => setAsking(true)}>{t("live.request")}</Button>
        )
      ) : null}
    </div>
  );
}

function LiveRequestItem({
  view,
  trial,
  request,
  onDone,
}: {
  view: AsyncTrialView;
  trial: AsyncTrial;
  request: LiveRequest;
  onDone: () => void;
}) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  const [reasons, setReasons] = useState("");
  const decide = (decision: "granted" | "refused") =>
    void run(
      decision,
      () => asyncTrialApi.decideLive(trial.id, request.id, { decision, reasons: reasons.trim() || null }),
      t("judge.decided"),
    );
  return (
    <div className="nc-async-live" data-testid="async-trial-live-request">
      <Flex wrap gap="small" align="center">
        <Typography.Text>
          {t("live.by", { who: partyName(view, request.partyId), at: formatDateTime(request.requestedAt) })}
        </Typography.Text>
        <Tag
          color={request.status === "pending" ? "blue" : request.status === "granted" ? "green" : "default"}
        >
          {t(`live.status.${request.status}`)}
        </Tag>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: "4px 0" }}>
        {request.reasons}
      </Typography.Paragraph>
      {request.decisionReasons ? (
        <Typography.Paragraph type="secondary">
          {t("live.decision", { reasons: request.decisionReasons })}
        </Typography.Paragraph>
      ) : null}
      {request.status === "pending" && trial.actions.canDecideLive ? (
        <Flex vertical gap="small">
          <Input.TextArea
            aria-label={t("judge.decideReasons")}
            placeholder={t("judge.decideReasons")}
            rows={2}
            maxLength={2000}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
          <Space wrap>
            <Button loading={busy === "granted"} onClick={() => decide("granted")}>
              {t("judge.grant")}
            </Button>
            <Button
              danger
              loading={busy === "refused"}
              disabled={reasons.trim() === ""}
              onClick={() => decide("refused")}
            >
              {t("judge.refuseLive")}
            </Button>
          </Space>
        </Flex>
      ) : null}
    </div>
  );
}

function CloseButton({ trial, onDone }: { trial: AsyncTrial; onDone: () => void }) {
  const { t } = useTranslation("asyncTrial");
  const { run, busy } = useAct(onDone);
  return (
    <div>
      <Popconfirm
        title={t("judge.close")}
        description={<div style={{ maxWidth: 280 }}>{t("judge.closeConfirm")}</div>}
        okText={t("judge.close")}
        cancelText={t("cancel")}
        onConfirm={() => void run("close", () => asyncTrialApi.close(trial.id), t("judge.closed"))}
      >
        <Button type="primary" loading={busy === "close"}>
          {t("judge.close")}
        </Button>
      </Popconfirm>
    </div>
  );
}

function Record({ trial }: { trial: AsyncTrial }) {
  const { t } = useTranslation("asyncTrial");
  const record = trial.record!;
  return (
    <div data-testid="async-trial-record">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("record.title")}
      </Typography.Title>
      <Space wrap>
        {record.versions.flatMap((v) => {
          const lang = v.locale === "zh-CN" ? t("record.zh") : t("record.en");
          return [
            <a key={`${v.locale}-pdf`} href={v.pdfUrl} target="_blank" rel="noreferrer">
              {t("record.pdf", { lang })}
            </a>,
            <a key={`${v.locale}-docx`} href={v.docxUrl} download>
              {t("record.docx", { lang })}
            </a>,
          ];
        })}
      </Space>
      <Typography.Paragraph type="secondary" className="nc-async-hash">
        {t("record.hash", { hash: record.sha256 })}
      </Typography.Paragraph>
    </div>
  );
}
