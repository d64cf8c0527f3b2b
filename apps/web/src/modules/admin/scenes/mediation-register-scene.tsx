import { Button, Card, Form, Input, List, Modal, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { localName } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { mediationApi, type MediationOrganisation, type Mediator } from "../../mediation/mediation.api";
import { useAct } from "../../../platform/use-act";
import { useStaffCourts } from "../../workbench/use-staff-courts";
import { adminApi } from "../admin.api";
import { courtAdminRoles } from "../admin.routes";

const splitCodes = (text: string | undefined) =>
  (text ?? "")
    .split(/[,，\s]+/)
    .map((code) => code.trim())
    .filter((code) => code !== "");

function ActiveTag({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation("mediation");
  return (
    <Tag color={isActive ? "success" : "default"}>
      {isActive ? t("register.active") : t("register.inactive")}
    </Tag>
  );
}

function OrganisationModal({
  courtId,
  open,
  onClose,
  onDone,
}: {
  courtId: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<{ name: string; nameEn?: string; description?: string; caseTypes?: string }>();
  const add = useSubmit(
    (values: { name: string; nameEn?: string; description?: string; caseTypes?: string }) =>
      mediationApi.addOrganisation(courtId, {
        name: values.name,
        nameEn: values.nameEn?.trim() || null,
        description: values.description ?? "",
        caseTypes: splitCodes(values.caseTypes),
      }),
    form,
    "mediation",
  );
  return (
    <Modal
      open={open}
      title={t("register.addOrganisation")}
      okText={t("forms.submit")}
      cancelText={t("forms.cancel")}
      confirmLoading={add.isSubmitting}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          void (async () => {
            if (await add.submit(values)) onDone();
          })()
        }
      >
        <ErrorAlert error={add.error} details={add.otherDetails} hasFieldErrors />
        <Form.Item name="name" label={t("register.name")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("register.nameEn")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t("register.description")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="caseTypes" label={t("register.caseTypes")}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MediatorModal({
  courtId,
  organisations,
  open,
  onClose,
  onDone,
}: {
  courtId: string;
  organisations: MediationOrganisation[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<{
    userId: string;
    organisationId?: string;
    displayName: string;
    specialties?: string;
    caseTypes?: string;
  }>();
  const staff = useApiQuery((signal) => adminApi.staff(courtId, signal), [courtId]);
  const add = useSubmit(
    (values: {
      userId: string;
      organisationId?: string;
      displayName: string;
      specialties?: string;
      caseTypes?: string;
    }) =>
      mediationApi.addMediator(courtId, {
        userId: values.userId,
        organisationId: values.organisationId ?? null,
        displayName: values.displayName,
        specialties: values.specialties ?? "",
        caseTypes: splitCodes(values.caseTypes),
      }),
    form,
    "mediation",
  );
  const mediators = (staff.data?.items ?? []).filter((s) => s.role === "mediator" && s.isActive);
  return (
    <Modal
      open={open}
      title={t("register.addMediator")}
      okText={t("forms.submit")}
      cancelText={t("forms.cancel")}
      confirmLoading={add.isSubmitting}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          void (async () => {
            if (await add.submit(values)) onDone();
          })()
        }
      >
        <ErrorAlert error={add.error ?? staff.error} details={add.otherDetails} hasFieldErrors />
        <Form.Item name="userId" label={t("register.account")} rules={[{ required: true }]}>
          <Select
            loading={staff.isLoading}
            options={mediators.map((s) => ({ value: s.userId, label: `${s.name}（${s.phoneMasked}）` }))}
            onChange={(userId: string) => {
              if (!form.getFieldValue("displayName"))
                form.setFieldValue("displayName", mediators.find((s) => s.userId === userId)?.name);
            }}
          />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("register.displayName")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="organisationId" label={t("register.organisation")}>
          <Select
            allowClear
            placeholder={t("register.noOrganisation")}
            options={organisations.filter((o) => o.isActive).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="specialties" label={t("register.specialties")}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="caseTypes" label={t("register.caseTypes")}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The court's register of invited mediation organisations and mediators (`/court/admin/mediation`):
 * list, add, and take off the register (在线调解规则第五条, 第二十九条).
 */
export function MediationRegisterScene() {
  const { t, i18n } = useTranslation("mediation");
  const { me } = useMe();
  const courts = useStaffCourts(me, courtAdminRoles);
  const [picked, setPicked] = useState<string | undefined>();
  const courtId = picked ?? courts[0]?.id;
  const [dialog, setDialog] = useState<"organisation" | "mediator" | null>(null);
  const loaded = useApiQuery(
    async (signal) => {
      if (!courtId) return { organisations: [] as MediationOrganisation[], mediators: [] as Mediator[] };
      const [organisations, mediators] = await Promise.all([
        mediationApi.organisations(courtId, signal),
        mediationApi.mediators(courtId, signal),
      ]);
      return { organisations: organisations.items, mediators: mediators.items };
    },
    [courtId],
  );
  const done = () => {
    setDialog(null);
    loaded.reload();
  };
  const { run, busy } = useAct(done);
  const orgName = (o: { name: string; nameEn: string | null }) =>
    i18n.language === "en" && o.nameEn ? o.nameEn : o.name;
  const toggle = (kind: "organisation" | "mediator", id: string, isActive: boolean) =>
    void run(
      `${kind}-${id}`,
      () =>
        kind === "organisation"
          ? mediationApi.updateOrganisation(courtId!, id, { isActive })
          : mediationApi.updateMediator(courtId!, id, { isActive }),
      t("register.saved"),
    );
  const toggleButton = (
    kind: "organisation" | "mediator",
    item: { id: string; name: string; isActive: boolean },
  ) =>
    item.isActive ? (
      <Popconfirm
        key="off"
        title={t("register.deactivateConfirm")}
        okText={t("register.deactivate")}
        cancelText={t("forms.cancel")}
        onConfirm={() => toggle(kind, item.id, false)}
      >
        <Button
          size="small"
          danger
          loading={busy === `${kind}-${item.id}`}
          aria-label={`${t("register.deactivate")} ${item.name}`}
        >
          {t("register.deactivate")}
        </Button>
      </Popconfirm>
    ) : (
      <Button
        key="on"
        size="small"
        loading={busy === `${kind}-${item.id}`}
        onClick={() => toggle(kind, item.id, true)}
        aria-label={`${t("register.reactivate")} ${item.name}`}
      >
        {t("register.reactivate")}
      </Button>
    );
  const data = loaded.data;
  return (
    <Page
      title={t("register.title")}
      intro={t("register.intro")}
      extra={
        courts.length > 1 ? (
          <Select
            aria-label={t("register.title")}
            value={courtId}
            onChange={setPicked}
            options={courts.map((c) => ({ value: c.id, label: localName(c) }))}
          />
        ) : null
      }
    >
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <Card
        className="nc-block"
        style={{ marginBottom: 16 }}
        title={<h2 className="nc-card-title">{t("register.organisations")}</h2>}
        extra={<Button onClick={() => setDialog("organisation")}>{t("register.addOrganisation")}</Button>}
      >
        <List
          loading={loaded.isLoading}
          dataSource={data?.organisations ?? []}
          locale={{ emptyText: t("register.empty") }}
          renderItem={(o) => (
            <List.Item key={o.id} actions={[toggleButton("organisation", o)]}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    {orgName(o)}
                    <ActiveTag isActive={o.isActive} />
                  </Space>
                }
                description={
                  <>
                    {o.description ? <div>{o.description}</div> : null}
                    <Typography.Text type="secondary">
                      {o.caseTypes.length > 0 ? o.caseTypes.join(", ") : t("register.allTypes")}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card
        className="nc-block"
        title={<h2 className="nc-card-title">{t("register.mediators")}</h2>}
        extra={
          <Button type="primary" onClick={() => setDialog("mediator")}>
            {t("register.addMediator")}
          </Button>
        }
      >
        <List
          loading={loaded.isLoading}
          dataSource={data?.mediators ?? []}
          data-testid="register-mediators"
          locale={{ emptyText: t("register.empty") }}
          renderItem={(m) => (
            <List.Item key={m.id} actions={[toggleButton("mediator", m)]}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    {m.name}
                    <ActiveTag isActive={m.isActive} />
                  </Space>
                }
                description={
                  <>
                    {m.organisation ? <div>{orgName(m.organisation)}</div> : null}
                    {m.specialties ? <div>{m.specialties}</div> : null}
                    <Typography.Text type="secondary">
                      {m.caseTypes.length > 0 ? m.caseTypes.join(", ") : t("register.allTypes")}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {courtId ? (
        <>
          <OrganisationModal
            courtId={courtId}
            open={dialog === "organisation"}
            onClose={() => setDialog(null)}
            onDone={done}
          />
          <MediatorModal
            courtId={courtId}
            organisations={data?.organisations ?? []}
            open={dialog === "mediator"}
            onClose={() => setDialog(null)}
            onDone={done}
          />
        </>
      ) : null}
    </Page>
  );
}
