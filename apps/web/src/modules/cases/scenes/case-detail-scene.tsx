import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  Grid,
  List,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { isApiError } from "../../../platform/api-client";
import { i18next } from "../../../platform/i18n";
import { useApiQuery } from "../../../platform/use-api";
import { AttachmentList } from "../../filing/components/attachment-list";
import { CaseServices } from "../../delivery/components/case-services";
import { documentsApi, type CaseDocument } from "../../documents/documents.api";
import { filingsApi, type FilingView } from "../../filing/filing.api";
import { casesApi, type CaseDetail, type Deadline, type TimelineEntry } from "../cases.api";
import { formatDate, formatDateTime, formatYuan, localBasis, localName, translateOr } from "../cases.format";
import { CaseStatusTag } from "./case-status-tag";
import { FilingPanel } from "./filing-panel";
import { DefendantPanel } from "../components/defendant-panel";
import { SimilarCasesPanel } from "./similar-cases-panel";
import { EvidenceLink } from "../../evidence/components/evidence-link";
import { ElementTablePanel } from "../../judgment/components/element-table-panel";
import { CaseMediationPanel } from "../../mediation/components/case-mediation-panel";
import { PartyHearings } from "../../hearing/components/party-hearings";
import "../../filing/filing.css";

const filingStatuses = new Set(["draft", "under_review", "correction_requested"]);
const shownParams = [
  "caseNumber",
  "judgeName",
  "procedure",
  "reviewDueOn",
  "grounds",
  "amountFen",
  "reason",
  "note",
] as const;

type ParamLabel = Exclude<(typeof shownParams)[number], "amountFen"> | "amount";

/** One parameter of a timeline entry in words, or null when it says nothing to the reader. */
function paramLine(name: (typeof shownParams)[number], raw: unknown): string | null {
  const line = (key: ParamLabel, value: string) => i18next.t(`cases:timeline.params.${key}`, { value });
  switch (name) {
    case "grounds":
      return Array.isArray(raw) && raw.length > 0
        ? line(
            "grounds",
            raw
              .map((ground) => translateOr(`cases:refusalGrounds.${String(ground)}`, String(ground)))
              .join("；"),
          )
        : null;
    case "amountFen":
      return typeof raw === "number"
        ? line("amount", i18next.t("cases:detail.yuan", { amount: formatYuan(raw / 100) }))
        : null;
    case "procedure":
      return typeof raw === "string" && raw !== ""
        ? line(name, translateOr(`cases:procedure.${raw}`, raw))
        : null;
    case "reviewDueOn":
      return typeof raw === "string" && raw !== "" ? line(name, formatDate(raw)) : null;
    case "reason":
      return typeof raw === "string" && raw !== ""
        ? line(name, translateOr(`cases:timeline.reasons.${raw}`, raw))
        : null;
    default:
      return typeof raw === "string" && raw !== "" ? line(name, raw) : null;
  }
}

/**
 * A step of the case in the reader's language, named from its kind; a kind this page does not know
 * yet reads as a generic update rather than as a code.
 */
function eventLines(event: TimelineEntry): { label: string; details: string[] } {
  const label = translateOr(`cases:timeline.kinds.${event.kind}`, i18next.t("cases:timeline.other"));
  const details = shownParams.flatMap((name) => paramLine(name, event.params[name]) ?? []);
  return { label, details };
}

function DeadlineRow({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation("cases");
  const isOpen = deadline.status === "open";
  const left = deadline.daysLeft;
  const countdown =
    isOpen && left !== null
      ? left > 0
        ? t("detail.daysLeft", { count: left })
        : left === 0
          ? t("detail.dueToday")
          : t("detail.overdue", { count: -left })
      : null;
  return (
    <List.Item
      extra={
        <Tag
          color={
            isOpen
              ? left !== null && left < 0
                ? "error"
                : "processing"
              : deadline.status === "met"
                ? "success"
                : "default"
          }
        >
          {t(`detail.deadlineStatus.${deadline.status}`)}
        </Tag>
      }
    >
      <List.Item.Meta
        title={translateOr(`cases:detail.deadlineKinds.${deadline.kind}`, deadline.kind)}
        description={
          <>
            <time dateTime={deadline.dueAt}>{formatDateTime(deadline.dueAt)}</time>
            {countdown ? <strong> · {countdown}</strong> : null}
            <div className="nc-muted">{localBasis(deadline)}</div>
          </>
        }
      />
    </List.Item>
  );
}

function Parties({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation(["cases", "filing"]);
  // On a phone each label sits above its value, so long labels and values both keep the full width.
  const isPhone = Grid.useBreakpoint().md === false;
  return (
    <Row gutter={[12, 12]}>
      {detail.parties.map((party) => {
        const agents = detail.agents.filter((agent) => agent.partyId === party.id);
        return (
          <Col xs={24} md={12} key={party.id}>
            <Card
              size="small"
              title={
                <Space wrap>
                  <span>{t(`filing:wizard.roles.${party.role}`)}</span>
                  <strong>{party.name}</strong>
                  {party.isMe ? <Tag color="blue">{t("detail.me")}</Tag> : null}
                </Space>
              }
            >
              <Descriptions
                size="small"
                column={1}
                layout={isPhone ? "vertical" : "horizontal"}
                items={[
                  {
                    key: "kind",
                    label: t("filing:wizard.party.kind"),
                    children: t(`filing:wizard.kinds.${party.kind}`),
                  },
                  ...(party.idNumber
                    ? [
                        {
                          key: "id",
                          label: t("filing:wizard.party.idNumber"),
                          children: <span className="nc-code">{party.idNumber}</span>,
                        },
                      ]
                    : []),
                  ...(party.creditCode
                    ? [
                        {
                          key: "credit",
                          label: t("filing:wizard.party.creditCode"),
                          children: <span className="nc-code">{party.creditCode}</span>,
                        },
                      ]
                    : []),
                  ...(party.legalRepresentative
                    ? [
                        {
                          key: "rep",
                          label: t("filing:wizard.party.legalRepresentative"),
                          children: party.legalRepresentative,
                        },
                      ]
                    : []),
                  ...(party.phone
                    ? [{ key: "phone", label: t("filing:wizard.party.phone"), children: party.phone }]
                    : []),
                  ...(party.address
                    ? [{ key: "address", label: t("filing:wizard.party.address"), children: party.address }]
                    : []),
                  ...agents.map((agent) => ({
                    key: agent.id,
                    label: t("detail.agents"),
                    children: `${agent.name}（${t(`filing:wizard.agents.kinds.${agent.kind}`)}${agent.lawFirm ? `，${agent.lawFirm}` : ""}）${agent.hasFiled ? ` ${t("filing:wizard.filer.filedByAgent", { name: agent.name })}` : ""}`,
                  })),
                ]}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/**
 * The case's documents (起诉状, 交费凭证, 受理通知书, 举证通知书, 应诉通知书, 裁定书 …), each as the Chinese
 * original and the English translation, in PDF and DOCX. Rulings issued before the document pipeline
 * are still listed from the filing's reviews.
 */
function Documents({ filing, documents }: { filing: FilingView | null; documents: CaseDocument[] }) {
  const { t } = useTranslation("cases");
  // On a phone the download links go under the document's name, which keeps the full width.
  const isPhone = Grid.useBreakpoint().md === false;
  const issued = new Set(
    documents.flatMap((d) => d.versions.map((v) => v.docxSha256)).filter((sha) => sha !== null),
  );
  const legacyRulings = (filing?.reviews ?? []).filter(
    (review) =>
      (review.rulingUrl || review.rulingEnUrl) && ![...issued].some((sha) => review.rulingUrl?.endsWith(sha)),
  );
  if (documents.length === 0 && legacyRulings.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.noDocuments")} />;
  return (
    <>
      {documents.length > 0 ? (
        <List
          dataSource={documents}
          itemLayout={isPhone ? "vertical" : "horizontal"}
          data-testid="case-documents"
          renderItem={(document) => {
            const title = t(`detail.documentKinds.${document.kind}`);
            return (
              <List.Item
                data-testid={`document-${document.kind}`}
                style={{ flexWrap: "wrap", gap: 8, alignItems: "flex-start" }}
              >
                <List.Item.Meta
                  title={title}
                  description={
                    <>
                      {document.caseNumber ? (
                        <div>
                          {t("detail.documentCaseNumber", { number: "" })}
                          <span className="nc-code">{document.caseNumber}</span>
                        </div>
                      ) : null}
                      <time dateTime={document.issuedAt}>{formatDateTime(document.issuedAt)}</time>
                    </>
                  }
                />
                <ul className="nc-plain-list" style={{ margin: 0, minWidth: 0 }}>
                  {document.versions.map((version) => {
                    const label =
                      version.locale === "zh-CN" ? t("detail.documentZh") : t("detail.documentEn");
                    return (
                      <li key={version.id}>
                        <span className="nc-muted">{t("detail.documentVersion", { version: label })}</span>
                        <a
                          href={version.pdfUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          aria-label={`${title} ${t("detail.documentLink", { version: label, format: "PDF" })}`}
                        >
                          <FilePdfOutlined aria-hidden /> PDF
                        </a>
                        {" · "}
                        <a
                          href={version.docxUrl}
                          download
                          aria-label={`${title} ${t("detail.documentLink", { version: label, format: "DOCX" })}`}
                        >
                          <FileWordOutlined aria-hidden /> DOCX
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </List.Item>
            );
          }}
        />
      ) : null}
      {legacyRulings.length > 0 ? (
        <List
          dataSource={legacyRulings}
          renderItem={(review) => (
            <List.Item
              actions={[
                ...(review.rulingUrl
                  ? [
                      <a key="zh" href={review.rulingUrl} download>
                        <FileWordOutlined aria-hidden /> {t("detail.rulingZh")}
                      </a>,
                    ]
                  : []),
                ...(review.rulingEnUrl
                  ? [
                      <a key="en" href={review.rulingEnUrl} download>
                        <FileWordOutlined aria-hidden /> {t("detail.rulingEn")}
                      </a>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={t("detail.refusalRuling")}
                description={formatDateTime(review.decidedAt)}
              />
            </List.Item>
          )}
        />
      ) : null}
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="nc-block" title={<h2 className="nc-card-title">{title}</h2>}>
      {children}
    </Card>
  );
}

/**
 * One case as its litigant or lawyer sees it (`/cases/:id`): number, court, judge and query code; the
 * filing and fee; deadlines; what happened; parties, claims, documents and files with their ledger checks.
 */
export function CaseDetailScene() {
  const { t, i18n } = useTranslation("cases");
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const loaded = useApiQuery(
    async (signal) => {
      const [detail, filing, documents] = await Promise.all([
        casesApi.get(id, signal),
        // Cases that did not start as an online filing have no filing view.
        filingsApi.get(id, signal).catch((error: unknown) => {
          if (isApiError(error) && (error.status === 404 || error.status === 403)) return null;
          throw error;
        }),
        documentsApi.list(id).then(
          (list) => list.items,
          (error: unknown) => {
            if (isApiError(error) && (error.status === 404 || error.status === 403)) return [];
            throw error;
          },
        ),
      ]);
      return { detail, filing, documents };
    },
    [id, i18n.language],
  );

  if (loaded.error) {
    return (
      <Page title={t("detail.title")}>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
        <LinkButton to="/cases">{t("detail.back")}</LinkButton>
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <div className="nc-center" aria-busy="true">
        <Spin description={i18next.t("common:a11y.loading")} />
      </div>
    );
  }
  const { detail, filing, documents } = loaded.data;
  const timeline = [...detail.timeline].sort((a, b) => b.at.localeCompare(a.at));
  const latestReview = (decision: string) =>
    [...(filing?.reviews ?? [])].reverse().find((review) => review.decision === decision);
  const correction =
    detail.status === "correction_requested" ? latestReview("correction_requested") : undefined;
  const refusal = detail.status === "refused" ? latestReview("refused") : undefined;
  const showsFiling = filing && (filingStatuses.has(detail.status) || filing.fee !== null);
  // Similar published outcomes help the litigants weigh mediation once the filing is submitted.
  const showsSimilar =
    filing !== null &&
    filing.submittedAt !== null &&
    detail.myRoles.some((role) => role === "filer" || role === "party" || role === "agent");

  return (
    <Page
      title={detail.caseNumber ?? detail.title ?? t("detail.title")}
      intro={detail.caseNumber ? (detail.title ?? undefined) : undefined}
      extra={
        <Space wrap>
          <CaseStatusTag status={detail.status} />
          <EvidenceLink caseId={id} status={detail.status} />
        </Space>
      }
    >
      {correction ? (
        <Alert
          className="nc-block"
          type="warning"
          showIcon
          title={i18next.t("filing:wizard.correction.title")}
          description={
            <>
              <ul>
                {correction.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              {correction.reason ? (
                <div style={{ whiteSpace: "pre-wrap" }} data-testid="correction-note">
                  {t("detail.correctionNote", { text: correction.reason })}
                </div>
              ) : null}
            </>
          }
        />
      ) : null}
      {refusal ? (
        <Alert
          className="nc-block"
          type="error"
          showIcon
          title={t("detail.refusal.title")}
          data-testid="refusal"
          description={
            <>
              {refusal.items.length > 0 ? (
                <>
                  <div>{t("detail.refusal.grounds")}</div>
                  <ul>
                    {refusal.items.map((ground) => (
                      <li key={ground}>{translateOr(`cases:refusalGrounds.${ground}`, ground)}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {refusal.reason ? (
                <div style={{ whiteSpace: "pre-wrap" }}>
                  {t("detail.refusal.reason", { text: refusal.reason })}
                </div>
              ) : null}
              <div className="nc-muted">{t("detail.refusal.appeal")}</div>
            </>
          }
        />
      ) : null}

      <Section title={t("detail.overview")}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: "number",
              label: t("detail.caseNumber"),
              children: (
                <span data-testid="case-number" className="nc-code">
                  {detail.caseNumber ?? t("mine.noCaseNumber")}
                </span>
              ),
            },
            { key: "court", label: t("detail.court"), children: localName(detail.court) },
            {
              key: "cause",
              label: t("detail.cause"),
              children: detail.cause ? localName(detail.cause) : "—",
            },
            {
              key: "procedure",
              label: t("detail.procedure"),
              // "由法院决定": 待定 until the court decides the procedure at registration.
              children: t(`procedure.${detail.procedure ?? "undecided"}`),
            },
            {
              key: "judge",
              label: t("detail.judge"),
              children: <span data-testid="case-judge">{detail.judge?.name ?? t("mine.noJudge")}</span>,
            },
            {
              key: "claimTotal",
              label: t("detail.claimTotal"),
              children: t("detail.yuan", { amount: formatYuan(detail.claimTotal) }),
            },
            {
              key: "submitted",
              label: t("detail.submittedAt"),
              children: formatDateTime(detail.submittedAt),
            },
            ...(detail.acceptedAt
              ? [
                  {
                    key: "accepted",
                    label: t("detail.acceptedAt"),
                    children: formatDateTime(detail.acceptedAt),
                  },
                ]
              : []),
            ...(filing?.queryCode
              ? [
                  {
                    key: "code",
                    label: t("detail.queryCode"),
                    children: (
                      <Space orientation="vertical" size={0}>
                        <Typography.Text
                          copyable={{ tooltips: [t("detail.copy"), t("detail.copied")] }}
                          code
                          data-testid="query-code"
                        >
                          {filing.queryCode}
                        </Typography.Text>
                        <Typography.Text type="secondary" className="nc-muted">
                          {t("detail.queryCodeHelp")}
                        </Typography.Text>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>

      {showsFiling ? (
        <FilingPanel
          filing={filing}
          isReturnFromPayment={search.get("payment") === "done"}
          onChanged={loaded.reload}
          // The case fee is paid before acceptance, so its receipt comes before any counterclaim's.
          receipt={documents.find((d) => d.kind === "fee_receipt")}
        />
      ) : null}

      <CaseMediationPanel caseId={detail.id} onChanged={loaded.reload} />
      <DefendantPanel detail={detail} onChanged={loaded.reload} />
      <PartyHearings caseId={detail.id} />
      {detail.myRoles.some((role) => role === "party" || role === "agent") ? (
        <ElementTablePanel caseId={detail.id} status={detail.status} />
      ) : null}
      {showsSimilar ? <SimilarCasesPanel caseId={detail.id} /> : null}

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Section title={t("detail.deadlines")}>
            {detail.deadlines.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.noDeadlines")} />
            ) : (
              <List
                dataSource={detail.deadlines}
                renderItem={(deadline) => <DeadlineRow deadline={deadline} />}
              />
            )}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t("detail.timeline")}>
            {timeline.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.noEvents")} />
            ) : (
              <Timeline
                items={timeline.map((event, index) => {
                  const { label, details } = eventLines(event);
                  return {
                    key: `${event.at}-${index}`,
                    content: (
                      <>
                        <div>{label}</div>
                        {details.map((line) => (
                          <div key={line} className="nc-muted">
                            {line}
                          </div>
                        ))}
                        <time dateTime={event.at} className="nc-muted">
                          {formatDateTime(event.at)}
                        </time>
                      </>
                    ),
                  };
                })}
              />
            )}
          </Section>
        </Col>
      </Row>

      <Section title={t("detail.parties")}>
        <Parties detail={detail} />
      </Section>

      <Section title={t("detail.claims")}>
        <ol className="nc-plain-list">
          {detail.claims.map((claim) => (
            <li key={claim.position}>
              {claim.text}
              {claim.amount !== null ? (
                <span className="nc-muted">（{t("detail.yuan", { amount: formatYuan(claim.amount) })}）</span>
              ) : null}
            </li>
          ))}
        </ol>
        <h3 className="nc-section-title">{t("detail.facts")}</h3>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>
          {detail.factsAndReasons || "—"}
        </Typography.Paragraph>
      </Section>

      <Section title={t("detail.documents")}>
        <Documents filing={filing} documents={documents} />
      </Section>

      <CaseServices caseId={detail.id} deadlines={detail.deadlines} />

      {filing ? (
        <Section title={t("detail.attachments")}>
          <AttachmentList attachments={filing.attachments} />
        </Section>
      ) : null}

      <LinkButton to="/cases">{t("detail.back")}</LinkButton>
    </Page>
  );
}
