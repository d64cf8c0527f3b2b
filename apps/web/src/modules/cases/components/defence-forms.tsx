import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useSubmit } from "../../../platform/use-api";
import { agentKinds, type AgentKind } from "../../filing/filing.api";
import type { CaseDetail } from "../cases.api";
import { formatDate, formatYuan } from "../cases.format";
import { defendantApi, type DefenceObjection, type ServedDefendant } from "../defendant.api";

/** 民事诉讼法第一百三十条: the defendant objects to jurisdiction within the answer period. */
export function ObjectionForm({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation("cases");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grounds: string; proposedCourt?: string }>();
  const object = useSubmit(async (values: { grounds: string; proposedCourt?: string }) => {
    await defendantApi.object(caseId, {
      grounds: values.grounds,
      proposedCourt: values.proposedCourt?.trim() ? values.proposedCourt.trim() : null,
    });
    void message.success(t("defence.objection.filed"));
    form.resetFields();
    onChanged();
  }, form);
  return (
    <div data-testid="objection-form">
      <Typography.Paragraph className="nc-muted">{t("defence.objection.intro")}</Typography.Paragraph>
      <ErrorAlert error={object.error} details={object.otherDetails} hasFieldErrors />
      <Form form={form} layout="vertical" onFinish={(values) => void object.submit(values)}>
        <Form.Item
          name="grounds"
          label={t("defence.objection.grounds")}
          rules={[{ required: true, whitespace: true, message: t("defence.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="proposedCourt" label={t("defence.objection.proposedCourt")}>
          <Input maxLength={200} />
        </Form.Item>
        <Button htmlType="submit" loading={object.isSubmitting}>
          {t("defence.objection.submit")}
        </Button>
      </Form>
    </div>
  );
}

/** The judge in charge rules on a pending objection: upheld (the case is transferred) or dismissed. */
export function ObjectionDecisionForm({
  caseId,
  objection,
  onChanged,
}: {
  caseId: string;
  objection: DefenceObjection;
  onChanged: () => void;
}) {
  const { t } = useTranslation("cases");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: "upheld" | "dismissed"; reason: string }>();
  const decide = useSubmit(async (values: { outcome: "upheld" | "dismissed"; reason: string }) => {
    await defendantApi.decideObjection(caseId, objection.id, values);
    void message.success(t("defence.decision.done"));
    onChanged();
  }, form);
  return (
    <div data-testid="objection-decision">
      <ErrorAlert error={decide.error} details={decide.otherDetails} hasFieldErrors />
      <Form form={form} layout="vertical" onFinish={(values) => void decide.submit(values)}>
        <Form.Item
          name="outcome"
          label={t("defence.decision.outcome")}
          rules={[{ required: true, message: t("defence.required") }]}
        >
          <Radio.Group
            options={[
              { value: "dismissed", label: t("defence.decision.dismissed") },
              { value: "upheld", label: t("defence.decision.upheld") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("defence.decision.reason")}
          rules={[{ required: true, whitespace: true, message: t("defence.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={decide.isSubmitting}>
          {t("defence.decision.submit")}
        </Button>
      </Form>
    </div>
  );
}

interface CounterclaimValues {
  claims: Array<{ text: string; amount?: number | null }>;
  factsAndReasons: string;
}

/** 民事诉讼法第一百四十三条: a counterclaim; its fee is halved (诉讼费用交纳办法第十八条). */
export function CounterclaimForm({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation("cases");
  const [form] = Form.useForm<CounterclaimValues>();
  const [quote, setQuote] = useState<{ fee: number; feeDueOn: string } | null>(null);
  const file = useSubmit(async (values: CounterclaimValues) => {
    const filed = await defendantApi.counterclaim(caseId, {
      claims: values.claims.map((c) => ({ text: c.text, amount: c.amount ?? null })),
      factsAndReasons: values.factsAndReasons,
    });
    setQuote({ fee: filed.fee, feeDueOn: filed.feeDueOn });
    form.resetFields();
    onChanged();
  }, form);
  return (
    <div data-testid="counterclaim-form">
      <Typography.Paragraph className="nc-muted">{t("defence.counterclaim.intro")}</Typography.Paragraph>
      {quote ? (
        <Alert
          className="nc-block"
          type="success"
          showIcon
          data-testid="counterclaim-fee"
          title={t("defence.counterclaim.filed")}
          description={t("defence.counterclaim.fee", {
            amount: formatYuan(quote.fee),
            date: formatDate(quote.feeDueOn),
          })}
        />
      ) : null}
      <ErrorAlert error={file.error} details={file.otherDetails} hasFieldErrors />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ claims: [{ text: "", amount: null }], factsAndReasons: "" }}
        onFinish={(values) => void file.submit(values)}
      >
        <Form.List name="claims">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} align="start" wrap gap="small">
                  <Form.Item
                    name={[field.name, "text"]}
                    label={t("defence.counterclaim.claimN", { n: index + 1 })}
                    rules={[{ required: true, whitespace: true, message: t("defence.required") }]}
                    style={{ minWidth: 220, flex: 1 }}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[field.name, "amount"]} label={t("defence.counterclaim.amount")}>
                    <InputNumber<number> min={0} precision={2} style={{ width: 160 }} inputMode="decimal" />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Form.Item label=" ">
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t("defence.counterclaim.remove", { n: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    </Form.Item>
                  ) : null}
                </Flex>
              ))}
              {fields.length < 20 ? (
                <Button
                  className="nc-block"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ text: "", amount: null })}
                >
                  {t("defence.counterclaim.add")}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        <Form.Item
          name="factsAndReasons"
          label={t("defence.counterclaim.facts")}
          rules={[{ required: true, whitespace: true, message: t("defence.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
        <Button htmlType="submit" loading={file.isSubmitting}>
          {t("defence.counterclaim.submit")}
        </Button>
      </Form>
    </div>
  );
}

interface AgentValues {
  kind: AgentKind;
  contact: string;
  specialAuthority: boolean;
}

/** 民事诉讼法第六十一条、第六十二条: a party appoints one or two agents with a signed power of attorney. */
export function AgentsCard({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation(["cases", "filing"]);
  const { message } = App.useApp();
  const [form] = Form.useForm<AgentValues>();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const myParties = new Set(detail.parties.filter((p) => p.isMe).map((p) => p.id));
  const agents = detail.agents.filter((agent) => myParties.has(agent.partyId));

  const appoint = useSubmit(async (values: AgentValues) => {
    const file = input.current?.files?.[0];
    if (!file) {
      setFileMissing(true);
      return;
    }
    await defendantApi.appointAgent(detail.id, values, file);
    void message.success(t("defence.agents.appointed"));
    form.resetFields();
    if (input.current) input.current.value = "";
    setFileName(null);
    onChanged();
  }, form);
  const revoke = useSubmit(async (agentId: string) => {
    await defendantApi.revokeAgent(detail.id, agentId);
    void message.success(t("defence.agents.revoked"));
    onChanged();
  });

  return (
    <div data-testid="agents-form">
      <Typography.Paragraph className="nc-muted">{t("defence.agents.intro")}</Typography.Paragraph>
      <ErrorAlert error={revoke.error} />
      {agents.length > 0 ? (
        <List
          className="nc-block"
          dataSource={agents}
          renderItem={(agent) => (
            <List.Item
              style={{ flexWrap: "wrap", gap: 8 }}
              actions={
                agent.status === "active"
                  ? [
                      <Button
                        key="revoke"
                        danger
                        size="small"
                        loading={revoke.isSubmitting}
                        onClick={() => void revoke.submit(agent.id)}
                        aria-label={t("defence.agents.revokeNamed", { name: agent.name })}
                      >
                        {t("defence.agents.revoke")}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{agent.name}</span>
                    <Tag>{t(`filing:wizard.agents.kinds.${agent.kind}`)}</Tag>
                    <Tag color={agent.status === "active" ? "success" : "default"}>
                      {t(`defence.agents.status.${agent.status}`)}
                    </Tag>
                  </Space>
                }
                description={
                  agent.licenceNumber ? t("defence.agents.licence", { number: agent.licenceNumber }) : null
                }
              />
            </List.Item>
          )}
        />
      ) : null}
      <ErrorAlert error={appoint.error} details={appoint.otherDetails} hasFieldErrors />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "lawyer", contact: "", specialAuthority: false }}
        onFinish={(values) => void appoint.submit(values)}
      >
        <Form.Item name="kind" label={t("defence.agents.kind")} rules={[{ required: true }]}>
          <Select<AgentKind>
            options={agentKinds.map((value) => ({ value, label: t(`filing:wizard.agents.kinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: AgentValues, b: AgentValues) => a.kind !== b.kind}>
          {() =>
            form.getFieldValue("kind") === "lawyer" ? (
              <Alert className="nc-block" type="info" showIcon title={t("defence.agents.licenceHelp")} />
            ) : null
          }
        </Form.Item>
        <Form.Item
          name="contact"
          label={t("defence.agents.contact")}
          extra={t("defence.agents.contactHelp")}
          rules={[{ required: true, whitespace: true, min: 5, max: 200, message: t("defence.required") }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="specialAuthority" valuePropName="checked">
          <Checkbox>{t("defence.agents.specialAuthority")}</Checkbox>
        </Form.Item>
        <Form.Item
          label={t("defence.agents.powerOfAttorney")}
          htmlFor={inputId}
          required
          validateStatus={fileMissing ? "error" : undefined}
          help={fileMissing ? t("defence.agents.fileRequired") : t("defence.agents.powerOfAttorneyHelp")}
        >
          <input
            id={inputId}
            ref={input}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            className="nc-visually-hidden"
            aria-label={t("defence.agents.powerOfAttorney")}
            onChange={(event) => {
              setFileName(event.target.files?.[0]?.name ?? null);
              setFileMissing(false);
            }}
            data-testid="power-of-attorney-input"
          />
          <Space wrap>
            <label htmlFor={inputId} className="nc-file-button">
              {t("defence.agents.chooseFile")}
            </label>
            {fileName ? <span>{fileName}</span> : null}
          </Space>
        </Form.Item>
        <Button htmlType="submit" loading={appoint.isSubmitting} style={{ marginTop: 8 }}>
          {t("defence.agents.appoint")}
        </Button>
      </Form>
    </div>
  );
}

/** 民事诉讼法第一百二十八条: the clerk serves the complaint and reads out or prints each defendant's case code. */
export function ServeComplaintCard({
  caseId,
  codes,
  onChanged,
}: {
  caseId: string;
  codes: Array<{ name: string; caseCode: string; usedAt: string | null }>;
  onChanged: () => void;
}) {
  const { t } = useTranslation("cases");
  const [served, setServed] = useState<ServedDefendant[] | null>(null);
  const serve = useSubmit(async () => {
    const result = await defendantApi.serveComplaint(caseId);
    setServed(result.defendants);
    onChanged();
  });
  return (
    <Card
      size="small"
      className="nc-block"
      title={<h3 className="nc-card-title">{t("defence.serve.title")}</h3>}
    >
      <Typography.Paragraph className="nc-muted">{t("defence.serve.intro")}</Typography.Paragraph>
      <ErrorAlert error={serve.error} />
      {served ? (
        <Alert
          className="nc-block"
          type="success"
          showIcon
          title={t("defence.serve.done")}
          description={t("defence.serve.doneHelp")}
        />
      ) : (
        <Button type="primary" onClick={() => void serve.submit()} loading={serve.isSubmitting}>
          {t("defence.serve.submit")}
        </Button>
      )}
      {served ? (
        <CaseCodeList
          codes={served.map((d) => ({
            name: d.name,
            caseCode: d.caseCode,
            usedAt: null,
            hasAccount: d.hasAccount,
          }))}
        />
      ) : codes.length > 0 ? (
        <CaseCodeList codes={codes} />
      ) : null}
    </Card>
  );
}

/** The defendants' case codes, for the court to print on the notice or read out (court staff only). */
export function CaseCodeList({
  codes,
}: {
  codes: Array<{ name: string; caseCode: string; usedAt: string | null; hasAccount?: boolean }>;
}) {
  const { t } = useTranslation("cases");
  return (
    <List
      data-testid="case-codes"
      header={<strong>{t("defence.codes.title")}</strong>}
      dataSource={codes}
      renderItem={(code) => (
        <List.Item style={{ flexWrap: "wrap", gap: 8 }}>
          <List.Item.Meta
            title={code.name}
            description={
              code.usedAt
                ? t("defence.codes.used", { date: formatDate(code.usedAt) })
                : code.hasAccount
                  ? t("defence.codes.hasAccount")
                  : t("defence.codes.unused")
            }
          />
          <Typography.Text
            code
            copyable={{ tooltips: [t("detail.copy"), t("detail.copied")] }}
            data-testid="case-code"
            className="nc-code"
          >
            {code.caseCode}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
