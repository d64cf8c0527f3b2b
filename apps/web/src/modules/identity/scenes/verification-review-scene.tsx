import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Image,
  Input,
  Modal,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { identityApi, type DocumentSide, type VerificationDetail } from "../identity.api";
import { verificationStatusColors } from "./verification-queue-scene";
import { formatDateTime } from "./verification-scene";

function DocumentImage({ id, side, label }: { id: string; side: DocumentSide; label: string }) {
  const { t } = useTranslation("identity");
  const [isMissing, setMissing] = useState(false);
  return (
    <Card size="small" title={label}>
      {isMissing ? (
        <span className="nc-muted">{t("review.detail.noImage")}</span>
      ) : (
        <Image
          src={identityApi.verificationFileUrl(id, side)}
          alt={label}
          className="nc-id-image"
          onError={() => setMissing(true)}
        />
      )}
    </Card>
  );
}

/** One verification request: the applicant's details and photos, and the clerk's decision. */
export function VerificationReviewScene() {
  const { t } = useTranslation(["identity", "common"]);
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const detail = useApiQuery((signal) => identityApi.verification(id, signal), [id]);
  const [current, setCurrent] = useState<VerificationDetail | null>(null);
  const [isRejecting, setRejecting] = useState(false);
  const [rejectForm] = Form.useForm<{ reason: string }>();

  const approve = useSubmit(async () => {
    setCurrent(await identityApi.approveVerification(id));
    void message.success(t("review.detail.approved"));
  });
  const reject = useSubmit(async ({ reason }: { reason: string }) => {
    setCurrent(await identityApi.rejectVerification(id, reason.trim()));
    setRejecting(false);
    rejectForm.resetFields();
    void message.success(t("review.detail.rejected"));
  }, rejectForm);

  const verification = current ?? detail.data;
  const isPerson = verification?.userKind === "person";

  return (
    <Page
      title={t("review.detail.title")}
      extra={<LinkButton to="/staff/verifications">{t("common:actions.back")}</LinkButton>}
      width="wide"
    >
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
      {!verification ? (
        detail.error ? null : (
          <Skeleton active />
        )
      ) : (
        <>
          <Card
            title={<h2 className="nc-card-title">{t("review.detail.applicant")}</h2>}
            style={{ marginBottom: 16 }}
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t("review.columns.userName")}>
                {verification.userName}
              </Descriptions.Item>
              <Descriptions.Item label={t("review.columns.userKind")}>
                {t(`kinds.${verification.userKind}`)}
                {verification.organisationKind
                  ? ` · ${t(`organisationKinds.${verification.organisationKind}`)}`
                  : ""}
              </Descriptions.Item>
              {verification.idNumber ? (
                <Descriptions.Item label={t("fields.idNumber")}>
                  <span className="nc-otp-secret">{verification.idNumber}</span>
                </Descriptions.Item>
              ) : null}
              {verification.creditCode ? (
                <Descriptions.Item label={t("fields.creditCode")}>
                  <span className="nc-otp-secret">{verification.creditCode}</span>
                </Descriptions.Item>
              ) : null}
              {verification.legalRepresentative ? (
                <Descriptions.Item label={t("fields.legalRepresentative")}>
                  {verification.legalRepresentative}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t("fields.phone")}>{verification.phone}</Descriptions.Item>
              <Descriptions.Item label={t("review.columns.method")}>
                {t(`verification.method.${verification.method}`)}
                {verification.provider ? ` · ${verification.provider}` : ""}
              </Descriptions.Item>
              <Descriptions.Item label={t("review.columns.status")}>
                <Tag color={verificationStatusColors[verification.status]}>
                  {t(`review.status.${verification.status}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("verification.submittedAt")}>
                {formatDateTime(verification.createdAt)}
              </Descriptions.Item>
              {verification.decidedAt ? (
                <Descriptions.Item label={t("verification.decidedAt")}>
                  {formatDateTime(verification.decidedAt)}
                  {verification.reviewerName ? ` · ${verification.reviewerName}` : ""}
                </Descriptions.Item>
              ) : null}
              {verification.reason ? (
                <Descriptions.Item label={t("verification.reason")}>{verification.reason}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>

          {verification.hasFront || verification.hasBack ? (
            <Card
              title={<h2 className="nc-card-title">{t("review.detail.images")}</h2>}
              style={{ marginBottom: 16 }}
            >
              <Image.PreviewGroup>
                <Row gutter={[16, 16]}>
                  <Col xs={24} md={12}>
                    {verification.hasFront ? (
                      <DocumentImage
                        id={id}
                        side="front"
                        label={isPerson ? t("verification.front") : t("verification.licence")}
                      />
                    ) : null}
                  </Col>
                  {verification.hasBack ? (
                    <Col xs={24} md={12}>
                      <DocumentImage id={id} side="back" label={t("verification.back")} />
                    </Col>
                  ) : null}
                </Row>
              </Image.PreviewGroup>
            </Card>
          ) : null}

          <ErrorAlert error={approve.error ?? reject.error} details={reject.otherDetails} />
          {verification.canDecide ? (
            <Space wrap>
              <Popconfirm
                title={t("review.detail.approveConfirm")}
                okText={t("review.detail.approve")}
                cancelText={t("common:actions.cancel")}
                onConfirm={() => void approve.submit()}
              >
                <Button type="primary" loading={approve.isSubmitting}>
                  {t("review.detail.approve")}
                </Button>
              </Popconfirm>
              <Button danger onClick={() => setRejecting(true)}>
                {t("review.detail.reject")}
              </Button>
            </Space>
          ) : verification.status !== "pending" ? (
            <Tag>{t("review.detail.decided")}</Tag>
          ) : null}

          <Modal
            open={isRejecting}
            title={t("review.detail.rejectTitle")}
            okText={t("review.detail.reject")}
            okButtonProps={{ danger: true, loading: reject.isSubmitting }}
            cancelText={t("common:actions.cancel")}
            onCancel={() => setRejecting(false)}
            onOk={() => rejectForm.submit()}
          >
            <Form
              form={rejectForm}
              name="reject"
              layout="vertical"
              onFinish={(values) => void reject.submit(values)}
            >
              <Form.Item
                name="reason"
                label={t("review.detail.rejectReason")}
                extra={t("review.detail.rejectReasonHelp")}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t("checks.required", { field: t("review.detail.rejectReason") }),
                  },
                ]}
              >
                <Input.TextArea rows={4} maxLength={500} showCount />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Page>
  );
}
