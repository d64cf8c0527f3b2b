import { locales, type Locale } from "@netcourt/shared";
import { App, Button, Card, Descriptions, Form, Input, Radio, Space, Table, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { changeLocale } from "../../../platform/i18n";
import { useSubmit } from "../../../platform/use-api";
import { SecondFactorStep } from "../components/second-factor-step";
import { VerificationStatusTag } from "../components/verification-status-tag";
import { identityApi, type Me, type Membership } from "../identity.api";
import { passwordRule, requiredRule, sameAsRule, emailRule } from "../identity.validators";
import { useMe } from "../session-context";

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Card
      title={<h2 className="nc-card-title">{title}</h2>}
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingTop: intro ? 12 : undefined } }}
    >
      {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
      {children}
    </Card>
  );
}

function ProfileSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation("identity");
  const isEnglish = i18n.language === "en";
  return (
    <Section title={t("account.profile")}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={me.kind === "person" ? t("fields.name") : t("fields.organisationName")}>
          {me.name}
        </Descriptions.Item>
        <Descriptions.Item label={t("account.kind")}>{t(`kinds.${me.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t("fields.phone")}>{me.phone}</Descriptions.Item>
        {me.idNumberMasked ? (
          <Descriptions.Item label={t("fields.idNumber")}>{me.idNumberMasked}</Descriptions.Item>
        ) : null}
        {me.creditCode ? (
          <Descriptions.Item label={t("fields.creditCode")}>{me.creditCode}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t("account.verification")}>
          <Space wrap>
            <VerificationStatusTag status={me.verificationStatus} />
            {me.verificationStatus === "verified" || me.verificationStatus === "pending" ? null : (
              <LinkButton size="small" to="/account/verification">
                {t("account.goVerify")}
              </LinkButton>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {me.memberships.length > 0 ? (
        <>
          <h3 className="nc-section-title">{t("account.memberships")}</h3>
          <Table<Membership>
            size="small"
            pagination={false}
            rowKey={(m) => `${m.courtId}-${m.role}`}
            dataSource={me.memberships}
            columns={[
              { title: t("account.court"), render: (_v, m) => (isEnglish ? m.courtNameEn : m.courtNameZh) },
              { title: t("account.role"), render: (_v, m) => t(`roles.${m.role}`) },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}

function ContactSection({ me }: { me: Me }) {
  const { t } = useTranslation(["identity", "common"]);
  const { setMe } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ email: string }>();
  const save = useSubmit(async ({ email }: { email: string }) => {
    setMe(await identityApi.updateMe({ email: email.trim() === "" ? null : email.trim() }));
    void message.success(t("common:feedback.saved"));
  }, form);
  return (
    <Section title={t("account.contact.title")} intro={t("account.contact.intro")}>
      <ErrorAlert error={save.error} details={save.otherDetails} hasFieldErrors />
      <Form
        name="contact"
        form={form}
        layout="vertical"
        initialValues={{ email: me.email ?? "" }}
        onFinish={(values) => void save.submit(values)}
      >
        <Form.Item name="email" label={t("fields.email")} rules={[emailRule]}>
          <Input autoComplete="email" inputMode="email" maxLength={254} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isSubmitting}>
          {t("common:actions.save")}
        </Button>
      </Form>
    </Section>
  );
}

interface LawyerForm {
  lawyerLicenceNumber: string;
  lawFirm: string;
}

function LawyerSection({ me }: { me: Me }) {
  const { t } = useTranslation(["identity", "common"]);
  const { setMe } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<LawyerForm>();
  const save = useSubmit(async (values: LawyerForm) => {
    const licence = values.lawyerLicenceNumber.trim();
    const firm = values.lawFirm.trim();
    setMe(
      await identityApi.updateMe({
        lawyerLicenceNumber: licence === "" ? null : licence,
        lawFirm: firm === "" ? null : firm,
      }),
    );
    void message.success(t("common:feedback.saved"));
  }, form);
  return (
    <Section title={t("account.lawyer.title")} intro={t("account.lawyer.intro")}>
      {me.isLawyer ? (
        <Tag color="gold" style={{ marginBottom: 12 }}>
          {t("account.lawyer.isLawyer")}
        </Tag>
      ) : null}
      <ErrorAlert error={save.error} details={save.otherDetails} hasFieldErrors />
      <Form<LawyerForm>
        name="lawyer"
        form={form}
        layout="vertical"
        initialValues={{ lawyerLicenceNumber: me.lawyerLicenceNumber ?? "", lawFirm: me.lawFirm ?? "" }}
        onFinish={(values) => void save.submit(values)}
      >
        <Form.Item
          name="lawyerLicenceNumber"
          label={t("account.lawyer.licenceNumber")}
          rules={[{ pattern: /^\s*\d{17}\s*$/, message: t("checks.licenceNumber") }]}
        >
          <Input inputMode="numeric" maxLength={17} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="lawFirm"
          label={t("account.lawyer.lawFirm")}
          dependencies={["lawyerLicenceNumber"]}
          rules={[
            ({ getFieldValue }) => ({
              required: String(getFieldValue("lawyerLicenceNumber") ?? "").trim() !== "",
              whitespace: true,
              message: t("checks.required", { field: t("account.lawyer.lawFirm") }),
            }),
          ]}
        >
          <Input autoComplete="organization" maxLength={200} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isSubmitting}>
          {t("common:actions.save")}
        </Button>
      </Form>
    </Section>
  );
}

function LanguageSection() {
  const { t, i18n } = useTranslation(["identity", "common"]);
  const { setMe } = useMe();
  const { message } = App.useApp();
  const save = useSubmit(async (locale: Locale) => {
    await changeLocale(locale);
    setMe(await identityApi.updateMe({ locale }));
    void message.success(t("common:feedback.saved"));
  });
  return (
    <Section title={t("account.language.title")} intro={t("account.language.intro")}>
      <ErrorAlert error={save.error} />
      <Radio.Group
        aria-label={t("common:language.label")}
        value={i18n.language}
        disabled={save.isSubmitting}
        onChange={(event) => void save.submit(event.target.value as Locale)}
        options={locales.map((locale) => ({
          value: locale,
          label: <span lang={locale}>{t(`common:language.names.${locale}`)}</span>,
        }))}
      />
    </Section>
  );
}

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function PasswordSection() {
  const { t } = useTranslation("identity");
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useSubmit(async (values: PasswordForm) => {
    await identityApi.changePassword(values.currentPassword, values.newPassword);
    form.resetFields();
    void message.success(t("account.password.done"));
  }, form);
  return (
    <Section title={t("account.password.title")}>
      <ErrorAlert error={change.error} details={change.otherDetails} hasFieldErrors />
      <Form<PasswordForm>
        name="password"
        form={form}
        layout="vertical"
        onFinish={(values) => void change.submit(values)}
      >
        <Form.Item
          name="currentPassword"
          label={t("account.password.current")}
          rules={[requiredRule(t("account.password.current"))]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("account.password.new")}
          extra={t("fields.passwordHelp")}
          rules={[passwordRule]}
          required
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t("account.password.confirm")}
          dependencies={["newPassword"]}
          rules={[sameAsRule("newPassword")]}
          required
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button htmlType="submit" loading={change.isSubmitting}>
          {t("account.password.submit")}
        </Button>
      </Form>
    </Section>
  );
}

function TotpSection({ me }: { me: Me }) {
  const { t } = useTranslation(["identity", "common"]);
  const { setMe } = useMe();
  const { message } = App.useApp();
  const [isSettingUp, setSettingUp] = useState(false);
  return (
    <Section title={t("account.totp.title")} intro={t("account.totp.intro")}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <div>
          {me.totpEnabled ? (
            <Tag color="green">{t("account.totp.enabled")}</Tag>
          ) : (
            <Tag>{t("account.totp.disabled")}</Tag>
          )}
        </div>
        {me.totpEnabled ? null : isSettingUp ? (
          <SecondFactorStep
            me={me}
            onDone={(user) => {
              setMe(user);
              setSettingUp(false);
              void message.success(t("secondFactor.enabled"));
            }}
            onCancel={() => setSettingUp(false)}
            cancelLabel={t("common:actions.cancel")}
          />
        ) : (
          <Button onClick={() => setSettingUp(true)}>{t("account.totp.setUp")}</Button>
        )}
      </Space>
    </Section>
  );
}

/** The account page: profile, contact, lawyer's licence, language, password and two-step verification. */
export function AccountScene() {
  const { t } = useTranslation(["identity", "delivery"]);
  const { me } = useMe();
  if (!me) return null; // the route guard only renders this page for a signed-in account
  return (
    <Page title={t("account.title")}>
      <ProfileSection me={me} />
      <ContactSection me={me} />
      <Section title={t("delivery:address.title")} intro={t("delivery:address.intro")}>
        <LinkButton to="/account/service-address">{t("delivery:address.nav")}</LinkButton>
      </Section>
      {me.kind === "person" ? <LawyerSection me={me} /> : null}
      <LanguageSection />
      <PasswordSection />
      <TotpSection me={me} />
    </Page>
  );
}
