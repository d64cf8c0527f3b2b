import { Flex, Skeleton } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { MyCatalogue, OthersEvidence, Periods, Requests, ReviewTable } from "../components/evidence-sections";
import { evidenceApi } from "../evidence.api";
import "../evidence.css";

/** Evidence exchange of one case, from the party's case page. */
export function EvidenceScene() {
  return <EvidenceWorkspace backTo={(id) => `/cases/${id}`} />;
}

/** Evidence exchange of one case, from the court's case page. */
export function StaffEvidenceScene() {
  return <EvidenceWorkspace backTo={(id) => `/court/cases/${id}`} />;
}

function EvidenceWorkspace({ backTo }: { backTo: (id: string) => string }) {
  const { t, i18n } = useTranslation("evidence");
  const { id = "" } = useParams();
  const loaded = useApiQuery(
    async (signal) => {
      const view = await evidenceApi.get(id, signal);
      const review = view.isStaff ? await evidenceApi.review(id, signal) : null;
      return { view, review };
    },
    [id, i18n.language],
  );
  const reload = loaded.reload;
  const onDone = useCallback(() => reload(), [reload]);
  const data = loaded.data;
  const view = data?.view;
  const isParty = (view?.myParties.length ?? 0) > 0;
  return (
    <Page
      title={t("title")}
      intro={view ? [view.caseNumber, view.title].filter(Boolean).join(" · ") || t("intro") : t("intro")}
      width="wide"
      extra={<LinkButton to={backTo(id)}>{t("back")}</LinkButton>}
    >
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      {!data || !view ? (
        loaded.error ? null : (
          <Skeleton active aria-label={t("loading")} />
        )
      ) : (
        <Flex vertical gap="middle" className="nc-evidence">
          <Periods view={view} onDone={onDone} />
          <Requests view={view} onDone={onDone} />
          {isParty ? <MyCatalogue view={view} onDone={onDone} /> : null}
          {isParty ? <OthersEvidence view={view} onDone={onDone} /> : null}
          {data.review ? <ReviewTable view={view} review={data.review} onDone={onDone} /> : null}
        </Flex>
      )}
    </Page>
  );
}
