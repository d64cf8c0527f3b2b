import { Segmented, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { identityApi, type VerificationListItem, type VerificationStatus } from "../identity.api";
import { formatDateTime } from "./verification-scene";

const statuses: VerificationStatus[] = ["pending", "approved", "rejected"];
export const verificationStatusColors: Record<VerificationStatus, string> = {
  pending: "processing",
  approved: "success",
  rejected: "error",
};

/** The clerks' queue of real-name verification requests, oldest pending first (as the server orders them). */
export function VerificationQueueScene() {
  const { t } = useTranslation("identity");
  const [status, setStatus] = useState<VerificationStatus>("pending");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useApiQuery(
    (signal) => identityApi.listVerifications({ status, page, pageSize }, signal),
    [status, page, pageSize],
  );

  return (
    <Page title={t("review.title")} intro={t("review.intro")} width="wide">
      <Segmented<VerificationStatus>
        aria-label={t("review.columns.status")}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={statuses.map((value) => ({ value, label: t(`review.status.${value}`) }))}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<VerificationListItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        locale={{ emptyText: t("review.empty") }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("review.total", { total }),
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
        }}
        columns={[
          {
            title: t("review.columns.userName"),
            dataIndex: "userName",
            render: (name: string, item) => <Link to={`/staff/verifications/${item.id}`}>{name}</Link>,
          },
          { title: t("review.columns.userKind"), render: (_v, item) => t(`kinds.${item.userKind}`) },
          {
            title: t("review.columns.identifier"),
            render: (_v, item) => item.idNumberMasked ?? item.creditCode ?? "—",
          },
          {
            title: t("review.columns.method"),
            render: (_v, item) => t(`verification.method.${item.method}`),
          },
          {
            title: t("review.columns.status"),
            render: (_v, item) => (
              <Tag color={verificationStatusColors[item.status]}>{t(`review.status.${item.status}`)}</Tag>
            ),
          },
          { title: t("review.columns.createdAt"), render: (_v, item) => formatDateTime(item.createdAt) },
          {
            title: t("review.columns.actions"),
            render: (_v, item) => (
              <Link
                to={`/staff/verifications/${item.id}`}
                aria-label={`${t("review.open")}: ${item.userName}`}
              >
                {item.status === "pending" ? t("review.open") : t("review.view")}
              </Link>
            ),
          },
        ]}
      />
    </Page>
  );
}
