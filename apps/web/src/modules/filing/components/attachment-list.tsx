import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from "@ant-design/icons";
import { Button, Empty, List, Popconfirm, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatBytes, formatDateTime } from "../../cases/cases.format";
import type { Attachment } from "../filing.api";
import { LedgerVerificationTag } from "./ledger-verification-tag";

export interface AttachmentListProps {
  attachments: Attachment[];
  /** Offers removal (while the complaint may be edited). */
  onRemove?: (attachment: Attachment) => void;
  removingId?: string | null;
}

/** The complaint's files: name, category, size, the ledger check, download and (in a draft) removal. */
export function AttachmentList({ attachments, onRemove, removingId }: AttachmentListProps) {
  const { t } = useTranslation("filing");
  return (
    <List<Attachment>
      className="nc-attachment-list"
      dataSource={attachments}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("wizard.attachments.empty")} />,
      }}
      renderItem={(attachment) => (
        <List.Item
          data-testid="attachment"
          actions={[
            <Button
              key="download"
              size="small"
              type="link"
              href={attachment.url}
              icon={<DownloadOutlined aria-hidden />}
              aria-label={`${t("wizard.attachments.download")}: ${attachment.fileName}`}
            >
              {t("wizard.attachments.download")}
            </Button>,
            ...(onRemove
              ? [
                  <Popconfirm
                    key="remove"
                    title={t("wizard.attachments.removeConfirm", { name: attachment.fileName })}
                    onConfirm={() => onRemove(attachment)}
                  >
                    <Button
                      size="small"
                      type="link"
                      danger
                      loading={removingId === attachment.id}
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={`${t("wizard.attachments.remove")}: ${attachment.fileName}`}
                    />
                  </Popconfirm>,
                ]
              : []),
          ]}
        >
          <List.Item.Meta
            avatar={<PaperClipOutlined aria-hidden />}
            title={<span className="nc-break">{attachment.fileName}</span>}
            description={
              <Space size={[4, 4]} wrap>
                <Tag>{t(`wizard.attachments.categories.${attachment.category}`)}</Tag>
                <LedgerVerificationTag verification={attachment.ledgerVerification} />
                <Typography.Text type="secondary">
                  {formatBytes(attachment.size)} · {formatDateTime(attachment.uploadedAt)}
                </Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
