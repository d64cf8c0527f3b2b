import { UploadOutlined } from "@ant-design/icons";
import { Flex, Form, InputNumber, Select, Typography } from "antd";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { attachmentCategories, filingsApi, type Attachment, type AttachmentCategory } from "../filing.api";

export interface AttachmentUploadProps {
  caseId: string;
  onUploaded: (attachment: Attachment) => void;
}

/**
 * Uploads one file to the complaint with its category and, optionally, the evidence-ledger deposit
 * number it should match. A labelled native file input keeps it usable by keyboard and screen reader.
 */
export function AttachmentUpload({ caseId, onUploaded }: AttachmentUploadProps) {
  const { t } = useTranslation("filing");
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [category, setCategory] = useState<AttachmentCategory>("evidence");
  const [ledgerIndex, setLedgerIndex] = useState<number | null>(null);
  const [state, setState] = useState<{ isUploading: boolean; error: unknown; last: string | null }>({
    isUploading: false,
    error: null,
    last: null,
  });

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setState({ isUploading: true, error: null, last: null });
    try {
      const attachment = await filingsApi.upload(caseId, category, file, ledgerIndex);
      setState({ isUploading: false, error: null, last: attachment.fileName });
      setLedgerIndex(null);
      onUploaded(attachment);
    } catch (error) {
      setState({ isUploading: false, error, last: null });
    } finally {
      if (input.current) input.current.value = "";
    }
  };

  return (
    <div className="nc-attachment-upload">
      <Flex gap="middle" wrap>
        <Form.Item
          label={t("wizard.attachments.category")}
          htmlFor={`${inputId}-category`}
          style={{ minWidth: 180 }}
        >
          <Select<AttachmentCategory>
            id={`${inputId}-category`}
            value={category}
            onChange={setCategory}
            options={attachmentCategories.map((value) => ({
              value,
              label: t(`wizard.attachments.categories.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t("wizard.attachments.ledgerIndex")}
          htmlFor={`${inputId}-ledger`}
          tooltip={t("wizard.attachments.ledgerIndexHelp")}
          style={{ minWidth: 200 }}
        >
          <InputNumber<number>
            id={`${inputId}-ledger`}
            min={0}
            precision={0}
            inputMode="numeric"
            value={ledgerIndex}
            onChange={(value) => setLedgerIndex(typeof value === "number" ? value : null)}
            style={{ width: "100%" }}
          />
        </Form.Item>
      </Flex>
      <Flex gap="small" align="center" wrap>
        <input
          ref={input}
          id={inputId}
          type="file"
          className="nc-visually-hidden"
          aria-labelledby={`${inputId}-button`}
          disabled={state.isUploading}
          onChange={(event) => void upload(event.target.files?.[0])}
          data-testid="attachment-input"
        />
        <label htmlFor={inputId} id={`${inputId}-button`} className="nc-file-button">
          <UploadOutlined aria-hidden /> {t("wizard.attachments.choose")}
        </label>
        <span aria-live="polite">
          {state.isUploading ? (
            <Typography.Text type="secondary">{t("wizard.saving")}</Typography.Text>
          ) : null}
          {state.last ? (
            <Typography.Text type="success">
              {t("wizard.attachments.uploaded", { name: state.last })}
            </Typography.Text>
          ) : null}
        </span>
      </Flex>
      <ErrorAlert error={state.error} />
    </div>
  );
}
