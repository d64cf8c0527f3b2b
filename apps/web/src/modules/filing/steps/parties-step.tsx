import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../identity/session-context";
import { agentKinds, partyKinds, partyRoles, type Attachment, type PartyRole } from "../filing.api";
import {
  blankParty,
  hasParticularsFromIdNumber,
  withFilerFromAccount,
  type AgentForm,
  type FilingForm,
  type PartyForm,
} from "../filing.form";
import {
  optionalCreditCodeRule,
  optionalEmailRule,
  optionalIdNumberRule,
  optionalLicenceRule,
  optionalPhoneRule,
} from "../filing.validators";

const half = { xs: 24, md: 12 } as const;

function PartyCard({ index, onRemove }: { index: number; onRemove?: () => void }) {
  const { t } = useTranslation("filing");
  const form = Form.useFormInstance<FilingForm>();
  const role = (Form.useWatch(["parties", index, "role"], form) as PartyRole | undefined) ?? "plaintiff";
  const kind = Form.useWatch(["parties", index, "kind"], form) as PartyForm["kind"] | undefined;
  const isPerson = (kind ?? "natural_person") === "natural_person";
  const heading = t("wizard.party.heading", { role: t(`wizard.roles.${role}`), n: index + 1 });
  // The filer's identity is the account's (人民法院在线诉讼规则第七条), so it is shown, not typed.
  const isFiler = (Form.useWatch("filer", form) as string | undefined) === `party:${index}`;
  const { me } = useMe();
  const fromAccount = isFiler ? t("wizard.filer.fromAccount") : undefined;
  // GB 11643-1999 §5.2: a valid ID number states the birth date and sex; they are shown, not typed.
  const idNumber = Form.useWatch<string | null | undefined>(["parties", index, "idNumber"], form);
  const isFromIdNumber = hasParticularsFromIdNumber(
    { role, kind: kind ?? "natural_person", idNumber },
    new Date(),
  );
  const isParticularsFixed = isPerson && (isFromIdNumber || (isFiler && me?.kind === "person"));
  const particularsNote = isParticularsFixed
    ? isFiler
      ? t("wizard.filer.fromAccount")
      : t("wizard.party.fromIdNumber")
    : undefined;
  return (
    <Card
      size="small"
      className="nc-repeat-card"
      title={<h3 className="nc-card-title">{heading}</h3>}
      extra={
        onRemove ? (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            onClick={onRemove}
            aria-label={`${t("wizard.party.remove")}: ${heading}`}
          />
        ) : null
      }
      data-testid={`party-${index}`}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={[index, "role"]} label={t("wizard.party.role")} rules={[{ required: true }]}>
            <Select options={partyRoles.map((value) => ({ value, label: t(`wizard.roles.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={[index, "kind"]} label={t("wizard.party.kind")} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              disabled={isFiler && me?.kind === "person"}
              options={partyKinds.map((value) => ({ value, label: t(`wizard.kinds.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name={[index, "name"]}
            label={t("wizard.party.name")}
            extra={fromAccount}
            rules={[{ required: true, whitespace: true, message: t("wizard.party.nameRequired") }]}
          >
            <Input maxLength={200} autoComplete="off" disabled={isFiler} />
          </Form.Item>
        </Col>
        {isPerson ? (
          <Col {...half}>
            <Form.Item
              name={[index, "idNumber"]}
              label={t("wizard.party.idNumber")}
              extra={fromAccount}
              rules={[optionalIdNumberRule]}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                inputMode="text"
                disabled={isFiler}
                placeholder={isFiler ? (me?.idNumberMasked ?? undefined) : undefined}
              />
            </Form.Item>
          </Col>
        ) : (
          <>
            <Col {...half}>
              <Form.Item
                name={[index, "creditCode"]}
                label={t("wizard.party.creditCode")}
                extra={fromAccount}
                rules={[optionalCreditCodeRule]}
              >
                <Input maxLength={18} autoComplete="off" disabled={isFiler} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[index, "legalRepresentative"]} label={t("wizard.party.legalRepresentative")}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </>
        )}
        {isPerson ? (
          <>
            <Col xs={12} md={6}>
              <Form.Item name={[index, "sex"]} label={t("wizard.party.sex")} extra={particularsNote}>
                <Select
                  disabled={isParticularsFixed}
                  allowClear
                  options={(["male", "female"] as const).map((value) => ({
                    value,
                    label: t(`wizard.party.sexes.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={[index, "ethnicity"]} label={t("wizard.party.ethnicity")}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name={[index, "birthDate"]}
                label={t("wizard.party.birthDate")}
                extra={particularsNote}
                getValueProps={(value?: string) => ({ value: value ? dayjs(value) : null })}
                normalize={(value: Dayjs | null) => (value ? value.format("YYYY-MM-DD") : "")}
              >
                <DatePicker
                  format="YYYY-MM-DD"
                  maxDate={dayjs()}
                  disabled={isParticularsFixed}
                  style={{ width: "100%" }}
                />
              </Form.Item>
            </Col>
          </>
        ) : null}
        <Col {...half}>
          <Form.Item name={[index, "phone"]} label={t("wizard.party.phone")} rules={[optionalPhoneRule]}>
            <Input type="tel" inputMode="tel" maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={[index, "email"]} label={t("wizard.party.email")} rules={[optionalEmailRule]}>
            <Input type="email" maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={[index, "address"]} label={t("wizard.party.address")}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name={[index, "serviceAddress"]}
            label={t("wizard.party.serviceAddress")}
            extra={t("wizard.party.serviceAddressHelp")}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

function AgentCard({
  index,
  onRemove,
  attachments,
}: {
  index: number;
  onRemove: () => void;
  attachments: Attachment[];
}) {
  const { t } = useTranslation("filing");
  const form = Form.useFormInstance<FilingForm>();
  const parties = (Form.useWatch("parties", form) as PartyForm[] | undefined) ?? [];
  const kind = Form.useWatch(["agents", index, "kind"], form) as AgentForm["kind"] | undefined;
  const heading = t("wizard.agents.heading", { n: index + 1 });
  const isFiler = (Form.useWatch("filer", form) as string | undefined) === `agent:${index}`;
  // 民事诉讼法第六十二条: the agent's authority rests on a power of attorney, uploaded as such.
  const powers = attachments.filter((a) => a.category === "power_of_attorney");
  return (
    <Card
      size="small"
      className="nc-repeat-card"
      title={<h3 className="nc-card-title">{heading}</h3>}
      extra={
        <Button
          type="text"
          danger
          icon={<DeleteOutlined aria-hidden />}
          onClick={onRemove}
          aria-label={`${t("wizard.agents.remove")}: ${heading}`}
        />
      }
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name={[index, "partyIndex"]}
            label={t("wizard.agents.partyIndex")}
            rules={[{ required: true }]}
          >
            <Select
              options={parties.map((party, partyIndex) => ({
                value: partyIndex,
                label: `${t(`wizard.roles.${party?.role ?? "plaintiff"}`)}（${partyIndex + 1}）${party?.name ?? ""}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={[index, "kind"]} label={t("wizard.agents.kind")} rules={[{ required: true }]}>
            <Select
              options={agentKinds.map((value) => ({ value, label: t(`wizard.agents.kinds.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name={[index, "name"]}
            label={t("wizard.agents.name")}
            extra={isFiler ? t("wizard.filer.fromAccount") : undefined}
            rules={[{ required: true, whitespace: true, message: t("wizard.agents.nameRequired") }]}
          >
            <Input maxLength={100} disabled={isFiler} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={[index, "phone"]} label={t("wizard.agents.phone")} rules={[optionalPhoneRule]}>
            <Input type="tel" inputMode="tel" maxLength={20} />
          </Form.Item>
        </Col>
        {kind === "lawyer" ? (
          <>
            <Col {...half}>
              <Form.Item name={[index, "lawFirm"]} label={t("wizard.agents.lawFirm")}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name={[index, "licenceNumber"]}
                label={t("wizard.agents.licenceNumber")}
                rules={[optionalLicenceRule]}
              >
                <Input maxLength={17} inputMode="numeric" disabled={isFiler} />
              </Form.Item>
            </Col>
          </>
        ) : null}
        <Col xs={24}>
          <Form.Item
            name={[index, "powerOfAttorneyAttachmentId"]}
            label={t("wizard.agents.powerOfAttorney")}
            extra={t("wizard.agents.powerOfAttorneyHelp")}
          >
            <Select
              allowClear
              placeholder={t("wizard.evidence.none")}
              options={powers.map((attachment) => ({ value: attachment.id, label: attachment.fileName }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** Who submits: a party in person or one of the agents (exactly one, 民事诉讼法 / 在线诉讼规则). */
function FilerField() {
  const { t } = useTranslation("filing");
  const form = Form.useFormInstance<FilingForm>();
  const parties = (Form.useWatch("parties", form) as PartyForm[] | undefined) ?? [];
  const agents = (Form.useWatch("agents", form) as AgentForm[] | undefined) ?? [];
  const filer = Form.useWatch("filer", form) as string | undefined;
  const agentKind = Form.useWatch(
    ["agents", Number(/^agent:(\d+)$/.exec(filer ?? "")?.[1] ?? -1), "kind"],
    form,
  ) as AgentForm["kind"] | undefined;
  const { me } = useMe();
  useEffect(() => {
    if (me) form.setFieldsValue(withFilerFromAccount(form.getFieldsValue(true) as FilingForm, me));
  }, [form, me, filer, agentKind]);
  const name = (value: string | undefined) => value?.trim() || t("wizard.filer.unnamed");
  return (
    <Form.Item name="filer" label={t("wizard.filer.label")} extra={t("wizard.filer.help")}>
      <Radio.Group
        className="nc-radio-column"
        options={[
          ...parties.map((party, index) => ({
            value: `party:${index}`,
            label: t("wizard.filer.party", {
              name: name(party?.name),
              role: t(`wizard.roles.${party?.role ?? "plaintiff"}`),
            }),
          })),
          ...agents.map((agent, index) => ({
            value: `agent:${index}`,
            label: t("wizard.filer.agent", { name: name(agent?.name) }),
          })),
        ]}
      />
    </Form.Item>
  );
}

/** Step 1: the parties (民事诉讼法第一百二十四条第一、二项), their agents and who submits. */
export function PartiesStep({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation("filing");
  return (
    <>
      <Form.List name="parties">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <PartyCard
                key={field.key}
                index={field.name}
                onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
              />
            ))}
            <Flex gap="small" wrap className="nc-add-row">
              {partyRoles.map((role) => (
                <Button
                  key={role}
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() =>
                    add(blankParty(role, role === "plaintiff" ? "natural_person" : "legal_person"))
                  }
                >
                  {t("wizard.party.add", { role: t(`wizard.roles.${role}`) })}
                </Button>
              ))}
            </Flex>
          </>
        )}
      </Form.List>

      <h2 className="nc-section-title">{t("wizard.agents.title")}</h2>
      <Typography.Paragraph type="secondary">{t("wizard.agents.intro")}</Typography.Paragraph>
      <Form.List name="agents">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <AgentCard
                key={field.key}
                index={field.name}
                attachments={attachments}
                onRemove={() => remove(field.name)}
              />
            ))}
            <Button
              className="nc-add-row"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ kind: "lawyer", partyIndex: 0 } satisfies AgentForm)}
            >
              {t("wizard.agents.add")}
            </Button>
          </>
        )}
      </Form.List>

      <FilerField />
    </>
  );
}
