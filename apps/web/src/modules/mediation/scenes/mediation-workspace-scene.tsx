import { Alert, Card, Col, Descriptions, Grid, Row, Space, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { isApiError } from "../../../platform/api-client";
import { currentLocale, i18next } from "../../../platform/i18n";
import { useApiQuery } from "../../../platform/use-api";
import { formatDate, formatDateTime, formatYuan } from "../../cases/cases.format";
import { AgreementPanel } from "../components/agreement-panel";
import { StatusActions } from "../components/status-actions";
import { Documents, Extensions, Offers, Sessions, Thread } from "../components/workspace-sections";
import { mediationApi, type MediationView } from "../mediation.api";
import { statusColor } from "../mediation.format";
import "../../filing/filing.css";
import "../mediation.css";

/** Statuses from which an agreement exists or may be drafted. */
const agreementStatuses = new Set([
  "in_progress",
  "agreement_drafted",
  "agreed",
  "confirmation_applied",
  "confirmed",
  "confirmation_dismissed",
]);

function Overview({ view }: { view: MediationView }) {
  const { t } = useTranslation("mediation");
  const date = (key: string, label: string, value: string | null, withTime = false) =>
    value ? [{ key, label, children: withTime ? formatDateTime(value) : formatDate(value) }] : [];
  return (
    <Card className="nc-block" title={<h2 className="nc-card-title">{t("workspace.status")}</h2>}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: "status",
            label: t("workspace.status"),
            children: (
              <Tag color={statusColor(view.status)} data-testid="mediation-status">
                {t(`status.${view.status}`)}
              </Tag>
            ),
          },
          { key: "origin", label: t("workspace.origin"), children: t(`origin.${view.origin}`) },
          {
            key: "mediator",
            label: t("workspace.mediator"),
            children: view.mediator ? (
              <span data-testid="mediation-mediator">
                {view.mediator.name}
                {view.mediator.organisation ? `（${view.mediator.organisation}）` : ""}
                {view.mediatorChosenBy ? (
                  <Typography.Text type="secondary">
                    {" "}
                    · {t(`workspace.chosenBy.${view.mediatorChosenBy}`)}
                  </Typography.Text>
                ) : null}
              </span>
            ) : (
              t("workspace.noMediator")
            ),
          },
          ...date("applied", t("workspace.appliedAt"), view.appliedAt, true),
          ...(view.status === "awaiting_mediator" && view.appointmentDueOn
            ? [
                {
                  key: "appoint",
                  label: t("workspace.appointmentDueOn"),
                  children: (
                    <Space wrap size={4}>
                      <span>{formatDate(view.appointmentDueOn)}</span>
                      {view.appointmentOverdue ? (
                        <Tag color="error" data-testid="appointment-overdue">
                          {t("workspace.appointmentOverdue")}
                        </Tag>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(view.status === "awaiting_acceptance"
            ? date("acceptance", t("workspace.acceptanceDueOn"), view.acceptanceDueOn)
            : []),
          ...date("accepted", t("workspace.acceptedAt"), view.acceptedAt, true),
          ...(view.periodEndsOn
            ? [
                {
                  key: "period",
                  label: t("workspace.periodEndsOn"),
                  children: <strong data-testid="mediation-period">{formatDate(view.periodEndsOn)}</strong>,
                },
              ]
            : []),
          ...date("ended", t("workspace.endedAt"), view.endedAt, true),
        ]}
      />
    </Card>
  );
}

function Parties({ view }: { view: MediationView }) {
  const { t } = useTranslation("mediation");
  const isPhone = Grid.useBreakpoint().md === false;
  return (
    <Card className="nc-block" title={<h2 className="nc-card-title">{t("workspace.parties")}</h2>}>
      <Row gutter={[12, 12]}>
        {view.parties.map((party) => (
          <Col xs={24} md={12} key={party.id}>
            <Card
              size="small"
              title={
                <Space wrap>
                  <span>{t(`role.${party.role}`)}</span>
                  <strong>{party.name}</strong>
                </Space>
              }
            >
              <Descriptions
                size="small"
                column={1}
                layout={isPhone ? "vertical" : "horizontal"}
                className="nc-mediation-wrap"
                items={[
                  ...(party.consent
                    ? [
                        {
                          key: "consent",
                          label: t("workspace.consent"),
                          children: (
                            <Tag
                              color={
                                party.consent === "agreed"
                                  ? "success"
                                  : party.consent === "refused"
                                    ? "error"
                                    : "default"
                              }
                              data-testid={`consent-${party.role}`}
                            >
                              {t(`consent.${party.consent}`)}
                            </Tag>
                          ),
                        },
                      ]
                    : []),
                  ...(party.idNumber
                    ? [
                        {
                          key: "id",
                          label: t("workspace.idNumber"),
                          children: <span className="nc-code">{party.idNumber}</span>,
                        },
                      ]
                    : []),
                  ...(party.phone
                    ? [{ key: "phone", label: t("workspace.phone"), children: party.phone }]
                    : []),
                  ...(party.address
                    ? [{ key: "address", label: t("workspace.address"), children: party.address }]
                    : []),
                  ...(!party.hasAccount
                    ? [
                        {
                          key: "account",
                          label: "",
                          children: (
                            <Typography.Text type="secondary">{t("workspace.noAccount")}</Typography.Text>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function Dispute({ view }: { view: MediationView }) {
  const { t } = useTranslation("mediation");
  const cause = currentLocale() === "en" ? view.dispute.causeNameEn : view.dispute.causeNameZh;
  return (
    <Card
      className="nc-block"
      title={<h2 className="nc-card-title">{t("workspace.summary")}</h2>}
      extra={
        <LinkButton type="link" size="small" to={`/cases/${view.caseId}`}>
          {t("workspace.caseLink")}
        </LinkButton>
      }
    >
      {cause ? (
        <Typography.Paragraph>
          <strong>{t("labelled", { label: t("workspace.cause") })}</strong>
          {cause}
        </Typography.Paragraph>
      ) : null}
      <h3 className="nc-section-title">{t("workspace.claims")}</h3>
      <ol className="nc-mediation-wrap">
        {view.dispute.claims.map((claim, index) => (
          <li key={index}>
            {claim.text}
            {claim.amount !== null ? (
              <span className="nc-muted">（{t("offers.yuan", { amount: formatYuan(claim.amount) })}）</span>
            ) : null}
          </li>
        ))}
      </ol>
      <h3 className="nc-section-title">{t("workspace.facts")}</h3>
      <Typography.Paragraph className="nc-mediation-wrap" style={{ whiteSpace: "pre-wrap" }}>
        {view.dispute.factsAndReasons || "—"}
      </Typography.Paragraph>
    </Card>
  );
}

/**
 * The mediation workspace (`/mediations/:id`) of the parties, their agents and the mediator (court staff
 * see its course, not its content): status and period, the next step, the thread, sessions, offers,
 * materials, extensions, and the agreement with its judicial confirmation.
 */
export function MediationWorkspaceScene() {
  const { t, i18n } = useTranslation("mediation");
  const { id = "" } = useParams();
  const loaded = useApiQuery((signal) => mediationApi.get(id, signal), [id, i18n.language]);

  if (loaded.error) {
    const isNotFound =
      isApiError(loaded.error) && (loaded.error.status === 404 || loaded.error.status === 400);
    return (
      <Page title={t("workspace.title")}>
        {isNotFound ? (
          <Alert type="warning" showIcon title={t("workspace.notFound")} data-testid="mediation-not-found" />
        ) : (
          <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
        )}
        <div style={{ marginTop: 16 }}>
          <LinkButton to="/mediations">{t("workspace.back")}</LinkButton>
        </div>
      </Page>
    );
  }
  const view = loaded.data;
  if (!view) {
    return (
      <div className="nc-center" aria-busy="true">
        <Spin description={i18next.t("common:a11y.loading")} />
      </div>
    );
  }
  const isParticipant = view.myRelation !== "court_staff";
  const listPath =
    view.myRelation === "mediator" || view.myRelation === "court_staff" ? "/court/mediations" : "/mediations";
  return (
    <Page
      title={view.dispute.title ?? t("workspace.title")}
      intro={t("workspace.title")}
      extra={<Tag color={statusColor(view.status)}>{t(`status.${view.status}`)}</Tag>}
    >
      <StatusActions view={view} onDone={loaded.reload} />
      <Overview view={view} />
      {agreementStatuses.has(view.status) && (isParticipant || view.status !== "in_progress") ? (
        <AgreementPanel view={view} onChanged={loaded.reload} />
      ) : null}
      <Parties view={view} />
      <Dispute view={view} />
      {isParticipant ? (
        <>
          <Typography.Paragraph type="secondary">{t("workspace.confidential")}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Thread view={view} onDone={loaded.reload} />
            </Col>
            <Col xs={24} lg={12}>
              <Sessions view={view} onDone={loaded.reload} />
              <Offers view={view} onDone={loaded.reload} />
            </Col>
          </Row>
          <Documents view={view} onDone={loaded.reload} />
          <Extensions view={view} onDone={loaded.reload} />
        </>
      ) : (
        <Sessions view={view} onDone={loaded.reload} />
      )}
      <LinkButton to={listPath}>{t("workspace.back")}</LinkButton>
    </Page>
  );
}
