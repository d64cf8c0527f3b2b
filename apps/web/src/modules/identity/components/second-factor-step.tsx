import { Button, Form, Input, QRCode, Space, Spin, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useSubmit } from "../../../platform/use-api";
import { identityApi, type Me } from "../identity.api";

export interface SecondFactorStepProps {
  me: Me;
  /** Called with the account once the code was accepted. */
  onDone: (me: Me) => void;
  onCancel?: () => void;
  cancelLabel?: string;
}

/**
 * The TOTP step: an account without TOTP first links an authenticator by scanning a QR code of the
 * `otpauth://` URL; then the 6-digit code is checked by the server.
 */
export function SecondFactorStep({ me, onDone, onCancel, cancelLabel }: SecondFactorStepProps) {
  const { t } = useTranslation("identity");
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const hasAskedForSetup = useRef(false);
  const needsSetup = !me.totpEnabled;

  const loadSetup = useCallback(() => {
    setSetupError(null);
    identityApi.setUpTotp().then(setSetup, setSetupError);
  }, []);

  useEffect(() => {
    // One secret per visit: asking twice would replace the secret the user is scanning.
    if (!needsSetup || hasAskedForSetup.current) return;
    hasAskedForSetup.current = true;
    loadSetup();
  }, [needsSetup, loadSetup]);

  const verify = useSubmit(async ({ code }: { code: string }) => {
    const { user } = await identityApi.verifyTotp(code.trim());
    onDone(user);
  }, form);

  return (
    <div>
      <Typography.Paragraph>
        {needsSetup ? t("secondFactor.setupIntro") : t("secondFactor.intro")}
      </Typography.Paragraph>
      {needsSetup ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={setupError} onRetry={loadSetup} />
          {setup ? (
            <Space orientation="vertical" align="start">
              <QRCode value={setup.otpauthUrl} size={192} aria-label={t("secondFactor.qrLabel")} role="img" />
              <Typography.Text type="secondary">{t("secondFactor.secret")}</Typography.Text>
              <Typography.Text copyable className="nc-otp-secret" data-testid="totp-secret">
                {setup.secret}
              </Typography.Text>
            </Space>
          ) : setupError ? null : (
            <Spin />
          )}
        </div>
      ) : null}
      <ErrorAlert error={verify.error} details={verify.otherDetails} hasFieldErrors />
      <Form form={form} layout="vertical" onFinish={(values) => void verify.submit(values)}>
        <Form.Item
          name="code"
          label={t("secondFactor.code")}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("checks.totpCode") }]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            style={{ maxWidth: 200, letterSpacing: "0.3em" }}
            autoFocus
          />
        </Form.Item>
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={verify.isSubmitting}
            disabled={needsSetup && !setup}
          >
            {t("secondFactor.submit")}
          </Button>
          {onCancel ? (
            <Button onClick={onCancel}>{cancelLabel ?? t("secondFactor.useOtherAccount")}</Button>
          ) : null}
        </Space>
      </Form>
    </div>
  );
}
