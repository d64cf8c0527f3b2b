import { Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Table, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { i18next } from "../../../platform/i18n";
import "../workbench.css";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { EvidenceLink } from "../../evidence/components/evidence-link";
import { ElementTablePanel } from "../../judgment/components/element-table-panel";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { casesApi, type CaseDetail, type CaseParty, type Deadline } from "../../cases/cases.api";
import {
  formatDate,
  formatDateTime,
  formatYuan,
  localBasis,
  localName,
  translateOr,
} from "../../cases/cases.format";
import { StaffHearingsCard } from "../../hearing/components/staff-hearings-card";
import { CaseServiceRecord } from "../components/case-service-record";
import { DefenceRecord } from "../components/defence-record";
import { JudgeAssignmentRecord } from "../components/judge-assignment";
import { JudgeTools } from "../components/judge-tools";
import { LedgerVerificationPanel } from "../components/ledger-verification";
import { workbenchApi, type CaseLedgerEvent } from "../workbench.api";
import { urgencyColors, urgencyOf } from "../workbench.rules";

const deadlineColors = { open: "processing", met: "success", missed: "error", cancelled: "default" } as const;

function Overview({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation(["workbench", "cases"]);
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
      <Descriptions.Item label={t("detail.caseNumber")}>
        {detail.caseNumber ?? t("cases.noCaseNumber")}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.status")}>
        <Tag color="blue">{translateOr(`cases:status.${detail.status}`, detail.status)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.court")}>{localName(detail.court)}</Descriptions.Item>
      <Descriptions.Item label={t("detail.cause")}>
        {detail.cause ? localName(detail.cause) : t("common.none")}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.procedure")}>
        {t(`cases:procedure.${detail.procedure ?? "undecided"}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.judge")}>
        {detail.judge?.name ?? t("common.none")}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.claimTotal")}>
        {t("common.yuan", { amount: formatYuan(detail.claimTotal) })}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.submittedAt")}>
        {formatDateTime(detail.submittedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.acceptedAt")}>
        {formatDateTime(detail.acceptedAt)}
      </Descriptions.Item>
      {detail.closedAt ? (
        <Descriptions.Item label={t("detail.closedAt")}>{formatDateTime(detail.closedAt)}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function Deadlines({ deadlines }: { deadlines: Deadline[] }) {
  const { t } = useTranslation("workbench");
  if (deadlines.length === 0)
    return <Typography.Text type="secondary">{t("detail.noDeadlines")}</Typography.Text>;
  return (
    <Table<Deadline>
      size="small"
      rowKey={(d) => `${d.kind}-${d.dueAt}`}
      pagination={false}
      dataSource={deadlines}
      scroll={{ x: 560 }}
      columns={[
        {
          title: t("detail.deadlineColumns.kind"),
          render: (_v, d) => translateOr(`workbench:deadlines.${d.kind}`, d.kind),
        },
        { title: t("detail.deadlineColumns.dueAt"), render: (_v, d) => formatDate(d.dueAt) },
        {
          title: t("detail.deadlineColumns.status"),
          render: (_v, d) => (
            <Tag color={deadlineColors[d.status]}>{t(`detail.deadlineStatus.${d.status}`)}</Tag>
          ),
        },
        {
          title: t("detail.deadlineColumns.left"),
          render: (_v, d) =>
            d.status === "open" && d.daysLeft !== null ? (
              <Tag color={urgencyColors[urgencyOf(Math.min(d.daysLeft, 7))]}>
                {d.daysLeft < 0
                  ? t("countdown.overdue", { count: -d.daysLeft })
                  : d.daysLeft === 0
                    ? t("countdown.today")
                    : t("countdown.left", { count: d.daysLeft })}
              </Tag>
            ) : (
              t("common.none")
            ),
        },
        { title: t("detail.deadlineColumns.basis"), key: "basis", render: (_, d) => localBasis(d) },
      ]}
    />
  );
}

function Parties({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation("workbench");
  return (
    <>
      <Table<CaseParty>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.parties}
        scroll={{ x: 640 }}
        columns={[
          { title: t("review.partyColumns.role"), render: (_v, p) => t(`review.roles.${p.role}`) },
          { title: t("review.partyColumns.name"), render: (_v, p) => <strong>{p.name}</strong> },
          { title: t("review.partyColumns.kind"), render: (_v, p) => t(`review.kinds.${p.kind}`) },
          {
            title: t("review.partyColumns.id"),
            render: (_v, p) => p.idNumber ?? p.creditCode ?? t("common.none"),
          },
          {
            title: t("review.partyColumns.contact"),
            render: (_v, p) => [p.phone, p.email].filter(Boolean).join(" / ") || t("common.none"),
          },
          {
            title: t("review.partyColumns.address"),
            render: (_v, p) => p.serviceAddress ?? p.address ?? t("common.none"),
          },
        ]}
      />
      {detail.agents.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("detail.agents")}
          </Typography.Title>
          <ul className="nc-compact-list">
            {detail.agents.map((agent) => (
              <li key={agent.id}>
                {agent.name}（{t(`review.agentKinds.${agent.kind}`)}
                {agent.lawFirm ? `，${agent.lawFirm}` : ""}）
                {t("review.represents", {
                  party: detail.parties.find((p) => p.id === agent.partyId)?.name ?? "",
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Documents({ caseId }: { caseId: string }) {
  const { t } = useTranslation("workbench");
  const filing = useApiQuery((signal) => workbenchApi.filing(caseId, signal), [caseId]);
  if (filing.error) return <ErrorAlert error={filing.error} onRetry={filing.reload} />;
  if (!filing.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const rulings = filing.data.reviews.flatMap((r) =>
    [
      r.rulingUrl ? { url: r.rulingUrl, label: t("review.ruling") } : null,
      r.rulingEnUrl ? { url: r.rulingEnUrl, label: t("review.rulingEn") } : null,
    ].filter((x): x is { url: string; label: string } => x !== null),
  );
  if (filing.data.attachments.length === 0 && rulings.length === 0)
    return <Typography.Text type="secondary">{t("detail.noDocuments")}</Typography.Text>;
  return (
    <ul className="nc-documents">
      {filing.data.attachments.map((a) => (
        <li key={a.id}>
          <Flex gap="small" wrap align="center">
            <Tag>{t(`review.categories.${a.category}`)}</Tag>
            <a href={a.url} download={a.fileName}>
              {a.fileName}
            </a>
            <Typography.Text type="secondary">{formatDateTime(a.uploadedAt)}</Typography.Text>
          </Flex>
          <LedgerVerificationPanel summary={a.ledgerVerification} />
        </li>
      ))}
      {rulings.map((r) => (
        <li key={r.url}>
          <a href={r.url} download>
            {r.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function LedgerEvents({ caseId }: { caseId: string }) {
  const { t } = useTranslation("workbench");
  const events = useApiQuery((signal) => workbenchApi.caseLedgerEvents(caseId, signal), [caseId]);
  if (events.error) return <ErrorAlert error={events.error} onRetry={events.reload} />;
  if (!events.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const { treeSize, items } = events.data;
  const proofOf = (e: CaseLedgerEvent) =>
    e.leafIndex === null ? (
      <Tag>{t("detail.proof.pending")}</Tag>
    ) : e.inclusionProof === null ? (
      <Tag color="processing">{t("detail.proof.sequenced")}</Tag>
    ) : (
      <Tag color="success">
        {t("detail.proof.included", { size: treeSize, count: e.inclusionProof.length })}
      </Tag>
    );
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t("detail.ledgerIntro")}{" "}
        {treeSize !== null ? t("detail.treeSize", { size: treeSize }) : t("detail.noCheckpoint")}
      </Typography.Paragraph>
      <Table<CaseLedgerEvent>
        size="small"
        rowKey={(e) => `${e.leafType}-${e.leafIndex ?? e.recordedAt}-${e.kind}`}
        pagination={false}
        dataSource={items}
        scroll={{ x: 560 }}
        locale={{ emptyText: t("detail.noLedgerEvents") }}
        columns={[
          {
            title: t("detail.ledgerColumns.kind"),
            render: (_v, e) => translateOr(`workbench:events.${e.kind}`, e.kind),
          },
          { title: t("detail.ledgerColumns.recordedAt"), render: (_v, e) => formatDateTime(e.recordedAt) },
          { title: t("detail.ledgerColumns.index"), render: (_v, e) => e.leafIndex ?? t("common.none") },
          { title: t("detail.ledgerColumns.proof"), render: (_v, e) => proofOf(e) },
        ]}
      />
    </>
  );
}

/** A case as court staff see it: status and timeline, periods, parties, claims, files and ledger events. */
export function StaffCaseScene() {
  const { t } = useTranslation(["workbench", "cases"]);
  const { id = "" } = useParams();
  const detailQuery = useApiQuery((signal) => casesApi.get(id, signal), [id]);
  const detail = detailQuery.data;
  const isUnderReview = detail?.status === "under_review" || detail?.status === "correction_requested";
  const isReviewer = detail?.myRoles.some((role) => role === "clerk" || role === "court_admin") ?? false;

  return (
    <Page
      title={detail ? (detail.caseNumber ?? detail.title ?? t("common.untitled")) : t("cases.title")}
      intro={detail?.caseNumber ? detail.title : undefined}
      width="wide"
      extra={
        <Flex gap="small" wrap>
          {isUnderReview && isReviewer ? (
            <LinkButton type="primary" to={`/court/filings/${id}`}>
              {t("detail.reviewLink")}
            </LinkButton>
          ) : null}
          {detail ? <EvidenceLink caseId={id} status={detail.status} staff /> : null}
          <LinkButton to={detail?.myRoles.includes("judge") ? "/court/my-cases" : "/court/cases"}>
            {t("detail.back")}
          </LinkButton>
        </Flex>
      }
    >
      <ErrorAlert error={detailQuery.error} onRetry={detailQuery.reload} />
      {!detail ? (
        detailQuery.error ? null : (
          <Skeleton active />
        )
      ) : (
        <Flex vertical gap="middle">
          <Card title={t("detail.overview")}>
            <Overview detail={detail} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card title={t("detail.timeline")} style={{ height: "100%" }}>
                {detail.timeline.length === 0 ? (
                  <Empty description={t("detail.noTimeline")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <Timeline
                    items={detail.timeline.map((entry) => ({
                      key: `${entry.at}-${entry.kind}`,
                      content: (
                        <>
                          <strong>
                            {translateOr(
                              `cases:timeline.kinds.${entry.kind}`,
                              translateOr(
                                `workbench:events.${entry.kind}`,
                                i18next.t("cases:timeline.other"),
                              ),
                            )}
                          </strong>
                          <br />
                          <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
                          {typeof entry.params.caseNumber === "string" ? (
                            <div>{entry.params.caseNumber}</div>
                          ) : null}
                        </>
                      ),
                    }))}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t("detail.deadlines")} style={{ height: "100%" }}>
                <Deadlines deadlines={detail.deadlines} />
                {detail.judgeAssignment ? (
                  <>
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      {t("detail.assignment")}
                    </Typography.Title>
                    <JudgeAssignmentRecord assignment={detail.judgeAssignment} />
                  </>
                ) : null}
              </Card>
            </Col>
          </Row>
          <Card title={t("detail.parties")}>
            <Parties detail={detail} />
          </Card>
          <Card title={t("detail.claims")}>
            <ol className="nc-claims">
              {detail.claims.map((claim) => (
                <li key={claim.position}>
                  {claim.text}
                  {claim.amount !== null ? (
                    <Typography.Text type="secondary">
                      （{t("common.yuan", { amount: formatYuan(claim.amount) })}）
                    </Typography.Text>
                  ) : null}
                </li>
              ))}
            </ol>
            <Typography.Title level={5}>{t("detail.facts")}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>
              {detail.factsAndReasons}
            </Typography.Paragraph>
          </Card>
          {detail.myRoles.includes("judge") ? (
            <JudgeTools caseId={detail.id} claimTotal={detail.claimTotal} />
          ) : null}
          {detail.myRoles.some((role) => role === "judge" || role === "clerk") ? (
            <ElementTablePanel caseId={detail.id} status={detail.status} />
          ) : null}
          <StaffHearingsCard caseId={detail.id} courtId={detail.court.id} onChanged={detailQuery.reload} />
          <CaseServiceRecord detail={detail} onChanged={detailQuery.reload} />
          <DefenceRecord detail={detail} onChanged={detailQuery.reload} />
          <Card title={t("detail.documents")}>
            <Documents caseId={detail.id} />
          </Card>
          <Card title={t("detail.ledgerEvents")}>
            <LedgerEvents caseId={detail.id} />
          </Card>
        </Flex>
      )}
    </Page>
  );
}
