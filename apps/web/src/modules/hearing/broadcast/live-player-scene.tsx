import { Descriptions, Result, Skeleton, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { formatDateTime } from "../../cases/cases.format";
import { isApiError } from "../../../platform/api-client";
import { useApiQuery } from "../../../platform/use-api";
import { broadcastApi } from "./broadcast.api";
import { canPlayLive, LivePlayer } from "./live-player";
import { publicCaseText } from "./live-list-scene";
import "./broadcast.css";

/** A random id this page keeps, so the court counts each viewer once (no personal data). */
function viewerId(): string {
  try {
    const stored = window.sessionStorage.getItem("nc_viewer");
    if (stored) return stored;
    const fresh = crypto.randomUUID().replaceAll("-", "");
    window.sessionStorage.setItem("nc_viewer", fresh);
    return fresh;
  } catch {
    return crypto.randomUUID().replaceAll("-", "");
  }
}

/**
 * The public player of a streamed hearing: live with its delay, or the replay once it ended (庭审录音录像
 * 规定第十二条). The measured delay is also on the player's `data-delay-ms`.
 */
export function LivePlayerScene() {
  const { t } = useTranslation("broadcast");
  const { hearingId = "" } = useParams();
  const status = useApiQuery((signal) => broadcastApi.publicLive(hearingId, viewerId(), signal), [hearingId]);
  const video = useRef<HTMLVideoElement>(null);
  const [delayMs, setDelayMs] = useState<number | null>(null);
  const [mode, setMode] = useState<"live" | "replay" | null>(null);
  const [playError, setPlayError] = useState<unknown>(null);

  useEffect(() => {
    if (status.data) setMode(status.data.status === "live" ? "live" : "replay");
  }, [status.data]);

  useEffect(() => {
    const element = video.current;
    const data = status.data;
    if (!element || !data || !mode || !canPlayLive()) return;
    const player = new LivePlayer(element, viewerId(), {
      onDelay: (ms) => setDelayMs(Math.max(0, Math.round(ms))),
      onEnded: () => setMode("replay"),
      onError: setPlayError,
    });
    if (mode === "live") void player.playLive(data);
    else
      void broadcastApi.replay(hearingId, data.streamId).then(
        (replay) => player.playReplay(replay),
        (error: unknown) => setPlayError(error),
      );
    return () => player.destroy();
  }, [status.data, mode, hearingId]);

  if (status.error) {
    return (
      <Page title={t("public.listTitle")}>
        {isApiError(status.error, "hearing_not_found") ? (
          <Result
            status="404"
            subTitle={t("public.notFound")}
            extra={<LinkButton to="/live">{t("public.back")}</LinkButton>}
          />
        ) : (
          <ErrorAlert error={status.error} onRetry={status.reload} />
        )}
      </Page>
    );
  }
  const data = status.data;
  const text = data ? publicCaseText(data) : null;
  return (
    <Page
      title={data?.caseNumber ?? t("public.listTitle")}
      extra={<LinkButton to="/live">{t("public.back")}</LinkButton>}
    >
      {!data || !text ? (
        <Skeleton active />
      ) : (
        <>
          {!canPlayLive() ? <Result status="warning" subTitle={t("public.unsupported")} /> : null}
          <div
            className="nc-live-player"
            data-testid="live-player"
            data-mode={mode ?? ""}
            data-delay-ms={delayMs ?? ""}
          >
            <video ref={video} muted autoPlay playsInline controls aria-label={t("public.playerLabel")} />
            <Tag className="nc-live-badge" color={mode === "live" ? "red" : "default"}>
              {mode === "live" ? t("public.liveBadge") : t("public.replayBadge")}
            </Tag>
          </div>
          {mode === "replay" ? <Typography.Paragraph>{t("public.ended")}</Typography.Paragraph> : null}
          <ErrorAlert error={isApiError(playError) ? playError : null} />
          <Descriptions className="nc-live-meta" size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t("public.caseNumber")}>{data.caseNumber ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("public.cause")}>{text.cause}</Descriptions.Item>
            <Descriptions.Item label={t("public.parties")}>{text.parties}</Descriptions.Item>
            <Descriptions.Item label={t("public.startedAt")}>
              {formatDateTime(data.startedAt)}
            </Descriptions.Item>
            {mode === "live" ? (
              <Descriptions.Item label={t("public.delay")}>
                <span data-testid="live-delay" aria-live="off">
                  {delayMs === null
                    ? t("public.waiting")
                    : t("public.delayValue", { seconds: (delayMs / 1000).toFixed(1) })}
                </span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Paragraph type="secondary" className="nc-live-meta">
            {t("public.notice")}
          </Typography.Paragraph>
        </>
      )}
    </Page>
  );
}
