import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Spin,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { currentLocale, i18next } from "../../../platform/i18n";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { formatDate, formatDateTime, translateOr } from "../../cases/cases.format";
import { documentsApi, type CaseDocument } from "../../documents/documents.api";
import { groundText, IssueLinks } from "../components/agreement-panel";
import {
  dismissalGroundCodes,
  mediationApi,
  refusalGroundCodes,
  type ConfirmationView,
} from "../mediation.api";
import { useAct } from "../../../platform/use-act";
import "../../filing/filing.css";
import "../mediation.css";

/** A ground of refusal or dismissal as a choice, in the reader's language. */
function groundOption(code: string) {
  return { value: code, label: translateOr(`mediation:groundLabels.${code}`, code) };
}

function RefuseModal({
  view,
  open,
  onClose,
  onDone,
}: {
  view: ConfirmationView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<{ grounds: string[]; reason?: string }>();
  const refuse = useSubmit(
    (values: { grounds: string[]; reason?: string }) =>
      mediationApi.refuseConfirmation(view.id, {
        grounds: values.grounds,
        reason: values.reason?.trim() || null,
      }),
    form,
    "mediation",
  );
  return (
    <Modal
      open={open}
      title={t("confirmation.refuse")}
      okText={t("confirmation.refuse")}
      okButtonProps={{ danger: true }}
      cancelText={t("forms.cancel")}
      confirmLoading={refuse.isSubmitting}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          void (async () => {
            if (await refuse.submit(values)) onDone();
          })()
        }
      >
        <ErrorAlert error={refuse.error} details={refuse.otherDetails} hasFieldErrors />
        <Form.Item name="grounds" label={t("confirmation.refuseGrounds")} rules={[{ required: true }]}>
          <Checkbox.Group
            style={{ display: "flex", flexDirection: "column", gap: 8 }}
            options={refusalGroundCodes.map(groundOption)}
          />
        </Form.Item>
        <Form.Item name="reason" label={t("confirmation.reasons")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideModal({
  view,
  open,
  onClose,
  onDone,
}: {
  view: ConfirmationView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<{ decision: "confirm" | "dismiss"; grounds?: string[]; reasons?: string }>();
  const decision = Form.useWatch("decision", form);
  const decide = useSubmit(
    (values: { decision: "confirm" | "dismiss"; grounds?: string[]; reasons?: string }) =>
      mediationApi.decideConfirmation(view.id, {
        decision: values.decision,
        grounds: values.decision === "dismiss" ? (values.grounds ?? []) : [],
        reasons: values.reasons?.trim() ?? "",
      }),
    form,
    "mediation",
  );
  return (
    <Modal
      open={open}
      title={t("confirmation.decide")}
      okText={t("confirmation.decide")}
      cancelText={t("forms.cancel")}
      confirmLoading={decide.isSubmitting}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: "confirm" }}
        onFinish={(values) =>
          void (async () => {
            if (await decide.submit(values)) onDone();
          })()
        }
      >
        <ErrorAlert error={decide.error} details={decide.otherDetails} hasFieldErrors />
        <Form.Item name="decision" label={t("confirmation.decision")}>
          <Radio.Group
            style={{ display: "flex", flexDirection: "column", gap: 8 }}
            options={[
              { value: "confirm", label: t("confirmation.decision_confirm") },
              { value: "dismiss", label: t("confirmation.decision_dismiss") },
            ]}
          />
        </Form.Item>
        {decision === "dismiss" ? (
          <Form.Item name="grounds" label={t("confirmation.dismissGrounds")} rules={[{ required: true }]}>
            <Checkbox.Group
              style={{ display: "flex", flexDirection: "column", gap: 8 }}
              options={dismissalGroundCodes.map(groundOption)}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="reasons" label={t("confirmation.reasons")}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One application for judicial confirmation (`/court/confirmations/:id`): accept or refuse; the judge rules. */
export function ConfirmationReviewScene() {
  const { t, i18n } = useTranslation("mediation");
  const { id = "" } = useParams();
  const [dialog, setDialog] = useState<"refuse" | "decide" | null>(null);
  // On a phone each label sits above its value, so long party names keep the full width.
  const isPhone = Grid.useBreakpoint().md === false;
  const loaded = useApiQuery(
    async (signal) => {
      const view = await mediationApi.confirmation(id, signal);
      const documents = await documentsApi.list(view.caseId).then(
        (list) => list.items,
        () => [] as CaseDocument[],
      );
      return { view, documents };
    },
    [id, i18n.language],
  );
  const done = () => {
    setDialog(null);
    loaded.reload();
  };
  const { run, busy } = useAct(done);
  if (loaded.error) {
    return (
      <Page title={t("confirmation.title")}>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
        <LinkButton to="/court/confirmations">{t("confirmation.back")}</LinkButton>
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <div className="nc-center" aria-busy="true">
        <Spin description={i18next.t("common:a11y.loading")} />
      </div>
    );
  }
  const { view, documents } = loaded.data;
  const agreement = documents.findLast((d) => d.kind === ("mediation_agreement" as CaseDocument["kind"]));
  const ruling = documents.find((d) => d.issueId === view.decision?.rulingIssueId);
  const withdrawalRuling = view.withdrawal?.rulingIssueId
    ? documents.find((d) => d.issueId === view.withdrawal?.rulingIssueId)
    : undefined;
  const has = (action: ConfirmationView["actions"][number]) => view.actions.includes(action);
  return (
    <Page
      title={view.caseNumber ?? t("confirmation.title")}
      intro={view.parties.map((p) => p.name).join(" / ")}
      extra={<Tag data-testid="confirmation-status-tag">{t(`confirmation.status.${view.status}`)}</Tag>}
    >
      <Card className="nc-block">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          layout={isPhone ? "vertical" : "horizontal"}
          className="nc-mediation-wrap"
          items={[
            ...view.parties.map((p) => ({
              key: p.partyId,
              label: `${t(`role.${p.role}`)} ${p.name}`,
              children: p.appliedAt ? formatDateTime(p.appliedAt) : t("confirmation.notApplied"),
            })),
            {
              key: "due",
              label: t("confirmation.applicationDueOn"),
              children: formatDate(view.applicationDueOn),
            },
            ...(view.acceptanceDueOn
              ? [
                  {
                    key: "accept",
                    label: t("confirmation.acceptanceDueOn"),
                    children: formatDate(view.acceptanceDueOn),
                  },
                ]
              : []),
            ...(view.caseNumber
              ? [
                  {
                    key: "number",
                    label: t("confirmation.caseNumber"),
                    children: (
                      <span className="nc-code" data-testid="confirmation-case-number">
                        {view.caseNumber}
                      </span>
                    ),
                  },
                ]
              : []),
            ...(view.judgeName
              ? [{ key: "judge", label: t("confirmation.judge"), children: view.judgeName }]
              : []),
            ...(view.decisionDueOn
              ? [
                  {
                    key: "decide",
                    label: t("confirmation.decisionDueOn"),
                    children: formatDate(view.decisionDueOn),
                  },
                ]
              : []),
            { key: "fee", label: "", children: t("confirmation.fee") },
          ]}
        />
      </Card>
      {agreement ? (
        <Card className="nc-block" title={<h2 className="nc-card-title">{t("agreement.title")}</h2>}>
          <IssueLinks document={agreement} label={t("agreement.title")} />
        </Card>
      ) : null}
      {view.refusal ? (
        <Alert
          className="nc-block"
          type="error"
          showIcon
          title={t("confirmation.refusal")}
          description={
            <ul>
              {view.refusal.grounds.map((g) => (
                <li key={g.code}>{groundText(g)}</li>
              ))}
              {view.refusal.reason ? <li>{view.refusal.reason}</li> : null}
            </ul>
          }
        />
      ) : null}
      {view.decision ? (
        <Alert
          className="nc-block"
          type={view.decision.decision === "confirm" ? "success" : "warning"}
          showIcon
          data-testid="confirmation-decision"
          title={t(`confirmation.decided_${view.decision.decision}`)}
          description={
            <>
              {view.decision.grounds.map((g) => (
                <div key={g.code}>{groundText(g)}</div>
              ))}
              {view.decision.reasons ? (
                <div style={{ whiteSpace: "pre-wrap" }}>{view.decision.reasons}</div>
              ) : null}
              {ruling ? (
                <div data-testid="confirmation-ruling">
                  <strong>{t("confirmation.ruling")}</strong>
                  <IssueLinks document={ruling} label={t("confirmation.ruling")} />
                </div>
              ) : null}
            </>
          }
        />
      ) : null}
      {view.acceptanceOverdue || view.decisionOverdue ? (
        <Alert
          className="nc-block"
          type="error"
          showIcon
          data-testid="confirmation-overdue"
          title={t(
            view.acceptanceOverdue ? "confirmation.acceptanceOverdue" : "confirmation.decisionOverdue",
          )}
        />
      ) : null}
      {view.withdrawal ? (
        <Alert
          className="nc-block"
          type="info"
          showIcon
          data-testid="confirmation-withdrawal"
          title={t("confirmation.withdrawal")}
          description={
            <>
              <div>
                {t("confirmation.withdrawnBy", {
                  names: view.withdrawal.partyNames.join(currentLocale() === "en" ? ", " : "、"),
                  date: formatDateTime(view.withdrawal.withdrawnAt),
                })}
              </div>
              {view.withdrawal.reason ? (
                <div style={{ whiteSpace: "pre-wrap" }}>{view.withdrawal.reason}</div>
              ) : null}
              {withdrawalRuling ? (
                <div>
                  <strong>{t("confirmation.withdrawalRuling")}</strong>
                  <IssueLinks document={withdrawalRuling} label={t("confirmation.withdrawalRuling")} />
                </div>
              ) : null}
            </>
          }
        />
      ) : null}
      {view.status === "accepted" && !has("decide") ? (
        <Alert
          className="nc-block"
          type="info"
          showIcon
          title={t("confirmation.awaitingRuling", { date: formatDate(view.decisionDueOn) })}
        />
      ) : null}
      {view.status === "awaiting_parties" ? (
        <Alert
          className="nc-block"
          type="info"
          showIcon
          title={t("confirmation.awaitingParties", { date: formatDate(view.applicationDueOn) })}
        />
      ) : null}
      <Space wrap className="nc-block">
        {has("accept") ? (
          <Popconfirm
            title={t("confirmation.acceptConfirm")}
            okText={t("confirmation.accept")}
            cancelText={t("forms.cancel")}
            onConfirm={() =>
              void run("accept", () => mediationApi.acceptConfirmation(view.id), t("confirmation.accepted"))
            }
          >
            <Button type="primary" loading={busy === "accept"}>
              {t("confirmation.accept")}
            </Button>
          </Popconfirm>
        ) : null}
        {has("refuse") ? (
          <Button danger onClick={() => setDialog("refuse")}>
            {t("confirmation.refuse")}
          </Button>
        ) : null}
        {has("decide") ? (
          <Button type="primary" onClick={() => setDialog("decide")}>
            {t("confirmation.decide")}
          </Button>
        ) : null}
        <LinkButton to="/court/confirmations">{t("confirmation.back")}</LinkButton>
      </Space>
      <RefuseModal view={view} open={dialog === "refuse"} onClose={() => setDialog(null)} onDone={done} />
      <DecideModal view={view} open={dialog === "decide"} onClose={() => setDialog(null)} onDone={done} />
    </Page>
  );
}
