import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Space,
  Tag,
  Typography,
  message,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { citationEn } from "@netcourt/shared/citation";
import { ErrorAlert } from "../../../components/error-alert";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { formatYuan, localName } from "../../cases/cases.format";
import {
  elementsApi,
  type CaseElement,
  type ElementSide,
  type ElementValue,
  type ElementValueType,
} from "../elements.api";

/** Where the table is worked on: after registration and up to the judgment. */
const tableStatuses = new Set(["accepted", "service", "evidence_exchange", "hearing", "judgment"]);

type Act = "dispute" | "propose" | "settle";

interface ActValues {
  side?: ElementSide;
  value?: string | number | boolean;
  months?: number;
  days?: number;
  reason?: string;
  reasons?: string;
}

const statusColours: Record<CaseElement["status"], string> = {
  open: "default",
  agreed: "green",
  disputed: "orange",
  settled: "blue",
};

/** A value in words: yuan for fen, a rate with its unit, yes/no, months and days. */
export function useFormatElementValue() {
  const { t } = useTranslation("elements");
  return (type: ElementValueType, value: ElementValue): string => {
    if (type === "amount" && typeof value === "number") return `¥${formatYuan(value / 100)}`;
    if (type === "rate" && typeof value === "string") return t("value.rate", { value });
    if (type === "boolean" && typeof value === "boolean") return value ? t("value.yes") : t("value.no");
    if (typeof value === "object") return t("value.duration", value);
    return String(value);
  };
}

/** The form's fields → the API's value, or undefined when the field was left empty. */
function valueOf(type: ElementValueType, values: ActValues): ElementValue | undefined {
  if (type === "duration") {
    if (values.months === undefined && values.days === undefined) return undefined;
    return { months: values.months ?? 0, days: values.days ?? 0 };
  }
  const raw = values.value;
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (type === "amount" && typeof raw === "number") return Math.round(raw * 100);
  if (type === "text" || type === "date" || type === "rate") return String(raw).trim();
  return raw;
}

/** The input of one value type, labelled. */
function ValueFields({ type, required }: { type: ElementValueType; required: boolean }) {
  const { t } = useTranslation("elements");
  const rules = required ? [{ required: true, message: t("form.valueRequired") }] : [];
  switch (type) {
    case "amount":
      return (
        <Form.Item name="value" label={t("form.amount")} rules={rules}>
          <InputNumber min={0} step={0.01} precision={2} style={{ width: "100%" }} />
        </Form.Item>
      );
    case "date":
      return (
        <Form.Item name="value" label={t("form.value")} rules={rules}>
          <Input type="date" />
        </Form.Item>
      );
    case "rate":
      return (
        <Form.Item name="value" label={t("form.rate")} rules={rules}>
          <Input inputMode="decimal" suffix="%" />
        </Form.Item>
      );
    case "boolean":
      return (
        <Form.Item name="value" label={t("form.value")} rules={rules}>
          <Radio.Group
            options={[
              { value: true, label: t("value.yes") },
              { value: false, label: t("value.no") },
            ]}
          />
        </Form.Item>
      );
    case "text":
      return (
        <Form.Item name="value" label={t("form.value")} rules={rules}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
      );
    case "duration":
      return (
        <Space wrap>
          <Form.Item name="months" label={t("form.months")} rules={rules}>
            <InputNumber min={0} max={1200} precision={0} />
          </Form.Item>
          <Form.Item name="days" label={t("form.days")}>
            <InputNumber min={0} max={36500} precision={0} />
          </Form.Item>
        </Space>
      );
  }
}

/** One element as a list item: label, legal basis, value and its source, each side's position, the finding. */
function ElementItem({
  element,
  onAct,
  onAgree,
  isBusy,
}: {
  element: CaseElement;
  onAct: (act: Act, element: CaseElement) => void;
  onAgree: (element: CaseElement) => void;
  isBusy: boolean;
}) {
  const { t, i18n } = useTranslation("elements");
  const isEnglish = i18n.language === "en";
  const format = useFormatElementValue();
  const label = localName({ nameZh: element.labelZh, nameEn: element.labelEn });
  return (
    <List.Item data-testid={`element-${element.key}`}>
      <Flex vertical gap={4} style={{ width: "100%" }}>
        <Flex wrap gap="small" align="center">
          <Typography.Text strong>{label}</Typography.Text>
          <Tag color={statusColours[element.status]}>{t(`status.${element.status}`)}</Tag>
          {element.isRequired ? <Tag>{t("required")}</Tag> : null}
        </Flex>
        <Typography.Text type="secondary">
          {t("field.legalBasis")}
          {t("colon")}
          {isEnglish ? citationEn(element.legalBasis) : element.legalBasis}
        </Typography.Text>
        <div>
          {t("field.value")}
          {t("colon")}
          {element.proposal ? (
            <>
              <Typography.Text>{format(element.valueType, element.proposal.value)}</Typography.Text>{" "}
              <Tag bordered={false}>{t(`source.${element.proposal.source}`)}</Tag>
            </>
          ) : (
            <Typography.Text type="secondary">{t("field.noValue")}</Typography.Text>
          )}
        </div>
        {(["plaintiff", "defendant"] as const).map((side) => {
          const position = element.positions[side];
          return (
            <div key={side}>
              {t("positionLine", { side: t(`side.${side}`), position: t(`position.${position.position}`) })}
              {position.reason ? (
                <Typography.Text type="secondary">{t("inParens", { text: position.reason })}</Typography.Text>
              ) : null}
              {position.counterValue !== null ? (
                <Typography.Text type="secondary">
                  {" "}
                  {t("field.counterValue", { value: format(element.valueType, position.counterValue) })}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
        {element.settlement ? (
          <div>
            <Typography.Text strong>
              {t("field.settled")}
              {t("colon")}
              {format(element.valueType, element.settlement.value)}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {t("field.reasons")}
              {t("colon")}
              {element.settlement.reasons ?? t("field.reasonsAgreed")}
            </Typography.Text>
          </div>
        ) : null}
        {element.computed.map((figure) => (
          <Typography.Text key={figure.kind} type={figure.exceedsCap ? "danger" : "secondary"}>
            {t("computed.cap", {
              cap: figure.capPercent,
              lpr: figure.lprPercent ?? "",
              lprDate: figure.lprPublishedOn ?? "",
              article: isEnglish ? citationEn(figure.article) : figure.article,
            })}
            {figure.exceedsCap === null
              ? ""
              : `；${figure.exceedsCap ? t("computed.exceeds") : t("computed.within")}`}
          </Typography.Text>
        ))}
        {element.actions.length > 0 ? (
          <Space wrap>
            {element.actions.includes("agree") ? (
              <Button size="small" type="primary" disabled={isBusy} onClick={() => onAgree(element)}>
                {t("action.agree")}
              </Button>
            ) : null}
            {element.actions.includes("dispute") ? (
              <Button size="small" disabled={isBusy} onClick={() => onAct("dispute", element)}>
                {t("action.dispute")}
              </Button>
            ) : null}
            {element.actions.includes("propose") ? (
              <Button size="small" disabled={isBusy} onClick={() => onAct("propose", element)}>
                {t("action.propose")}
              </Button>
            ) : null}
            {element.actions.includes("settle") ? (
              <Button size="small" type="primary" disabled={isBusy} onClick={() => onAct("settle", element)}>
                {t("action.settle")}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Flex>
    </List.Item>
  );
}

/**
 * The element table of a case (要素表): the parties agree, dispute or propose each element's value
 * before the hearing; the judge settles them. Shown once the case is registered.
 */
export function ElementTablePanel({ caseId, status }: { caseId: string; status: string }) {
  const { t } = useTranslation("elements");
  const isOpen = tableStatuses.has(status);
  const query = useApiQuery(
    (signal) => (isOpen ? elementsApi.get(caseId, signal) : Promise.resolve(undefined)),
    [caseId, isOpen],
  );
  const [open, setOpen] = useState<{ act: Act; element: CaseElement } | null>(null);
  const [form] = Form.useForm<ActValues>();
  const view = query.data;
  const sideChoice = (values: ActValues) =>
    view && view.mySides.length > 1 ? { side: values.side ?? view.mySides[0]! } : {};
  const done = () => {
    void message.success(t("done"));
    query.reload();
  };
  const agree = useSubmit(async (element: CaseElement) => {
    await elementsApi.mark(caseId, element.key, { position: "agreed", ...sideChoice({}) });
    done();
  });
  const settleAgreed = useSubmit(async () => {
    await elementsApi.settleAgreed(caseId);
    done();
  });
  const act = useSubmit(
    async (values: ActValues) => {
      if (!open) return;
      const { element } = open;
      const value = valueOf(element.valueType, values);
      if (open.act === "dispute") {
        await elementsApi.mark(caseId, element.key, {
          position: "disputed",
          reason: values.reason ?? "",
          counterValue: value ?? null,
          ...sideChoice(values),
        });
      } else if (open.act === "propose") {
        await elementsApi.propose(caseId, element.key, { value: value!, ...sideChoice(values) });
      } else {
        await elementsApi.settle(caseId, element.key, { value: value!, reasons: values.reasons ?? "" });
      }
      setOpen(null);
      form.resetFields();
      done();
    },
    form,
    "elements",
  );
  if (!isOpen) return null;
  const isJudge = view?.elements.some((element) => element.actions.includes("settle")) ?? false;

  const startAct = (next: Act, element: CaseElement) => {
    form.resetFields();
    const current = element.settlement?.value ?? element.proposal?.value;
    if (next === "settle" && current !== undefined) {
      if (element.valueType === "duration" && typeof current === "object") form.setFieldsValue(current);
      else if (element.valueType === "amount" && typeof current === "number")
        form.setFieldsValue({ value: current / 100 });
      else if (typeof current !== "object") form.setFieldsValue({ value: current });
    }
    setOpen({ act: next, element });
  };
  const label = open ? localName({ nameZh: open.element.labelZh, nameEn: open.element.labelEn }) : "";
  const titles: Record<Act, string> = {
    dispute: t("form.disputeTitle", { label }),
    propose: t("form.proposeTitle", { label }),
    settle: t("form.settleTitle", { label }),
  };

  return (
    <Card
      className="nc-block"
      title={t("title")}
      data-testid="element-table"
      extra={
        view?.actions.includes("settle_agreed") ? (
          <Button
            type="primary"
            loading={settleAgreed.isSubmitting}
            onClick={() => void settleAgreed.submit()}
          >
            {t("action.settleAgreed")}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={query.error} onRetry={query.reload} />
      <ErrorAlert error={agree.error ?? settleAgreed.error} />
      {!view ? (
        query.error ? null : (
          <Typography.Text type="secondary">{t("loading")}</Typography.Text>
        )
      ) : !view.table ? (
        <Typography.Text type="secondary">{t("noTable")}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {localName(view.table)} · {isJudge ? t("judgeIntro") : t("intro")}
          </Typography.Paragraph>
          <Typography.Paragraph>{t("counts", view.counts)}</Typography.Paragraph>
          <List
            itemLayout="vertical"
            dataSource={view.elements}
            rowKey="key"
            renderItem={(element) => (
              <ElementItem
                element={element}
                onAct={startAct}
                onAgree={(e) => void agree.submit(e)}
                isBusy={agree.isSubmitting}
              />
            )}
          />
        </>
      )}
      <Modal
        open={open !== null}
        title={open ? titles[open.act] : ""}
        onCancel={() => setOpen(null)}
        okText={t("action.save")}
        cancelText={t("action.cancel")}
        confirmLoading={act.isSubmitting}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <ErrorAlert error={act.error} details={act.otherDetails} />
        {open ? (
          <Form form={form} layout="vertical" onFinish={(values) => void act.submit(values)}>
            {view && view.mySides.length > 1 && open.act !== "settle" ? (
              <Form.Item name="side" label={t("form.side")} initialValue={view.mySides[0]}>
                <Radio.Group
                  options={view.mySides.map((side) => ({ value: side, label: t(`side.${side}`) }))}
                />
              </Form.Item>
            ) : null}
            {open.act === "dispute" ? (
              <>
                <Form.Item
                  name="reason"
                  label={t("form.reason")}
                  rules={[{ required: true, whitespace: true, message: t("form.reasonRequired") }]}
                >
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
                </Form.Item>
                <Typography.Text type="secondary">{t("form.counterValue")}</Typography.Text>
                <ValueFields type={open.element.valueType} required={false} />
              </>
            ) : (
              <ValueFields type={open.element.valueType} required />
            )}
            {open.act === "settle" ? (
              <Form.Item
                name="reasons"
                label={t("form.reasons")}
                rules={[{ required: true, whitespace: true, message: t("form.reasonsRequired") }]}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
              </Form.Item>
            ) : null}
          </Form>
        ) : null}
      </Modal>
    </Card>
  );
}
