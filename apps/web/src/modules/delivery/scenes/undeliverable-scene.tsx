import { Card, Empty, List, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { localName } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { useStaffCourts } from "../../workbench/use-staff-courts";
import { AttemptList, ServiceStatusTag } from "../components/case-services";
import { OtherServiceActions, serviceClerkRoles } from "../components/other-service-dialogs";
import { deliveryApi, type ServiceRecord } from "../delivery.api";
import { recipientRoleLabel, servedKindLabel } from "../service-labels";
import "../delivery.css";

/**
 * The clerk's list of services not completed (failed, or not opened in time at an address the addressee
 * did not confirm), with the other ways of service: court post (民事诉讼法第八十八条) and public notice
 * (第九十五条).
 */
export function UndeliverableScene() {
  const { t } = useTranslation(["delivery", "common"]);
  const { me } = useMe();
  const courts = useStaffCourts(me, serviceClerkRoles);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const courtId = chosen ?? courts[0]?.id;
  const list = useApiQuery(
    (signal) =>
      courtId
        ? deliveryApi.undeliverable(courtId, signal)
        : Promise.resolve({ items: [] as ServiceRecord[] }),
    [courtId],
  );

  return (
    <Page title={t("undeliverable.title")} intro={t("undeliverable.intro")}>
      {courts.length > 1 ? (
        <Space style={{ marginBottom: 16 }} wrap>
          <label htmlFor="service-court">{t("undeliverable.court")}</label>
          <Select
            id="service-court"
            style={{ minWidth: 240 }}
            value={courtId}
            onChange={setChosen}
            options={courts.map((court) => ({ value: court.id, label: localName(court) }))}
          />
        </Space>
      ) : null}
      <Card className="nc-inbox-card">
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <List<ServiceRecord>
          itemLayout="vertical"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="undeliverable-list"
          locale={{ emptyText: <Empty description={t("undeliverable.empty")} /> }}
          renderItem={(service) => {
            const role = recipientRoleLabel(service.recipient.role);
            return (
              <List.Item
                key={service.id}
                className="nc-inbox-item"
                data-testid={`undeliverable-${service.id}`}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {service.caseNumber ? (
                        <span data-testid="undeliverable-case-number">{service.caseNumber}</span>
                      ) : null}
                      <span>{servedKindLabel(service.kind)}</span>
                      <span>
                        <span aria-hidden>→</span> {role ? `${role} ` : ""}
                        {service.recipient.name}
                      </span>
                      <ServiceStatusTag status={service.status} />
                    </Space>
                  }
                  description={<AttemptList service={service} />}
                />
                <Space wrap size="small">
                  <OtherServiceActions service={service} onDone={list.reload} />
                  <LinkButton size="small" type="link" to={`/cases/${service.caseId}`}>
                    {t("undeliverable.openCase")}
                  </LinkButton>
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
    </Page>
  );
}
