import { Button, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { mediationApi, type ConfirmationView } from "../mediation.api";
import { useAct } from "../../../platform/use-act";

/**
 * An applicant withdraws the application for judicial confirmation before the ruling (民诉法解释
 * 第三百五十七条): a button, then a dialog that says what follows — once accepted, a ruling allowing it
 * served on every party — with an optional reason.
 */
export function WithdrawConfirmationButton({
  confirmation,
  onDone,
}: {
  confirmation: ConfirmationView;
  onDone: () => void;
}) {
  const { t } = useTranslation("mediation");
  const { run, busy } = useAct(onDone);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const submit = async (values: { reason?: string }) => {
    const reason = (values.reason ?? "").trim();
    const done = await run(
      "withdraw",
      () => mediationApi.withdrawConfirmation(confirmation.id, { reason: reason === "" ? null : reason }),
      t("confirmation.withdrawn"),
    );
    if (done) setOpen(false);
  };
  return (
    <>
      <Button
        danger
        style={{ marginTop: 8 }}
        onClick={() => setOpen(true)}
        data-testid="withdraw-confirmation"
      >
        {t("confirmation.withdraw")}
      </Button>
      <Modal
        open={open}
        title={t("confirmation.withdrawTitle")}
        okText={t("confirmation.withdrawOk")}
        okButtonProps={{ danger: true }}
        cancelText={t("forms.cancel")}
        confirmLoading={busy === "withdraw"}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {confirmation.status === "accepted"
            ? t("confirmation.withdrawTextAccepted")
            : t("confirmation.withdrawText")}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="reason" label={t("confirmation.withdrawReason")}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
