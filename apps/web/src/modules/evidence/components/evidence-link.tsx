import { FileSearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../../components/link-button";

/** Where evidence is exchanged: after registration and up to the judgment. */
const evidenceStatuses = new Set(["accepted", "service", "evidence_exchange", "hearing", "judgment"]);

/** The way to a case's evidence exchange, shown once the case is registered. */
export function EvidenceLink({
  caseId,
  status,
  staff = false,
}: {
  caseId: string;
  status: string;
  staff?: boolean;
}) {
  const { t } = useTranslation("evidence");
  if (!evidenceStatuses.has(status)) return null;
  return (
    <LinkButton
      icon={<FileSearchOutlined aria-hidden />}
      to={staff ? `/court/cases/${caseId}/evidence` : `/cases/${caseId}/evidence`}
    >
      {t("link")}
    </LinkButton>
  );
}
