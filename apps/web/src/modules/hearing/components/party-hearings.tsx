import { Alert, Card, Divider } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useApiQuery } from "../../../platform/use-api";
import { AsyncTrialCard } from "../async/async-trial-card";
import { hearingApi } from "../hearing.api";
import { HearingDetails } from "./hearing-details";

/** The hearings of a case as a party or agent sees them: date, mode, place and their own summons. */
export function PartyHearings({ caseId }: { caseId: string }) {
  const { t } = useTranslation("hearing");
  const hearings = useApiQuery((signal) => hearingApi.ofCase(caseId, signal), [caseId]);
  const items = (hearings.data?.items ?? []).filter((h) => h.status !== "cancelled");
  const next = items.find((h) => h.status === "scheduled");
  // The asynchronous trial (在线诉讼规则第二十条) shows beside the hearings, and without them.
  if (!hearings.error && items.length === 0) return <AsyncTrialCard caseId={caseId} />;
  return (
    <>
      <Card
        className="nc-block"
        title={<h2 className="nc-card-title">{t("party.title")}</h2>}
        data-testid="party-hearings"
      >
        <ErrorAlert error={hearings.error} onRetry={hearings.reload} />
        {next ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={next.mode === "online" ? t("party.onlineHint") : t("party.courtroomHint")}
          />
        ) : null}
        {items.map((hearing, index) => (
          <div key={hearing.id}>
            {index > 0 ? <Divider /> : null}
            <HearingDetails hearing={hearing} isCourt={false} />
          </div>
        ))}
      </Card>
      <AsyncTrialCard caseId={caseId} />
    </>
  );
}
