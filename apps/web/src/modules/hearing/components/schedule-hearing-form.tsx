import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { formatDate, localName } from "../../cases/cases.format";
import {
  courtInstant,
  hearingApi,
  notPublicReasons,
  offlineReasons,
  type Availability,
  type NotPublicReason,
  type OfflineReason,
} from "../hearing.api";
import { conflictText } from "../hearing.format";

interface Values {
  mode: "online" | "courtroom";
  date?: Dayjs;
  time?: string;
  durationMinutes: number;
  courtroomId?: string | null;
  clerkId?: string | null;
  isPublic: boolean;
  notPublicReason?: NotPublicReason;
  notPublicNote?: string;
  partyRequested: boolean;
  offlineReason?: OfflineReason;
}

/** Half-hour steps of a court day, 08:00–18:00. */
const times = Array.from({ length: 21 }, (_v, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
});

/**
 * The time of a sitting and what it clashes with, checked as the judge fills the form (民事诉讼法第一百三十九条:
 * three full days for the summons; the judge's, the clerk's and the courtroom's other hearings).
 */
export function AvailabilityNote(props: {
  caseId: string;
  date: Dayjs | undefined;
  time: string | undefined;
  durationMinutes: number | undefined;
  courtroomId?: string | null;
  clerkId?: string | null;
  hearingId?: string;
}) {
  const { t } = useTranslation("hearing");
  const [result, setResult] = useState<Availability | null>(null);
  const [isChecking, setChecking] = useState(false);
  const { caseId, date, time, durationMinutes, courtroomId, clerkId, hearingId } = props;
  const day = date?.format("YYYY-MM-DD");
  useEffect(() => {
    if (!day || !time || !durationMinutes || durationMinutes < 15 || durationMinutes > 720) {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      hearingApi
        .availability(
          caseId,
          {
            startsAt: courtInstant(day, time),
            durationMinutes,
            courtroomId,
            clerkId,
            ...(hearingId ? { hearingId } : {}),
          },
          controller.signal,
        )
        .then(setResult, () => setResult(null))
        .finally(() => setChecking(false));
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [caseId, day, time, durationMinutes, courtroomId, clerkId, hearingId]);
  if (isChecking && !result) return <Typography.Text type="secondary">{t("form.checking")}</Typography.Text>;
  if (!result) return null;
  const problems = [
    ...(result.isTooEarly ? [t("form.tooEarly", { date: formatDate(result.earliestDay) })] : []),
    ...result.conflicts.map(conflictText),
  ];
  return (
    <div aria-live="polite" data-testid="hearing-availability">
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      ) : (
        <Alert type="success" showIcon message={t("form.free")} />
      )}
    </div>
  );
}

/** The judge's form to fix a hearing of the case, with clashes shown in words before saving. */
export function ScheduleHearingForm({
  caseId,
  courtId,
  onDone,
}: {
  caseId: string;
  courtId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation("hearing");
  const [form] = Form.useForm<Values>();
  const resources = useApiQuery((signal) => hearingApi.resources(courtId, signal), [courtId]);
  const earliest = useApiQuery(
    (signal) =>
      hearingApi.availability(
        caseId,
        { startsAt: dayjs().add(30, "day").format("YYYY-MM-DD") + "T09:00:00+08:00", durationMinutes: 60 },
        signal,
      ),
    [caseId],
  );
  const action = useSubmit(
    async (values: Values) => {
      await hearingApi.schedule(caseId, {
        mode: values.mode,
        startsAt: courtInstant(values.date!.format("YYYY-MM-DD"), values.time!),
        durationMinutes: values.durationMinutes,
        courtroomId: values.courtroomId ?? null,
        clerkId: values.clerkId ?? null,
        isPublic: values.isPublic,
        notPublicReason: values.isPublic ? null : (values.notPublicReason ?? null),
        notPublicNote: values.isPublic ? null : (values.notPublicNote ?? null),
        partyRequested: !values.isPublic && values.partyRequested,
        offlineReason: values.mode === "courtroom" ? (values.offlineReason ?? null) : null,
      });
      form.resetFields();
      onDone();
    },
    form,
    "hearing",
  );
  const mode = Form.useWatch("mode", form);
  const isPublic = Form.useWatch("isPublic", form);
  const date = Form.useWatch("date", form);
  const time = Form.useWatch("time", form);
  const durationMinutes = Form.useWatch("durationMinutes", form);
  const courtroomId = Form.useWatch("courtroomId", form);
  const clerkId = Form.useWatch("clerkId", form);
  const rooms = (resources.data?.courtrooms ?? []).filter((room) =>
    mode === "courtroom" ? room.kind === "physical" : room.kind === "online",
  );
  const earliestDay = earliest.data?.earliestDay;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        mode: "online",
        durationMinutes: 60,
        isPublic: true,
        partyRequested: false,
        time: "09:30",
      }}
      onFinish={(values) => void action.submit(values)}
      data-testid="schedule-hearing-form"
    >
      <ErrorAlert error={resources.error} onRetry={resources.reload} />
      {earliestDay ? (
        <Typography.Paragraph type="secondary">
          {t("form.earliest", { date: formatDate(earliestDay) })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="mode" label={t("form.mode")}>
        <Radio.Group
          optionType="button"
          options={(["online", "courtroom"] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          onChange={() => form.setFieldValue("courtroomId", null)}
        />
      </Form.Item>
      <Space wrap align="start" size="middle">
        <Form.Item
          name="date"
          label={t("form.date")}
          rules={[{ required: true, message: t("form.checks.date") }]}
        >
          <DatePicker
            format="YYYY-MM-DD"
            minDate={earliestDay ? dayjs(earliestDay) : dayjs()}
            style={{ minWidth: 160 }}
          />
        </Form.Item>
        <Form.Item
          name="time"
          label={t("form.time")}
          rules={[{ required: true, message: t("form.checks.time") }]}
        >
          <Select style={{ minWidth: 110 }} options={times.map((value) => ({ value, label: value }))} />
        </Form.Item>
        <Form.Item
          name="durationMinutes"
          label={t("form.duration")}
          rules={[{ required: true, type: "number", min: 15, max: 720, message: t("form.checks.duration") }]}
        >
          <InputNumber min={15} max={720} step={15} style={{ minWidth: 120 }} />
        </Form.Item>
      </Space>
      <Form.Item
        name="courtroomId"
        label={t("form.courtroom")}
        rules={mode === "courtroom" ? [{ required: true, message: t("form.checks.courtroom") }] : []}
      >
        <Select
          allowClear
          placeholder={t("form.noCourtroom")}
          options={rooms.map((room) => ({ value: room.id, label: localName(room) }))}
        />
      </Form.Item>
      {mode === "courtroom" && resources.data?.isInternetCourt ? (
        <Form.Item
          name="offlineReason"
          label={t("form.offlineReason")}
          rules={[{ required: true, message: t("form.checks.offlineReason") }]}
        >
          <Select options={offlineReasons.map((value) => ({ value, label: t(`offline.${value}`) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="clerkId" label={t("form.clerk")}>
        <Select
          allowClear
          placeholder={t("form.noClerk")}
          options={(resources.data?.clerks ?? []).map((c) => ({ value: c.userId, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="isPublic" valuePropName="checked">
        <Checkbox>{t("form.isPublic")}</Checkbox>
      </Form.Item>
      {isPublic === false ? (
        <>
          <Form.Item
            name="notPublicReason"
            label={t("form.notPublicReason")}
            rules={[{ required: true, message: t("form.checks.notPublicReason") }]}
          >
            <Select options={notPublicReasons.map((value) => ({ value, label: t(`notPublic.${value}`) }))} />
          </Form.Item>
          <Form.Item name="notPublicNote" label={t("form.notPublicNote")}>
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item name="partyRequested" valuePropName="checked">
            <Checkbox>{t("form.partyRequested")}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      <Form.Item>
        <AvailabilityNote
          caseId={caseId}
          date={date}
          time={time}
          durationMinutes={durationMinutes}
          courtroomId={courtroomId}
          clerkId={clerkId}
        />
      </Form.Item>
      <ErrorAlert error={action.error} />
      <Button type="primary" htmlType="submit" loading={action.isSubmitting}>
        {t("form.save")}
      </Button>
    </Form>
  );
}
