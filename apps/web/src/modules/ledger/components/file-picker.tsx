import { InboxOutlined } from "@ant-design/icons";
import { Typography, Upload } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatBytes } from "../../cases/cases.format";

export interface FilePickerProps {
  label: string;
  help: string;
  file: File | null;
  onChange: (file: File) => void;
}

/**
 * A local file chooser and drop zone (Ant Design's Dragger): the file stays in the browser. The zone
 * is a button reached by Tab and opened with Enter or Space; the hidden input is labelled for
 * assistive tech.
 */
export function FilePicker({ label, help, file, onChange }: FilePickerProps) {
  const { t } = useTranslation("ledger");
  const id = useId();
  return (
    <div
      className="nc-ledger-file"
      onKeyDown={(event) => {
        // A button opens on Space as well as Enter (the Dragger itself only listens for Enter).
        const target = event.target as HTMLElement;
        if (event.key !== " " || target.getAttribute("role") !== "button") return;
        event.preventDefault();
        target.click();
      }}
    >
      <Upload.Dragger
        id={`${id}-input`}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-help ${id}-chosen`}
        multiple={false}
        showUploadList={false}
        beforeUpload={(chosen) => {
          onChange(chosen);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon" aria-hidden>
          <InboxOutlined />
        </p>
        <p className="ant-upload-text" id={`${id}-label`}>
          {label}
        </p>
        <p className="ant-upload-hint" id={`${id}-help`}>
          {help}
        </p>
        <p className="ant-upload-hint nc-ledger-file-action">
          {file ? t("verify.replace") : t("verify.dropHere")}
        </p>
      </Upload.Dragger>
      <div id={`${id}-chosen`} aria-live="polite" className="nc-ledger-file-chosen">
        {file ? (
          <Typography.Text>
            {t("verify.chosen", { name: file.name, size: formatBytes(file.size) })}
          </Typography.Text>
        ) : null}
      </div>
    </div>
  );
}
