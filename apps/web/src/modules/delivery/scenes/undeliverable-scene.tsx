import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { formatDate, localName } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { useStaffCourts } from "../../workbench/use-staff-courts";
import { AttemptList, ServiceStatusTag } from "../components/case-services";
import { deliveryApi, type ServiceRecord } from "../delivery.api";
import { noticeDeemedOn, recipientRoleLabel, servedKindLabel } from "../service-labels";
import "../delivery.css";

/** Who records service by post or public notice (民事诉讼法第八十七条: the clerk keeps the 送达回证). */
const serviceClerkRoles = ["clerk", "court_admin"] as const;

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
 * The clerk's list of services not completed (failed, or not opened in time at an address the addressee
 * did not confirm), with the other ways of service: court post (民事诉讼法第八十八条) and public notice
 * (第九十五条).
 */
export function UndeliverableScene() {
  const { t } = useTranslation(["delivery", "common"]);
  const { message } = App.useApp();
  const { me } = useMe();
  const courts = useStaffCourts(me, serviceClerkRoles);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const courtId = chosen ?? courts[0]?.id;
  const [dialog, setDialog] = useState<{ kind: "post" | "notice"; service: ServiceRecord } | null>(null);
  const list = useApiQuery(
    (signal) =>
      courtId
        ? deliveryApi.undeliverable(courtId, signal)
        : Promise.resolve({ items: [] as ServiceRecord[] }),
    [courtId],
  );

  const done = (service: ServiceRecord) => {
    setDialog(null);
    void message.success(
      service.deemedServedOn
        ? t("undeliverable.notice.done", { date: formatDate(service.deemedServedOn) })
        : t("undeliverable.post.done", { date: formatDate(service.servedAt ?? service.post?.signedOn) }),
    );
    list.reload();
  };

  return (
    <Page title={t("undeliverable.title")} intro={t("undeliverable.intro")}>
      {courts.length > 1 ? (
        <Space style={{ marginBottom: 16 }} wrap>
          <label htmlFor="service-court">{t("undeliverable.court")}</label>
          <Select
            id="service-court"
            style={{ minWidth: 240 }}
            value={courtId}
            onChange={setChosen}
            options={courts.map((court) => ({ value: court.id, label: localName(court) }))}
          />
        </Space>
      ) : null}
      <Card className="nc-inbox-card">
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <List<ServiceRecord>
          itemLayout="vertical"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="undeliverable-list"
          locale={{ emptyText: <Empty description={t("undeliverable.empty")} /> }}
          renderItem={(service) => {
            const role = recipientRoleLabel(service.recipient.role);
            return (
              <List.Item
                key={service.id}
                className="nc-inbox-item"
                data-testid={`undeliverable-${service.id}`}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {service.caseNumber ? (
                        <span data-testid="undeliverable-case-number">{service.caseNumber}</span>
                      ) : null}
                      <span>{servedKindLabel(service.kind)}</span>
                      <span>
                        <span aria-hidden>→</span> {role ? `${role} ` : ""}
                        {service.recipient.name}
                      </span>
                      <ServiceStatusTag status={service.status} />
                    </Space>
                  }
                  description={<AttemptList service={service} />}
                />
                <Space wrap size="small">
                  <Button size="small" onClick={() => setDialog({ kind: "post", service })}>
                    {t("undeliverable.recordPost")}
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: "notice", service })}>
                    {t("undeliverable.recordNotice")}
                  </Button>
                  <LinkButton size="small" type="link" to={`/cases/${service.caseId}`}>
                    {t("undeliverable.openCase")}
                  </LinkButton>
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      {dialog?.kind === "post" ? (
        <PostDialog service={dialog.service} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === "notice" ? (
        <NoticeDialog service={dialog.service} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
    </Page>
  );
}
