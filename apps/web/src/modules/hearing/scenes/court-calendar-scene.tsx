import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useApiQuery } from "../../../platform/use-api";
import { formatDate, localName } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { useStaffCourts } from "../../workbench/use-staff-courts";
import { hearingApi, type CalendarEntry } from "../hearing.api";
import { courtDay, courtTime, placeOf } from "../hearing.format";
import { hearingStaffRoles } from "../hearing.routes";

/** The court's hearing calendar, a day or a week at a time, by judge and courtroom. */
export function CourtCalendarScene() {
  const { t } = useTranslation("hearing");
  const { me } = useMe();
  const courts = useStaffCourts(me, hearingStaffRoles);
  const [courtId, setCourtId] = useState<string | null>(null);
  const [from, setFrom] = useState<Dayjs>(() => dayjs());
  const [days, setDays] = useState<1 | 7>(7);
  const court = courtId ?? courts[0]?.id ?? null;
  const day = from.format("YYYY-MM-DD");
  const calendar = useApiQuery(
    (signal) => (court ? hearingApi.calendar(court, day, days, signal) : Promise.resolve(null)),
    [court, day, days],
  );
  const byDay = useMemo(() => {
    const groups = new Map<string, CalendarEntry[]>();
    for (const entry of calendar.data?.items ?? []) {
      const key = courtDay(entry.startsAt);
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    return [...groups.entries()];
  }, [calendar.data]);

  return (
    <Page title={t("calendar.title")} intro={t("calendar.intro")} width="wide">
      {courts.length === 0 ? (
        <Empty description={t("calendar.noCourt")} />
      ) : (
        <Flex vertical gap="middle">
          <Card>
            <Form layout="vertical">
              <Space wrap align="end">
                {courts.length > 1 ? (
                  <Form.Item label={t("calendar.court")} htmlFor="calendar-court">
                    <Select
                      id="calendar-court"
                      style={{ minWidth: 220 }}
                      value={court}
                      onChange={setCourtId}
                      options={courts.map((c) => ({ value: c.id, label: localName(c) }))}
                    />
                  </Form.Item>
                ) : null}
                <Form.Item label={t("calendar.from")} htmlFor="calendar-from">
                  <DatePicker
                    id="calendar-from"
                    format="YYYY-MM-DD"
                    allowClear={false}
                    value={from}
                    onChange={(value) => value && setFrom(value)}
                  />
                </Form.Item>
                <Form.Item label={t("calendar.view")}>
                  <Radio.Group
                    optionType="button"
                    value={days}
                    onChange={(event) => setDays(event.target.value as 1 | 7)}
                    options={[
                      { value: 1, label: t("calendar.day") },
                      { value: 7, label: t("calendar.week") },
                    ]}
                  />
                </Form.Item>
                <Form.Item>
                  <Space wrap>
                    <Button onClick={() => setFrom(from.subtract(days, "day"))}>
                      {t("calendar.previous")}
                    </Button>
                    <Button onClick={() => setFrom(dayjs())}>{t("calendar.today")}</Button>
                    <Button onClick={() => setFrom(from.add(days, "day"))}>{t("calendar.next")}</Button>
                  </Space>
                </Form.Item>
              </Space>
            </Form>
          </Card>
          <ErrorAlert error={calendar.error} onRetry={calendar.reload} />
          {calendar.data && byDay.length === 0 ? (
            <Card>
              <Empty description={t("calendar.empty")} />
            </Card>
          ) : null}
          {byDay.map(([date, entries]) => (
            <Card key={date} title={formatDate(date)} size="small" data-testid="calendar-day">
              <Table<CalendarEntry>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={entries}
                scroll={{ x: 720 }}
                columns={[
                  {
                    title: t("calendar.columns.time"),
                    render: (_v, e) => `${courtTime(e.startsAt)}–${courtTime(e.endsAt)}`,
                    width: 110,
                  },
                  {
                    title: t("calendar.columns.case"),
                    render: (_v, e) =>
                      e.caseId ? (
                        <Link to={`/court/cases/${e.caseId}`}>{e.caseNumber ?? e.caseId}</Link>
                      ) : (
                        <Typography.Text type="secondary">{t("calendar.otherCase")}</Typography.Text>
                      ),
                  },
                  { title: t("calendar.columns.mode"), render: (_v, e) => t(`mode.${e.mode}`) },
                  { title: t("calendar.columns.place"), render: (_v, e) => placeOf(e) },
                  { title: t("calendar.columns.judge"), render: (_v, e) => e.judge.name },
                  { title: t("calendar.columns.clerk"), render: (_v, e) => e.clerk?.name ?? "—" },
                  {
                    title: t("calendar.columns.status"),
                    render: (_v, e) => (
                      <Tag color={e.status === "scheduled" ? "blue" : "orange"}>
                        {t(`status.${e.status}`)}
                      </Tag>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
        </Flex>
      )}
    </Page>
  );
}
