import { Card, Descriptions, Empty, Skeleton, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../../components/link-button";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { formatDateTime } from "../../cases/cases.format";
import { currentLocale } from "../../../platform/i18n";
import { useApiQuery } from "../../../platform/use-api";
import { broadcastApi, type PublicCase } from "./broadcast.api";
import "./broadcast.css";

/** The case as the public may see it, in the reader's language. */
export function publicCaseText(item: PublicCase): { cause: string; parties: string } {
  const isEnglish = currentLocale() === "en";
  return {
    cause: (isEnglish ? item.causeNameEn : item.causeNameZh) ?? item.causeNameZh ?? "—",
    parties: (isEnglish ? item.partiesEn : item.partiesZh) ?? item.partiesZh ?? "—",
  };
}

/** 庭审直播: the public hearings streamed now (在线诉讼规则第二十七条: public hearings open online). */
export function LiveListScene() {
  const { t } = useTranslation("broadcast");
  const list = useApiQuery((signal) => broadcastApi.liveHearings(signal), []);
  return (
    <Page title={t("public.listTitle")} intro={t("public.listIntro")}>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {!list.data ? (
        list.error ? null : (
          <Skeleton active />
        )
      ) : list.data.items.length === 0 ? (
        <Empty description={t("public.empty")} />
      ) : (
        <ul className="nc-live-list" data-testid="live-list">
          {list.data.items.map((item) => {
            const text = publicCaseText(item);
            return (
              <li key={item.hearingId}>
                <Card
                  title={
                    <span>
                      <Tag color="red">{t("public.liveBadge")}</Tag>
                      {item.caseNumber ?? text.cause}
                    </span>
                  }
                  extra={
                    <LinkButton
                      type="primary"
                      to={`/live/${item.hearingId}`}
                      aria-label={`${t("public.watch")} ${item.caseNumber ?? ""}`}
                    >
                      {t("public.watch")}
                    </LinkButton>
                  }
                >
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t("public.cause")}>{text.cause}</Descriptions.Item>
                    <Descriptions.Item label={t("public.parties")}>{text.parties}</Descriptions.Item>
                    <Descriptions.Item label={t("public.startedAt")}>
                      {formatDateTime(item.startedAt)}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      <Typography.Paragraph type="secondary" className="nc-live-meta">
        {t("public.notice")}
      </Typography.Paragraph>
    </Page>
  );
}
