import { DeleteOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Space, Typography } from "antd";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useSubmit } from "../../../platform/use-api";
import type { CaseDetail } from "../cases.api";
import { formatYuan } from "../cases.format";
import { defendantApi, type AnswerDraft, type AnswerPosition, type DefenceAnswer } from "../defendant.api";

const positions: readonly AnswerPosition[] = ["admit", "contest", "partly"];

interface EvidenceRow {
  name: string;
  source: string;
  purpose: string;
  attachmentId: string | null;
  fileName?: string | null;
}

interface AnswerValues {
  responses: Array<{ position: AnswerPosition; text: string }>;
  factsAndReasons: string;
  evidence: EvidenceRow[];
}

/** Uploads one file for an evidence row and keeps its id in the form. */
function EvidenceFile({
  caseId,
  value,
  fileName,
  onUploaded,
  label,
}: {
  caseId: string;
  value: string | null;
  fileName: string | null;
  onUploaded: (id: string, fileName: string) => void;
  label: string;
}) {
  const { t } = useTranslation("cases");
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ isUploading: boolean; error: unknown }>({
    isUploading: false,
    error: null,
  });
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setState({ isUploading: true, error: null });
    try {
      const attached = await defendantApi.attach(caseId, file);
      onUploaded(attached.id, attached.fileName);
      setState({ isUploading: false, error: null });
    } catch (error) {
      setState({ isUploading: false, error });
    } finally {
      if (input.current) input.current.value = "";
    }
  };
  return (
    <div>
      <Flex gap="small" align="center" wrap>
        <input
          id={inputId}
          ref={input}
          type="file"
          aria-label={label}
          className="nc-visually-hidden"
          onChange={(event) => void upload(event.target.files?.[0])}
          disabled={state.isUploading}
          data-testid="evidence-input"
        />
        <label htmlFor={inputId} className="nc-file-button">
          <UploadOutlined aria-hidden />{" "}
          {value ? t("defence.answer.replaceFile") : t("defence.answer.attachFile")}
        </label>
        {state.isUploading ? <span className="nc-muted">{t("defence.answer.uploading")}</span> : null}
        {value ? (
          <Typography.Text type="success" data-testid="evidence-file">
            {fileName ?? t("defence.answer.fileAttached")}
          </Typography.Text>
        ) : null}
      </Flex>
      <ErrorAlert error={state.error} />
    </div>
  );
}

/**
 * The defendant's answer (民事答辩状): a response to each claim of the complaint, facts and reasons and
 * an evidence list with files. Saved as a draft, then filed after a confirmation.
 */
export function AnswerForm({
  detail,
  draft,
  onChanged,
}: {
  detail: CaseDetail;
  draft: DefenceAnswer | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation("cases");
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const claims = [...detail.claims].sort((a, b) => a.position - b.position);

  const toDraft = (values: AnswerValues): AnswerDraft => ({
    responses: claims.map((claim, index) => ({
      claimPosition: claim.position,
      position: values.responses?.[index]?.position ?? "contest",
      text: values.responses?.[index]?.text ?? "",
    })),
    factsAndReasons: values.factsAndReasons ?? "",
    evidence: (values.evidence ?? []).map((row) => ({
      name: row.name,
      source: row.source,
      purpose: row.purpose,
      attachmentId: row.attachmentId ?? null,
    })),
  });

  const save = useSubmit(async (values: AnswerValues) => {
    await defendantApi.saveAnswer(detail.id, toDraft(values));
    void message.success(t("defence.answer.saved"));
  }, form);
  const file = useSubmit(async (values: AnswerValues) => {
    await defendantApi.saveAnswer(detail.id, toDraft(values));
    await defendantApi.submitAnswer(detail.id);
    void message.success(t("defence.answer.submitted"));
    onChanged();
  }, form);

  // A form with problems shows them on its fields and sends nothing.
  const validated = (action: (values: AnswerValues) => Promise<unknown>) =>
    form.validateFields().then(action, () => undefined);

  const initial: AnswerValues = {
    responses: claims.map((claim) => {
      const saved = draft?.responses.find((r) => r.claimPosition === claim.position);
      return { position: saved?.position ?? "contest", text: saved?.text ?? "" };
    }),
    factsAndReasons: draft?.factsAndReasons ?? "",
    evidence: (draft?.evidence ?? []).map((row) => ({ ...row, fileName: null })),
  };

  return (
    <Card size="small" title={<h3 className="nc-card-title">{t("defence.answer.title")}</h3>}>
      <Typography.Paragraph className="nc-muted">{t("defence.answer.intro")}</Typography.Paragraph>
      <ErrorAlert error={save.error ?? file.error} details={[...save.otherDetails, ...file.otherDetails]} />
      <Form form={form} layout="vertical" initialValues={initial} data-testid="answer-form">
        <h4 className="nc-section-title">{t("defence.answer.responses")}</h4>
        {claims.map((claim, index) => (
          <Card size="small" className="nc-block" key={claim.position}>
            <Typography.Paragraph>
              <strong>{t("defence.answer.claimN", { n: index + 1 })}</strong> {claim.text}
              {claim.amount !== null ? (
                <span className="nc-muted">（{t("detail.yuan", { amount: formatYuan(claim.amount) })}）</span>
              ) : null}
            </Typography.Paragraph>
            <Form.Item
              name={["responses", index, "position"]}
              label={t("defence.answer.position")}
              rules={[{ required: true }]}
            >
              <Select<AnswerPosition>
                options={positions.map((value) => ({ value, label: t(`defence.positions.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name={["responses", index, "text"]} label={t("defence.answer.responseText")}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          </Card>
        ))}
        <Form.Item
          name="factsAndReasons"
          label={t("defence.answer.facts")}
          rules={[{ required: true, whitespace: true, message: t("defence.answer.factsRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
        </Form.Item>
        <h4 className="nc-section-title">{t("defence.answer.evidence")}</h4>
        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  size="small"
                  className="nc-block"
                  key={field.key}
                  title={t("defence.answer.evidenceN", { n: index + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={t("defence.answer.removeEvidence", { n: index + 1 })}
                    />
                  }
                >
                  <Form.Item
                    name={[field.name, "name"]}
                    label={t("defence.answer.evidenceName")}
                    rules={[{ required: true, whitespace: true, message: t("defence.required") }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "source"]}
                    label={t("defence.answer.evidenceSource")}
                    rules={[{ required: true, whitespace: true, message: t("defence.required") }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "purpose"]}
                    label={t("defence.answer.evidencePurpose")}
                    rules={[{ required: true, whitespace: true, message: t("defence.required") }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
                  </Form.Item>
                  <Form.Item name={[field.name, "attachmentId"]} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => (
                      <EvidenceFile
                        caseId={detail.id}
                        label={t("defence.answer.fileFor", { n: index + 1 })}
                        value={
                          (form.getFieldValue(["evidence", field.name, "attachmentId"]) as string | null) ??
                          null
                        }
                        fileName={
                          (form.getFieldValue(["evidence", field.name, "fileName"]) as string | null) ?? null
                        }
                        onUploaded={(id, name) => {
                          form.setFieldValue(["evidence", field.name, "attachmentId"], id);
                          form.setFieldValue(["evidence", field.name, "fileName"], name);
                        }}
                      />
                    )}
                  </Form.Item>
                </Card>
              ))}
              <div className="nc-block">
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ name: "", source: "", purpose: "", attachmentId: null })}
                >
                  {t("defence.answer.addEvidence")}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Space wrap>
          <Button onClick={() => void validated(save.submit)} loading={save.isSubmitting}>
            {t("defence.answer.saveDraft")}
          </Button>
          <Popconfirm
            title={t("defence.answer.submitConfirm")}
            description={t("defence.answer.submitConfirmHelp")}
            okText={t("defence.answer.submit")}
            cancelText={t("defence.cancel")}
            onConfirm={() => void validated(file.submit)}
          >
            <Button type="primary" loading={file.isSubmitting}>
              {t("defence.answer.submit")}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
