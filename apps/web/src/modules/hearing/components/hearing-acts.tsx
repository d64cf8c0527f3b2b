import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useSubmit } from "../../../platform/use-api";
import {
  adjournmentGrounds,
  courtInstant,
  hearingApi,
  type AdjournmentGround,
  type Hearing,
} from "../hearing.api";
import { AvailabilityNote } from "./schedule-hearing-form";

const times = Array.from({ length: 21 }, (_v, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
});

type Act = "reschedule" | "adjourn" | "cancel";

interface ActValues {
  date?: Dayjs;
  time?: string;
  reason?: string;
  ground?: AdjournmentGround;
  fixNewDate?: boolean;
}

/** The buttons of the acts the caller may take on a hearing, each opening its form. */
export function HearingActs({ hearing, onDone }: { hearing: Hearing; onDone: () => void }) {
  const { t } = useTranslation("hearing");
  const [open, setOpen] = useState<Act | null>(null);
  const [form] = Form.useForm<ActValues>();
  const date = Form.useWatch("date", form);
  const time = Form.useWatch("time", form);
  const fixNewDate = Form.useWatch("fixNewDate", form);
  const action = useSubmit(
    async (act: Act, values: ActValues) => {
      const startsAt =
        values.date && values.time ? courtInstant(values.date.format("YYYY-MM-DD"), values.time) : null;
      if (act === "reschedule")
        await hearingApi.reschedule(hearing.id, { startsAt: startsAt!, reason: values.reason! });
      if (act === "adjourn")
        await hearingApi.adjourn(hearing.id, {
          ground: values.ground!,
          reason: values.reason!,
          newStartsAt: values.fixNewDate ? startsAt : null,
        });
      if (act === "cancel") await hearingApi.cancel(hearing.id, { reason: values.reason! });
      setOpen(null);
      form.resetFields();
      onDone();
    },
    form,
    "hearing",
  );
  const { actions } = hearing;
  if (!actions.canReschedule && !actions.canAdjourn && !actions.canCancel) return null;
  const needsDate = open === "reschedule" || (open === "adjourn" && fixNewDate === true);
  const titles: Record<Act, string> = {
    reschedule: t("form.rescheduleTitle"),
    adjourn: t("form.adjournTitle"),
    cancel: t("form.cancelTitle"),
  };
  const saves: Record<Act, string> = {
    reschedule: t("form.saveReschedule"),
    adjourn: t("form.saveAdjourn"),
    cancel: t("form.saveCancel"),
  };
  return (
    <>
      <Space wrap style={{ marginTop: 12 }}>
        {actions.canReschedule ? (
          <Button onClick={() => setOpen("reschedule")}>{t("card.reschedule")}</Button>
        ) : null}
        {actions.canAdjourn ? <Button onClick={() => setOpen("adjourn")}>{t("card.adjourn")}</Button> : null}
        {actions.canCancel ? (
          <Button danger onClick={() => setOpen("cancel")}>
            {t("card.cancel")}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={open !== null}
        title={open ? titles[open] : ""}
        okText={open ? saves[open] : ""}
        cancelText={t("form.close")}
        okButtonProps={{ danger: open === "cancel", loading: action.isSubmitting }}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(null);
          action.clearError();
        }}
        destroyOnHidden
      >
        <Form<ActValues>
          form={form}
          layout="vertical"
          onFinish={(values) => open && void action.submit(open, values)}
          preserve={false}
        >
          {open === "adjourn" ? (
            <>
              <Form.Item
                name="ground"
                label={t("form.ground")}
                rules={[{ required: true, message: t("form.checks.ground") }]}
              >
                <Select
                  options={adjournmentGrounds.map((value) => ({ value, label: t(`grounds.${value}`) }))}
                  optionRender={(option) => <span style={{ whiteSpace: "normal" }}>{option.label}</span>}
                />
              </Form.Item>
              <Form.Item name="fixNewDate" valuePropName="checked">
                <Checkbox>{t("form.fixNewDate")}</Checkbox>
              </Form.Item>
            </>
          ) : null}
          {needsDate ? (
            <>
              <Space wrap align="start">
                <Form.Item
                  name="date"
                  label={t("form.date")}
                  rules={[{ required: true, message: t("form.checks.date") }]}
                >
                  <DatePicker format="YYYY-MM-DD" minDate={dayjs()} />
                </Form.Item>
                <Form.Item
                  name="time"
                  label={t("form.time")}
                  rules={[{ required: true, message: t("form.checks.time") }]}
                >
                  <Select
                    style={{ minWidth: 110 }}
                    options={times.map((value) => ({ value, label: value }))}
                  />
                </Form.Item>
              </Space>
              <Form.Item>
                <AvailabilityNote
                  caseId={hearing.caseId}
                  date={date}
                  time={time}
                  durationMinutes={hearing.durationMinutes}
                  courtroomId={hearing.courtroom?.id ?? null}
                  clerkId={hearing.clerk?.userId ?? null}
                  hearingId={hearing.id}
                />
              </Form.Item>
            </>
          ) : null}
          <Form.Item
            name="reason"
            label={
              open === "adjourn"
                ? t("form.adjournReason")
                : open === "cancel"
                  ? t("form.cancelReason")
                  : t("form.reason")
            }
            rules={[{ required: true, whitespace: true, message: t("form.checks.reason") }]}
          >
            <Input.TextArea rows={3} maxLength={open === "cancel" ? 1000 : 2000} />
          </Form.Item>
          <ErrorAlert error={action.error} />
        </Form>
      </Modal>
    </>
  );
}
