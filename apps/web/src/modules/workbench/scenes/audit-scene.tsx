import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { AutoComplete, Button, Flex, Form, Input, Select, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import "../workbench.css";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { formatDateTime, localName } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { useStaffCourts } from "../use-staff-courts";
import { workbenchApi, type AuditEvent, type AuditQuery } from "../workbench.api";
import { auditRoles } from "../workbench.routes";
import { isUuid } from "../workbench.rules";

const PAGE_SIZE = 50;
const prefixes = ["filing", "identity", "ledger"] as const;

/** A `datetime-local` value read as court time (China Standard Time, UTC+8 all year). */
function courtInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
interface FilterForm {
  courtId?: string;
  actor?: string;
  action?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

function toQuery(values: FilterForm): Omit<AuditQuery, "before" | "limit"> {
  const query: Omit<AuditQuery, "before" | "limit"> = {};
  if (values.courtId) query.courtId = values.courtId;
  if (values.actor?.trim()) query.actorUserId = values.actor.trim();
  if (values.action?.trim()) query.action = values.action.trim();
  if (values.subjectId?.trim()) query.subjectId = values.subjectId.trim();
  const from = courtInstant(values.from);
  const to = courtInstant(values.to);
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** Court administrators browse their court's audit trail (全流程留痕): by actor, action and time, page by page. */
export function AuditScene() {
  const { t } = useTranslation(["workbench", "common"]);
  const { me } = useMe();
  const courts = useStaffCourts(me, auditRoles);
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<Omit<AuditQuery, "before" | "limit">>({});
  // Cursor pages: the `before` of each page shown so far (the first page has none).
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const before = cursors[cursors.length - 1];
  const trail = useApiQuery(
    (signal) => workbenchApi.audit({ ...filters, limit: PAGE_SIZE, ...(before ? { before } : {}) }, signal),
    [JSON.stringify(filters), before],
  );
  // Actors met so far, for the actor filter's suggestions.
  const [actors, setActors] = useState<Map<string, string>>(new Map());
  const items = trail.data?.items;
  useEffect(() => {
    if (!items) return;
    setActors((known) => {
      const next = new Map(known);
      for (const e of items) if (e.actorUserId) next.set(e.actorUserId, e.actorLabel);
      return next.size === known.size ? known : next;
    });
  }, [items]);

  const apply = (values: FilterForm) => {
    setFilters(toQuery(values));
    setCursors([undefined]);
  };
  const filterByActor = (event: AuditEvent) => {
    if (!event.actorUserId) return;
    form.setFieldValue("actor", event.actorUserId);
    apply({ ...form.getFieldsValue(), actor: event.actorUserId });
  };

  return (
    <Page title={t("audit.title")} intro={t("audit.intro")} width="wide">
      <Form<FilterForm>
        form={form}
        layout="vertical"
        onFinish={apply}
        role="search"
        className="nc-audit-filters"
      >
        <Flex gap="middle" wrap align="end">
          {courts.length > 1 ? (
            <Form.Item name="courtId" label={t("common.court")} style={{ minWidth: 200 }}>
              <Select
                allowClear
                placeholder={t("common.allCourts")}
                options={courts.map((court) => ({ value: court.id, label: localName(court) }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="actor"
            label={t("audit.filters.actor")}
            style={{ minWidth: 240 }}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  if (value && value.trim() !== "" && !isUuid(value))
                    throw new Error(t("audit.filters.invalidActor"));
                },
              },
            ]}
          >
            <AutoComplete
              allowClear
              placeholder={t("audit.filters.actorPlaceholder")}
              options={[...actors].map(([id, label]) => ({
                value: id,
                label: `${label} (${id.slice(0, 8)}…)`,
              }))}
              filterOption={(input, option) =>
                String(option?.label ?? "")
                  .toLowerCase()
                  .includes(input.toLowerCase()) || String(option?.value ?? "").startsWith(input)
              }
            />
          </Form.Item>
          <Form.Item name="action" label={t("audit.filters.action")} style={{ minWidth: 220 }}>
            <AutoComplete
              allowClear
              placeholder={t("audit.filters.actionPlaceholder")}
              options={prefixes.map((prefix) => ({
                value: `${prefix}.`,
                label: `${prefix}. — ${t(`audit.prefixes.${prefix}`)}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="subjectId" label={t("audit.filters.subject")} style={{ minWidth: 200 }}>
            <Input allowClear />
          </Form.Item>
          <Form.Item name="from" label={t("audit.filters.from")}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="to" label={t("audit.filters.to")}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t("audit.filters.apply")}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                {t("audit.filters.reset")}
              </Button>
            </Space>
          </Form.Item>
        </Flex>
      </Form>
      <ErrorAlert error={trail.error} onRetry={trail.reload} />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={trail.isLoading}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: t("audit.empty") }}
        expandable={{
          expandedRowRender: (e) => (
            <pre className="nc-json" aria-label={t("audit.columns.data")}>
              {JSON.stringify(e.data, null, 2)}
            </pre>
          ),
          rowExpandable: (e) => Object.keys(e.data).length > 0,
        }}
        columns={[
          {
            title: t("audit.columns.occurredAt"),
            render: (_v, e) => formatDateTime(e.occurredAt),
            width: 170,
          },
          {
            title: t("audit.columns.actor"),
            render: (_v, e) =>
              e.actorUserId ? (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0 }}
                  onClick={() => filterByActor(e)}
                  aria-label={t("audit.filterByActor", { actor: e.actorLabel })}
                  title={t("audit.filterByActor", { actor: e.actorLabel })}
                >
                  {e.actorLabel}
                </Button>
              ) : (
                e.actorLabel
              ),
          },
          { title: t("audit.columns.action"), render: (_v, e) => <code>{e.action}</code> },
          {
            title: t("audit.columns.subject"),
            render: (_v, e) =>
              e.subjectType === "case" ? (
                <Link to={`/court/cases/${e.subjectId}`}>
                  {e.subjectType} {e.subjectId.slice(0, 8)}…
                </Link>
              ) : (
                <Typography.Text copyable={{ text: e.subjectId }}>
                  {e.subjectType} {e.subjectId.slice(0, 8)}…
                </Typography.Text>
              ),
          },
          { title: t("audit.columns.ip"), render: (_v, e) => e.ip ?? t("common.none") },
          {
            title: t("audit.columns.requestId"),
            render: (_v, e) =>
              e.requestId ? <Typography.Text copyable>{e.requestId}</Typography.Text> : t("common.none"),
          },
        ]}
      />
      <Flex justify="end" align="center" gap="small" style={{ marginTop: 12 }}>
        <Button
          icon={<LeftOutlined />}
          disabled={cursors.length <= 1}
          onClick={() => setCursors((list) => list.slice(0, -1))}
        >
          {t("audit.newer")}
        </Button>
        <span aria-live="polite">{t("audit.page", { page: cursors.length })}</span>
        <Button
          icon={<RightOutlined />}
          iconPlacement="end"
          disabled={!trail.data?.nextBefore}
          onClick={() => {
            const next = trail.data?.nextBefore;
            if (next) setCursors((list) => [...list, next]);
          }}
        >
          {t("audit.older")}
        </Button>
      </Flex>
    </Page>
  );
}
