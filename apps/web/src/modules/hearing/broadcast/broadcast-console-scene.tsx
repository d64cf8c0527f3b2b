import { Result, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { isApiError } from "../../../platform/api-client";
import { useApiQuery } from "../../../platform/use-api";
import { broadcastApi } from "./broadcast.api";
import { BroadcastControls } from "./broadcast-controls";

/**
 * The judge's or clerk's recording and live-stream page of one hearing, with this device's camera: for a
 * hearing in a physical courtroom, or when the hearing room is not used.
 */
export function BroadcastConsoleScene() {
  const { t } = useTranslation("broadcast");
  const { hearingId = "" } = useParams();
  const control = useApiQuery((signal) => broadcastApi.liveControl(hearingId, signal), [hearingId]);
  return (
    <Page title={t("console.title")} intro={t("console.intro")}>
      {control.error ? (
        isApiError(control.error, "hearing_not_found") ? (
          <Result status="404" subTitle={t("console.notFound")} />
        ) : (
          <ErrorAlert error={control.error} onRetry={control.reload} />
        )
      ) : !control.data ? (
        <Skeleton active />
      ) : (
        <BroadcastControls hearingId={hearingId} />
      )}
    </Page>
  );
}
