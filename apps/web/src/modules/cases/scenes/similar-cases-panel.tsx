import { Alert, Card, Empty, List, Skeleton, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { isApiError } from "../../../platform/api-client";
import { useApiQuery } from "../../../platform/use-api";
import { similarCasesApi, summariseSimilarCases, ratioPercent } from "../../filing/similar-cases";
import { formatDate, formatYuan } from "../cases.format";

/**
 * Similar published cases for a submitted filing and what they awarded (median award ÷ claim), so
 * the litigant can weigh a trial against mediation (`GET /api/filings/:id/similar`).
 */
export function SimilarCasesPanel({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation("cases");
  const loaded = useApiQuery(
    (signal) =>
      similarCasesApi.forFiling(caseId, signal).then(
        (response) => summariseSimilarCases(response),
        (error: unknown) => {
          // A filing without claims or facts has nothing to compare yet.
          if (isApiError(error, "case_text_missing")) return null;
          throw error;
        },
      ),
    [caseId, i18n.language],
  );
  const summary = loaded.data;

  return (
    <Card
      className="nc-block"
      title={<h2 className="nc-card-title">{t("similar.title")}</h2>}
      data-testid="similar-cases"
      data-state={
        loaded.error
          ? "error"
          : summary === undefined
            ? "loading"
            : summary === null
              ? "unavailable"
              : (summary.empty ?? "shown")
      }
    >
      <Typography.Paragraph type="secondary">{t("similar.intro")}</Typography.Paragraph>
      {loaded.error ? (
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      ) : summary === undefined ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : summary === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("similar.unavailable")} />
      ) : summary.empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={summary.empty === "no_index" ? t("similar.emptyIndex") : t("similar.empty")}
        />
      ) : (
        <>
          <Alert
            className="nc-block"
            type="info"
            showIcon
            data-testid="similar-median"
            title={
              summary.median
                ? t("similar.median", {
                    cases: summary.median.cases,
                    percent: `${summary.median.percent}%`,
                  })
                : t("similar.noAwards")
            }
          />
          <List
            dataSource={summary.rows}
            renderItem={(row) => (
              <List.Item data-testid="similar-case">
                <List.Item.Meta
                  title={row.title}
                  description={
                    <Space orientation="vertical" size={2}>
                      <span className="nc-muted">
                        {[row.courtName, row.caseNumber].filter(Boolean).join(" · ")}
                        {row.decidedOn
                          ? ` · ${t("similar.decidedOn", { date: formatDate(row.decidedOn) })}`
                          : ""}
                      </span>
                      {row.claimed !== null || row.awarded !== null ? (
                        <Space wrap size={4}>
                          {row.claimed !== null ? (
                            <Tag>{t("similar.claimed", { amount: formatYuan(row.claimed) })}</Tag>
                          ) : null}
                          {row.awarded !== null ? (
                            <Tag>{t("similar.awarded", { amount: formatYuan(row.awarded) })}</Tag>
                          ) : null}
                          {row.ratio !== null ? (
                            <Tag color="blue">
                              {t("similar.ratio", { percent: `${ratioPercent(row.ratio)}%` })}
                            </Tag>
                          ) : null}
                        </Space>
                      ) : null}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
