import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, InputNumber, Radio, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useSubmit } from "../../../platform/use-api";
import { mediationApi, type AgreementTerms, type MediationView } from "../mediation.api";

interface ObligationValues {
  obligorPartyId: string;
  obligeePartyId: string;
  description: string;
  amount?: number | null;
  dueOn?: string;
}

interface AgreementValues {
  facts: string;
  obligations: ObligationValues[];
  costsKind: "borne_by" | "shared_equally" | "each_own";
  costsPartyId?: string;
  otherTerms?: string;
}

/** The terms as the form holds them: yuan and day fields, other terms one per line. */
function toValues(terms: AgreementTerms | null, view: MediationView): AgreementValues {
  const respondent = view.parties.find((p) => p.side === "respondent");
  const applicant = view.parties.find((p) => p.side === "applicant");
  const accepted = view.offers.find((o) => o.status === "accepted");
  if (!terms)
    return {
      facts: view.dispute.factsAndReasons,
      obligations: [
        {
          obligorPartyId: respondent?.id ?? "",
          obligeePartyId: applicant?.id ?? "",
          description: "",
          amount: accepted?.amount ?? null,
        },
      ],
      costsKind: "each_own",
      otherTerms: accepted?.terms ?? "",
    };
  return {
    facts: terms.facts,
    obligations: terms.obligations.map((o) => ({
      obligorPartyId: o.obligorPartyId,
      obligeePartyId: o.obligeePartyId,
      description: o.description,
      amount: o.amountFen === null ? null : o.amountFen / 100,
      dueOn: o.dueOn ?? undefined,
    })),
    costsKind: terms.costs.kind,
    costsPartyId: terms.costs.kind === "borne_by" ? terms.costs.partyId : undefined,
    otherTerms: terms.otherTerms.join("\n"),
  };
}

function toTerms(values: AgreementValues, view: MediationView): AgreementTerms {
  const accepted = view.offers.find((o) => o.status === "accepted");
  return {
    facts: values.facts,
    obligations: values.obligations.map((o) => ({
      obligorPartyId: o.obligorPartyId,
      obligeePartyId: o.obligeePartyId,
      description: o.description,
      amountFen: o.amount === null || o.amount === undefined ? null : Math.round(o.amount * 100),
      dueOn: o.dueOn ? o.dueOn : null,
    })),
    costs:
      values.costsKind === "borne_by"
        ? { kind: "borne_by", partyId: values.costsPartyId ?? "" }
        : { kind: values.costsKind },
    otherTerms: (values.otherTerms ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    offerId: accepted?.id ?? null,
  };
}

/** The mediator drafts (or redrafts) the agreement from the agreed terms. */
export function AgreementForm({
  view,
  terms,
  onDone,
  onCancel,
}: {
  view: MediationView;
  terms: AgreementTerms | null;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<AgreementValues>();
  const draft = useSubmit(
    (values: AgreementValues) => mediationApi.draftAgreement(view.id, toTerms(values, view)),
    form,
    "mediation",
  );
  const parties = view.parties.map((p) => ({ value: p.id, label: `${p.name}（${t(`role.${p.role}`)}）` }));
  const costsKind = Form.useWatch("costsKind", form);
  return (
    <Form
      form={form}
      layout="vertical"
      className="nc-mediation-form"
      data-testid="agreement-form"
      initialValues={toValues(terms, view)}
      onFinish={(values) =>
        void (async () => {
          if (await draft.submit(values)) onDone();
        })()
      }
    >
      <ErrorAlert error={draft.error} details={draft.otherDetails} hasFieldErrors />
      <Form.Item name="facts" label={t("agreement.facts")} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.List name="obligations">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                className="nc-block"
                title={t("agreement.obligation", { n: index + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                    >
                      {t("agreement.remove")}
                    </Button>
                  ) : null
                }
              >
                <Form.Item
                  name={[field.name, "obligorPartyId"]}
                  label={t("agreement.obligor")}
                  rules={[{ required: true }]}
                >
                  <Select options={parties} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "obligeePartyId"]}
                  label={t("agreement.obligee")}
                  rules={[{ required: true }]}
                >
                  <Select options={parties} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "description"]}
                  label={t("agreement.description")}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={500} />
                </Form.Item>
                <Space wrap>
                  <Form.Item name={[field.name, "amount"]} label={t("agreement.amount")}>
                    <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "dueOn"]} label={t("agreement.dueOn")}>
                    <Input type="date" style={{ width: 200 }} />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              className="nc-block"
              onClick={() =>
                add({
                  obligorPartyId: view.parties.find((p) => p.side === "respondent")?.id,
                  obligeePartyId: view.parties.find((p) => p.side === "applicant")?.id,
                  description: "",
                })
              }
            >
              {t("agreement.addObligation")}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="costsKind" label={t("agreement.costs")}>
        <Radio.Group
          options={(["each_own", "shared_equally", "borne_by"] as const).map((kind) => ({
            value: kind,
            label: t(`agreement.costsKinds.${kind}`),
          }))}
        />
      </Form.Item>
      {costsKind === "borne_by" ? (
        <Form.Item name="costsPartyId" label={t("agreement.costsParty")} rules={[{ required: true }]}>
          <Select options={parties} />
        </Form.Item>
      ) : null}
      <Form.Item name="otherTerms" label={t("agreement.otherTerms")}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={draft.isSubmitting}>
          {terms ? t("agreement.redraft") : t("agreement.draft")}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t("forms.cancel")}</Button> : null}
      </Space>
    </Form>
  );
}
