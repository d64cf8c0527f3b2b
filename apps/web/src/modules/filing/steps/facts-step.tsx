import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";

/** Step 3: the facts and reasons (民事诉讼法第一百二十四条第三项). */
export function FactsStep() {
  const { t } = useTranslation("filing");
  return (
    <Form.Item name="factsAndReasons" label={t("wizard.facts.label")} extra={t("wizard.facts.help")}>
      <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} maxLength={50_000} showCount />
    </Form.Item>
  );
}
