import { MailOutlined } from "@ant-design/icons";
import { Badge } from "antd";
import { useTranslation } from "react-i18next";
import { useUnreadCount } from "../unread-count";
import "../delivery.css";

/** The inbox's navigation icon with the unread count as a badge (and as text for screen readers). */
export function InboxNavIcon() {
  const { t } = useTranslation("delivery");
  const unread = useUnreadCount();
  return (
    <span className="nc-inbox-icon" data-testid="inbox-unread" data-unread={unread}>
      <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
        <MailOutlined />
      </Badge>
      {unread > 0 ? (
        <span className="nc-visually-hidden">{t("inbox.unreadCount", { count: unread })}</span>
      ) : null}
    </span>
  );
}
