import { Button, Card, Divider, Empty, Flex, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useApiQuery } from "../../../platform/use-api";
import { AsyncTrialCard } from "../async/async-trial-card";
import { hearingApi } from "../hearing.api";
import { HearingActs } from "./hearing-acts";
import { HearingDetails } from "./hearing-details";
import { ScheduleHearingForm } from "./schedule-hearing-form";

/**
 * The hearings of a case on the staff case page: each sitting with its summonses, the acts the caller
 * may take, and — for the judge in charge — the form to fix the next hearing.
 */
export function StaffHearingsCard({
  caseId,
  courtId,
  onChanged,
}: {
  caseId: string;
  courtId: string;
  onChanged?: () => void;
}) {
  const { t } = useTranslation("hearing");
  const [isFormOpen, setFormOpen] = useState(false);
  const hearings = useApiQuery((signal) => hearingApi.ofCase(caseId, signal), [caseId]);
  const changed = () => {
    hearings.reload();
    onChanged?.();
  };
  return (
    <>
      <Card title={t("card.title")} data-testid="staff-hearings">
        <ErrorAlert error={hearings.error} onRetry={hearings.reload} />
        {!hearings.data ? (
          hearings.error ? null : (
            <Skeleton active paragraph={{ rows: 2 }} />
          )
        ) : (
          <Flex vertical gap="small">
            {hearings.data.items.length === 0 ? (
              <Empty description={t("card.empty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              hearings.data.items.map((hearing, index) => (
                <div key={hearing.id}>
                  {index > 0 ? <Divider /> : null}
                  <HearingDetails hearing={hearing} isCourt />
                  <HearingActs hearing={hearing} onDone={changed} />
                </div>
              ))
            )}
            {hearings.data.canSchedule ? (
              isFormOpen ? (
                <>
                  <Divider>{t("form.title")}</Divider>
                  <ScheduleHearingForm
                    caseId={caseId}
                    courtId={courtId}
                    onDone={() => {
                      setFormOpen(false);
                      changed();
                    }}
                  />
                </>
              ) : (
                <div>
                  <Button type="primary" onClick={() => setFormOpen(true)}>
                    {t("card.schedule")}
                  </Button>
                </div>
              )
            ) : null}
          </Flex>
        )}
      </Card>
      <AsyncTrialCard caseId={caseId} onChanged={onChanged} />
    </>
  );
}
