import { CheckOutlined } from "@ant-design/icons";
import { App, Badge, Button, Card, Empty, Flex, List, Pagination, Switch, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { errorMessage } from "../../../platform/error-messages";
import { useApiQuery } from "../../../platform/use-api";
import { formatDateTime } from "../../cases/cases.format";
import { deliveryApi, type InboxMessage } from "../delivery.api";
import { bodyParts } from "../inbox-body";
import { refreshUnreadCount, setUnreadCount } from "../unread-count";
import "../delivery.css";

const PAGE_SIZE = 20;

/** The platform inbox (站内信): served notices and case messages, newest first; mark one or all read. */
export function InboxScene() {
  const { t, i18n } = useTranslation("delivery");
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [isUnreadOnly, setUnreadOnly] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  // Messages are rendered by the server in the request's language: reload when it changes.
  const inbox = useApiQuery(
    (signal) => deliveryApi.inbox({ unreadOnly: isUnreadOnly, page, pageSize: PAGE_SIZE }, signal),
    [isUnreadOnly, page, i18n.language],
  );

  useEffect(() => {
    if (inbox.data) setUnreadCount(inbox.data.unread);
  }, [inbox.data]);

  const markRead = async (item: InboxMessage) => {
    setBusy(item.id);
    try {
      await deliveryApi.markRead(item.id);
      inbox.reload();
      await refreshUnreadCount();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const markAllRead = async () => {
    setBusy("all");
    try {
      const { marked } = await deliveryApi.markAllRead();
      void message.success(t("inbox.markedAll", { count: marked }));
      inbox.reload();
      await refreshUnreadCount();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const data = inbox.data;
  return (
    <Page
      title={t("inbox.title")}
      intro={t("inbox.intro")}
      extra={
        <Button
          icon={<CheckOutlined aria-hidden />}
          onClick={() => void markAllRead()}
          loading={busy === "all"}
          disabled={!data || data.unread === 0}
        >
          {t("inbox.markAllRead")}
        </Button>
      }
    >
      <Card className="nc-inbox-card">
        <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
          <label className="nc-inline-switch">
            <Switch
              size="small"
              checked={isUnreadOnly}
              onChange={(checked) => {
                setUnreadOnly(checked);
                setPage(1);
              }}
            />{" "}
            {t("inbox.unreadOnly")}
          </label>
          {data ? (
            <Typography.Text type="secondary" aria-live="polite">
              {t("inbox.total", { count: data.total })} · {t("inbox.unreadCount", { count: data.unread })}
            </Typography.Text>
          ) : null}
        </Flex>
        <ErrorAlert error={inbox.error} onRetry={inbox.reload} />
        {/* Vertical items: the text has the full width and the actions sit under it, on a phone too. */}
        <List<InboxMessage>
          itemLayout="vertical"
          loading={inbox.isLoading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t("inbox.empty")} /> }}
          renderItem={(item) => {
            const isUnread = item.readAt === null;
            return (
              <List.Item
                className={isUnread ? "nc-inbox-item nc-inbox-unread" : "nc-inbox-item"}
                actions={[
                  ...(item.caseId
                    ? [
                        <LinkButton
                          key="case"
                          size="small"
                          to={`/cases/${item.caseId}`}
                          onClick={() =>
                            void (isUnread ? deliveryApi.markRead(item.id).then(refreshUnreadCount) : null)
                          }
                        >
                          {t("inbox.openCase")}
                        </LinkButton>,
                      ]
                    : []),
                  ...(isUnread
                    ? [
                        <Button
                          key="read"
                          size="small"
                          type="link"
                          loading={busy === item.id}
                          onClick={() => void markRead(item)}
                          aria-label={`${t("inbox.markRead")}: ${item.title}`}
                        >
                          {t("inbox.markRead")}
                        </Button>,
                      ]
                    : []),
                ]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {isUnread ? (
                        <Badge
                          status="processing"
                          text={<span className="nc-visually-hidden">{t("inbox.unread")}</span>}
                        />
                      ) : null}{" "}
                      <span style={{ fontWeight: isUnread ? 600 : 400 }}>{item.title}</span>
                    </span>
                  }
                  description={
                    <>
                      <div className="nc-inbox-body">
                        {bodyParts(item.body, item.params).map((part, index) =>
                          part.isCode ? (
                            <span key={index} className="nc-code">
                              {part.text}
                            </span>
                          ) : (
                            part.text
                          ),
                        )}
                      </div>
                      <time dateTime={item.createdAt} className="nc-muted">
                        {formatDateTime(item.createdAt)}
                      </time>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
        {data && data.total > PAGE_SIZE ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onChange={setPage}
              showSizeChanger={false}
            />
          </Flex>
        ) : null}
      </Card>
    </Page>
  );
}
