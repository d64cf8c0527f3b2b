import { Card, Empty, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { formatDate, localName } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { useStaffCourts } from "../../workbench/use-staff-courts";
import { mediationApi, type ConfirmationView } from "../mediation.api";
import { confirmationRoles } from "../mediation.routes";

/** The next date that matters for a confirmation: to accept, or to decide. */
function dueLine(item: ConfirmationView, t: (key: string, options?: Record<string, unknown>) => string) {
  if (item.status === "applied" && item.acceptanceDueOn)
    return `${t("confirmation.acceptanceDueOn")} ${formatDate(item.acceptanceDueOn)}`;
  if (item.status === "accepted" && item.decisionDueOn)
    return `${t("confirmation.decisionDueOn")} ${formatDate(item.decisionDueOn)}`;
  return null;
}

/** The court's applications for judicial confirmation (`/court/confirmations`): clerks accept, judges rule. */
export function ConfirmationQueueScene() {
  const { t } = useTranslation("mediation");
  const { me } = useMe();
  const courts = useStaffCourts(me, confirmationRoles);
  const [picked, setPicked] = useState<string | undefined>();
  const courtId = picked ?? courts[0]?.id;
  const list = useApiQuery(
    (signal) => (courtId ? mediationApi.confirmations(courtId, signal) : Promise.resolve({ items: [] })),
    [courtId],
  );
  return (
    <Page
      title={t("confirmation.queueTitle")}
      intro={t("confirmation.queueIntro")}
      extra={
        courts.length > 1 ? (
          <Select
            aria-label={t("confirmation.queueTitle")}
            value={courtId}
            onChange={setPicked}
            options={courts.map((c) => ({ value: c.id, label: localName(c) }))}
          />
        ) : null
      }
    >
      <Card>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <List<ConfirmationView>
          itemLayout="vertical"
          loading={list.isLoading}
          data-testid="confirmation-queue"
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t("confirmation.empty")} /> }}
          renderItem={(item) => {
            const due = dueLine(item, t as never);
            return (
              <List.Item
                key={item.id}
                actions={[
                  <LinkButton key="open" type="primary" size="small" to={`/court/confirmations/${item.id}`}>
                    {t("confirmation.open")}
                  </LinkButton>,
                ]}
              >
                <List.Item.Meta
                  title={item.parties.map((p) => p.name).join(" / ")}
                  description={
                    <Space wrap size={[8, 4]}>
                      <Tag
                        color={
                          item.status === "applied"
                            ? "gold"
                            : item.status === "accepted"
                              ? "processing"
                              : "default"
                        }
                      >
                        {t(`confirmation.status.${item.status}`)}
                      </Tag>
                      {item.caseNumber ? <span className="nc-code">{item.caseNumber}</span> : null}
                      {item.judgeName ? (
                        <span>{`${t("labelled", { label: t("confirmation.judge") })}${item.judgeName}`}</span>
                      ) : null}
                      {due ? <Typography.Text strong>{due}</Typography.Text> : null}
                      {item.acceptanceOverdue || item.decisionOverdue ? (
                        <Tag color="error" data-testid="confirmation-overdue">
                          {t("confirmation.overdue")}
                        </Tag>
                      ) : null}
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
    </Page>
  );
}
