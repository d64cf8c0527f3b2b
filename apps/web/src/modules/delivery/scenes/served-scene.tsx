import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions, Grid, Result, Space, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { isApiError } from "../../../platform/api-client";
import { i18next } from "../../../platform/i18n";
import { useApiQuery } from "../../../platform/use-api";
import { casesApi } from "../../cases/cases.api";
import { formatDate, localName } from "../../cases/cases.format";
import { deliveryApi } from "../delivery.api";
import { ServiceStatusTag } from "../components/case-services";
import { dueDateOf, followingLabel, servedKindLabel } from "../service-labels";
import "../delivery.css";

/** Not the addressee, or a defendant who has not joined the case yet: how to get to the document. */
function NotFound() {
  const { t } = useTranslation("delivery");
  return (
    <Page title={t("served.notFound.title")}>
      <Result status="404" subTitle={t("served.notFound.description")} />
      <Card
        title={<h2 className="nc-card-title">{t("served.notFound.newcomer")}</h2>}
        data-testid="served-newcomer"
      >
        <Typography.Paragraph>{t("served.notFound.steps")}</Typography.Paragraph>
        <ol>
          <li>{t("served.notFound.step1")}</li>
          <li>{t("served.notFound.step2")}</li>
          <li>{t("served.notFound.step3")}</li>
        </ol>
        <Space wrap>
          <LinkButton to="/account/verification">{t("served.notFound.verify")}</LinkButton>
          <LinkButton type="primary" to="/cases/link">
            {t("served.notFound.link")}
          </LinkButton>
        </Space>
      </Card>
    </Page>
  );
}

/**
 * The page the SMS or e-mail link opens (`/served/:serviceId`): opening it records the opening (which
 * completes service at an address the addressee did not confirm); it shows what was served, the
 * downloads in both languages, the date of service and the period that follows, and the way to the case.
 */
export function ServedScene() {
  const { t, i18n } = useTranslation("delivery");
  const { serviceId = "" } = useParams();
  const isPhone = Grid.useBreakpoint().md === false;
  const loaded = useApiQuery(
    async (signal) => {
      const served = await deliveryApi.openServed(serviceId, signal);
      // The addressee is a party of the case; the case adds its number, court and deadlines.
      const detail = await casesApi.get(served.service.caseId, signal).catch(() => null);
      return { served, detail };
    },
    [serviceId, i18n.language],
  );

  if (isApiError(loaded.error) && (loaded.error.status === 404 || loaded.error.status === 400))
    return <NotFound />;
  if (loaded.error) {
    return (
      <Page title={t("served.title")}>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
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
  const { served, detail } = loaded.data;
  const { service } = served;
  const document = servedKindLabel(service.kind);
  const caseNumber = detail?.caseNumber ?? served.documents[0]?.title ?? "—";
  const following = service.followingDeadline;
  const due = detail ? dueDateOf(service, detail.deadlines) : undefined;
  const label = following ? followingLabel(following.kind) : "";

  return (
    <Page
      title={t("served.title")}
      intro={t("served.intro")}
      extra={<ServiceStatusTag status={service.status} />}
    >
      <Card className="nc-service-block" title={<h2 className="nc-card-title">{document}</h2>}>
        <Descriptions
          size="small"
          column={1}
          layout={isPhone ? "vertical" : "horizontal"}
          items={[
            { key: "document", label: t("served.document"), children: document },
            {
              key: "case",
              label: t("served.caseNumber"),
              children: (
                <span className="nc-code" data-testid="served-case-number">
                  {caseNumber}
                </span>
              ),
            },
            ...(detail
              ? [{ key: "court", label: t("served.court"), children: localName(detail.court) }]
              : []),
            {
              key: "served",
              label: t("served.servedAt"),
              children: (
                <span data-testid="served-at">
                  {service.servedAt ? formatDate(service.servedAt) : t("served.notYet")}
                </span>
              ),
            },
            ...(service.servedHow
              ? [{ key: "how", label: t("served.how"), children: t(`service.how.${service.servedHow}`) }]
              : []),
          ]}
        />
      </Card>

      <Card className="nc-service-block" title={<h2 className="nc-card-title">{t("served.downloads")}</h2>}>
        <ul className="nc-plain-list" data-testid="served-downloads">
          {served.documents.map((version) => {
            const versionLabel = version.locale === "zh-CN" ? t("served.versionZh") : t("served.versionEn");
            return (
              <li key={version.id} className="nc-served-download">
                <span>{versionLabel}</span>
                <a
                  href={version.pdfUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={t("served.link", { document, version: versionLabel, format: "PDF" })}
                >
                  <FilePdfOutlined aria-hidden /> PDF
                </a>
                <a
                  href={version.docxUrl}
                  download
                  aria-label={t("served.link", { document, version: versionLabel, format: "DOCX" })}
                >
                  <FileWordOutlined aria-hidden /> DOCX
                </a>
              </li>
            );
          })}
        </ul>
      </Card>

      <Card className="nc-service-block" title={<h2 className="nc-card-title">{t("served.next")}</h2>}>
        {following ? (
          <Alert
            type="info"
            showIcon
            data-testid="served-next"
            title={
              due
                ? t("served.dueBy", { label, date: formatDate(due) })
                : t("served.dueLater", { label, days: following.days })
            }
            description={t("served.answerHelp")}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Typography.Paragraph>{t("served.caseHelp")}</Typography.Paragraph>
        <LinkButton type="primary" to={`/cases/${service.caseId}`}>
          {t("served.openCase")}
        </LinkButton>
      </Card>
    </Page>
  );
}
