import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { landingPath } from "../../../app/landing";
import { nextPath } from "../../../app/route-guard";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useSubmit } from "../../../platform/use-api";
import { SecondFactorStep } from "../components/second-factor-step";
import { identityApi, type Me } from "../identity.api";
import { challengeOf, solveInBrowser } from "../proof-of-work";
import { requiredRule } from "../identity.validators";
import { useMe } from "../session-context";

interface SignInForm {
  login: string;
  password: string;
}

/** Sign-in with phone or e-mail and password; staff continue with the TOTP step. */
export function SignInScene() {
  const { t } = useTranslation(["identity", "common"]);
  const [form] = Form.useForm<SignInForm>();
  const { me, setMe, signOut } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();

  const finish = (user: Me) => {
    setMe(user);
    void message.success(t("signIn.done"));
    // Staff land at their workbench unless a page sent them here.
    void navigate(nextPath(location.search, landingPath(user)), { replace: true });
  };

  const [isVerifying, setVerifying] = useState(false);

  const signIn = useSubmit(async (values: SignInForm) => {
    const login = values.login.trim();
    let user: Me;
    try {
      ({ user } = await identityApi.login(login, values.password));
    } catch (error) {
      // Many failed attempts from this network: the browser does a moment's work and tries once more.
      const challenge = challengeOf(error);
      if (!challenge) throw error;
      setVerifying(true);
      try {
        ({ user } = await identityApi.login(login, values.password, await solveInBrowser(challenge)));
      } finally {
        setVerifying(false);
      }
    }
    if (user.needsSecondFactor) setMe(user);
    else finish(user);
  }, form);

  if (me?.needsSecondFactor) {
    return (
      <Page title={t("secondFactor.title")} width="narrow">
        <Card>
          <SecondFactorStep
            me={me}
            onDone={finish}
            onCancel={() => {
              void signOut();
            }}
          />
        </Card>
      </Page>
    );
  }

  return (
    <Page title={t("signIn.title")} width="narrow">
      <Card>
        {isVerifying ? (
          <Alert type="info" showIcon message={t("signIn.verifying")} style={{ marginBottom: 16 }} />
        ) : (
          <ErrorAlert error={signIn.error} details={signIn.otherDetails} hasFieldErrors />
        )}
        <Form<SignInForm>
          form={form}
          layout="vertical"
          onFinish={(values) => void signIn.submit(values)}
          requiredMark={false}
        >
          <Form.Item name="login" label={t("fields.login")} rules={[requiredRule(t("fields.login"))]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("fields.password")}
            rules={[requiredRule(t("fields.password"))]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isSubmitting}>
            {t("signIn.submit")}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          {t("signIn.noAccount")} <Link to={`/register${location.search}`}>{t("signIn.register")}</Link>
        </Typography.Paragraph>
      </Card>
    </Page>
  );
}
