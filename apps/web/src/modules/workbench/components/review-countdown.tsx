import { Progress, Space, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../cases/cases.format";
import { remainingPercent, urgencyColors, urgencyOf } from "../workbench.rules";

const barColors = {
  calm: "#389e0d",
  near: "#d46b08",
  last: "#cf1322",
  overdue: "#c41d7f",
  unknown: "#bfbfbf",
};

/**
 * The registration review's countdown as the server computed it (days left to `reviewDueOn`, which already
 * moves past statutory days off): a coloured tag with the days in words, the due date and a bar.
 */
export function ReviewCountdown({
  daysLeft,
  reviewDueOn,
  hasBar = true,
}: {
  daysLeft: number | null;
  reviewDueOn: string | null;
  hasBar?: boolean;
}) {
  const { t } = useTranslation("workbench");
  if (daysLeft === null || reviewDueOn === null) return <span>{t("common.none")}</span>;
  const urgency = urgencyOf(daysLeft);
  const text =
    daysLeft < 0
      ? t("countdown.overdue", { count: -daysLeft })
      : daysLeft === 0
        ? t("countdown.today")
        : t("countdown.left", { count: daysLeft });
  return (
    <Tooltip title={t("countdown.basis")}>
      <Space orientation="vertical" size={2} className="nc-countdown" data-urgency={urgency}>
        <Tag color={urgencyColors[urgency]} style={{ marginInlineEnd: 0 }}>
          {text}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("countdown.dueOn", { date: formatDate(reviewDueOn) })}
        </Typography.Text>
        {hasBar ? (
          <Progress
            percent={remainingPercent(daysLeft)}
            showInfo={false}
            size="small"
            strokeColor={barColors[urgency]}
            aria-label={`${t("countdown.label")}: ${text}`}
            style={{ width: 96, margin: 0 }}
          />
        ) : null}
      </Space>
    </Tooltip>
  );
}
