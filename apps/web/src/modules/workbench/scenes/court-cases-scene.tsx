import { Card, Flex, Grid, Input, List, Select, Space, Table, Tag, Typography } from "antd";
import type React from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import "../workbench.css";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { casesApi, type CaseStatus, type CaseSummary, type Deadline } from "../../cases/cases.api";
import { formatDate, formatDateTime, localBasis, localName, translateOr } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { useStaffCourts } from "../use-staff-courts";
import { courtCaseRoles } from "../workbench.routes";
import { nextOpenDeadline, urgencyColors, urgencyOf } from "../workbench.rules";

const statuses: CaseStatus[] = [
  "under_review",
  "correction_requested",
  "accepted",
  "service",
  "evidence_exchange",
  "hearing",
  "judgment",
  "appeal_window",
  "effective",
  "enforcement",
  "closed",
  "refused",
  "withdrawn",
  "deemed_withdrawn",
  "transferred",
];

/** The next running period of a case, with its days left coloured by urgency. */
function DeadlineTag({ deadline }: { deadline: Deadline | null | undefined }) {
  const { t } = useTranslation("workbench");
  if (deadline === undefined) return <span>{t("common.none")}</span>;
  if (deadline === null) return <Typography.Text type="secondary">{t("cases.noDeadline")}</Typography.Text>;
  const name = translateOr(`workbench:deadlines.${deadline.kind}`, deadline.kind);
  const days = deadline.daysLeft;
  const text =
    days === null
      ? name
      : days < 0
        ? t("cases.deadlineOverdue", { name, count: -days })
        : days === 0
          ? t("cases.deadlineToday", { name })
          : t("cases.deadlineDays", { name, count: days });
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={urgencyColors[urgencyOf(days === null ? null : Math.min(days, 7))]}>{text}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(deadline.dueAt)} · {localBasis(deadline)}
      </Typography.Text>
    </Space>
  );
}

/**
 * The next deadline of each listed case. The list carries none, so each case's page (served from the
 * server's memory) is read; a page holds at most 20 cases.
 */
function useNextDeadlines(items: CaseSummary[] | undefined): Map<string, Deadline | null> {
  const ids = (items ?? []).map((c) => c.id);
  const loaded = useApiQuery(
    async (signal) => {
      const details = await Promise.all(ids.map((id) => casesApi.get(id, signal)));
      return new Map(details.map((d) => [d.id, nextOpenDeadline(d.deadlines)]));
    },
    [ids.join(",")],
  );
  return loaded.data ?? new Map<string, Deadline | null>();
}

function CaseList({ isMine }: { isMine: boolean }) {
  const { t } = useTranslation(["workbench", "cases"]);
  const screens = Grid.useBreakpoint();
  const { me } = useMe();
  const courts = useStaffCourts(me, courtCaseRoles);
  const [courtId, setCourtId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined);
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useApiQuery(
    (signal) =>
      casesApi.list(
        {
          ...(courtId ? { courtId } : {}),
          ...(status ? { status: [status] } : {}),
          ...(isMine ? { assignedToMe: true } : {}),
          search,
          page,
          pageSize,
        },
        signal,
      ),
    [courtId, status, search, page, pageSize, isMine],
  );
  const deadlines = useNextDeadlines(isMine ? list.data?.items : undefined);
  const navigate = useNavigate();
  const casePath = (c: CaseSummary) => `/court/cases/${c.id}`;
  const caseLink = (c: CaseSummary) => (
    <Link to={casePath(c)} className="nc-code">
      {c.caseNumber ?? c.title ?? t("cases.noCaseNumber")}
    </Link>
  );
  // The title opens the case as well as the case number does.
  const titleLink = (c: CaseSummary) =>
    c.title ? <Link to={casePath(c)}>{c.title}</Link> : <span>{t("common.none")}</span>;
  // The whole row opens the case: a click anywhere on it, or Enter when it has the keyboard focus.
  const rowProps = (c: CaseSummary) => ({
    tabIndex: 0,
    className: "nc-row-link",
    "aria-label": `${c.caseNumber ?? t("cases.noCaseNumber")} ${c.title ?? ""}`.trim(),
    onClick: (event: React.MouseEvent<HTMLElement>) => {
      if ((event.target as HTMLElement).closest("a, button")) return;
      void navigate(casePath(c));
    },
    onKeyDown: (event: React.KeyboardEvent<HTMLElement>) => {
      if (event.key === "Enter" && event.target === event.currentTarget) void navigate(casePath(c));
    },
  });
  const statusTag = (c: CaseSummary) => <Tag>{translateOr(`cases:status.${c.status}`, c.status)}</Tag>;

  return (
    <>
      <Flex gap="middle" wrap align="end" style={{ marginBottom: 16 }} role="search">
        {courts.length > 1 && !isMine ? (
          <Select
            aria-label={t("common.court")}
            style={{ minWidth: 200 }}
            value={courtId ?? ""}
            onChange={(value) => {
              setCourtId(value === "" ? undefined : value);
              setPage(1);
            }}
            options={[
              { value: "", label: t("common.allCourts") },
              ...courts.map((court) => ({ value: court.id, label: localName(court) })),
            ]}
          />
        ) : null}
        <Select<CaseStatus | "">
          aria-label={t("cases.filters.status")}
          style={{ minWidth: 180 }}
          value={status ?? ""}
          onChange={(value) => {
            setStatus(value === "" ? undefined : value);
            setPage(1);
          }}
          options={[
            { value: "", label: t("cases.filters.allStatuses") },
            ...statuses.map((value) => ({ value, label: translateOr(`cases:status.${value}`, value) })),
          ]}
        />
        <Input.Search
          allowClear
          aria-label={t("cases.filters.search")}
          placeholder={t("cases.filters.search")}
          style={{ maxWidth: 280 }}
          onSearch={(value) => {
            setSearch(value);
            setPage(1);
          }}
        />
      </Flex>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {screens.md === false ? (
        <List<CaseSummary>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t("cases.empty") }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (next) => setPage(next),
          }}
          renderItem={(c) => (
            <List.Item key={c.id} style={{ paddingInline: 0 }}>
              <Card size="small" style={{ width: "100%" }} title={caseLink(c)}>
                <Space orientation="vertical" size={4}>
                  {c.title ? titleLink(c) : null}
                  <Space wrap size={4}>
                    {statusTag(c)}
                    {c.judge ? <span>{c.judge.name}</span> : null}
                  </Space>
                  {isMine ? <DeadlineTag deadline={deadlines.get(c.id)} /> : null}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<CaseSummary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 860 }}
          onRow={rowProps}
          locale={{ emptyText: t("cases.empty") }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("common.total", { total }),
            onChange: (next, size) => {
              setPage(next);
              setPageSize(size);
            },
          }}
          columns={[
            { title: t("cases.columns.caseNumber"), render: (_v, c) => caseLink(c) },
            { title: t("cases.columns.title"), render: (_v, c) => titleLink(c) },
            { title: t("cases.columns.status"), render: (_v, c) => statusTag(c) },
            { title: t("cases.columns.judge"), render: (_v, c) => c.judge?.name ?? t("common.none") },
            ...(isMine
              ? [
                  {
                    title: t("cases.columns.deadline"),
                    render: (_v: unknown, c: CaseSummary) => <DeadlineTag deadline={deadlines.get(c.id)} />,
                  },
                ]
              : [
                  {
                    title: t("cases.columns.court"),
                    render: (_v: unknown, c: CaseSummary) => localName(c.court),
                  },
                ]),
            { title: t("cases.columns.acceptedAt"), render: (_v, c) => formatDate(c.acceptedAt) },
          ]}
        />
      )}
    </>
  );
}

/** Clerks' and administrators' list of every case of their court(s). */
export function CourtCasesScene() {
  const { t } = useTranslation("workbench");
  return (
    <Page title={t("cases.title")} intro={t("cases.intro")} width="wide">
      <CaseList isMine={false} />
    </Page>
  );
}

/** A judge's assigned cases with the period that ends next. */
export function MyCasesScene() {
  const { t } = useTranslation("workbench");
  return (
    <Page title={t("cases.myTitle")} intro={t("cases.myIntro")} width="wide">
      <CaseList isMine />
    </Page>
  );
}
