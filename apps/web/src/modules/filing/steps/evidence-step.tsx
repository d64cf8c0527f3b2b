import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Form, Input, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AttachmentList } from "../components/attachment-list";
import { AttachmentUpload } from "../components/attachment-upload";
import type { Attachment } from "../filing.api";

export interface EvidenceStepProps {
  caseId: string;
  attachments: Attachment[];
  onUploaded: (attachment: Attachment) => void;
  onRemove: (attachment: Attachment) => void;
  removingId: string | null;
}

/** Step 4: the evidence list (第一百二十四条第四项) and the files, each checked against the evidence ledger. */
export function EvidenceStep({ caseId, attachments, onUploaded, onRemove, removingId }: EvidenceStepProps) {
  const { t } = useTranslation("filing");
  return (
    <>
      <h2 className="nc-section-title">{t("wizard.attachments.title")}</h2>
      <Typography.Paragraph type="secondary">{t("wizard.attachments.intro")}</Typography.Paragraph>
      <AttachmentUpload caseId={caseId} onUploaded={onUploaded} />
      <AttachmentList attachments={attachments} onRemove={onRemove} removingId={removingId} />

      <h2 className="nc-section-title">{t("wizard.evidence.title")}</h2>
      <Form.List name="evidence">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => {
              const heading = t("wizard.evidence.heading", { n: field.name + 1 });
              return (
                <Card
                  size="small"
                  key={field.key}
                  className="nc-repeat-card"
                  title={<h3 className="nc-card-title">{heading}</h3>}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={`${t("wizard.evidence.remove")}: ${heading}`}
                    />
                  }
                >
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, "name"]}
                        label={t("wizard.evidence.name")}
                        rules={[
                          { required: true, whitespace: true, message: t("wizard.evidence.nameRequired") },
                        ]}
                      >
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "source"]} label={t("wizard.evidence.source")}>
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "purpose"]} label={t("wizard.evidence.purpose")}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "attachmentId"]} label={t("wizard.evidence.attachment")}>
                        <Select
                          allowClear
                          placeholder={t("wizard.evidence.none")}
                          options={attachments.map((attachment) => ({
                            value: attachment.id,
                            label: attachment.fileName,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              );
            })}
            <Button className="nc-add-row" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
              {t("wizard.evidence.add")}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
