import { QuestionCircleOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

/** The technical terms of verification, each with a plain-language explanation in the catalog. */
export const ledgerTerms = [
  "fileHash",
  "leafHash",
  "commitment",
  "checkpoint",
  "witness",
  "quorum",
  "inclusionProof",
  "consistencyProof",
] as const;
export type LedgerTerm = (typeof ledgerTerms)[number];

/** A "?" after a term: its explanation on hover, focus or tap. */
export function TermHelp({ term }: { term: LedgerTerm }) {
  const { t } = useTranslation("ledger");
  return (
    <Tooltip title={t(`glossary.${term}.text`)} trigger={["hover", "focus", "click"]}>
      <Button
        type="text"
        size="small"
        className="nc-term-help"
        icon={<QuestionCircleOutlined aria-hidden />}
        aria-label={t("verify.termHelp", { term: t(`glossary.${term}.term`) })}
      />
    </Tooltip>
  );
}

/** Every term with its explanation, as a definition list. */
export function Glossary() {
  const { t } = useTranslation("ledger");
  return (
    <dl className="nc-ledger-glossary">
      {ledgerTerms.map((term) => (
        <div key={term}>
          <dt>{t(`glossary.${term}.term`)}</dt>
          <dd>{t(`glossary.${term}.text`)}</dd>
        </div>
      ))}
    </dl>
  );
}
