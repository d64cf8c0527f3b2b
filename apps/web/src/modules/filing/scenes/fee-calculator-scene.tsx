import { Button, Card, Form, InputNumber, Radio, Select, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatAmount } from "@netcourt/shared/format";
import { Chart } from "../../../components/chart/chart";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { currentLocale } from "../../../platform/i18n";
import { useSubmit } from "../../../platform/use-api";
import {
  acceptanceFeeKinds,
  amountParameters,
  applicationFeeKinds,
  filingApi,
  takesProcedure,
  type AdministrativeSubject,
  type AmountParameter,
  type FeeKind,
  type FeeLine,
  type FeeQuote,
  type Procedure,
} from "../filing.api";

interface FeeForm {
  kind: FeeKind;
  amount?: number | null;
  propertyAmount?: number | null;
  damages?: number | null;
  procedure: Procedure;
  subject?: AdministrativeSubject;
}

const procedures: Procedure[] = ["ordinary", "simplified", "small_claims"];
const subjects: AdministrativeSubject[] = ["other", "trademark", "patent", "maritime"];

/** The label of the amount field: what the amount is depends on the kind. */
function amountLabelKey(kind: FeeKind, name: AmountParameter, isRequired: boolean) {
  if (name === "propertyAmount") return "fees.propertyAmount" as const;
  if (name === "damages") return "fees.damages" as const;
  if (kind === "enforcement") return "fees.enforcementAmount" as const;
  if (kind === "preservation") return "fees.preservationAmount" as const;
  return isRequired ? ("fees.amount" as const) : ("fees.amountOptional" as const);
}

function formatYuan(value: number): string {
  return formatAmount(currentLocale(), value);
}

function formatRate(rate: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: "percent", maximumFractionDigits: 3 }).format(rate);
}

/** The litigation fee calculator (诉讼费用交纳办法): pick a kind, enter the amount, see the fee and how it is made up. */
export function FeeCalculatorScene() {
  const { t, i18n } = useTranslation("filing");
  const [form] = Form.useForm<FeeForm>();
  const kind = Form.useWatch("kind", form) ?? "property";
  const [quote, setQuote] = useState<FeeQuote | null>(null);
  const isEnglish = i18n.language === "en";

  const calculate = useSubmit(
    async (values: FeeForm) => {
      const parameter = amountParameters[values.kind];
      const amount = parameter ? values[parameter.name] : undefined;
      setQuote(
        await filingApi.quoteFee({
          kind: values.kind,
          ...(parameter && typeof amount === "number" ? { [parameter.name]: amount } : {}),
          ...(takesProcedure(values.kind) ? { procedure: values.procedure } : {}),
          ...(values.kind === "administrative" ? { subject: values.subject ?? "other" } : {}),
        }),
      );
    },
    form,
    "filing",
  );

  const parameter = amountParameters[kind];

  const chartOption = useMemo(() => {
    const charges = (quote?.breakdown ?? []).filter((line) => line.amount > 0);
    if (charges.length < 2) return null;
    const labels = charges.map((line) => (isEnglish ? line.labelEn : line.labelZh));
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value" },
      yAxis: {
        type: "category",
        data: labels,
        inverse: true,
        axisLabel: { width: 180, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: charges.map((line) => line.amount),
          itemStyle: { color: "#2f5597" },
          label: {
            show: true,
            position: "right",
            formatter: ({ value }: { value: number }) => formatYuan(value),
          },
        },
      ],
    };
  }, [quote, isEnglish]);

  return (
    <Page title={t("fees.title")} intro={t("fees.intro")}>
      <Card>
        <Form<FeeForm>
          form={form}
          layout="vertical"
          initialValues={{ kind: "property", procedure: "ordinary", subject: "other" }}
          onValuesChange={() => setQuote(null)}
          onFinish={(values) => void calculate.submit(values)}
        >
          <Form.Item name="kind" label={t("fees.kind")} rules={[{ required: true }]}>
            <Select
              options={[
                {
                  label: t("fees.groups.acceptance"),
                  options: acceptanceFeeKinds.map((value) => ({ value, label: t(`fees.kinds.${value}`) })),
                },
                {
                  label: t("fees.groups.application"),
                  options: applicationFeeKinds.map((value) => ({ value, label: t(`fees.kinds.${value}`) })),
                },
              ]}
            />
          </Form.Item>
          {kind === "administrative" ? (
            <Form.Item name="subject" label={t("fees.subject")}>
              <Select options={subjects.map((value) => ({ value, label: t(`fees.subjects.${value}`) }))} />
            </Form.Item>
          ) : null}
          {parameter ? (
            <Form.Item
              key={`${kind}-${parameter.name}`}
              name={parameter.name}
              label={t(amountLabelKey(kind, parameter.name, parameter.isRequired))}
              extra={t("fees.amountHelp")}
              rules={parameter.isRequired ? [{ required: true, message: t("fees.amountRequired") }] : []}
            >
              <InputNumber<number>
                min={0}
                max={1e13}
                precision={2}
                step={1000}
                inputMode="decimal"
                style={{ width: "100%" }}
              />
            </Form.Item>
          ) : null}
          {takesProcedure(kind) ? (
            <Form.Item name="procedure" label={t("fees.procedure")} extra={t("fees.procedureHelp")}>
              <Radio.Group
                optionType="button"
                options={procedures.map((value) => ({ value, label: t(`fees.procedures.${value}`) }))}
              />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={calculate.isSubmitting}>
            {t("fees.calculate")}
          </Button>
        </Form>
      </Card>

      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={calculate.error} details={calculate.otherDetails} hasFieldErrors />
      </div>

      <section aria-live="polite" aria-label={t("fees.result")}>
        {quote ? (
          <Card style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t("fees.result")}</Typography.Text>
            <div className="nc-fee-total" data-testid="fee-total">
              {t("fees.yuan", { amount: formatYuan(quote.fee) })}
            </div>
            {quote.halvedFor ? (
              <Typography.Paragraph>
                {i18n.t(`filing:fees.halvedFor.${quote.halvedFor}`, { defaultValue: quote.halvedFor })}
              </Typography.Paragraph>
            ) : null}
            {quote.range ? (
              <Typography.Paragraph type="secondary">
                {t("fees.range", { min: formatYuan(quote.range.min), max: formatYuan(quote.range.max) })}
              </Typography.Paragraph>
            ) : null}
            {quote.breakdown.length > 0 ? (
              <>
                <h2 className="nc-section-title">{t("fees.breakdown")}</h2>
                <Table<FeeLine>
                  size="small"
                  pagination={false}
                  rowKey={(_line, index) => String(index)}
                  dataSource={quote.breakdown}
                  scroll={{ x: true }}
                  columns={[
                    {
                      title: t("fees.columns.item"),
                      render: (_value, line) => (isEnglish ? line.labelEn : line.labelZh),
                    },
                    {
                      title: t("fees.columns.base"),
                      align: "right",
                      render: (_value, line) =>
                        line.base === null ? t("fees.fixed") : formatYuan(line.base),
                    },
                    {
                      title: t("fees.columns.rate"),
                      align: "right",
                      render: (_value, line) => (line.rate === null ? "—" : formatRate(line.rate)),
                    },
                    {
                      title: t("fees.columns.amount"),
                      align: "right",
                      render: (_value, line) => formatYuan(line.amount),
                    },
                    {
                      title: t("fees.columns.article"),
                      render: (_value, line) => (isEnglish ? line.articleEn : line.article),
                    },
                  ]}
                />
              </>
            ) : null}
            {chartOption ? (
              <>
                <h2 className="nc-section-title">{t("fees.chartTitle")}</h2>
                <Chart
                  option={chartOption}
                  label={t("fees.chartLabel")}
                  height={48 + 40 * quote.breakdown.length}
                />
              </>
            ) : null}
          </Card>
        ) : null}
      </section>
    </Page>
  );
}
