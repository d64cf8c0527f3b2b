import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { currentLocale } from "../../../platform/i18n";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import type { StaffRole } from "../../identity/identity.api";
import { formatDateTime } from "../../identity/scenes/verification-scene";
import { useMe } from "../../identity/session-context";
import { useStaffCourts } from "../../workbench/use-staff-courts";
import { courtAdminRoles } from "../admin.routes";
import {
  adminApi,
  divisionKinds,
  staffRoles,
  type Division,
  type InviteStaffRequest,
  type IssuedInvitation,
  type StaffMember,
  type StaffStatus,
} from "../admin.api";

const statusColors: Record<StaffStatus, string> = {
  active: "success",
  invited: "processing",
  invitation_expired: "warning",
  needs_invitation: "warning",
  deactivated: "default",
};

/** Shows a new invitation link once, to copy and hand over; it is not stored anywhere. */
function InvitationLinkModal({ issued, onClose }: { issued: IssuedInvitation | null; onClose: () => void }) {
  const { t } = useTranslation("admin");
  return (
    <Modal
      open={issued !== null}
      title={t("link.title")}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("link.close")}
        </Button>
      }
    >
      {issued && (
        <>
          <Typography.Paragraph>
            {t("link.intro", { expiresAt: formatDateTime(issued.expiresAt) })}
          </Typography.Paragraph>
          {/* A block, not inline code: a long link wrapped inside an inline box spills past the dialog on a phone. */}
          <Typography.Paragraph
            copyable={{ text: issued.url, tooltips: [t("link.copy"), t("link.copied")] }}
            className="nc-invitation-link"
            style={{
              fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
              wordBreak: "break-all",
              padding: "8px 12px",
              background: "rgba(0, 0, 0, 0.04)",
              border: "1px solid rgba(5, 5, 5, 0.06)",
              borderRadius: 6,
            }}
          >
            <span data-testid="invitation-url">{issued.url}</span>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}

function DivisionsCard({
  courtId,
  divisions,
  onChange,
}: {
  courtId: string;
  divisions: Division[];
  onChange: () => void;
}) {
  const { t } = useTranslation("admin");
  const [form] = Form.useForm<Omit<Division, "id">>();
  const isEnglish = currentLocale() === "en";
  const add = useSubmit(async (values: Omit<Division, "id">) => {
    await adminApi.addDivision(courtId, values);
    form.resetFields();
    onChange();
  }, form);
  return (
    <Card title={t("divisions.title")} style={{ marginBottom: 16 }}>
      <Table<Division>
        rowKey="id"
        size="small"
        dataSource={divisions}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("divisions.empty") }}
        columns={[
          { title: t("divisions.code"), dataIndex: "code" },
          { title: t("divisions.name"), render: (_v, d) => (isEnglish ? d.nameEn : d.nameZh) },
          { title: t("divisions.kind"), render: (_v, d) => t(`divisions.kinds.${d.kind}`) },
        ]}
      />
      <ErrorAlert error={add.error} details={add.otherDetails} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void add.submit(values)}
        style={{ marginTop: 16 }}
      >
        <Space wrap align="end">
          <Form.Item name="code" label={t("divisions.code")} rules={[{ required: true, max: 20 }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="nameZh" label={t("divisions.nameZh")} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t("divisions.nameEn")} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t("divisions.kind")} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={divisionKinds.map((kind) => ({ value: kind, label: t(`divisions.kinds.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={add.isSubmitting}>
              {t("divisions.add")}
            </Button>
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}

function InviteModal({
  courtId,
  divisions,
  open,
  onClose,
  onInvited,
}: {
  courtId: string;
  divisions: Division[];
  open: boolean;
  onClose: () => void;
  onInvited: (issued: IssuedInvitation) => void;
}) {
  const { t } = useTranslation("admin");
  const [form] = Form.useForm<InviteStaffRequest>();
  const invite = useSubmit(async (values: InviteStaffRequest) => {
    const issued = await adminApi.invite(courtId, {
      ...values,
      divisionId: values.divisionId ?? null,
      email: values.email?.trim() ? values.email : null,
      titleZh: values.titleZh?.trim() ? values.titleZh : null,
    });
    form.resetFields();
    onInvited(issued);
  }, form);
  return (
    <Modal
      open={open}
      title={t("staff.invite")}
      onCancel={onClose}
      okText={t("staff.invite")}
      confirmLoading={invite.isSubmitting}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={invite.error} details={invite.otherDetails} />
      <Form form={form} layout="vertical" onFinish={(values) => void invite.submit(values)}>
        <Form.Item name="name" label={t("staff.name")} rules={[{ required: true, max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="idNumber" label={t("staff.idNumber")} rules={[{ required: true, max: 40 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t("staff.phone")} rules={[{ required: true, max: 40 }]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t("staff.email")} rules={[{ type: "email", max: 320 }]}>
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t("staff.role")} rules={[{ required: true }]}>
          <Select<StaffRole>
            options={staffRoles.map((role) => ({ value: role, label: t(`staff.roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="divisionId" label={t("staff.division")}>
          <Select
            allowClear
            placeholder={t("staff.noDivision")}
            options={divisions.map((d) => ({
              value: d.id,
              label: `${d.code} ${currentLocale() === "en" ? d.nameEn : d.nameZh}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="titleZh" label={t("staff.titleZh")} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A court administrator's page: the court's divisions and staff, invitations, deactivation and resets. */
export function CourtAdminScene() {
  const { t } = useTranslation("admin");
  const { me } = useMe();
  const courts = useStaffCourts(me, courtAdminRoles);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const courtId = chosen ?? courts[0]?.id;
  const court = useApiQuery(
    (signal) => (courtId ? adminApi.court(courtId, signal) : Promise.resolve(undefined)),
    [courtId],
  );
  const staff = useApiQuery(
    (signal) => (courtId ? adminApi.staff(courtId, signal) : Promise.resolve({ items: [] })),
    [courtId],
  );
  const [isInviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const act = useSubmit(async (action: "deactivate" | "reset_second_factor", member: StaffMember) => {
    if (!courtId) return;
    if (action === "deactivate") await adminApi.deactivate(courtId, member.userId);
    else setIssued(await adminApi.resetSecondFactor(courtId, member.userId));
    staff.reload();
  });
  const isEnglish = currentLocale() === "en";

  return (
    <Page title={t("court.title")} intro={t("court.intro")} width="wide">
      {courts.length > 1 && (
        <Select
          aria-label={t("court.pick")}
          value={courtId}
          onChange={setChosen}
          options={courts.map((c) => ({ value: c.id, label: isEnglish ? c.nameEn : c.nameZh }))}
          style={{ minWidth: 240, marginBottom: 16 }}
        />
      )}
      <ErrorAlert error={court.error ?? staff.error} onRetry={() => (court.reload(), staff.reload())} />
      {courtId && court.data && (
        <DivisionsCard courtId={courtId} divisions={court.data.divisions} onChange={court.reload} />
      )}
      <Card
        title={t("staff.title")}
        extra={
          <Button type="primary" onClick={() => setInviting(true)} disabled={!courtId}>
            {t("staff.invite")}
          </Button>
        }
      >
        <ErrorAlert error={act.error} />
        <Table<StaffMember>
          rowKey={(m) => `${m.userId}:${m.role}`}
          loading={staff.isLoading}
          dataSource={staff.data?.items ?? []}
          // Cells keep their natural width and the table scrolls sideways on a phone, rather than
          // wrapping a name one character per line; name and status come first so they stay in view.
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("staff.empty") }}
          pagination={false}
          columns={[
            { title: t("staff.name"), dataIndex: "name" },
            {
              title: t("staff.status"),
              render: (_v, m) => <Tag color={statusColors[m.status]}>{t(`staff.statuses.${m.status}`)}</Tag>,
            },
            { title: t("staff.role"), render: (_v, m) => t(`staff.roles.${m.role}`) },
            { title: t("staff.division"), render: (_v, m) => m.divisionCode ?? "—" },
            { title: t("staff.phone"), dataIndex: "phoneMasked" },
            {
              title: t("staff.actions"),
              render: (_v, m) => (
                <Space wrap>
                  {m.actions.includes("reset_second_factor") && (
                    <Popconfirm
                      title={t("staff.resetConfirm", { name: m.name })}
                      onConfirm={() => void act.submit("reset_second_factor", m)}
                    >
                      <Button size="small" aria-label={`${t("staff.resetSecondFactor")}: ${m.name}`}>
                        {t("staff.resetSecondFactor")}
                      </Button>
                    </Popconfirm>
                  )}
                  {m.actions.includes("deactivate") && (
                    <Popconfirm
                      title={t("staff.deactivateConfirm", { name: m.name })}
                      onConfirm={() => void act.submit("deactivate", m)}
                    >
                      <Button size="small" danger aria-label={`${t("staff.deactivate")}: ${m.name}`}>
                        {t("staff.deactivate")}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {courtId && (
        <InviteModal
          courtId={courtId}
          divisions={court.data?.divisions ?? []}
          open={isInviting}
          onClose={() => setInviting(false)}
          onInvited={(next) => {
            setInviting(false);
            setIssued(next);
            staff.reload();
          }}
        />
      )}
      <InvitationLinkModal issued={issued} onClose={() => setIssued(null)} />
    </Page>
  );
}
