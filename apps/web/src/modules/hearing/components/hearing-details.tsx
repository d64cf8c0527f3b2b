import { Alert, Collapse, Descriptions, Flex, Tag, Typography } from "antd";
import "../hearing.css";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../../components/link-button";
import { formatDateTime } from "../../cases/cases.format";
import type { Hearing } from "../hearing.api";
import { placeOf, sittingTime } from "../hearing.format";
import { TranscriptPanel } from "../transcript/transcript-panel";
import { TranscriptSigning } from "../transcript/transcript-signing";

const statusColors = {
  scheduled: "blue",
  adjourned: "orange",
  cancelled: "default",
  in_progress: "green",
  held: "success",
} as const;

/** One hearing: time, mode, place, the court's people, publicity, summonses and adjournments. */
export function HearingDetails({ hearing, isCourt }: { hearing: Hearing; isCourt: boolean }) {
  const { t, i18n } = useTranslation("hearing");
  const summonses = hearing.summonses.filter((s) => s.isCurrent && (isCourt || s.isMine));
  const late = summonses.filter((s) => s.notice === "late");
  const { t: tRoom } = useTranslation("hearingRoom");
  const { t: tTranscript } = useTranslation("transcript");
  // The online hearing room: the parties enter once it is open; the court opens it on the day.
  const roomLink =
    hearing.mode === "online" &&
    (hearing.status === "in_progress" || (isCourt && hearing.status === "scheduled"))
      ? `${isCourt ? "/court" : ""}/hearings/${hearing.id}/room`
      : null;
  return (
    <div data-testid="hearing-details">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("card.sitting", { n: hearing.sitting })}{" "}
        <Tag color={statusColors[hearing.status]}>{t(`status.${hearing.status}`)}</Tag>
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t("card.time")}>{sittingTime(hearing)}</Descriptions.Item>
        <Descriptions.Item label={t("form.mode")}>{t(`mode.${hearing.mode}`)}</Descriptions.Item>
        <Descriptions.Item label={t("card.place")}>{placeOf(hearing)}</Descriptions.Item>
        <Descriptions.Item label={t("card.judge")}>{hearing.judge.name}</Descriptions.Item>
        <Descriptions.Item label={t("card.clerk")}>{hearing.clerk?.name ?? t("card.none")}</Descriptions.Item>
        <Descriptions.Item label={t("card.publicity")}>
          {hearing.isPublic
            ? t("card.public")
            : t("card.notPublic", {
                reason: t(`notPublic.${hearing.notPublicReason ?? "law_provides"}`),
                basis: hearing.notPublicBasis ?? "",
              })}
        </Descriptions.Item>
        {hearing.offlineReason ? (
          <Descriptions.Item label={t("card.offlineReason")}>
            {t(`offline.${hearing.offlineReason}`)}
          </Descriptions.Item>
        ) : null}
        {hearing.cancelReason ? (
          <Descriptions.Item label={t("card.cancelReason")}>{hearing.cancelReason}</Descriptions.Item>
        ) : null}
      </Descriptions>
      {roomLink ? (
        <LinkButton type="primary" to={roomLink} data-testid="enter-hearing-room" style={{ marginBottom: 8 }}>
          {tRoom("enter")}
        </LinkButton>
      ) : null}
      {/* The transcript to read and sign once the clerk closes it (民事诉讼法第一百五十条); nothing before. */}
      {hearing.status === "in_progress" || hearing.status === "held" ? (
        <>
          {isCourt ? (
            // The clerk's editor, opened on demand (it polls while open).
            <Collapse
              size="small"
              destroyOnHidden
              style={{ marginBottom: 8 }}
              items={[
                {
                  key: "transcript",
                  label: tTranscript("title"),
                  children: <TranscriptPanel hearingId={hearing.id} canEdit />,
                },
              ]}
            />
          ) : null}
          <TranscriptSigning hearingId={hearing.id} />
        </>
      ) : null}
      {summonses.length > 0 && hearing.status !== "cancelled" ? (
        <>
          <Typography.Title level={5} className="nc-hearing-subtitle">
            {t("card.summonses")}
          </Typography.Title>
          {isCourt && late.length > 0 && hearing.status === "scheduled" ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="summons-notice-late"
              title={t("card.noticeLate", {
                names: new Intl.ListFormat(i18n.language).format(late.map((s) => s.recipientName)),
              })}
            />
          ) : null}
          <Flex vertical gap="small" data-testid="hearing-summonses">
            {summonses.map((s) => (
              <Flex key={s.id} wrap align="center" gap="small" justify="space-between">
                <span>
                  {t("card.summonsTo", {
                    name: s.recipientName,
                    role: t(`participantRole.${s.recipientRole}`),
                  })}
                  <Typography.Text type="secondary"> · {formatDateTime(s.issuedAt)}</Typography.Text>{" "}
                  <Tag color={s.notice === "late" ? "red" : s.notice === "in_time" ? "green" : "default"}>
                    {t(`card.notice.${s.notice}`, { date: s.servedAt ? formatDateTime(s.servedAt) : "" })}
                  </Tag>
                </span>
                {s.isMine && s.serviceId ? (
                  <LinkButton size="small" type="primary" to={`/served/${s.serviceId}`}>
                    {t("card.openSummons")}
                  </LinkButton>
                ) : null}
              </Flex>
            ))}
          </Flex>
        </>
      ) : null}
      {hearing.adjournments.length > 0 ? (
        <>
          <Typography.Title level={5} className="nc-hearing-subtitle">
            {t("card.adjournments")}
          </Typography.Title>
          <ul className="nc-hearing-adjournments">
            {hearing.adjournments.map((a) => (
              <li key={a.decidedAt}>
                {t("card.adjournment", {
                  date: formatDateTime(a.previousStartsAt),
                  ground: `${t(`grounds.${a.ground}`)}（${a.basis}）`,
                  reason: a.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
