import { Alert, App, Button, Card, Descriptions, Divider, Result, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { formatDateTime as formatCourtDateTime } from "@netcourt/shared/format";
import { currentLocale } from "../../../platform/i18n";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { IdImageUpload, type UploadedImage } from "../components/id-image-upload";
import { identityApi, type Verification } from "../identity.api";
import { useMe } from "../session-context";

/** A timestamp in the court's time zone, in the screen's language. */
export function formatDateTime(iso: string | null): string {
  return formatCourtDateTime(currentLocale(), iso);
}

function LatestVerification({ verification }: { verification: Verification }) {
  const { t } = useTranslation("identity");
  const type =
    verification.status === "approved" ? "success" : verification.status === "rejected" ? "error" : "info";
  return (
    <Alert
      type={type}
      showIcon
      title={t(`verification.status.${verification.status}`)}
      description={
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("review.columns.method")}>
            {t(`verification.method.${verification.method}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t("verification.submittedAt")}>
            {formatDateTime(verification.createdAt)}
          </Descriptions.Item>
          {verification.decidedAt ? (
            <Descriptions.Item label={t("verification.decidedAt")}>
              {formatDateTime(verification.decidedAt)}
            </Descriptions.Item>
          ) : null}
          {verification.reason ? (
            <Descriptions.Item label={t("verification.reason")}>{verification.reason}</Descriptions.Item>
          ) : null}
        </Descriptions>
      }
    />
  );
}

/** Real-name verification (人民法院在线诉讼规则第七条): upload document photos for a clerk, or verify online. */
export function VerificationScene() {
  const { t } = useTranslation("identity");
  const { me, refresh } = useMe();
  const { message } = App.useApp();
  const latest = useApiQuery((signal) => identityApi.myVerification(signal), []);
  const [front, setFront] = useState<UploadedImage | null>(null);
  const [back, setBack] = useState<UploadedImage | null>(null);
  const isPerson = me?.kind === "person";

  const afterSubmit = async () => {
    void message.success(t("verification.submitted"));
    latest.reload();
    await refresh();
  };

  const submitReview = useSubmit(async (frontSha256: string, backSha256: string | undefined) => {
    await identityApi.requestVerification({
      method: "clerk_review",
      frontSha256,
      ...(backSha256 ? { backSha256 } : {}),
    });
    await afterSubmit();
  });

  const submitExternal = useSubmit(async () => {
    await identityApi.requestVerification({ method: "external" });
    await afterSubmit();
  });

  if (!me) return null;
  const verification = latest.data ?? null;
  const isVerified = me.verificationStatus === "verified" || verification?.status === "approved";
  const isPending = verification?.status === "pending";
  const canSubmit = !isVerified && !isPending;
  const submitError = submitReview.error ?? submitExternal.error;

  return (
    <Page title={t("verification.title")} intro={t("verification.intro")}>
      <ErrorAlert error={latest.error} onRetry={latest.reload} />
      {latest.data === undefined ? (
        latest.error ? null : (
          <Skeleton active />
        )
      ) : (
        <>
          {isVerified ? (
            <Result status="success" title={t("verification.status.approved")} />
          ) : verification ? (
            <LatestVerification verification={verification} />
          ) : (
            <Alert type="warning" showIcon title={t("verification.status.none")} />
          )}

          {canSubmit ? (
            <Card style={{ marginTop: 16 }}>
              <IdImageUpload
                side="front"
                label={isPerson ? t("verification.front") : t("verification.licence")}
                onUploaded={setFront}
              />
              {isPerson ? (
                <IdImageUpload side="back" label={t("verification.back")} onUploaded={setBack} />
              ) : null}
              <ErrorAlert error={submitError} />
              <Space wrap>
                <Button
                  type="primary"
                  onClick={() => {
                    if (front) void submitReview.submit(front.sha256, back?.sha256);
                  }}
                  loading={submitReview.isSubmitting}
                  disabled={!front || (isPerson && !back)}
                >
                  {verification?.status === "rejected"
                    ? t("verification.resubmit")
                    : t("verification.submit")}
                </Button>
              </Space>
              <Divider />
              <Typography.Paragraph type="secondary">{t("verification.externalIntro")}</Typography.Paragraph>
              <Button onClick={() => void submitExternal.submit()} loading={submitExternal.isSubmitting}>
                {t("verification.external")}
              </Button>
            </Card>
          ) : null}
        </>
      )}
    </Page>
  );
}
