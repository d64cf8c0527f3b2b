import { Card, Empty, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { formatDate, formatDateTime } from "../../cases/cases.format";
import { mediationApi, type MediationSummary } from "../mediation.api";
import { statusColor } from "../mediation.format";

/** While these last, the end of the mediation period matters. */
const runningStatuses = new Set(["in_progress", "agreement_drafted"]);

function MediationList({ isCourt }: { isCourt: boolean }) {
  const { t } = useTranslation("mediation");
  const list = useApiQuery((signal) => mediationApi.list(signal), []);
  return (
    <Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {/* Vertical items: the title keeps the full width and the button sits under it on a phone. */}
      <List<MediationSummary>
        itemLayout="vertical"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="mediation-list"
        locale={{
          emptyText: (
            <Empty description={t("list.empty")}>
              {isCourt ? null : <LinkButton to="/filings/new">{t("list.newFiling")}</LinkButton>}
            </Empty>
          ),
        }}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            actions={[
              <LinkButton key="open" type="primary" size="small" to={`/mediations/${item.id}`}>
                {t("list.open")}
              </LinkButton>,
            ]}
          >
            <List.Item.Meta
              title={item.title ?? t("list.untitled")}
              description={
                <Space wrap size={[8, 4]}>
                  <Tag color={statusColor(item.status)}>{t(`status.${item.status}`)}</Tag>
                  <Tag>{t(`relation.${item.myRelation}`)}</Tag>
                  {item.periodEndsOn && runningStatuses.has(item.status) ? (
                    <Typography.Text>
                      {t("list.periodEnds", { date: formatDate(item.periodEndsOn) })}
                    </Typography.Text>
                  ) : null}
                  <Typography.Text type="secondary">
                    {t("list.updated", { date: formatDateTime(item.updatedAt) })}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The litigant's (or lawyer's) mediations (`/mediations`). */
export function MyMediationsScene() {
  const { t } = useTranslation("mediation");
  return (
    <Page title={t("list.title")} intro={t("list.intro")}>
      <MediationList isCourt={false} />
    </Page>
  );
}

/** The mediator's assigned mediations, and the court's for its clerks (`/court/mediations`). */
export function CourtMediationsScene() {
  const { t } = useTranslation("mediation");
  return (
    <Page title={t("list.courtTitle")} intro={t("list.courtIntro")}>
      <MediationList isCourt />
    </Page>
  );
}
