import { FACTS_MAX_LENGTH } from "@netcourt/shared/filing-checks";
import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { optionalFactsRule } from "../filing.validators";

/** Step 3: the facts and reasons (民事诉讼法第一百二十四条第三项). */
export function FactsStep() {
  const { t } = useTranslation("filing");
  return (
    <Form.Item
      name="factsAndReasons"
      label={t("wizard.facts.label")}
      extra={t("wizard.facts.help")}
      rules={[optionalFactsRule]}
    >
      <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} maxLength={FACTS_MAX_LENGTH} showCount />
    </Form.Item>
  );
}
