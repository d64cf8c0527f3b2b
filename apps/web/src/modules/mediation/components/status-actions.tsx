import { Button, Card, Form, Modal, Popconfirm, Radio, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useApiQuery } from "../../../platform/use-api";
import { formatDate, translateOr } from "../../cases/cases.format";
import { mediationApi, type MediationView } from "../mediation.api";
import { hintDate } from "../mediation.format";
import { useAct } from "../../../platform/use-act";
import { ReasonModal } from "./reason-modal";

/** Statuses whose next steps are on the agreement (signing, applying for confirmation). */
const agreementStatuses = new Set(["agreement_drafted", "agreed", "confirmation_applied"]);

/** The clerk picks a mediator from the court's active register (在线调解规则第十条). */
function AssignMediator({ view, onDone }: { view: MediationView; onDone: () => void }) {
  const { t } = useTranslation("mediation");
  const mediators = useApiQuery((signal) => mediationApi.mediators(view.courtId, signal), [view.courtId]);
  const [mediatorId, setMediatorId] = useState<string | undefined>();
  const { run, busy } = useAct(onDone);
  return (
    <Space wrap>
      <Select
        aria-label={t("forms.mediator")}
        placeholder={t("forms.mediator")}
        style={{ minWidth: 220 }}
        loading={mediators.isLoading}
        value={mediatorId}
        onChange={setMediatorId}
        options={(mediators.data?.items ?? [])
          .filter((m) => m.isActive)
          .map((m) => ({
            value: m.id,
            label: m.organisation ? `${m.name}（${m.organisation.name}）` : m.name,
          }))}
      />
      <Button
        type="primary"
        disabled={!mediatorId}
        loading={busy === "assign"}
        onClick={() => void run("assign", () => mediationApi.assign(view.id, mediatorId!), t("actions.done"))}
      >
        {t("actions.assignMediator")}
      </Button>
    </Space>
  );
}

/** The other side's answer whether it agrees to mediate (在线调解规则第十五条). */
function AnswerConsent({ view, onDone }: { view: MediationView; onDone: () => void }) {
  const { t } = useTranslation("mediation");
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ answer: "agreed" | "refused"; partyId?: string }>();
  const { run, busy } = useAct(onDone);
  const isMediator = view.myRelation === "mediator";
  const pending = view.parties.filter((p) => p.consent === "pending");
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t("actions.answerConsent")}
      </Button>
      <Modal
        open={open}
        title={t("actions.answerConsent")}
        okText={t("forms.submit")}
        cancelText={t("forms.cancel")}
        confirmLoading={busy === "consent"}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ answer: "agreed", partyId: pending[0]?.id }}
          onFinish={(values) =>
            void run(
              "consent",
              () =>
                mediationApi.consent(view.id, {
                  answer: values.answer,
                  partyId: isMediator ? (values.partyId ?? null) : null,
                }),
              t("actions.done"),
            ).then((ok) => ok && setOpen(false))
          }
        >
          {isMediator ? (
            <Form.Item name="partyId" label={t("forms.party")} rules={[{ required: true }]}>
              <Select options={pending.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="answer" label={t("forms.answer")}>
            <Radio.Group
              options={[
                { value: "agreed", label: t("forms.agreed") },
                { value: "refused", label: t("forms.refused") },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * What the caller may do to move the mediation, exactly as the server's `actions` say, with a line on
 * where the mediation stands and what comes next.
 */
export function StatusActions({ view, onDone }: { view: MediationView; onDone: () => void }) {
  const { t } = useTranslation("mediation");
  const navigate = useNavigate();
  const { run, busy } = useAct(onDone);
  const [reasonFor, setReasonFor] = useState<"decline_assignment" | "record_failure" | null>(null);
  const has = (action: MediationView["actions"][number]) => view.actions.includes(action);
  const date = hintDate(view);
  const statusActs = [
    "consent_to_offer",
    "decline_offer",
    "assign_mediator",
    "accept_assignment",
    "decline_assignment",
    "answer_consent",
    "record_failure",
    "withdraw",
    "refer_to_filing",
  ] as const;
  const hasAny = statusActs.some((a) => has(a));
  return (
    <Card className="nc-block" title={<h2 className="nc-card-title">{t("workspace.nextStep")}</h2>}>
      <Typography.Paragraph data-testid="mediation-hint">
        {t(`workspace.hints.${view.status}`, { date: formatDate(date) })}
        {view.outcome ? ` ${translateOr(`mediation:outcome.${view.outcome}`, "")}` : null}
        {view.outcomeReason ? ` ${view.outcomeReason}` : null}
      </Typography.Paragraph>
      {!hasAny && !agreementStatuses.has(view.status) ? (
        <Typography.Text type="secondary">{t("workspace.nothingToDo")}</Typography.Text>
      ) : null}
      <div className="nc-mediation-actions">
        {has("consent_to_offer") ? (
          <Button
            type="primary"
            loading={busy === "consent_offer"}
            onClick={() =>
              void run(
                "consent_offer",
                () => mediationApi.answerOffer(view.caseId, "consent"),
                t("actions.done"),
              )
            }
          >
            {t("actions.consentToOffer")}
          </Button>
        ) : null}
        {has("decline_offer") ? (
          <Button
            loading={busy === "decline_offer"}
            onClick={() =>
              void run(
                "decline_offer",
                () => mediationApi.answerOffer(view.caseId, "decline"),
                t("actions.done"),
              )
            }
          >
            {t("actions.declineOffer")}
          </Button>
        ) : null}
        {has("assign_mediator") ? <AssignMediator view={view} onDone={onDone} /> : null}
        {has("accept_assignment") ? (
          <Button
            type="primary"
            loading={busy === "accept"}
            onClick={() => void run("accept", () => mediationApi.accept(view.id), t("actions.done"))}
          >
            {t("actions.acceptAssignment")}
          </Button>
        ) : null}
        {has("decline_assignment") ? (
          <Button onClick={() => setReasonFor("decline_assignment")}>{t("actions.declineAssignment")}</Button>
        ) : null}
        {has("answer_consent") ? <AnswerConsent view={view} onDone={onDone} /> : null}
        {has("record_failure") ? (
          <Button danger onClick={() => setReasonFor("record_failure")}>
            {t("actions.recordFailure")}
          </Button>
        ) : null}
        {has("withdraw") ? (
          <Popconfirm
            title={t("actions.withdrawConfirm")}
            okText={t("forms.submit")}
            cancelText={t("forms.cancel")}
            onConfirm={() =>
              void run("withdraw", () => mediationApi.withdraw(view.id, null), t("actions.done"))
            }
          >
            <Button danger loading={busy === "withdraw"}>
              {t("actions.withdraw")}
            </Button>
          </Popconfirm>
        ) : null}
        {has("refer_to_filing") ? (
          <Popconfirm
            title={t("actions.referConfirm")}
            okText={t("forms.submit")}
            cancelText={t("forms.cancel")}
            onConfirm={() => void run("refer", () => mediationApi.referToFiling(view.id), t("actions.done"))}
          >
            <Button type="primary" loading={busy === "refer"}>
              {t("actions.referToFiling")}
            </Button>
          </Popconfirm>
        ) : null}
      </div>
      <ReasonModal
        open={reasonFor !== null}
        title={
          reasonFor === "decline_assignment" ? t("actions.declineAssignment") : t("actions.recordFailure")
        }
        confirmLoading={busy === "reason"}
        onCancel={() => setReasonFor(null)}
        onSubmit={(reason) => {
          if (reasonFor === "decline_assignment") {
            // The mediator who declines no longer takes part: back to the list.
            void run("reason", () => mediationApi.decline(view.id, reason), t("actions.done")).then(
              (ok) => ok && void navigate("/court/mediations"),
            );
          } else {
            void run("reason", () => mediationApi.recordFailure(view.id, reason), t("actions.done")).then(
              (ok) => ok && setReasonFor(null),
            );
          }
        }}
      />
    </Card>
  );
}
