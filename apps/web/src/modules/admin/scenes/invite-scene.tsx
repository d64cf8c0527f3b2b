import { Alert, Button, Card, Form, Input, QRCode, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { isApiError } from "../../../platform/api-client";
import { errorMessage } from "../../../platform/error-messages";
import { currentLocale } from "../../../platform/i18n";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { formatDateTime } from "../../identity/scenes/verification-scene";
import type { StaffRole } from "../../identity/identity.api";
import { useMe } from "../../identity/session-context";
import { adminApi } from "../admin.api";

interface AcceptForm {
  password: string;
  confirmPassword: string;
  code: string;
}

/** Where each role starts its work; roles without a court screen start on their account page. */
const workbenchOf: Record<StaffRole, string> = {
  clerk: "/court/filings",
  court_admin: "/court/admin",
  judge: "/court/my-cases",
  mediator: "/account",
  enforcement_officer: "/account",
};

/** A link that cannot be used: what happened and where to go from here, instead of a bare error. */
function UnusableInvitation({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation("admin");
  if (isApiError(error, "invitation_used")) {
    return (
      <Result
        status="info"
        title={errorMessage(error)}
        subTitle={t("invite.usedHint")}
        extra={
          <LinkButton type="primary" to="/sign-in">
            {t("invite.signIn")}
          </LinkButton>
        }
      />
    );
  }
  // A link cut short or mistyped fails the token's format check: to its holder it is just not valid.
  if (isApiError(error, "invitation_expired", "invitation_not_found", "validation_failed")) {
    return (
      <Result
        status="warning"
        title={isApiError(error, "validation_failed") ? t("invite.invalid") : errorMessage(error)}
        subTitle={t("invite.askAdmin")}
        extra={[
          <LinkButton key="sign-in" type="primary" to="/sign-in">
            {t("invite.signIn")}
          </LinkButton>,
          <LinkButton key="home" to="/">
            {t("invite.home")}
          </LinkButton>,
        ]}
      />
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}

/**
 * The page an invitation link opens: the invitee sets a password and adds the TOTP secret to an
 * authenticator app, then confirms a code; both take effect together and the invitee is signed in.
 */
export function InviteScene() {
  const { t } = useTranslation("admin");
  const { t: tStaff } = useTranslation("admin", { keyPrefix: "staff.roles" });
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const { refresh } = useMe();
  const [form] = Form.useForm<AcceptForm>();
  const invitation = useApiQuery((signal) => adminApi.invitation(token, signal), [token]);
  const accept = useSubmit(async (values: AcceptForm) => {
    await adminApi.accept(token, { password: values.password, code: values.code.replace(/\s/g, "") });
    await refresh();
    void navigate(workbenchOf[invitation.data?.roles[0] ?? "mediator"], { replace: true });
  }, form);
  const view = invitation.data;
  const isEnglish = currentLocale() === "en";
  const court = view ? (isEnglish ? view.courtNameEn : view.courtNameZh) : "";

  return (
    <Page title={t("invite.title")}>
      {invitation.error ? <UnusableInvitation error={invitation.error} onRetry={invitation.reload} /> : null}
      {view && (
        <Space direction="vertical" size="middle" style={{ width: "100%", maxWidth: 560 }}>
          <Alert
            type="info"
            showIcon
            message={
              view.purpose === "second_factor_reset"
                ? t("invite.resetIntro")
                : t("invite.intro", {
                    court,
                    roles: view.roles.map((role) => tStaff(role)).join(isEnglish ? ", " : "、"),
                  })
            }
            description={
              <>
                <div>{t("invite.account", { name: view.nameMasked, phone: view.phoneMasked })}</div>
                <div>{t("invite.expires", { expiresAt: formatDateTime(view.expiresAt) })}</div>
              </>
            }
          />
          <ErrorAlert error={accept.error} details={accept.otherDetails} hasFieldErrors={false} />
          <Form form={form} layout="vertical" onFinish={(values) => void accept.submit(values)}>
            <Card title={t("invite.passwordStep")} size="small" style={{ marginBottom: 16 }}>
              <Form.Item
                name="password"
                label={t("invite.password")}
                extra={t("invite.passwordHelp")}
                rules={[{ required: true, min: 8, max: 128 }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label={t("invite.confirmPassword")}
                dependencies={["password"]}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value) =>
                      !value || getFieldValue("password") === value
                        ? Promise.resolve()
                        : Promise.reject(new Error(t("invite.passwordMismatch"))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Card>
            <Card title={t("invite.totpStep")} size="small" style={{ marginBottom: 16 }}>
              <Typography.Paragraph>{t("invite.scan")}</Typography.Paragraph>
              <div role="img" aria-label={t("invite.qrLabel")} style={{ marginBottom: 12 }}>
                <QRCode value={view.totp.otpauthUrl} size={192} errorLevel="M" />
              </div>
              <Typography.Paragraph>
                {t("invite.secret")}
                <Typography.Text code copyable style={{ wordBreak: "break-all" }} data-testid="totp-secret">
                  {view.totp.secret}
                </Typography.Text>
              </Typography.Paragraph>
              <Form.Item
                name="code"
                label={t("invite.code")}
                rules={[{ required: true, pattern: /^\s*\d{3}\s?\d{3}\s*$/ }]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  style={{ maxWidth: 160 }}
                />
              </Form.Item>
            </Card>
            <Button type="primary" htmlType="submit" loading={accept.isSubmitting} block>
              {t("invite.submit")}
            </Button>
          </Form>
        </Space>
      )}
    </Page>
  );
}
