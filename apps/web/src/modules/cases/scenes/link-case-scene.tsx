import { Alert, Button, Card, Form, Input, Space, Steps } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { isApiError } from "../../../platform/api-client";
import { useSubmit } from "../../../platform/use-api";
import { useMe } from "../../identity/session-context";
import { defendantApi } from "../defendant.api";
import "../../filing/filing.css";

/** Refusals of `POST /api/cases/link` that get a page-specific explanation instead of the generic message. */
const explainedRefusals = [
  "party_identity_mismatch",
  "party_identity_not_on_file",
  "case_code_used",
  "case_code_invalid",
  "rate_limited",
] as const;

/**
 * `/cases/link`: a defendant served with a case code joins the case. The code names a party; the account's
 * verified ID number (or credit code) must be the one the plaintiff gave for that party, so an
 * unverified account is sent to real-name verification first.
 */
export function LinkCaseScene() {
  const { t } = useTranslation("cases");
  const { me } = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<{ caseCode: string }>();
  const link = useSubmit(async (values: { caseCode: string }) => {
    const linked = await defendantApi.link(values.caseCode);
    void navigate(`/cases/${linked.caseId}?linked=1`);
    return linked;
  }, form);

  if (!me) return null;
  const isVerified = me.verificationStatus === "verified";
  const refusal = explainedRefusals.find((code) => isApiError(link.error, code));

  return (
    <Page title={t("defence.link.title")} intro={t("defence.link.intro")} width="narrow">
      <Card className="nc-block">
        <Steps
          orientation="vertical"
          size="small"
          current={isVerified ? 1 : 0}
          items={[
            { title: t("defence.link.stepVerify"), content: t("defence.link.stepVerifyHelp") },
            { title: t("defence.link.stepCode"), content: t("defence.link.stepCodeHelp") },
            { title: t("defence.link.stepAnswer"), content: t("defence.link.stepAnswerHelp") },
          ]}
        />
      </Card>
      {!isVerified ? (
        <Alert
          className="nc-block"
          type="warning"
          showIcon
          data-testid="link-verify-first"
          title={t("defence.link.verifyFirst")}
          description={
            <Space orientation="vertical">
              <span>{t("defence.link.verifyFirstHelp")}</span>
              <LinkButton type="primary" to="/account/verification">
                {t("defence.link.verifyNow")}
              </LinkButton>
            </Space>
          }
        />
      ) : null}
      <Card className="nc-block">
        {refusal ? (
          <Alert
            className="nc-block"
            type="error"
            showIcon
            role="alert"
            data-testid="link-refusal"
            title={t(`defence.link.refusals.${refusal}`)}
          />
        ) : (
          <ErrorAlert error={link.error} details={link.otherDetails} hasFieldErrors />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ caseCode: search.get("code") ?? "" }}
          onFinish={(values) => void link.submit(values)}
          disabled={!isVerified}
        >
          <Form.Item
            name="caseCode"
            label={t("defence.link.caseCode")}
            extra={t("defence.link.caseCodeHelp")}
            rules={[{ required: true, min: 8, max: 40, message: t("defence.link.caseCodeRequired") }]}
          >
            <Input className="nc-code" autoComplete="off" spellCheck={false} maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={link.isSubmitting}>
            {t("defence.link.submit")}
          </Button>
        </Form>
      </Card>
      <LinkButton to="/cases">{t("detail.back")}</LinkButton>
    </Page>
  );
}
