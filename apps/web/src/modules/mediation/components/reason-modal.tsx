import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";

/** Asks for a reason (required unless `isOptional`) before an act that ends or declines something. */
export function ReasonModal({
  open,
  title,
  isOptional = false,
  confirmLoading,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  isOptional?: boolean;
  confirmLoading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation("mediation");
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t("forms.submit")}
      cancelText={t("forms.cancel")}
      confirmLoading={confirmLoading}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => onSubmit((values.reason ?? "").trim())}>
        <Form.Item
          name="reason"
          label={t("forms.reason")}
          rules={isOptional ? [] : [{ required: true, whitespace: true, message: t("forms.reason") }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
