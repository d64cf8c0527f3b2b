import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { i18next } from "../../../platform/i18n";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { formatDateTime } from "../../cases/cases.format";
import { deliveryApi, type ServiceAddressView } from "../delivery.api";
import "../delivery.css";

interface AddressForm {
  phone: string;
  email: string;
  agree: boolean;
}

const PHONE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The 送达地址确认书 (互联网法院规定第十六条; 在线诉讼规则第二十九条、第三十条): the text (scope, effect, how to
 * change) in the reader's language with the Chinese original, the phone and e-mail, the consent, and
 * the withdrawal.
 */
export function ServiceAddressScene() {
  const { t, i18n } = useTranslation(["delivery", "common"]);
  const { message } = App.useApp();
  const [form] = Form.useForm<AddressForm>();
  const loaded = useApiQuery((signal) => deliveryApi.serviceAddress(signal), []);
  const save = useSubmit(
    async (values: AddressForm, view: ServiceAddressView) => {
      const phone = values.phone.trim();
      const email = values.email.trim();
      await deliveryApi.confirmServiceAddress({
        phone: phone === "" ? null : phone,
        email: email === "" ? null : email,
        consentVersion: view.confirmation.version,
        agree: true,
      });
      form.setFieldValue("agree", false);
      void message.success(t("address.confirmed"));
      loaded.reload();
    },
    form,
    "delivery",
  );
  const withdraw = useSubmit(async () => {
    await deliveryApi.withdrawServiceAddress();
    void message.success(t("address.withdrawn"));
    loaded.reload();
  });

  if (loaded.error && !loaded.data) {
    return (
      <Page title={t("address.title")}>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <div className="nc-center" aria-busy="true">
        <Spin description={i18next.t("common:a11y.loading")} />
      </div>
    );
  }
  const view = loaded.data;
  const { address, confirmation } = view;
  const isOutdated = address !== null && address.consentVersion !== confirmation.version;
  const isEnglish = i18n.language === "en";

  return (
    <Page title={t("address.title")} intro={t("address.intro")} width="narrow">
      <Card className="nc-service-block" title={<h2 className="nc-card-title">{t("address.current")}</h2>}>
        {address ? (
          <>
            <Descriptions
              size="small"
              column={1}
              data-testid="service-address-current"
              items={[
                { key: "phone", label: t("address.phone"), children: address.phone ?? "—" },
                { key: "email", label: t("address.email"), children: address.email ?? "—" },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              <Tag color={isOutdated ? "warning" : "success"}>
                {isOutdated ? t("address.outdated") : t("address.confirmed")}
              </Tag>{" "}
              {t("address.confirmedAt", {
                date: formatDateTime(address.consentedAt),
                version: address.consentVersion,
              })}
            </Typography.Paragraph>
            <ErrorAlert error={withdraw.error} />
            <Popconfirm
              title={t("address.withdrawConfirm")}
              okText={t("address.withdraw")}
              cancelText={t("common:actions.cancel")}
              onConfirm={() => void withdraw.submit()}
            >
              <Button danger loading={withdraw.isSubmitting}>
                {t("address.withdraw")}
              </Button>
            </Popconfirm>
          </>
        ) : (
          <Typography.Paragraph data-testid="service-address-none">{t("address.none")}</Typography.Paragraph>
        )}
      </Card>

      <Card className="nc-service-block" title={<h2 className="nc-card-title">{t("address.text")}</h2>}>
        {isEnglish ? (
          <div lang="en" className="nc-confirmation-text" data-testid="confirmation-en">
            <Typography.Paragraph type="secondary">{t("address.englishNote")}</Typography.Paragraph>
            {confirmation.en.map((paragraph) => (
              <Typography.Paragraph key={paragraph}>{paragraph}</Typography.Paragraph>
            ))}
          </div>
        ) : null}
        {/* The Chinese text is the one agreed to: always there, folded under the translation for English readers. */}
        <details open={!isEnglish} className="nc-confirmation-original">
          <summary>{t("address.chineseOriginal")}</summary>
          <div lang="zh-CN" className="nc-confirmation-text" data-testid="confirmation-zh">
            {confirmation.zh.map((paragraph) => (
              <Typography.Paragraph key={paragraph}>{paragraph}</Typography.Paragraph>
            ))}
          </div>
        </details>
        <ErrorAlert error={save.error} details={save.otherDetails} hasFieldErrors />
        <Form<AddressForm>
          form={form}
          name="service-address"
          layout="vertical"
          initialValues={{ phone: address?.phone ?? "", email: address?.email ?? "", agree: false }}
          onFinish={(values) => void save.submit(values, view)}
        >
          <Form.Item
            name="phone"
            label={t("address.phone")}
            rules={[
              { pattern: PHONE, message: t("address.checks.phone"), transform: (v: string) => v.trim() },
              ({ getFieldValue }) => ({
                validator: () =>
                  String(getFieldValue("phone") ?? "").trim() === "" &&
                  String(getFieldValue("email") ?? "").trim() === ""
                    ? Promise.reject(new Error(t("address.checks.oneOf")))
                    : Promise.resolve(),
              }),
            ]}
            dependencies={["email"]}
          >
            <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={11} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t("address.email")}
            rules={[
              { pattern: EMAIL, message: t("address.checks.email"), transform: (v: string) => v.trim() },
            ]}
          >
            <Input type="email" inputMode="email" autoComplete="email" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="agree"
            valuePropName="checked"
            rules={[
              {
                validator: (_rule, value: boolean) =>
                  value ? Promise.resolve() : Promise.reject(new Error(t("address.checks.agree"))),
              },
            ]}
          >
            <Checkbox>{t("address.agree")}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isSubmitting}>
            {address && !isOutdated ? t("address.change") : t("address.confirm")}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
