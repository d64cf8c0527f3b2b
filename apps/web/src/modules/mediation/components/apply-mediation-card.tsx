import { Alert, Button, Card, Form, Popconfirm, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { isApiError } from "../../../platform/api-client";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { mediationApi } from "../mediation.api";
import "../mediation.css";

/**
 * Beside submitting a complaint: apply for pre-litigation mediation of the same dispute instead
 * (民事诉讼法第一百二十五条; 在线调解规则第八条), optionally choosing a mediator from the court's register
 * (第五条第二款, 第十条). The 30-day period counts from the mediator's confirmation (第二十四条).
 */
export function ApplyMediationCard({ caseId, courtId }: { caseId: string; courtId: string }) {
  const { t } = useTranslation("mediation");
  const navigate = useNavigate();
  const [mediatorId, setMediatorId] = useState<string | null>(null);
  const mediators = useApiQuery((signal) => mediationApi.mediators(courtId, signal), [courtId]);
  const apply = useSubmit(() => mediationApi.apply(caseId, mediatorId));
  const isIncomplete = isApiError(apply.error, "mediation_application_incomplete");
  return (
    <Card
      className="nc-block"
      data-testid="apply-mediation"
      title={<h2 className="nc-card-title">{t("apply.title")}</h2>}
    >
      <Typography.Paragraph>{t("apply.intro")}</Typography.Paragraph>
      <Form layout="vertical" className="nc-mediation-form">
        <Form.Item label={t("apply.mediator")} help={t("apply.mediatorHelp")} htmlFor="mediation-mediator">
          <Select
            id="mediation-mediator"
            value={mediatorId ?? ""}
            onChange={(value: string) => setMediatorId(value === "" ? null : value)}
            loading={mediators.isLoading}
            style={{ maxWidth: 420 }}
            options={[
              { value: "", label: t("apply.courtAppoints") },
              ...(mediators.data?.items ?? [])
                .filter((m) => m.isActive)
                .map((m) => ({
                  value: m.id,
                  label: [m.name, m.organisation?.name, m.specialties].filter(Boolean).join(" · "),
                })),
            ]}
          />
        </Form.Item>
      </Form>
      {isIncomplete ? (
        <Alert type="warning" showIcon title={t("apply.incomplete")} style={{ marginBottom: 12 }} />
      ) : (
        <ErrorAlert error={apply.error} details={apply.otherDetails} />
      )}
      <Popconfirm
        title={t("apply.confirm")}
        okText={t("forms.submit")}
        cancelText={t("forms.cancel")}
        onConfirm={() =>
          void (async () => {
            const result = await apply.submit();
            if (result) await navigate(`/mediations/${result.mediationId}`);
          })()
        }
      >
        <Button loading={apply.isSubmitting}>{t("apply.submit")}</Button>
      </Popconfirm>
    </Card>
  );
}
