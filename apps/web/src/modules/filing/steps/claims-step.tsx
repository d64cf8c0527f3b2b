import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "../../../platform/use-api";
import { formatYuan, localName } from "../../cases/cases.format";
import { CauseSelect } from "../components/cause-select";
import { filingsApi, procedures, type Court } from "../filing.api";
import { claimTotal, type ClaimForm, type FilingForm } from "../filing.form";

export interface ClaimsStepProps {
  courts: Court[];
  /** The saved cause's names, to label the field before any search. */
  cause: { code: string; nameZh: string; nameEn: string } | null;
}

/** Step 2: the claims with their amounts (第一百二十四条第三项), the court, cause of action and procedure. */
export function ClaimsStep({ courts, cause }: ClaimsStepProps) {
  const { t } = useTranslation("filing");
  const form = Form.useFormInstance<FilingForm>();
  const claims = Form.useWatch<ClaimForm[] | undefined>("claims", form);
  const courtId = Form.useWatch("courtId", form);
  const causeCode = Form.useWatch<string | null | undefined>("causeCode", form);
  const court = courts.find((candidate) => candidate.id === courtId);
  // Only the courts with first-instance jurisdiction over the cause are offered (server rule:
  // modules/courts/jurisdiction.rules.ts); the court already chosen stays visible, marked if it has none.
  const competent = useApiQuery((signal) => filingsApi.firstInstanceCourts(causeCode, signal), [causeCode]);
  const offered = competent.data?.items;
  const hasJurisdiction = !offered || !courtId || offered.some((candidate) => candidate.id === courtId);
  const courtOptions = [...(offered ?? courts), ...(court && offered && !hasJurisdiction ? [court] : [])].map(
    (candidate) => ({ value: candidate.id, label: localName(candidate) }),
  );
  return (
    <>
      <Form.List name="claims">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card size="small" key={field.key} className="nc-repeat-card">
                <Row gutter={16} align="top">
                  <Col xs={24} md={16}>
                    <Form.Item
                      name={[field.name, "text"]}
                      label={t("wizard.claims.text", { n: field.name + 1 })}
                      rules={[{ required: true, whitespace: true, message: t("wizard.claims.textRequired") }]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={2000}
                        placeholder={t("wizard.claims.textPlaceholder")}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={18} md={6}>
                    <Form.Item name={[field.name, "amount"]} label={t("wizard.claims.amount")}>
                      <InputNumber<number>
                        min={0}
                        max={1e13}
                        precision={2}
                        step={100}
                        inputMode="decimal"
                        style={{ width: "100%" }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={2} className="nc-row-remove">
                    <Button
                      type="text"
                      danger
                      disabled={fields.length <= 1}
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={`${t("wizard.claims.remove")} ${field.name + 1}`}
                    />
                  </Col>
                </Row>
              </Card>
            ))}
            <Button className="nc-add-row" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
              {t("wizard.claims.add")}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Paragraph strong aria-live="polite">
        {t("wizard.claims.total", { amount: formatYuan(claimTotal(claims)) })}
      </Typography.Paragraph>

      <Form.Item
        name="courtId"
        label={t("start.court")}
        extra={offered && offered.length === 0 ? t("start.courtNone") : t("start.courtHelp")}
        rules={[{ required: true, message: t("start.courtPlaceholder") }]}
        validateStatus={hasJurisdiction ? undefined : "error"}
        help={hasJurisdiction ? undefined : t("start.courtNoJurisdiction")}
      >
        <Select
          showSearch={{ optionFilterProp: "label" }}
          loading={competent.isLoading}
          placeholder={t("start.courtPlaceholder")}
          options={courtOptions}
          data-testid="wizard-court"
        />
      </Form.Item>
      <Form.Item name="causeCode" label={t("wizard.cause.label")} extra={t("wizard.cause.help")}>
        <CauseSelect initial={cause} isInternetCourt={court?.isInternetCourt} />
      </Form.Item>
      <Form.Item
        name="procedure"
        label={t("wizard.procedure.label")}
        extra={
          <>
            <div>{t("wizard.procedure.help")}</div>
            {typeof court?.smallClaimsLimitYuan === "number" ? (
              <div data-testid="small-claims-limit">
                {t("wizard.procedure.limit", {
                  amount: t("fees.yuan", { amount: formatYuan(court.smallClaimsLimitYuan) }),
                })}
              </div>
            ) : null}
          </>
        }
      >
        <Radio.Group
          options={[
            { value: null, label: t("wizard.procedure.undecided") },
            ...procedures.map((value) => ({ value, label: t(`fees.procedures.${value}`) })),
          ]}
        />
      </Form.Item>
    </>
  );
}
