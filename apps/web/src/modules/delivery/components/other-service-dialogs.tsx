import { App, Button, DatePicker, Form, Input, Modal, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useSubmit } from "../../../platform/use-api";
import { formatDate } from "../../cases/cases.format";
import { deliveryApi, type ServiceRecord } from "../delivery.api";
import { noticeDeemedOn, servedKindLabel } from "../service-labels";

// The clerk's other ways of service, where electronic service did not complete: court post
// (民事诉讼法第八十八条; 法院专递规定第九条) and public notice (第九十五条). Used by the list of services to redo
// and by the staff case page.

/** Who records service by post or public notice (民事诉讼法第八十七条: the clerk keeps the 送达回证). */
export const serviceClerkRoles = ["clerk", "court_admin"] as const;

const dayProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format("YYYY-MM-DD") : undefined),
};

interface PostForm {
  trackingNumber: string;
  signedOn: string;
  signedBy: string;
}

/** 法院专递: the tracking number, the day the receipt was signed and who signed it. */
function PostDialog({
  service,
  onClose,
  onDone,
}: {
  service: ServiceRecord;
  onClose: () => void;
  onDone: (service: ServiceRecord) => void;
}) {
  const { t } = useTranslation(["delivery", "common"]);
  const [form] = Form.useForm<PostForm>();
  const record = useSubmit(
    async (values: PostForm) => onDone(await deliveryApi.recordPost(service.id, values)),
    form,
    "delivery",
  );
  return (
    <Modal
      open
      title={t("undeliverable.post.title")}
      onCancel={onClose}
      okText={t("undeliverable.post.submit")}
      cancelText={t("common:actions.cancel")}
      confirmLoading={record.isSubmitting}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {servedKindLabel(service.kind)} <span aria-hidden>→</span> {service.recipient.name}
      </Typography.Paragraph>
      <ErrorAlert error={record.error} details={record.otherDetails} hasFieldErrors />
      <Form<PostForm>
        form={form}
        layout="vertical"
        name="record-post"
        onFinish={(v) => void record.submit(v)}
      >
        <Form.Item
          name="trackingNumber"
          label={t("undeliverable.post.trackingNumber")}
          extra={t("undeliverable.post.trackingHelp")}
          rules={[
            {
              required: true,
              pattern: /^\s*[A-Za-z0-9-]{6,40}\s*$/,
              message: t("undeliverable.checks.trackingNumber"),
            },
          ]}
          normalize={(value: string) => value.trim()}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="signedOn"
          label={t("undeliverable.post.signedOn")}
          rules={[{ required: true, message: t("undeliverable.checks.signedOn") }]}
          {...dayProps}
        >
          <DatePicker format="YYYY-MM-DD" maxDate={dayjs()} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="signedBy"
          label={t("undeliverable.post.signedBy")}
          rules={[
            { required: true, whitespace: true, max: 100, message: t("undeliverable.checks.signedBy") },
          ]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Public notice: the notice date, and the day it will be deemed served. */
function NoticeDialog({
  service,
  onClose,
  onDone,
}: {
  service: ServiceRecord;
  onClose: () => void;
  onDone: (service: ServiceRecord) => void;
}) {
  const { t } = useTranslation(["delivery", "common"]);
  const [form] = Form.useForm<{ noticeOn: string }>();
  const noticeOn = Form.useWatch("noticeOn", form);
  const record = useSubmit(
    async (values: { noticeOn: string }) => onDone(await deliveryApi.recordNotice(service.id, values)),
    form,
    "delivery",
  );
  return (
    <Modal
      open
      title={t("undeliverable.notice.title")}
      onCancel={onClose}
      okText={t("undeliverable.notice.submit")}
      cancelText={t("common:actions.cancel")}
      confirmLoading={record.isSubmitting}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {servedKindLabel(service.kind)} <span aria-hidden>→</span> {service.recipient.name}
      </Typography.Paragraph>
      <ErrorAlert error={record.error} details={record.otherDetails} hasFieldErrors />
      <Form form={form} layout="vertical" name="record-notice" onFinish={(v) => void record.submit(v)}>
        <Form.Item
          name="noticeOn"
          label={t("undeliverable.notice.noticeOn")}
          rules={[{ required: true, message: t("undeliverable.checks.noticeOn") }]}
          {...dayProps}
        >
          <DatePicker format="YYYY-MM-DD" maxDate={dayjs()} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
      {noticeOn ? (
        <Typography.Paragraph data-testid="notice-deemed" aria-live="polite">
          {t("undeliverable.notice.deemed", { date: formatDate(noticeDeemedOn(noticeOn)) })}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}

/**
 * The clerk's buttons for one service not yet complete: record court post, or a public notice (not twice);
 * each opens its dialog and, once recorded, says when service is complete and calls `onDone`.
 */
export function OtherServiceActions({
  service,
  onDone,
}: {
  service: ServiceRecord;
  onDone: (service: ServiceRecord) => void;
}) {
  const { t } = useTranslation("delivery");
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<"post" | "notice" | null>(null);
  const done = (recorded: ServiceRecord) => {
    setDialog(null);
    void message.success(
      recorded.deemedServedOn && !recorded.post
        ? t("undeliverable.notice.done", { date: formatDate(recorded.deemedServedOn) })
        : t("undeliverable.post.done", { date: formatDate(recorded.servedAt ?? recorded.post?.signedOn) }),
    );
    onDone(recorded);
  };
  return (
    <>
      <Space wrap size="small">
        <Button size="small" onClick={() => setDialog("post")}>
          {t("undeliverable.recordPost")}
        </Button>
        {service.noticeOn === null ? (
          <Button size="small" onClick={() => setDialog("notice")}>
            {t("undeliverable.recordNotice")}
          </Button>
        ) : null}
      </Space>
      {dialog === "post" ? (
        <PostDialog service={service} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog === "notice" ? (
        <NoticeDialog service={service} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
    </>
  );
}
