import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Form,
  InputNumber,
  List,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { currentLocale } from "../../../platform/i18n";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { formatDate, formatYuan } from "../../cases/cases.format";
import {
  judgeToolsApi,
  type ApplicableArticle,
  type Deviation,
  type Localized,
  type RangeCheck,
  type SimilarCases as SimilarCasesResponse,
  type SimilarHit,
} from "../workbench.api";

const local = (text: Localized) => (currentLocale() === "en" ? text.en : text["zh-CN"]);
const percent = (value: number) =>
  new Intl.NumberFormat(currentLocale(), { style: "percent", maximumFractionDigits: 1 }).format(value);

/** A passage with the matched words the server put in 【】, shown highlighted. */
function Marked({ text }: { text: string }) {
  const parts = text.split(/(【[^】]*】)/u);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith("【") && part.endsWith("】") ? (
          <mark key={index}>{part.slice(1, -1)}</mark>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function SimilarCase({ hit }: { hit: SimilarHit }) {
  const { t } = useTranslation("workbench");
  const j = hit.judgment;
  const explanation = hit.explanation;
  return (
    <List.Item style={{ display: "block" }}>
      <Space wrap size={[8, 2]}>
        <Typography.Text strong>{j.title}</Typography.Text>
        <Tag color="blue">{t("tools.score", { score: percent(Math.min(hit.score, 1)) })}</Tag>
      </Space>
      <div>
        <Typography.Text type="secondary">
          {[
            j.caseNumber,
            j.courtName,
            j.decidedOn ? t("tools.decidedOn", { date: formatDate(j.decidedOn) }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Typography.Text>
      </div>
      {explanation && explanation.sharedArticles.length > 0 ? (
        <div>{t("tools.sharedArticles", { items: explanation.sharedArticles.join("、") })}</div>
      ) : null}
      {explanation && explanation.sharedElements.length > 0 ? (
        <div>{t("tools.sharedElements", { items: explanation.sharedElements.join("、") })}</div>
      ) : null}
      {j.claimedAmount !== null && j.awardedAmount !== null ? (
        <div>
          {t("tools.claimAward", {
            claimed: formatYuan(j.claimedAmount),
            awarded: formatYuan(j.awardedAmount),
          })}
        </div>
      ) : null}
      {explanation?.passages.slice(0, 2).map((p, index) => (
        <Typography.Paragraph key={index} type="secondary" style={{ margin: "4px 0 0" }}>
          <Marked text={p.marked} />
        </Typography.Paragraph>
      ))}
      {j.outcomeExcerpt ? (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: "4px 0 0" }}>
          {t("tools.outcome", { text: j.outcomeExcerpt })}
        </Typography.Paragraph>
      ) : null}
    </List.Item>
  );
}

/** What the similar-case index holds: how many judgments and where they come from. */
function IndexScope({ indexed, sources }: Pick<SimilarCasesResponse, "sources"> & { indexed: number }) {
  const { t } = useTranslation("workbench");
  if (indexed === 0) return <>{t("tools.indexedNone")}</>;
  const names = sources.map(({ source, judgments }) =>
    sources.length === 1
      ? t(`tools.sources.${source}`)
      : t("tools.sourceCount", { source: t(`tools.sources.${source}`), count: judgments }),
  );
  return (
    <>{t("tools.indexed", { count: indexed, sources: names.join(currentLocale() === "en" ? "; " : "、") })}</>
  );
}

function SimilarCases({ caseId }: { caseId: string }) {
  const { t } = useTranslation("workbench");
  const similar = useApiQuery((signal) => judgeToolsApi.similar(caseId, signal), [caseId]);
  if (similar.error) return <ErrorAlert error={similar.error} onRetry={similar.reload} />;
  if (!similar.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  return (
    <>
      <Typography.Text type="secondary">
        <IndexScope indexed={similar.data.indexedJudgments} sources={similar.data.sources} />
      </Typography.Text>
      {similar.data.items.length === 0 ? (
        <Empty description={t("tools.similarEmpty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={similar.data.items}
          renderItem={(hit) => <SimilarCase key={hit.judgment.id} hit={hit} />}
        />
      )}
    </>
  );
}

function Articles({ caseId }: { caseId: string }) {
  const { t } = useTranslation("workbench");
  const articles = useApiQuery((signal) => judgeToolsApi.articles(caseId, signal), [caseId]);
  if (articles.error) return <ErrorAlert error={articles.error} onRetry={articles.reload} />;
  if (!articles.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  const loading = articles.data.catalogueLoading ? (
    <Alert type="info" showIcon message={t("tools.catalogueLoading")} style={{ marginBottom: 8 }} />
  ) : null;
  if (articles.data.items.length === 0)
    return (
      <>
        {loading}
        <Empty description={t("tools.articlesEmpty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      </>
    );
  return (
    <>
      {loading}
      <Collapse
        size="small"
        items={articles.data.items.map((item: ApplicableArticle) => ({
          key: item.key,
          label: (
            <Space wrap size={[8, 2]}>
              <span>{local(item.article?.citation ?? item.citation)}</span>
              <Tag color={item.basis === "cited_in_case" ? "gold" : "blue"}>
                {item.basis === "cited_in_case"
                  ? t("tools.citedInCase")
                  : t("tools.fromSimilar", { count: item.similarCases })}
              </Tag>
            </Space>
          ),
          children: item.article ? (
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
              {item.article.text}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t("tools.articleMissing")}</Typography.Text>
          ),
        }))}
      />
    </>
  );
}

function RangeLine({ check, kind }: { check: RangeCheck; kind: "award" | "term" }) {
  const { t } = useTranslation("workbench");
  if (!check.range) return null;
  const show = kind === "award" ? percent : (n: number) => String(Math.round(n));
  return (
    <>
      <div>
        {t(kind === "award" ? "tools.awardRange" : "tools.termRange", {
          low: show(check.range.low),
          high: show(check.range.high),
          median: show(check.range.median),
          proposed: show(check.proposed),
        })}
      </div>
      {check.percentile !== null ? (
        <div>{t("tools.percentile", { percent: percent(check.percentile) })}</div>
      ) : null}
      {check.cases.length > 0 ? (
        <>
          <Typography.Text type="secondary">{t("tools.casesBehind")}</Typography.Text>
          <ul className="nc-compact-list">
            {check.cases.slice(0, 8).map((c) => (
              <li key={c.judgmentId}>
                {c.caseNumber ?? c.title}（{show(c.value)}）
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

interface DeviationForm {
  awardedAmount?: number | null;
  claimedAmount?: number | null;
  termMonths?: number | null;
  articles?: string[];
}

function DeviationCheck({ caseId, claimTotal }: { caseId: string; claimTotal: number }) {
  const { t } = useTranslation("workbench");
  const [form] = Form.useForm<DeviationForm>();
  const [result, setResult] = useState<Deviation | null>(null);
  const check = useSubmit(async (values: DeviationForm) => {
    setResult(
      await judgeToolsApi.deviation(caseId, {
        articles: values.articles ?? [],
        awardedAmount: values.awardedAmount ?? null,
        claimedAmount: values.claimedAmount ?? null,
        termMonths: values.termMonths ?? null,
      }),
    );
  });
  // With too few similar cases the server compares nothing; saying "no deviation" would mislead too.
  const isTooFew = result?.findings.some((f) => f.code === "too_few_comparable_cases") ?? false;
  return (
    <>
      <Typography.Paragraph type="secondary">{t("tools.deviationIntro")}</Typography.Paragraph>
      <Form<DeviationForm> form={form} layout="vertical" onFinish={(values) => void check.submit(values)}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="awardedAmount" label={t("tools.awardedAmount")}>
              <InputNumber min={0} precision={2} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="claimedAmount" label={t("tools.claimedAmount")}>
              <InputNumber
                min={0}
                precision={2}
                style={{ width: "100%" }}
                placeholder={formatYuan(claimTotal)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="termMonths" label={t("tools.termMonths")}>
              <InputNumber min={0} max={600} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="articles"
              label={t("tools.deviationArticles")}
              extra={t("tools.deviationArticlesHelp")}
            >
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[",", "，", "、"]} />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit" loading={check.isSubmitting}>
          {t("tools.check")}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <ErrorAlert error={check.error} details={check.otherDetails} />
        {result ? (
          <div aria-live="polite" data-testid="deviation-result">
            <Alert
              type={isTooFew ? "info" : result.isWarning ? "warning" : "success"}
              showIcon
              title={
                isTooFew ? t("tools.tooFew") : result.isWarning ? t("tools.warning") : t("tools.noWarning")
              }
              description={
                <>
                  {isTooFew ? null : <div>{t("tools.neighbours", { count: result.neighbours })}</div>}
                  <ul className="nc-compact-list">
                    {result.findings.map((f, index) => (
                      <li key={`${f.code}-${index}`}>
                        {f.severity === "warning" ? <Tag color="orange">!</Tag> : null}
                        {local(f.message)}
                      </li>
                    ))}
                  </ul>
                  {result.award ? <RangeLine check={result.award} kind="award" /> : null}
                  {result.term ? <RangeLine check={result.term} kind="term" /> : null}
                </>
              }
            />
          </div>
        ) : null}
      </div>
    </>
  );
}

/**
 * The judge's aids on a case page: similar decided cases with why they match, the articles that apply
 * (with their text in force) and the deviation check of a proposed outcome against similar cases.
 */
export function JudgeTools({ caseId, claimTotal }: { caseId: string; claimTotal: number }) {
  const { t } = useTranslation("workbench");
  return (
    <Card title={t("tools.title")} className="nc-judge-tools">
      <Typography.Paragraph type="secondary">{t("tools.intro")}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t("tools.similar")}
          </Typography.Title>
          <SimilarCases caseId={caseId} />
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t("tools.articles")}
          </Typography.Title>
          <Articles caseId={caseId} />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
            {t("tools.deviation")}
          </Typography.Title>
          <DeviationCheck caseId={caseId} claimTotal={claimTotal} />
        </Col>
      </Row>
    </Card>
  );
}
