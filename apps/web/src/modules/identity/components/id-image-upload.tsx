import { CheckCircleFilled, UploadOutlined } from "@ant-design/icons";
import { Space, Typography } from "antd";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { identityApi, type DocumentSide } from "../identity.api";

export interface UploadedImage {
  sha256: string;
}

export interface IdImageUploadProps {
  side: DocumentSide;
  label: string;
  onUploaded: (image: UploadedImage | null) => void;
}

const ACCEPT = "image/jpeg,image/png,image/webp";

/**
 * One side of an identity document: choose a photo, see it, and upload it at once so the request
 * only carries its SHA-256. A labelled native file input keeps it usable by keyboard and screen reader.
 */
export function IdImageUpload({ side, label, onUploaded }: IdImageUploadProps) {
  const { t } = useTranslation("identity");
  const inputId = useId();
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [state, setState] = useState<"empty" | "uploading" | "uploaded" | "failed">("empty");
  const [error, setError] = useState<unknown>(null);

  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setPreviewUrl(URL.createObjectURL(file));
    setState("uploading");
    setError(null);
    onUploaded(null);
    try {
      const { sha256 } = await identityApi.uploadVerificationFile(side, file);
      setState("uploaded");
      onUploaded({ sha256 });
    } catch (failure) {
      setState("failed");
      setError(failure);
    }
  };

  return (
    <div className="nc-id-upload">
      <div id={`${inputId}-title`} className="nc-id-upload-label">
        {label}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t("verification.imageHelp")}
      </Typography.Paragraph>
      <Space wrap align="center">
        {/* The native input keeps the keyboard and screen-reader behaviour; its label looks like a button. */}
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          className="nc-visually-hidden"
          aria-labelledby={`${inputId}-title ${inputId}-button`}
          onChange={(event) => void choose(event.target.files?.[0])}
          data-side={side}
        />
        <label htmlFor={inputId} id={`${inputId}-button`} className="nc-file-button">
          <UploadOutlined aria-hidden />{" "}
          {state === "empty" ? t("verification.choose") : t("verification.replace")}
        </label>
        <span aria-live="polite">
          {state === "uploading" ? t("verification.uploading") : null}
          {state === "uploaded" ? (
            <Typography.Text type="success">
              <CheckCircleFilled aria-hidden /> {t("verification.uploaded")}
            </Typography.Text>
          ) : null}
        </span>
      </Space>
      {previewUrl ? (
        <div style={{ marginTop: 8 }}>
          <img src={previewUrl} alt={t("verification.preview", { side: label })} className="nc-id-image" />
        </div>
      ) : null}
      <div style={{ marginTop: 8 }}>
        <ErrorAlert error={error} />
      </div>
    </div>
  );
}
