import { PlusOutlined } from "@ant-design/icons";
import { Card, Descriptions, Empty, Flex, Input, List, Pagination, Segmented, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { casesApi, type CaseSummary } from "../cases.api";
import { formatDate, localName } from "../cases.format";
import { CaseStatusTag, statusGroups, type StatusGroup } from "./case-status-tag";
import "../../filing/filing.css";

const PAGE_SIZE = 20;

/** Where a case opens: a draft in the wizard, anything else on its case page. */
function caseLink(item: CaseSummary): string {
  return item.status === "draft" ? `/filings/${item.id}` : `/cases/${item.id}`;
}

/** My cases (`/cases`): every case where I am a party, an agent or the filer, with status, number, court and judge. */
export function MyCasesScene() {
  const { t } = useTranslation("cases");
  const [group, setGroup] = useState<StatusGroup>("all");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const list = useApiQuery(
    (signal) =>
      casesApi.list({ status: [...statusGroups[group]], search, page, pageSize: PAGE_SIZE }, signal),
    [group, search, page],
  );

  return (
    <Page
      title={t("mine.title")}
      intro={t("mine.intro")}
      extra={
        <LinkButton type="primary" icon={<PlusOutlined aria-hidden />} to="/filings/new">
          {t("mine.newFiling")}
        </LinkButton>
      }
    >
      <Flex gap="small" wrap justify="space-between" align="center" className="nc-block">
        <Segmented<StatusGroup>
          aria-label={t("mine.statusFilter")}
          value={group}
          onChange={(value) => {
            setGroup(value);
            setPage(1);
          }}
          options={(Object.keys(statusGroups) as StatusGroup[]).map((value) => ({
            value,
            label: t(`mine.groups.${value}`),
          }))}
        />
        <Input.Search
          allowClear
          aria-label={t("mine.search")}
          placeholder={t("mine.search")}
          onSearch={(value) => {
            setSearch(value);
            setPage(1);
          }}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List<CaseSummary>
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("mine.empty")} /> }}
        renderItem={(item) => (
          <List.Item className="nc-case-item">
            <Card size="small" style={{ width: "100%" }} data-testid="case-card">
              <Flex justify="space-between" gap="small" wrap align="flex-start">
                <Link to={caseLink(item)} className="nc-case-title">
                  {item.title ?? t("mine.untitled")}
                </Link>
                <CaseStatusTag status={item.status} />
              </Flex>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, md: 4 }}
                items={[
                  {
                    key: "number",
                    label: t("mine.caseNumber"),
                    children: item.caseNumber ?? (
                      <Typography.Text type="secondary">{t("mine.noCaseNumber")}</Typography.Text>
                    ),
                  },
                  { key: "court", label: t("mine.court"), children: localName(item.court) },
                  {
                    key: "judge",
                    label: t("mine.judge"),
                    children: item.judge?.name ?? (
                      <Typography.Text type="secondary">{t("mine.noJudge")}</Typography.Text>
                    ),
                  },
                  {
                    key: "date",
                    label: item.acceptedAt ? t("detail.acceptedAt") : t("detail.submittedAt"),
                    children: formatDate(item.acceptedAt ?? item.submittedAt ?? item.updatedAt),
                  },
                ]}
              />
            </Card>
          </List.Item>
        )}
      />
      {list.data && list.data.total > PAGE_SIZE ? (
        <Flex justify="center">
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onChange={setPage}
            showSizeChanger={false}
          />
        </Flex>
      ) : null}
      {list.data ? (
        <Typography.Paragraph type="secondary" aria-live="polite">
          {t("mine.total", { count: list.data.total })}
        </Typography.Paragraph>
      ) : null}
    </Page>
  );
}
