import { Alert, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../../components/link-button";
import { useApiQuery } from "../../../platform/use-api";
import { formatDate } from "../../cases/cases.format";
import { mediationApi } from "../mediation.api";
import { hintDate } from "../mediation.format";
import { useAct } from "../../../platform/use-act";

/**
 * On a case page: the case's pre-litigation mediation, if any. The court's offer of mediation on a
 * submitted filing shows here with the filer's consent / decline (在线调解规则第四条、第七条).
 */
export function CaseMediationPanel({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const { t } = useTranslation("mediation");
  const list = useApiQuery((signal) => mediationApi.list(signal), [caseId]);
  const mediation = list.data?.items.find((item) => item.caseId === caseId);
  const view = useApiQuery(
    (signal) => (mediation ? mediationApi.get(mediation.id, signal) : Promise.resolve(null)),
    [mediation?.id, mediation?.status],
  );
  const done = () => {
    list.reload();
    onChanged?.();
  };
  const { run, busy } = useAct(done);
  if (!mediation) return null;
  const actions = view.data?.actions ?? [];
  return (
    <Alert
      className="nc-block"
      type={mediation.status === "offered" ? "info" : "success"}
      showIcon
      data-testid="case-mediation"
      title={`${t("labelled", { label: t("workspace.title") })}${t(`status.${mediation.status}`)}`}
      description={
        <>
          {view.data ? (
            <div>{t(`workspace.hints.${view.data.status}`, { date: formatDate(hintDate(view.data)) })}</div>
          ) : null}
          <Space wrap style={{ marginTop: 8 }}>
            {actions.includes("consent_to_offer") ? (
              <Button
                type="primary"
                loading={busy === "consent"}
                onClick={() =>
                  void run("consent", () => mediationApi.answerOffer(caseId, "consent"), t("actions.done"))
                }
              >
                {t("actions.consentToOffer")}
              </Button>
            ) : null}
            {actions.includes("decline_offer") ? (
              <Button
                loading={busy === "decline"}
                onClick={() =>
                  void run("decline", () => mediationApi.answerOffer(caseId, "decline"), t("actions.done"))
                }
              >
                {t("actions.declineOffer")}
              </Button>
            ) : null}
            <LinkButton to={`/mediations/${mediation.id}`}>{t("list.open")}</LinkButton>
          </Space>
        </>
      }
    />
  );
}
