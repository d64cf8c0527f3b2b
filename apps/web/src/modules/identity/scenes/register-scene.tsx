import { App, Button, Card, Checkbox, Form, Input, Select, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { nextPath } from "../../../app/route-guard";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useSubmit } from "../../../platform/use-api";
import { identityApi, type Me, type RegisterOrganisationRequest } from "../identity.api";
import {
  creditCodeRule,
  emailRule,
  normalisePhone,
  passwordRule,
  phoneRule,
  requiredRule,
  residentIdRule,
  sameAsRule,
} from "../identity.validators";
import { useMe } from "../session-context";

interface AccountFields {
  phone: string;
  email?: string;
  password: string;
  confirmPassword: string;
  consent: boolean;
}

interface PersonForm extends AccountFields {
  name: string;
  idNumber: string;
}

interface OrganisationForm extends AccountFields {
  name: string;
  creditCode: string;
  organisationKind: RegisterOrganisationRequest["organisationKind"];
  legalRepresentative: string;
}

const compact = (value: string) => value.normalize("NFKC").replace(/\s+/g, "").toUpperCase();

/** Phone, e-mail, password and the consent to online litigation: the same on both tabs. */
function AccountFieldItems() {
  const { t } = useTranslation("identity");
  return (
    <>
      <Form.Item name="phone" label={t("fields.phone")} rules={[phoneRule]} required validateDebounce={300}>
        <Input autoComplete="tel" inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name="email" label={t("fields.emailOptional")} rules={[emailRule]} validateDebounce={300}>
        <Input autoComplete="email" inputMode="email" maxLength={254} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("fields.password")}
        extra={t("fields.passwordHelp")}
        rules={[passwordRule]}
        required
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t("fields.confirmPassword")}
        dependencies={["password"]}
        rules={[sameAsRule("password")]}
        required
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      {/* 人民法院在线诉讼规则第四条: online litigation needs the party's consent. */}
      <Form.Item
        name="consent"
        valuePropName="checked"
        rules={[
          {
            validator: async (_rule, value: boolean | undefined) => {
              if (!value) throw new Error(t("register.consentRequired"));
            },
          },
        ]}
      >
        <Checkbox>{t("register.consent")}</Checkbox>
      </Form.Item>
    </>
  );
}

function accountBody(values: AccountFields) {
  const email = values.email?.trim();
  return { phone: normalisePhone(values.phone), password: values.password, ...(email ? { email } : {}) };
}

/** Registration of a natural person or an organisation, with instant checks of ID numbers and credit codes. */
export function RegisterScene() {
  const { t } = useTranslation("identity");
  const [tab, setTab] = useState<"person" | "organisation">("person");
  const [personForm] = Form.useForm<PersonForm>();
  const [organisationForm] = Form.useForm<OrganisationForm>();
  const { setMe } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();

  const done = (user: Me) => {
    setMe(user);
    void message.success(t("register.done"));
    void navigate(nextPath(location.search), { replace: true });
  };

  const registerPerson = useSubmit(
    async (values: PersonForm) => {
      const { user } = await identityApi.register({
        kind: "person",
        name: values.name.trim(),
        idNumber: compact(values.idNumber),
        ...accountBody(values),
      });
      done(user);
    },
    personForm,
    "identity",
  );

  const registerOrganisation = useSubmit(
    async (values: OrganisationForm) => {
      const { user } = await identityApi.register({
        kind: "organisation",
        name: values.name.trim(),
        creditCode: compact(values.creditCode),
        organisationKind: values.organisationKind,
        legalRepresentative: values.legalRepresentative.trim(),
        ...accountBody(values),
      });
      done(user);
    },
    organisationForm,
    "identity",
  );

  const current = tab === "person" ? registerPerson : registerOrganisation;

  return (
    <Page title={t("register.title")} intro={t("register.intro")} width="narrow">
      <Card>
        <ErrorAlert error={current.error} details={current.otherDetails} hasFieldErrors />
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as typeof tab)}
          items={[
            {
              key: "person",
              label: t("kinds.person"),
              children: (
                <Form<PersonForm>
                  name="person"
                  form={personForm}
                  layout="vertical"
                  onFinish={(values) => void registerPerson.submit(values)}
                  requiredMark="optional"
                  scrollToFirstError={{ focus: true }}
                >
                  <Form.Item name="name" label={t("fields.name")} rules={[requiredRule(t("fields.name"))]}>
                    <Input autoComplete="name" maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name="idNumber"
                    label={t("fields.idNumber")}
                    extra={t("fields.idNumberHelp")}
                    rules={[residentIdRule]}
                    required
                    validateDebounce={300}
                  >
                    <Input autoComplete="off" spellCheck={false} maxLength={22} />
                  </Form.Item>
                  <AccountFieldItems />
                  <Button
                    type="primary"
                    htmlType="submit"
                    block
                    size="large"
                    loading={registerPerson.isSubmitting}
                  >
                    {t("register.submit")}
                  </Button>
                </Form>
              ),
            },
            {
              key: "organisation",
              label: t("kinds.organisation"),
              children: (
                <Form<OrganisationForm>
                  name="organisation"
                  form={organisationForm}
                  layout="vertical"
                  initialValues={{ organisationKind: "legal_person" }}
                  onFinish={(values) => void registerOrganisation.submit(values)}
                  requiredMark="optional"
                  scrollToFirstError={{ focus: true }}
                >
                  <Form.Item
                    name="name"
                    label={t("fields.organisationName")}
                    rules={[requiredRule(t("fields.organisationName"))]}
                  >
                    <Input autoComplete="organization" maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name="creditCode"
                    label={t("fields.creditCode")}
                    extra={t("fields.creditCodeHelp")}
                    rules={[creditCodeRule]}
                    required
                    validateDebounce={300}
                  >
                    <Input autoComplete="off" spellCheck={false} maxLength={22} />
                  </Form.Item>
                  <Form.Item name="organisationKind" label={t("fields.organisationKind")} required>
                    <Select
                      options={(["legal_person", "other_organisation"] as const).map((value) => ({
                        value,
                        label: t(`organisationKinds.${value}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name="legalRepresentative"
                    label={t("fields.legalRepresentative")}
                    rules={[requiredRule(t("fields.legalRepresentative"))]}
                  >
                    <Input autoComplete="name" maxLength={100} />
                  </Form.Item>
                  <AccountFieldItems />
                  <Button
                    type="primary"
                    htmlType="submit"
                    block
                    size="large"
                    loading={registerOrganisation.isSubmitting}
                  >
                    {t("register.submit")}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t("register.haveAccount")} <Link to={`/sign-in${location.search}`}>{t("register.signIn")}</Link>
        </Typography.Paragraph>
      </Card>
    </Page>
  );
}
