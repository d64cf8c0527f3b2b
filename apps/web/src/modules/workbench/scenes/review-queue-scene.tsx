import { Card, Flex, Grid, Input, List, Segmented, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import "../workbench.css";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { formatDateTime, formatYuan, localName, translateOr } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { FeeTag } from "../components/fee-tag";
import { ReviewCountdown } from "../components/review-countdown";
import { workbenchApi, type ReviewQueueItem, type ReviewQueueStatus } from "../workbench.api";
import { filterQueue, type FeeFilter } from "../workbench.rules";
import { useStaffCourts } from "../use-staff-courts";
import { filingReviewerRoles } from "../workbench.routes";

type StatusFilter = "all" | ReviewQueueStatus;

/** A filing's name: its title, or "plaintiffs v. defendants". */
export function useFilingName() {
  const { t } = useTranslation("workbench");
  return (item: { title: string | null; plaintiffs: string[]; defendants: string[] }) =>
    item.title ??
    (item.plaintiffs.length > 0
      ? t("common.vs", { plaintiffs: item.plaintiffs.join("、"), defendants: item.defendants.join("、") })
      : t("common.untitled"));
}

/** The clerks' review queue: submitted filings of their court(s), earliest registration deadline first. */
export function ReviewQueueScene() {
  const { t } = useTranslation(["workbench", "cases"]);
  const screens = Grid.useBreakpoint();
  const { me } = useMe();
  const courts = useStaffCourts(me, filingReviewerRoles);
  const [courtId, setCourtId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>("all");
  const [fee, setFee] = useState<FeeFilter>("all");
  const [search, setSearch] = useState("");
  const nameOf = useFilingName();
  const queue = useApiQuery(
    (signal) =>
      workbenchApi.reviewQueue(
        { ...(courtId ? { courtId } : {}), ...(status === "all" ? {} : { status }) },
        signal,
      ),
    [courtId, status],
  );
  const items = useMemo(
    () => filterQueue(queue.data?.items ?? [], { fee, search }),
    [queue.data, fee, search],
  );
  const cause = (item: ReviewQueueItem) =>
    item.causeNameZh && item.causeNameEn
      ? localName({ nameZh: item.causeNameZh, nameEn: item.causeNameEn })
      : t("common.none");
  const statusTag = (item: ReviewQueueItem) => (
    <Tag color={item.status === "under_review" ? "processing" : "warning"}>
      {translateOr(`cases:status.${item.status}`, item.status)}
    </Tag>
  );
  const link = (item: ReviewQueueItem) => (
    <Link to={`/court/filings/${item.caseId}`} aria-label={t("queue.openLabel", { title: nameOf(item) })}>
      {nameOf(item)}
    </Link>
  );

  return (
    <Page title={t("queue.title")} intro={t("queue.intro")} width="wide">
      <Flex
        gap="middle"
        wrap
        align="end"
        style={{ marginBottom: 16 }}
        role="search"
        aria-label={t("queue.filters.label")}
      >
        {courts.length > 1 ? (
          <Space orientation="vertical" size={2}>
            <Typography.Text id="queue-court">{t("common.court")}</Typography.Text>
            <Select
              aria-labelledby="queue-court"
              style={{ minWidth: 200 }}
              value={courtId ?? ""}
              onChange={(value) => setCourtId(value === "" ? undefined : value)}
              options={[
                { value: "", label: t("common.allCourts") },
                ...courts.map((court) => ({ value: court.id, label: localName(court) })),
              ]}
            />
          </Space>
        ) : null}
        <Space orientation="vertical" size={2}>
          <Typography.Text id="queue-status">{t("queue.filters.status")}</Typography.Text>
          <Segmented<StatusFilter>
            aria-labelledby="queue-status"
            value={status}
            onChange={setStatus}
            options={[
              { value: "all", label: t("queue.filters.allStatuses") },
              { value: "under_review", label: translateOr("cases:status.under_review", "under_review") },
              {
                value: "correction_requested",
                label: translateOr("cases:status.correction_requested", "correction_requested"),
              },
            ]}
          />
        </Space>
        <Space orientation="vertical" size={2}>
          <Typography.Text id="queue-fee">{t("queue.filters.fee")}</Typography.Text>
          <Segmented<FeeFilter>
            aria-labelledby="queue-fee"
            value={fee}
            onChange={setFee}
            options={[
              { value: "all", label: t("queue.filters.allFees") },
              { value: "paid", label: t("queue.filters.paid") },
              { value: "unpaid", label: t("queue.filters.unpaid") },
            ]}
          />
        </Space>
        <Input.Search
          allowClear
          aria-label={t("queue.filters.search")}
          placeholder={t("queue.filters.search")}
          style={{ maxWidth: 280 }}
          onSearch={setSearch}
          onChange={(event) => {
            if (event.target.value === "") setSearch("");
          }}
        />
      </Flex>
      <ErrorAlert error={queue.error} onRetry={queue.reload} />
      {screens.md === false ? (
        <List<ReviewQueueItem>
          loading={queue.isLoading}
          dataSource={items}
          locale={{ emptyText: t("queue.empty") }}
          renderItem={(item) => (
            <List.Item key={item.caseId} style={{ paddingInline: 0 }}>
              <Card size="small" style={{ width: "100%" }} title={link(item)}>
                <Flex justify="space-between" gap="small" wrap>
                  <Space orientation="vertical" size={4}>
                    <span>{cause(item)}</span>
                    <span>{t("common.yuan", { amount: formatYuan(item.claimTotal) })}</span>
                    <Space size={4} wrap>
                      {statusTag(item)}
                      <FeeTag status={item.feeStatus} />
                    </Space>
                  </Space>
                  <ReviewCountdown daysLeft={item.daysLeft} reviewDueOn={item.reviewDueOn} />
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<ReviewQueueItem>
          rowKey="caseId"
          loading={queue.isLoading}
          dataSource={items}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("queue.empty") }}
          pagination={{
            pageSize: 20,
            hideOnSinglePage: true,
            showTotal: (total) => t("common.total", { total }),
          }}
          columns={[
            { title: t("queue.columns.title"), render: (_v, item) => link(item) },
            { title: t("queue.columns.cause"), render: (_v, item) => cause(item) },
            {
              title: t("queue.columns.claim"),
              align: "right",
              render: (_v, item) => t("common.yuan", { amount: formatYuan(item.claimTotal) }),
            },
            { title: t("queue.columns.fee"), render: (_v, item) => <FeeTag status={item.feeStatus} /> },
            { title: t("queue.columns.submittedAt"), render: (_v, item) => formatDateTime(item.submittedAt) },
            {
              title: t("queue.columns.countdown"),
              render: (_v, item) => (
                <ReviewCountdown daysLeft={item.daysLeft} reviewDueOn={item.reviewDueOn} />
              ),
            },
            { title: t("queue.columns.status"), render: (_v, item) => statusTag(item) },
          ]}
        />
      )}
    </Page>
  );
}
