import { FileWordOutlined } from "@ant-design/icons";
import { Card, Descriptions, Empty, Grid, List, Space, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { isApiError } from "../../../platform/api-client";
import { useApiQuery } from "../../../platform/use-api";
import { formatDate, formatDateTime } from "../../cases/cases.format";
import { deliveryApi, type ServiceRecord, type ServiceStatus } from "../delivery.api";
import "../delivery.css";
import { followingLine, recipientRoleLabel, servedKindLabel } from "../service-labels";

const statusColors: Record<ServiceStatus, string> = {
  pending: "processing",
  delivered: "processing",
  served: "success",
  served_by_post: "success",
  served_by_notice: "success",
  failed: "error",
  undeliverable: "warning",
};

/** The status of a service in words, with its colour. */
export function ServiceStatusTag({ status }: { status: ServiceStatus }) {
  const { t } = useTranslation("delivery");
  return <Tag color={statusColors[status]}>{t(`service.status.${status}`)}</Tag>;
}

/** The channels tried, each with what became of it: "短信 138****0000 已到达". */
export function AttemptList({ service }: { service: ServiceRecord }) {
  const { t } = useTranslation("delivery");
  if (service.attempts.length === 0) return <span className="nc-muted">{t("service.noChannel")}</span>;
  return (
    <ul className="nc-plain-list nc-service-attempts">
      {service.attempts.map((attempt) => (
        <li key={attempt.id}>
          <strong>{t(`service.channel.${attempt.channel}`)}</strong>
          {attempt.address ? <span className="nc-code"> {attempt.address}</span> : null}{" "}
          <Tag
            color={
              attempt.status === "delivered"
                ? "success"
                : attempt.status === "failed" || attempt.status === "refused"
                  ? "error"
                  : "default"
            }
          >
            {t(`service.attemptStatus.${attempt.status}`)}
          </Tag>
          <time dateTime={attempt.deliveredAt ?? attempt.sentAt ?? attempt.createdAt} className="nc-muted">
            {formatDateTime(attempt.deliveredAt ?? attempt.sentAt ?? attempt.createdAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}

/** The rows describing one service: times, basis, what follows, post or notice. */
export function serviceRows(
  service: ServiceRecord,
  deadlines: ReadonlyArray<{ kind: string; dueAt: string; status: string }>,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  const following = followingLine(service, deadlines);
  return [
    {
      key: "channels",
      label: t("service.fields.channels"),
      children: <AttemptList service={service} />,
    },
    {
      key: "address",
      label: t("service.fields.addressBasis"),
      children: t(`service.addressBasis.${service.addressBasis}`),
    },
    ...(service.sentAt
      ? [{ key: "sent", label: t("service.fields.sentAt"), children: formatDateTime(service.sentAt) }]
      : []),
    ...(service.deliveredAt
      ? [
          {
            key: "delivered",
            label: t("service.fields.deliveredAt"),
            children: formatDateTime(service.deliveredAt),
          },
        ]
      : []),
    ...(service.openedAt
      ? [{ key: "opened", label: t("service.fields.openedAt"), children: formatDateTime(service.openedAt) }]
      : service.deliveredAt
        ? [
            {
              key: "opened",
              label: t("service.fields.openedAt"),
              children: <span data-testid="not-opened">{t("service.notOpened")}</span>,
            },
          ]
        : []),
    ...(service.actedAt
      ? [{ key: "acted", label: t("service.fields.actedAt"), children: formatDateTime(service.actedAt) }]
      : []),
    ...(service.post
      ? [
          {
            key: "post",
            label: t("service.fields.post"),
            children: t("service.postLine", {
              number: service.post.trackingNumber,
              date: formatDate(service.post.signedOn),
              name: service.post.signedBy ?? "—",
            }),
          },
        ]
      : []),
    ...(service.noticeOn
      ? [
          {
            key: "notice",
            label: t("service.fields.notice"),
            children: (
              <span data-testid="notice-line">
                {t("service.noticeLine", {
                  notice: formatDate(service.noticeOn),
                  date: formatDate(service.deemedServedOn),
                })}
              </span>
            ),
          },
        ]
      : []),
    {
      key: "served",
      label: t("service.fields.servedAt"),
      children: (
        <span data-testid="served-at">
          {service.servedAt ? formatDate(service.servedAt) : t("served.notYet")}
        </span>
      ),
    },
    ...(service.servedHow
      ? [{ key: "how", label: t("service.fields.basis"), children: t(`service.how.${service.servedHow}`) }]
      : []),
    ...(following
      ? [
          {
            key: "following",
            label: t("service.fields.following"),
            children: <strong data-testid="following-line">{following}</strong>,
          },
        ]
      : []),
  ];
}

function CertificateLinks({ service }: { service: ServiceRecord }) {
  const { t } = useTranslation("delivery");
  const document = servedKindLabel(service.kind);
  return (
    <Space wrap size="small" className="nc-service-certificate">
      <span>{t("service.certificateLabel")}</span>
      {(["zh-CN", "en"] as const).map((locale) => {
        const version = locale === "zh-CN" ? t("service.certificateZh") : t("service.certificateEn");
        return (
          <a
            key={locale}
            href={deliveryApi.certificateUrl(service.caseId, service.id, locale)}
            download
            aria-label={t("service.certificateLink", { document, version })}
          >
            <FileWordOutlined aria-hidden /> {version} DOCX
          </a>
        );
      })}
    </Space>
  );
}

/**
 * The case page's "送达 / Service" section: per document and addressee, the channels tried, the times,
 * the status, the date of service and its basis, the period it opens and the certificate once served.
 * Court staff see every record in full; a party its side's with addresses masked and the other side's
 * without them (the server decides).
 */
export function CaseServices({
  caseId,
  deadlines,
  actions,
}: {
  caseId: string;
  deadlines: ReadonlyArray<{ kind: string; dueAt: string; status: string }>;
  /** What the caller may do on one service (the clerk's other ways of service), given a reload of the list. */
  actions?: (service: ServiceRecord, reload: () => void) => ReactNode;
}) {
  const { t, i18n } = useTranslation("delivery");
  const isPhone = Grid.useBreakpoint().md === false;
  const loaded = useApiQuery(
    (signal) =>
      deliveryApi.caseServices(caseId, signal).catch((error: unknown) => {
        // A case whose services the caller may not see shows no section.
        if (isApiError(error) && (error.status === 404 || error.status === 403)) return null;
        throw error;
      }),
    [caseId, i18n.language],
  );
  if (loaded.data === null) return null;
  const items = loaded.data?.items ?? [];
  const tr = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (
    <Card
      className="nc-service-block"
      title={<h2 className="nc-card-title">{t("service.section")}</h2>}
      data-testid="case-services"
    >
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <List<ServiceRecord>
        loading={loaded.isLoading}
        dataSource={items}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("service.empty")} />,
        }}
        renderItem={(service) => {
          const role = recipientRoleLabel(service.recipient.role);
          return (
            <List.Item key={service.id} data-testid={`service-${service.kind}`} className="nc-service-item">
              <Space orientation="vertical" size="small" style={{ width: "100%", minWidth: 0 }}>
                <Space wrap>
                  <strong>{servedKindLabel(service.kind)}</strong>
                  <span>
                    <span aria-hidden>→</span> {role ? `${role} ` : ""}
                    {service.recipient.name}
                  </span>
                  <ServiceStatusTag status={service.status} />
                </Space>
                <Descriptions
                  size="small"
                  column={1}
                  layout={isPhone ? "vertical" : "horizontal"}
                  items={serviceRows(service, deadlines, tr)}
                />
                {service.certificate ? <CertificateLinks service={service} /> : null}
                {actions?.(service, loaded.reload)}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
