import { CheckCircleOutlined, ExclamationCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, List, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatYuan } from "../../cases/cases.format";
import { detailMessage } from "../../../platform/error-messages";
import { currentLocale } from "../../../platform/i18n";
import type { FeeLine, FilingView } from "../filing.api";
import { missingByStep, type WizardStep } from "../filing.form";

/** One missing item in the filing catalog's words (`checks.<code>`), else the code. */
export function missingMessage(item: { code: string; path: string }): string {
  return detailMessage({ code: item.code, path: item.path, message: item.code }, "filing");
}

export interface ReviewStepProps {
  view: FilingView;
  onGoTo: (step: WizardStep) => void;
}

/** Step 5: what is still missing (with a way to each step), the fee estimate, and a summary. */
export function ReviewStep({ view, onGoTo }: ReviewStepProps) {
  const { t } = useTranslation("filing");
  const groups = missingByStep(view.missing);
  const isEnglish = currentLocale() === "en";
  const { content } = view;
  return (
    <>
      <section aria-labelledby="nc-review-missing">
        {groups.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            icon={<ExclamationCircleOutlined aria-hidden />}
            title={<span id="nc-review-missing">{t("wizard.review.missingTitle")}</span>}
            description={
              <List
                size="small"
                dataSource={groups}
                renderItem={(group) => (
                  <List.Item
                    actions={[
                      <Button key="go" size="small" onClick={() => onGoTo(group.step)}>
                        {t("wizard.review.goFixStep", { step: t(`wizard.steps.${group.step}`) })}
                      </Button>,
                    ]}
                  >
                    <ul className="nc-missing-list" data-testid="missing-items">
                      {group.items.map((item) => (
                        <li key={`${item.path}-${item.code}`}>{missingMessage(item)}</li>
                      ))}
                    </ul>
                  </List.Item>
                )}
              />
            }
          />
        ) : (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined aria-hidden />}
            title={<span id="nc-review-missing">{t("wizard.review.complete")}</span>}
          />
        )}
      </section>

      <Card size="small" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t("wizard.review.fee")}</Typography.Text>
        {view.feeEstimate ? (
          <>
            <div className="nc-fee-total" data-testid="fee-estimate">
              {t("fees.yuan", { amount: formatYuan(view.feeEstimate.amount) })}
            </div>
            <Table<FeeLine>
              size="small"
              pagination={false}
              rowKey={(_line, index) => String(index)}
              dataSource={view.feeEstimate.breakdown}
              scroll={{ x: true }}
              columns={[
                {
                  title: t("fees.columns.item"),
                  render: (_v, line) => (isEnglish ? line.labelEn : line.labelZh),
                },
                {
                  title: t("fees.columns.amount"),
                  align: "right",
                  render: (_v, line) => formatYuan(line.amount),
                },
                { title: t("fees.columns.article"), dataIndex: "article" },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t("wizard.review.feeNote")}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Paragraph>{t("wizard.review.feeUnknown")}</Typography.Paragraph>
        )}
      </Card>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="nc-card-title">{t("wizard.review.summary")}</h2>}
      >
        <ul className="nc-plain-list">
          {view.filer?.kind === "agent" ? (
            <li>{t("wizard.filer.filedByAgent", { name: view.filer.name })}</li>
          ) : null}
          <li>{t("wizard.review.parties", { count: content.parties.length })}</li>
          <li>{t("wizard.review.claims", { count: content.claims.length })}</li>
          <li>{t("wizard.review.evidence", { count: content.evidence.length })}</li>
          <li>{t("wizard.review.attachments", { count: view.attachments.length })}</li>
        </ul>
      </Card>
    </>
  );
}
